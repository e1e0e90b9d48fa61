/**
 * The command-line consolidation, spawned as users run it (`node scripts/consolidate.ts …`), on
 * real bundles written here with the app's own writer.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvitation, inspectBundle, writeKeyFile } from '../../src/shared/bundle';
import { partnersDataset, emptyConsolidatedState, applyPlan, planBundleImport } from '../../src/shared/consolidate';
import { exportOrgKeys, generateOrgKeys, MIN_ITERATIONS } from '../../src/shared/crypto';
import { computeIndicators } from '../../src/shared/indicators/compute';
import { formatDateTime } from '../../src/shared/i18n/format';
import { createI18n } from '../../src/shared/i18n/setup';
import { exportBundle, LEAD_ORG, makeWorld, type World } from '../fixtures/bundles/world';

const ROOT = resolve(import.meta.dirname, '../..');
const KEY_PASS = 'ključ-od-svih-vrata';
const BUNDLE_PASS = 'druga-brava-2026';
const en = createI18n('en').t;
const hr = createI18n('hr').t;

let dir: string;
let world: World;
const file = (name: string) => join(dir, name);

function run(
  args: string[],
  env: Record<string, string> = { MREZA_KEY_PASSPHRASE: KEY_PASS },
  tool = { script: 'scripts/consolidate.ts', cwd: ROOT },
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((done) => {
    const cleanEnv = { ...process.env, MREZA_KEY_PASSPHRASE: '', MREZA_BUNDLE_PASSPHRASE: '', ...env };
    execFile(process.execPath, [tool.script, ...args], { cwd: tool.cwd, env: cleanEnv, encoding: 'utf8' }, (error, out, err) => {
      done({ code: error ? Number(error.code ?? 1) : 0, out, err });
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mreza-cli-test-'));
  world = await makeWorld();
  const fast = { iterations: MIN_ITERATIONS };
  writeFileSync(
    file('lead.mreza-key'),
    await writeKeyFile(
      {
        project: { id: world.invitation.projectId, name: world.invitation.projectName },
        lead: { orgId: LEAD_ORG, name: 'Vodeći partner' },
        keys: await exportOrgKeys(world.leadKeys),
      },
      KEY_PASS,
      fast,
    ),
  );
  const older = await exportBundle(world, world.a, { now: new Date('2026-09-01T10:00:00Z'), today: '2026-09-01' });
  const a = await exportBundle(world, world.a, { now: new Date('2026-10-01T10:00:00Z') });
  const b = await exportBundle(world, world.b, {
    now: new Date('2026-10-05T10:00:00Z'),
    today: '2026-10-05',
    passphrase: BUNDLE_PASS,
    passphraseIterations: MIN_ITERATIONS,
  });
  const tampered = a.bytes.slice();
  tampered[Math.floor(tampered.length / 2)]! ^= 0xff;
  // Same lead, another project: opens, but belongs elsewhere.
  const other = await createInvitation({
    projectName: 'Drugi projekt',
    lead: { orgId: LEAD_ORG, name: 'Vodeći partner' },
    leadKeys: world.leadKeys.publicKeys,
  });
  const foreign = await exportBundle({ ...world, invitation: other }, world.a);
  writeFileSync(file('a-older.mreza'), older.bytes);
  writeFileSync(file('a.mreza'), a.bytes);
  writeFileSync(file('b.mreza'), b.bytes);
  writeFileSync(file('tampered.mreza'), tampered);
  writeFileSync(file('foreign.mreza'), foreign.bytes);
  // Someone with the lead's public key claims to be the lead itself.
  const claimsLead = await exportBundle(world, {
    ...world.a,
    keys: await generateOrgKeys(),
    orgId: LEAD_ORG,
    name: 'Vodeći partner',
    tables: { ...world.a.tables, people: [], consents: [], outcomes: [] },
  });
  writeFileSync(file('claims-lead.mreza'), claimsLead.bytes);
  // The fingerprints the lead compared with both partners by phone, as a --trusted file.
  const fpA = (await inspectBundle(a.bytes, world.leadKeys)).fingerprint;
  const fpB = (await inspectBundle(b.bytes, world.leadKeys, { passphrase: BUNDLE_PASS })).fingerprint;
  writeFileSync(file('trusted.txt'), `# Udruga Korak, compared with Ana on 3 Oct\n${fpA}\n\n${fpB.replace(/ /g, '')}   # Društvo Most\n`);
  writeFileSync(file('trusted-bad.txt'), `${fpA}\n12345 678\n`);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the app itself computes from the two good bundles. */
async function expectedReach(): Promise<number> {
  const inputs = [];
  for (const [name, passphrase] of [
    ['a.mreza', undefined],
    ['b.mreza', BUNDLE_PASS],
  ] as const) {
    inputs.push({
      bundle: await inspectBundle(readFileSync(file(name)), world.leadKeys, { passphrase, projectId: world.invitation.projectId }),
      fileName: name,
    });
  }
  const empty = emptyConsolidatedState(world.invitation.projectId);
  const ds = partnersDataset(applyPlan(empty, planBundleImport(empty, inputs)));
  const today = new Date().toISOString().slice(0, 10);
  return computeIndicators(ds, { personKey: ds.personKey }, today).indicators.reach.total;
}

describe('npm run consolidate', () => {
  it('with --trust-on-first-use (said at the top and on each such line): accepts the good bundles, skips the older one, refuses the tampered, the foreign one and one claiming the lead, exits 1 and writes JSON', async () => {
    const out = file('report.json');
    const res = await run([
      file('a-older.mreza'),
      file('a.mreza'),
      file('b.mreza'),
      file('tampered.mreza'),
      file('foreign.mreza'),
      file('claims-lead.mreza'),
      '--key',
      file('lead.mreza-key'),
      '--passphrase',
      BUNDLE_PASS,
      '--trust-on-first-use',
      '--out',
      out,
    ]);
    expect(res.code, res.err).toBe(1);
    const lines = res.out.trim().split('\n');
    expect(lines[0]).toBe(en('exchange:cli.keyOpened', { project: 'Socijalna aktivacija', lead: 'Vodeći partner' }));
    expect(lines[1]).toBe(en('exchange:cli.firstUseOn', { option: '--trust-on-first-use' }));
    const lineOf = (name: string) => lines.find((l) => l.startsWith(`${file(name)}: `))!;
    expect(lineOf('a.mreza')).toContain(en('exchange:cli.firstUse'));
    expect(lineOf('b.mreza')).toContain(en('exchange:cli.firstUse'));
    expect(lineOf('claims-lead.mreza')).toBe(
      `${file('claims-lead.mreza')}: ${en('exchange:cli.refused', { reason: en('exchange:problems.ownOrganisation', { organisation: 'Vodeći partner' }) })}`,
    );
    expect(lineOf('a.mreza')).toContain(
      `${en('exchange:cli.accepted', { organisation: world.a.name, country: 'Croatia', exportedAt: formatDateTime('2026-10-01T10:00:00Z', 'en'), privacy: 'pseudonymised', fingerprint: '' }).split(', key')[0]}`,
    );
    expect(lineOf('b.mreza')).toContain(world.b.name);
    expect(lineOf('a-older.mreza')).toBe(
      `${file('a-older.mreza')}: ${en('exchange:cli.skipped', { reason: en('exchange:problems.supersededInBatch', { newerExportedAt: formatDateTime('2026-10-01T10:00:00Z', 'en') }) })}`,
    );
    expect(
      [en('exchange:errors.tampered'), en('exchange:errors.damaged')].map((r) => `${file('tampered.mreza')}: ${en('exchange:cli.refused', { reason: r })}`),
    ).toContain(lineOf('tampered.mreza'));
    expect(lineOf('foreign.mreza')).toBe(`${file('foreign.mreza')}: ${en('exchange:cli.refused', { reason: en('exchange:errors.otherProject') })}`);
    expect(lines.at(-1)).toBe(en('exchange:cli.written', { file: out, count: 2 }));

    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      threshold: number;
      partners: Array<{ name: string }>;
      tables: Array<{ id: string; rows: Array<[string, number | string]> }>;
    };
    expect(report.threshold).toBe(5);
    expect(report.partners.map((p) => p.name).sort()).toEqual([world.b.name, world.a.name].sort());
    const table = (id: string) => report.tables.find((t) => t.id === id)!;
    const reach = await expectedReach();
    expect(reach).toBeGreaterThanOrEqual(5);
    expect(table('summary').rows[0]).toEqual([en('reports:indicators.reach.total'), reach]);
    expect(
      table('byPartner')
        .rows.map((r) => r[0])
        .sort(),
    ).toEqual([world.b.name, world.a.name].sort());
    // Small-cell suppression is on: no count of people from 1 to 4 leaves in the clear.
    for (const id of ['byGender', 'byMunicipality', 'byTargetGroup', 'byPartner']) {
      for (const [, v] of table(id).rows) expect(typeof v === 'string' ? v === '<5' : v === 0 || v >= 5, `${id} ${String(v)}`).toBe(true);
    }
    expect(table('sources').rows.map((r) => r[0])).toEqual(expect.arrayContaining([`${world.a.name} (Croatia)`, `${world.b.name} (Slovenia)`]));
    // The report explains its two marks (issue 16).
    expect(table('legend').rows).toEqual([
      ['<5', en('reports:legend.small', { max: 4 })],
      ['x', en('reports:legend.secondary')],
    ]);
  }, 120_000);

  it('with a --trusted file: writes an .xlsx in Croatian, a sheet per table with numbers as numbers, and exits 0 when every bundle is accepted', async () => {
    const out = file('izvjestaj.xlsx');
    const res = await run([
      file('a.mreza'),
      file('b.mreza'),
      '--key',
      file('lead.mreza-key'),
      '--passphrase',
      BUNDLE_PASS,
      '--trusted',
      file('trusted.txt'),
      '--lang',
      'hr',
      '--out',
      out,
    ]);
    expect(res.code, res.err).toBe(0);
    expect(res.out).toContain(hr('exchange:cli.trustedLoaded', { file: file('trusted.txt'), count: 2 }));
    expect(res.out).not.toContain(hr('exchange:cli.firstUse'));
    expect(res.out).toContain(hr('exchange:cli.written', { file: out, count: 2 }));
    expect(res.out).toContain(
      `${hr('exchange:cli.accepted', { organisation: world.b.name, country: 'Slovenija', exportedAt: formatDateTime('2026-10-05T10:00:00Z', 'hr'), privacy: 'pseudonimizirano', fingerprint: '' }).split(', ključ')[0]}`,
    );
    const wb = XLSX.read(readFileSync(out));
    expect(wb.SheetNames).toEqual(expect.arrayContaining([hr('reports:tables.summary'), hr('reports:tables.byPartner'), hr('exchange:cli.sources')]));
    const summary = wb.Sheets[hr('reports:tables.summary')]!;
    expect(summary.A2?.v).toBe(hr('reports:indicators.reach.total'));
    expect(summary.B2?.t).toBe('n');
    expect(summary.B2?.v).toBe(await expectedReach());
    const partners = XLSX.utils.sheet_to_json<[string, number]>(wb.Sheets[hr('reports:tables.byPartner')]!, { header: 1 }).slice(1);
    expect(partners.map((r) => r[0]).sort()).toEqual([world.b.name, world.a.name].sort());
    expect(partners.every((r) => typeof r[1] === 'number' || r[1] === '<5')).toBe(true);
  }, 120_000);

  it('a wrong key passphrase, a missing option or only refused bundles: a clear localised message, nothing written', async () => {
    const out = file('none.csv');
    const wrong = await run([file('a.mreza'), '--key', file('lead.mreza-key'), '--out', out, '--lang', 'sl'], { MREZA_KEY_PASSPHRASE: 'napačno geslo' });
    expect(wrong.code).toBe(2);
    const sl = createI18n('sl').t;
    expect(wrong.err.trim()).toBe(sl('exchange:cli.errors.keyFile', { file: file('lead.mreza-key'), reason: sl('exchange:errors.wrongPassphrase') }));
    const usage = await run([file('a.mreza'), '--out', out]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain(en('exchange:cli.errors.noKey', { option: '--key <file>' }));
    const refused = await run([file('foreign.mreza'), file('missing.mreza'), file('a.mreza'), '--key', file('lead.mreza-key'), '--out', out]);
    expect(refused.code).toBe(1);
    // No trust file and no --trust-on-first-use: a partner the key file has not pinned is refused, and told how to go on.
    const fpA = (await inspectBundle(readFileSync(file('a.mreza')), world.leadKeys)).fingerprint;
    expect(refused.out).toContain(
      `${file('a.mreza')}: ${en('exchange:cli.refused', { reason: en('exchange:cli.untrusted', { organisation: world.a.name, found: fpA, trusted: '--trusted', tofu: '--trust-on-first-use' }) })}`,
    );
    expect(refused.out).toContain(
      `${file('missing.mreza')}: ${en('exchange:cli.refused', { reason: en('exchange:cli.errors.readFailed', { file: file('missing.mreza') }) })}`,
    );
    expect(refused.err.trim()).toBe(en('exchange:cli.noOutput'));
    expect(existsSync(out)).toBe(false);
    const badTrust = await run([file('a.mreza'), '--key', file('lead.mreza-key'), '--trusted', file('trusted-bad.txt'), '--out', out]);
    expect(badTrust.code).toBe(2);
    expect(badTrust.err.trim()).toBe(en('exchange:cli.errors.trustedFile', { file: file('trusted-bad.txt'), line: 2 }));
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});

describe('npm run build:cli: one file an M&E officer runs with a plain Node', () => {
  it('runs from a folder with no checkout and no packages, and writes the same report as npm run consolidate', async () => {
    const officer = mkdtempSync(join(tmpdir(), 'mreza-officer-'));
    try {
      const built = await new Promise<string>((done, fail) =>
        execFile(process.execPath, ['scripts/build-cli.ts', relative(ROOT, join(officer, 'build'))], { cwd: ROOT, encoding: 'utf8' }, (error, out, err) =>
          error ? fail(new Error(err)) : done(out),
        ),
      );
      expect(built).toContain('mreza-consolidate.mjs');
      // Alone in the officer's folder: nothing to resolve packages from (no node_modules up the tree in the temp dir).
      copyFileSync(join(officer, 'build', 'mreza-consolidate.mjs'), join(officer, 'mreza-consolidate.mjs'));
      rmSync(join(officer, 'build'), { recursive: true });
      expect(readdirSync(officer)).toEqual(['mreza-consolidate.mjs']);
      const standalone = { script: join(officer, 'mreza-consolidate.mjs'), cwd: officer };

      const help = await run(['--help'], {}, standalone);
      expect(help.code).toBe(0);
      expect(help.out).toContain('node mreza-consolidate.mjs <bundle.mreza');

      const args = (out: string) => [
        file('a.mreza'),
        file('b.mreza'),
        '--key',
        file('lead.mreza-key'),
        '--passphrase',
        BUNDLE_PASS,
        '--trusted',
        file('trusted.txt'),
        '--out',
        out,
      ];
      const mine = await run(args(join(officer, 'report.json')), undefined, standalone);
      expect(mine.code, mine.err).toBe(0);
      const dev = await run(args(file('dev-report.json')));
      expect(dev.code, dev.err).toBe(0);
      const report = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as { tables: unknown; partners: unknown };
      expect(report(join(officer, 'report.json')).tables).toEqual(report(file('dev-report.json')).tables);
      expect((report(join(officer, 'report.json')).tables as Array<{ id: string; rows: unknown[][] }>).find((t) => t.id === 'summary')!.rows[0]![1]).toBe(
        await expectedReach(),
      );
    } finally {
      rmSync(officer, { recursive: true, force: true });
    }
  }, 180_000);
});
