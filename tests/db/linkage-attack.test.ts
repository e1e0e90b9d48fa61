import 'fake-indexeddb/auto';
import { createHash, createHmac } from 'node:crypto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { inspectBundle, pseudoKeyInput, readKeyFile } from '@shared/bundle';
import { fromBase64 } from '@shared/crypto';
import { LAST, MEN_FIRST, WOMEN_FIRST } from '@shared/demo/names';
import { keysToConfirm } from '@shared/consolidate';
import { separateLinkageSecret } from '@shared/model';
import type { Organisation } from '@shared/model';
import type { Actor } from '../../src/renderer/src/db/actor';
import { createDb, type MrezaDb } from '../../src/renderer/src/db/db';
import { loadDemoData } from '../../src/renderer/src/db/demo';
import { createLeadProject, ensureIdentity, getJoinedProject, invitationFile, joinProject } from '../../src/renderer/src/db/exchange';
import { exportBundle } from '../../src/renderer/src/db/partnerExport';
import { commitBundleImport as commitImport, leadKeyFile, listPartners, previewBundleImport as previewImport } from '../../src/renderer/src/db/bundleImport';
import { loadPartnersDataset } from '../../src/renderer/src/db/partnersDataset';
import { getLinkageSecret, moveLinkageSecret } from '../../src/renderer/src/db/linkage';
import { createPerson } from '../../src/renderer/src/db/people';
import { setUpOrganisation } from '../../src/renderer/src/db/setup';
import { newDbName, unlocked } from '../fixtures/testDb';

/**
 * Issue 16.2: the lead's consolidation side cannot compute or confirm a person's key. The attack
 * is the one that re-identified 99.7 % of the lead's rows: take every candidate key the attacker
 * can find in what consolidation holds, guess names from the list the demo data is drawn from (a
 * best case for the attacker), add the birth years and municipality the rows allow, and compare
 * HMACs with the rows' pseudoKeys.
 */

interface Side {
  db: MrezaDb;
  org: Organisation;
  actor: Actor;
}

const PASS = 'kukuruz-i-sunce-2026';
const tick = () => new Promise((r) => setTimeout(r, 5));

async function side(name: string, role: 'lead' | 'partner'): Promise<Side> {
  const db = createDb(newDbName());
  await db.open();
  await unlocked(db);
  const { org, user } = await setUpOrganisation(db, { name, country: 'HR', town: 'Čakovec', role, language: 'hr', userName: 'Marija Horvat' });
  return { db, org, actor: { userId: user.id, userName: user.name, role: user.role } };
}

/** A woman the attacker already knows: name, birth year and town (she is a violence survivor). */
const PLANTED = { firstName: 'Đurđica', lastName: 'Oršuš', birthYear: 1987, municipality: 'Prelog' };

/** Every JSON leaf string of a value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Anything that could be a 32-byte HMAC key: base64 or hex strings of 32 bytes (pseudoKeys themselves excepted). */
function candidateKeys(holdings: unknown[], pseudoKeys: Set<string>): Buffer[] {
  const keys = new Map<string, Buffer>();
  for (const s of strings(holdings)) {
    if (pseudoKeys.has(s)) continue;
    const b64 = fromBase64(s);
    if (b64?.length === 32) keys.set(Buffer.from(b64).toString('hex'), Buffer.from(b64));
    if (/^[0-9a-f]{64}$/i.test(s)) keys.set(s.toLowerCase(), Buffer.from(s, 'hex'));
  }
  return [...keys.values()];
}

type PersonRow = Record<string, unknown>;

/** Birth years a row allows: its birth year, or every year of its age band on the export day. */
function yearsOf(row: PersonRow, asOfYear: number): Array<number | undefined> {
  if (typeof row.birthYear === 'number') return [row.birthYear];
  const band = String(row.ageBand ?? 'unknown');
  if (band === 'unknown') return [undefined];
  const [lo, hi] = band === 'under15' ? [0, 14] : band === '65plus' ? [65, 110] : (band.split('-').map(Number) as [number, number]);
  return Array.from({ length: hi - lo + 1 }, (_, i) => asOfYear - lo - i);
}

/** HMAC-SHA256 with `key`, the pads hashed once (the attack computes hundreds of thousands). */
function hmacWith(key: Buffer): (message: Buffer) => string {
  const ipad = Buffer.alloc(64, 0x36);
  const opad = Buffer.alloc(64, 0x5c);
  for (let i = 0; i < key.length; i++) {
    ipad[i]! ^= key[i]!;
    opad[i]! ^= key[i]!;
  }
  const inner = createHash('sha256').update(ipad);
  const outer = createHash('sha256').update(opad);
  return (m) => outer.copy().update(inner.copy().update(m).digest()).digest('hex');
}

/** Every guess for these rows: names from the list × the birth years and the municipality each row allows. */
function guessesFor(rows: Array<{ row: PersonRow; asOfYear: number }>): Buffer[] {
  const inputs = new Set<string>();
  for (const { row, asOfYear } of rows) {
    const firsts = row.gender === 'woman' ? WOMEN_FIRST : row.gender === 'man' ? MEN_FIRST : [...WOMEN_FIRST, ...MEN_FIRST];
    const municipality = typeof row.municipality === 'string' ? row.municipality : undefined;
    for (const birthYear of yearsOf(row, asOfYear)) {
      for (const firstName of firsts) for (const lastName of LAST) inputs.add(pseudoKeyInput({ firstName, lastName, birthYear, municipality }));
    }
  }
  return [...inputs].map((i) => Buffer.from(i, 'utf8'));
}

/** The dictionary attack with one key: the pseudoKeys among `targets` it re-identifies. */
function dictionaryAttack(key: Buffer, guesses: Buffer[], targets: Set<string>): Set<string> {
  const mac = hmacWith(key);
  const found = new Set<string>();
  for (const g of guesses) {
    const k = mac(g);
    if (targets.has(k)) found.add(k);
  }
  return found;
}

/**
 * The attacker's way through many candidate keys: try each on a few rows first (the project's
 * secret re-identifies nearly all of them), then the whole dictionary on every row with any key
 * that hit. Returns the rows re-identified.
 */
function attack(keys: Buffer[], rows: Array<{ row: PersonRow; asOfYear: number }>): { screened: number; found: Set<string> } {
  const targets = new Set(rows.map((r) => String(r.row.pseudoKey)));
  const sample = rows.filter(({ row }) => row.anonymised !== true).slice(0, 3);
  const sampleGuesses = guessesFor(sample);
  const hits = keys.filter((key) => dictionaryAttack(key, sampleGuesses, targets).size > 0);
  const all = hits.length ? guessesFor(rows) : [];
  const found = new Set<string>();
  for (const key of hits) for (const k of dictionaryAttack(key, all, targets)) found.add(k);
  return { screened: keys.length, found };
}

/** One guess: does any candidate key turn the known woman's details into a key the rows carry? */
function confirms(keys: Buffer[], pseudoKeys: Set<string>): boolean {
  return keys.some((key) => pseudoKeys.has(createHmac('sha256', key).update(pseudoKeyInput(PLANTED)).digest('hex')));
}

describe("the lead's consolidation side cannot compute or confirm a person key", () => {
  it('a name-dictionary attack with everything consolidation holds (store, CLI key file, bundles) re-identifies no one; the planted woman cannot be confirmed', async () => {
    const lead = await side('Udruga Nositelj', 'lead');
    const partners = [await side('Partner 1', 'partner'), await side('Partner 2', 'partner')];
    try {
      await createLeadProject(lead.db, lead.actor, lead.org, 'BADGE 2026');
      // The lead runs its own service too (it is a partner of its own project).
      await loadDemoData(lead.db, lead.actor);
      const invitation = await invitationFile(lead.db, lead.actor, PASS);
      const bundles = [];
      for (const p of partners) {
        await joinProject(p.db, p.actor, invitation, PASS, 'invite.mreza-invite');
        await loadDemoData(p.db, p.actor);
        await createPerson(
          p.db,
          p.actor,
          { kind: 'beneficiary', ...PLANTED, gender: 'woman', country: 'HR', targetGroups: ['violenceSurvivor'] },
          {
            legalBasis: 'consent',
            date: '2026-03-01',
            noticeVersion: '2026-01',
            processing: true,
            specialCategories: true,
            shareWithLead: true,
            photos: false,
          },
        );
        await tick();
        bundles.push(await exportBundle(p.db, p.actor, p.org, { privacy: 'pseudonymised' }));
      }
      // The lead confirmed each partner's fingerprint by phone (trust is explicit): import all.
      const preview = await previewImport(
        lead.db,
        bundles.map((b) => ({ fileName: b.fileName, data: b.bytes })),
      );
      await commitImport(lead.db, lead.actor, lead.org, preview, { confirmedKeys: keysToConfirm(preview.plan) });
      const keyFile = await leadKeyFile(lead.db, lead.actor, lead.org, PASS);

      // Everything the consolidation side holds.
      const slices = await lead.db.partnerSlices.toArray();
      const store = [await lead.db.exchange.get('leadProject'), slices, await lead.db.importHistory.toArray()];
      const { file } = await readKeyFile(keyFile.data, PASS);
      const identity = await ensureIdentity(lead.db);
      const opened = await Promise.all(bundles.map((b) => inspectBundle(b.bytes, identity.keys)));
      const holdings = [store, file, opened.map((b) => ({ manifest: b.manifest, tables: b.tables, tombstones: b.tombstones, indicators: b.indicators }))];

      const rows = slices.flatMap((s) =>
        (s.tables.people ?? []).map((row) => ({ row, asOfYear: Number(String((s.indicators as { asOf: string }).asOf).slice(0, 4)) })),
      );
      const pseudoKeys = new Set(rows.map((r) => String(r.row.pseudoKey)));
      expect(rows.length).toBeGreaterThan(20);
      // Rows carry no birth year: only the age band the indicators need.
      for (const { row } of rows) {
        expect(row).not.toHaveProperty('birthYear');
        expect(row).toHaveProperty('ageBand');
      }
      const keys = candidateKeys(holdings, pseudoKeys);
      expect(keys.length).toBeGreaterThan(0); // the public keys, at least: the attacker tries everything
      expect(strings(holdings)).not.toContain((await getLinkageSecret(lead.db))!.secret);
      const result = attack(keys, rows);
      expect(result.screened).toBe(keys.length);
      expect(result.found.size).toBe(0);
      expect(confirms(keys, pseudoKeys)).toBe(false);

      // The same attack with the secret a partner's service side holds finds nearly everyone: the
      // attack is real, and so is the residual risk docs/privacy.md names (whoever holds the
      // linkage secret, the lead's own service side included, can run it).
      const partnerSecret = Buffer.from(fromBase64((await getJoinedProject(partners[0]!.db))!.invitation.projectSecret)!);
      const leadServiceSecret = Buffer.from(fromBase64((await getLinkageSecret(lead.db))!.secret)!);
      expect(leadServiceSecret.equals(partnerSecret)).toBe(true);
      const named = rows.filter(({ row }) => row.anonymised !== true);
      const distinct = new Set(named.map(({ row }) => String(row.pseudoKey)));
      expect(attack([...keys, partnerSecret], named).found.size / distinct.size).toBeGreaterThan(0.9);
      expect(confirms([partnerSecret], pseudoKeys)).toBe(true);
    } finally {
      for (const s of [lead, ...partners]) {
        s.db.close();
        await Dexie.delete(s.db.name);
      }
    }
  }, 300_000);

  it('a lead whose project row still holds the secret (written by an older Mreža) loses it from the consolidation side when the data store opens; the service side keeps it', async () => {
    const lead = await side('Udruga Nositelj', 'lead');
    try {
      const project = await createLeadProject(lead.db, lead.actor, lead.org, 'BADGE 2026');
      const secret = (await getLinkageSecret(lead.db))!.secret;
      // As an older Mreža stored it: the secret inside the project's invitation, no linkage row.
      await lead.db.exchange.put({ ...project, invitation: { ...project.invitation, projectSecret: secret } } as never);
      await lead.db.exchange.delete('linkage');
      const before = await lead.db.exchange.get('leadProject');
      expect(candidateKeys([before], new Set()).map((k) => k.toString('base64'))).toContain(secret);

      await moveLinkageSecret(lead.db);
      expect(strings(await lead.db.exchange.get('leadProject'))).not.toContain(secret);
      expect((await getLinkageSecret(lead.db))!.secret).toBe(secret);
      // And an invitation still hands the same secret to partners.
      const p = await side('Partner', 'partner');
      try {
        await joinProject(p.db, p.actor, await invitationFile(lead.db, lead.actor, PASS), PASS);
        expect((await getJoinedProject(p.db))!.invitation.projectSecret).toBe(secret);
      } finally {
        p.db.close();
        await Dexie.delete(p.db.name);
      }

      // Reopening runs the same move (db.on('ready')).
      await lead.db.exchange.put({ ...project, invitation: { ...project.invitation, projectSecret: secret } } as never);
      lead.db.close();
      await lead.db.open();
      expect(strings(await lead.db.exchange.get('leadProject'))).not.toContain(secret);
    } finally {
      lead.db.close();
      await Dexie.delete(lead.db.name);
    }
  }, 60_000);

  it("consolidation never reads the linkage secret: import, reports' partner data, the key file and the partner list run without touching it", async () => {
    const lead = await side('Udruga Nositelj', 'lead');
    const partner = await side('Partner 1', 'partner');
    try {
      await createLeadProject(lead.db, lead.actor, lead.org, 'BADGE 2026');
      await joinProject(partner.db, partner.actor, await invitationFile(lead.db, lead.actor, PASS), PASS);
      await loadDemoData(partner.db, partner.actor);
      const b = await exportBundle(partner.db, partner.actor, partner.org, { privacy: 'pseudonymised' });
      const read: unknown[] = [];
      const get = lead.db.exchange.get.bind(lead.db.exchange);
      (lead.db.exchange as unknown as { get: (k: unknown) => unknown }).get = (k: unknown) => (read.push(k), get(k as 'linkage'));
      const preview = await previewImport(lead.db, [{ fileName: b.fileName, data: b.bytes }]);
      await commitImport(lead.db, lead.actor, lead.org, preview, { confirmedKeys: keysToConfirm(preview.plan) });
      const loaded = await loadPartnersDataset(lead.db);
      expect(loaded!.dataset.people.length).toBeGreaterThan(0);
      await leadKeyFile(lead.db, lead.actor, lead.org, PASS);
      await listPartners(lead.db);
      expect(read.length).toBeGreaterThan(0);
      expect(read).not.toContain('linkage');
    } finally {
      for (const s of [lead, partner]) {
        s.db.close();
        await Dexie.delete(s.db.name);
      }
    }
  }, 60_000);

  it('an old backup row keeps the secret off the project row: separateLinkageSecret moves it, an existing linkage row wins', () => {
    const old = [{ id: 'leadProject', invitation: { projectId: 'p', projectName: 'X', projectSecret: 'S' }, createdAt: 't' }];
    expect(separateLinkageSecret(old)).toEqual([
      { id: 'leadProject', invitation: { projectId: 'p', projectName: 'X' }, createdAt: 't' },
      { id: 'linkage', projectId: 'p', secret: 'S', createdAt: 't' },
    ]);
    const both = [...old, { id: 'linkage', projectId: 'p', secret: 'T', createdAt: 'u' }];
    expect(separateLinkageSecret(both)).toEqual([{ id: 'leadProject', invitation: { projectId: 'p', projectName: 'X' }, createdAt: 't' }, both[1]]);
    const clean = separateLinkageSecret(old).slice();
    expect(separateLinkageSecret(clean)).toBe(clean);
  });
});
