import { unzipSync } from 'fflate';
import type { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleError } from '../../src/shared/bundle';
import {
  BUNDLE_FORMAT_VERSION,
  bundleRowSchema,
  FIELD_POLICY,
  fieldRule,
  FULL_LEVEL_DISCLOSURE,
  inspectBundle,
  neverFields,
  SIGNATURE_CONTEXT,
  tablesAt,
  writeSigned,
  type BundleTable,
} from '../../src/shared/bundle';
import { fromUtf8, openFromRecipient, sealToRecipient } from '../../src/shared/crypto';
import { createI18n } from '../../src/shared/i18n/setup';
import { LOCALES } from '../../src/shared/i18n/locales';
import { TABLE_SCHEMAS } from '../../src/shared/model';
import { consent, exportBundle, makeWorld, ORG_A, person, type World } from '../fixtures/bundles/world';

/** Issue 16.5: pseudonymised means no free text; full means a confirmed list and never notes. */

let world: World;
/** Free text typed at partner A that says what consent withheld. */
const PLANTED = {
  programme: 'Grupa podrške za preživjele nasilja',
  event: 'Susret preživjelih – Sigurna kuća',
  topic: 'Oporavak nakon obiteljskog nasilja',
  venue: 'Sigurna kuća Čakovec, 2. kat',
  town: 'Mala Subotica',
  sector: 'Šivanje u skloništu',
  region: 'Sklonište Međimurje',
  orgTown: 'Selo Vidovec-Sklonište',
  notice: 'OBAVIJEST-SKLONIŠTE-2026',
  funder: 'Fond za žrtve nasilja',
};

beforeAll(async () => {
  world = await makeWorld();
  const t = world.a.tables;
  t.programmes[0]!.title = PLANTED.programme;
  t.programmes[0]!.funder = PLANTED.funder;
  t.events[0]!.title = PLANTED.event;
  t.events[0]!.topic = PLANTED.topic;
  t.sessions[0]!.venue = PLANTED.venue;
  t.sessions[0]!.town = PLANTED.town;
  for (const c of t.consents) c.noticeVersion = PLANTED.notice;
  const self = t.organisations.find((o) => o.isSelf) ?? t.organisations[0]!;
  self.town = PLANTED.orgTown;
  const shared = t.people.filter((p) => t.consents.some((c) => c.personId === p.id && c.shareWithLead));
  const stamp = '2026-03-01T08:00:00.000Z';
  t.mentors.push({
    id: crypto.randomUUID(),
    orgId: ORG_A,
    createdAt: stamp,
    updatedAt: stamp,
    personId: shared[0]!.id,
    expertise: [],
    sectors: [PLANTED.sector],
    languages: ['hr'],
    region: PLANTED.region,
    remote: false,
    capacity: 2,
    active: true,
  });
  ((t as unknown as { menteeProfiles?: unknown[] }).menteeProfiles ??= []).push({
    id: crypto.randomUUID(),
    orgId: ORG_A,
    createdAt: stamp,
    updatedAt: stamp,
    personId: shared[1]!.id,
    stage: 'idea',
    sector: PLANTED.sector,
    needs: [],
    languages: ['hr'],
    region: PLANTED.region,
    remote: false,
    mentorGender: 'any',
    avoidPersonIds: [],
  });
});

async function decryptedText(bytes: Uint8Array): Promise<string> {
  const signed = await openFromRecipient(bytes, world.leadKeys, 'bundle');
  const sigLength = new DataView(signed.buffer).getUint32(8);
  return Object.values(unzipSync(signed.subarray(12 + sigLength)))
    .map((f) => fromUtf8(f))
    .join('\n');
}

type Def = {
  type: string;
  format?: string;
  checks?: Array<{ _zod: { def: { check: string; format?: string } } }>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  keyType?: z.ZodType;
};
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Paths of a schema that accept free text: plain strings without a fixed format. */
function freeText(schema: z.ZodType, path: string): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      // A fixed shape (uuid, date, a pattern such as HH:mm or a language code) is not free text.
      return def.format || def.checks?.some((c) => c._zod.def.check === 'string_format') ? [] : [path];
    case 'optional':
    case 'nullable':
    case 'default':
      return freeText(def.innerType!, path);
    case 'array':
      return freeText(def.element!, `${path}[]`);
    case 'object':
      return Object.entries(def.shape!).flatMap(([k, v]) => freeText(v, `${path}.${k}`));
    case 'union':
      return def.options!.flatMap((o) => freeText(o, path));
    case 'record':
      return [...freeText(def.keyType!, `${path}{key}`), ...freeText(def.valueType!, `${path}{}`)];
    default:
      return [];
  }
}

describe('pseudonymised exports carry no free text', () => {
  it('no field of any pseudonymised row accepts free text, but the municipality the by-municipality breakdown needs', () => {
    const found = tablesAt('pseudonymised').flatMap((t) => freeText(bundleRowSchema(t, 'pseudonymised'), t));
    expect(found).toEqual(['people.municipality']);
    // The full level, for comparison, does carry free text: the check is not vacuous.
    expect(freeText(bundleRowSchema('sessions', 'full'), 'sessions')).toContain('sessions.venue');
  });

  it('titles, topics, venues, towns, sectors, regions, funders and notice versions typed at the partner are nowhere in the bundle', async () => {
    const written = await exportBundle(world, world.a);
    const text = await decryptedText(written.bytes);
    for (const s of Object.values(PLANTED)) expect(text).not.toContain(s);
    const b = await inspectBundle(written.bytes, world.leadKeys);
    expect(b.tables.programmes![0]).not.toHaveProperty('title');
    expect(b.tables.programmes![0]).toHaveProperty('kind');
    expect(b.tables.events!.every((e) => !('title' in e) && !('topic' in e))).toBe(true);
    expect(b.tables.events!.some((e) => typeof e.number === 'number')).toBe(true); // module numbers stay
  });

  it('people carry the age band of the export day instead of the birth year', async () => {
    const b = await inspectBundle((await exportBundle(world, world.a, { today: '2026-10-01' })).bytes, world.leadKeys);
    const ana = world.a.tables.people.find((p) => p.birthYear === 1985 && p.municipality === 'Čakovec')!;
    expect(ana).toBeDefined();
    for (const p of b.tables.people!) expect(p).not.toHaveProperty('birthYear');
    expect(b.tables.people!.filter((p) => p.ageBand === '35-44').length).toBeGreaterThan(0); // born 1985: 41 in 2026
  });

  it("mentoring services travel only with the mentee's consent to special-category data, at every level", async () => {
    const w = await makeWorld();
    const t = w.a.tables;
    const stamp = '2026-03-01T08:00:00.000Z';
    const covered = person(ORG_A, { firstName: 'Ima', lastName: 'Privolu' });
    const notCovered = person(ORG_A, { firstName: 'Nema', lastName: 'Privolu' });
    t.people.push(covered, notCovered);
    t.consents.push(consent(ORG_A, covered.id), consent(ORG_A, notCovered.id, { specialCategories: false }));
    const mentor = t.mentors[0]!;
    const logs: Record<string, string> = {};
    for (const p of [covered, notCovered]) {
      const matchId = crypto.randomUUID();
      t.matches.push({
        id: matchId,
        orgId: ORG_A,
        createdAt: stamp,
        updatedAt: stamp,
        mentorId: mentor.id,
        menteeId: p.id,
        status: 'active',
        startedOn: '2026-03-01',
      });
      const logId = crypto.randomUUID();
      logs[p.id] = logId;
      t.mentoringSessions.push({
        id: logId,
        orgId: ORG_A,
        createdAt: stamp,
        updatedAt: stamp,
        matchId,
        date: '2026-03-10',
        minutes: 60,
        mode: 'inPerson',
        services: ['psychosocialSupport', 'legalAdvice'],
      });
    }
    for (const level of ['pseudonymised', 'full'] as const) {
      const b = await inspectBundle((await exportBundle(w, w.a, { privacy: level, acknowledgedRisk: true, confirmedFullList: true })).bytes, w.leadKeys);
      const log = (id: string) => b.tables.mentoringSessions!.find((s) => s.id === id)!;
      expect(log(logs[covered.id]!).services, level).toEqual(['psychosocialSupport', 'legalAdvice']);
      expect(log(logs[notCovered.id]!).services, level).toEqual([]);
      expect(log(logs[notCovered.id]!).minutes, level).toBe(60); // the session still counts
    }
  });
});

describe('the full level', () => {
  it('the list the user confirms names every field the full level sends beyond the pseudonymised one, and notes are never among them', () => {
    const listed = Object.values(FULL_LEVEL_DISCLOSURE).flat() as string[];
    const extra: string[] = [];
    for (const table of tablesAt('full')) {
      const shape = (TABLE_SCHEMAS[table] as unknown as z.ZodObject).shape;
      for (const field of Object.keys(shape)) {
        const rule = fieldRule(table, field);
        if (rule === 'drop' || (table === 'attachments' && rule !== 'never')) extra.push(`${table}.${field}`);
      }
    }
    for (const f of extra.filter(
      (f) => !['attachments.id', 'attachments.orgId', 'attachments.createdAt', 'attachments.updatedAt', 'attachments.sessionId'].includes(f),
    )) {
      expect(listed, `${f} travels at the full level but the confirmation does not say so`).toContain(f);
    }
    for (const f of listed) expect(extra, `${f} is listed but does not travel`).toContain(f);
    for (const f of neverFields()) expect(listed).not.toContain(f);
    // Confidential notes, and the logos (paperwork of half a megabyte that no indicator reads).
    expect(neverFields().sort()).toEqual([
      'matches.checks',
      'menteeProfiles.notes',
      'mentoringSessions.note',
      'organisations.logo',
      'outcomes.note',
      'people.notes',
      'programmes.funderLogos',
    ]);
    // A full bundle that carries a note anyway is refused at the lead (the row schema is strict).
    for (const t of Object.keys(FIELD_POLICY) as BundleTable[]) {
      const shape = Object.keys((bundleRowSchema(t, 'full') as z.ZodObject).shape);
      for (const f of neverFields().filter((n) => n.startsWith(`${t}.`))) expect(shape).not.toContain(f.split('.')[1]);
    }
  });

  it('every language has a line for each item of the list', () => {
    for (const locale of LOCALES) {
      const { t } = createI18n(locale);
      for (const key of Object.keys(FULL_LEVEL_DISCLOSURE)) expect(t(`exchange:export.fullList.${key}`), `${locale} ${key}`).not.toBe(`export.fullList.${key}`);
    }
  });
});

describe('bundle format versions', () => {
  /** The same export, re-signed by the partner with another format version in its manifest. */
  async function withVersion(version: number): Promise<Uint8Array> {
    const written = await exportBundle(world, world.a, { encryptToLead: false });
    const sigLength = new DataView(written.bytes.buffer, written.bytes.byteOffset).getUint32(8);
    const files = unzipSync(written.bytes.subarray(12 + sigLength));
    const manifest = JSON.parse(fromUtf8(files['manifest.json']!)) as Record<string, unknown>;
    delete files['manifest.json'];
    const signed = await writeSigned({
      context: SIGNATURE_CONTEXT,
      manifest: { ...manifest, formatVersion: version },
      files,
      signKey: world.a.keys.sign.privateKey,
      signerFingerprint: written.manifest.signer.fingerprint,
    });
    // Encrypted to the lead, as every bundle must be (unencrypted ones are refused first).
    return sealToRecipient(signed, world.leadKeys.publicKeys, 'bundle');
  }
  const refusal = async (bytes: Uint8Array) =>
    inspectBundle(bytes, world.leadKeys).then(
      () => null,
      (e: unknown) => e as BundleError,
    );

  it('the lead accepts the current version, refuses a newer one ("update Mreža") and an older one ("the partner updates and exports again")', async () => {
    expect(BUNDLE_FORMAT_VERSION).toBe(2);
    expect(await refusal(await withVersion(BUNDLE_FORMAT_VERSION))).toBeNull();
    const newer = await refusal(await withVersion(BUNDLE_FORMAT_VERSION + 1));
    expect(newer).toMatchObject({ code: 'newerFormat', params: { part: 'format', found: 3, supported: 2 } });
    const older = await refusal(await withVersion(1));
    expect(older).toMatchObject({ code: 'olderFormat', params: { found: 1, supported: 2 } });
    const { t } = createI18n('en');
    expect(t(`exchange:errors.${newer!.code}`)).toMatch(/newer version of Mreža.*update Mreža/i);
    expect(t(`exchange:errors.${older!.code}`)).toMatch(/older version of Mreža.*update Mreža and export again/i);
  });
});
