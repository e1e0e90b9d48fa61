/**
 * `--to postgres://…` (issue 20, part 3) against a real PostgreSQL started for the test
 * (tests/helpers/postgres.ts): the seeded bundles consolidated both ways, the SQL views against
 * the TypeScript computation; idempotence, older / tampered exports refused as at the lead, and a
 * newer export replacing its partner in one transaction.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectBundle, writeKeyFile } from '../../src/shared/bundle';
import { applyPlan, emptyConsolidatedState, partnersDataset, planBundleImport } from '../../src/shared/consolidate';
import { exportOrgKeys, MIN_ITERATIONS } from '../../src/shared/crypto';
import { computeIndicators, type Breakdown, type Indicators } from '../../src/shared/indicators/compute';
import { indicatorModel, protectIndicators } from '../../src/shared/indicators/protectIndicators';
import { displayCell } from '../../src/shared/indicators/suppression';
import { localDay, systemTimeZone } from '../../src/shared/calendar/localDay';
import { createI18n } from '../../src/shared/i18n/setup';
import { main } from '../../scripts/consolidate/cli';
import { bundleCli } from '../../scripts/consolidate/bundle';
import { exportBundle, LEAD_ORG, makeWorld, SECRETS, type World } from '../fixtures/bundles/world';
import { startPostgres, type TestPostgres } from '../helpers/postgres';

const KEY_PASS = 'ključ-od-svih-vrata';
const BUNDLE_PASS = 'druga-brava-2026';
const en = createI18n('en').t;

let server: TestPostgres | null = null;
let skip = '';
let dir: string;
let world: World;
const file = (name: string) => join(dir, name);
let db = 0;

beforeAll(async () => {
  const started = await startPostgres();
  if ('skip' in started) {
    skip = started.skip;
    console.warn(`consolidate-postgres: SKIPPED – ${skip}`);
    return;
  }
  server = started;
  dir = mkdtempSync(join(tmpdir(), 'mreza-pg-test-'));
  world = await makeWorld();
  // Ana (partner A) and her Cyrillic twin (partner B) both attend a held session: one person reached, twice.
  for (const partner of [world.a, world.b]) {
    const twin = partner.tables.people.at(-1)!.firstName === SECRETS.withheldFirst ? partner.tables.people.at(-2)! : partner.tables.people.at(-1)!;
    const session = partner.tables.sessions.find((s) => s.date <= '2026-09-01')!;
    partner.tables.attendance.push({
      id: crypto.randomUUID(),
      orgId: partner.orgId,
      createdAt: twin.createdAt,
      updatedAt: twin.createdAt,
      sessionId: session.id,
      personId: twin.id,
      status: 'present',
    });
  }
  writeFileSync(
    file('lead.mreza-key'),
    await writeKeyFile(
      {
        project: { id: world.invitation.projectId, name: world.invitation.projectName },
        lead: { orgId: LEAD_ORG, name: 'Vodeći partner' },
        keys: await exportOrgKeys(world.leadKeys),
      },
      KEY_PASS,
      { iterations: MIN_ITERATIONS },
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
  // A newer export of A in which one woman (and everything of hers) is gone.
  const gone = world.a.tables.people[0]!;
  const newer = await exportBundle(
    world,
    { ...world.a, tables: { ...world.a.tables, people: world.a.tables.people.filter((p) => p.id !== gone.id) } },
    { now: new Date('2026-11-01T10:00:00Z'), today: '2026-11-01' },
  );
  const tampered = newer.bytes.slice();
  tampered[Math.floor(tampered.length / 2)]! ^= 0xff;
  writeFileSync(file('a-older.mreza'), older.bytes);
  writeFileSync(file('a.mreza'), a.bytes);
  writeFileSync(file('b.mreza'), b.bytes);
  writeFileSync(file('a-newer.mreza'), newer.bytes);
  writeFileSync(file('a-newer-tampered.mreza'), tampered);
}, 120_000);

const clients: pg.Client[] = [];
afterAll(async () => {
  for (const c of clients) await c.end().catch(() => undefined);
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh database on the test server, and a client on it. */
async function freshDb(): Promise<{ url: string; client: pg.Client }> {
  const name = `t${++db}`;
  const admin = new pg.Client({ connectionString: server!.url() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const client = new pg.Client({ connectionString: server!.url(name) });
  // A failed test leaves its client open until the server stops: that end is expected.
  client.on('error', () => undefined);
  clients.push(client);
  await client.connect();
  return { url: server!.url(name), client };
}

async function consolidate(url: string, files: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...files.map(file), '--key', file('lead.mreza-key'), '--passphrase', BUNDLE_PASS, '--trust-on-first-use', '--to', url], {
    env: { MREZA_KEY_PASSPHRASE: KEY_PASS },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

/** Every table's content, ordered, as one fingerprint per table (imports too). */
async function snapshot(client: pg.Client): Promise<Record<string, string>> {
  const { rows } = await client.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'mreza' and table_type = 'BASE TABLE'",
  );
  const out: Record<string, string> = {};
  for (const { table_name } of rows) {
    const r = await client.query<{ n: string; h: string | null }>(
      `select count(*) as n, md5(string_agg(t::text, '|' order by t::text)) as h from mreza.${table_name} t`,
    );
    out[table_name] = `${r.rows[0]!.n}:${r.rows[0]!.h ?? ''}`;
  }
  return out;
}

/** What the app computes from these bundles (the lead's consolidation, then compute.ts). */
async function expected(names: Array<[string, string | undefined]>): Promise<Indicators> {
  const inputs = [];
  for (const [name, passphrase] of names) {
    inputs.push({ bundle: await inspectBundle(readFileSync(file(name)), world.leadKeys, { ...(passphrase ? { passphrase } : {}) }), fileName: name });
  }
  const empty = emptyConsolidatedState(world.invitation.projectId);
  const ds = partnersDataset(applyPlan(empty, planBundleImport(empty, inputs)));
  return computeIndicators(ds, { personKey: ds.personKey }, localDay(systemTimeZone()), { drilldown: false }).indicators;
}

const nonZero = (b: Breakdown) => Object.fromEntries(b.filter((c) => c.count > 0).map((c) => [c.key, c.count]));
async function viewMap(client: pg.Client, sql: string): Promise<Record<string, number>> {
  const { rows } = await client.query<{ key: string; n: number }>(sql);
  return Object.fromEntries(rows.filter((r) => r.n > 0).map((r) => [r.key, r.n]));
}

describe('consolidation into PostgreSQL', () => {
  it('writes the bundles and the SQL views give the figures of the TypeScript computation, people counted once across partners', async (ctx) => {
    if (!server) return ctx.skip(skip);
    const { url, client } = await freshDb();
    const res = await consolidate(url, ['a.mreza', 'b.mreza']);
    expect(res.err).toEqual([]);
    expect(res.code).toBe(0);
    expect(res.out.at(-1)).toBe(en('exchange:cli.pg.written', { url, count: 2, written: 2 }));
    const ts = await expected([
      ['a.mreza', undefined],
      ['b.mreza', BUNDLE_PASS],
    ]);

    const reach = (await client.query('select * from mreza.v_reach')).rows[0];
    expect(ts.reach.total).toBeGreaterThan(20);
    expect(reach).toEqual({
      people_reached: ts.reach.total,
      beneficiaries: ts.reach.beneficiaries,
      professionals: ts.reach.professionals,
      women: ts.reach.women,
      women_share: ts.reach.womenShare,
    });
    // Ana, served by both partners under two spellings of her name, is one person reached.
    const byPartner = await viewMap(client, 'select org_id as key, people as n from mreza.v_reach_by_partner');
    expect(byPartner).toEqual(nonZero(ts.reach.byPartner));
    expect(Object.values(byPartner).reduce((s, n) => s + n, 0)).toBeGreaterThan(ts.reach.total);

    expect(await viewMap(client, 'select gender as key, people as n from mreza.v_reach_by_gender')).toEqual(nonZero(ts.reach.byGender));
    expect(await viewMap(client, 'select age_band as key, people as n from mreza.v_reach_by_age_band')).toEqual(nonZero(ts.reach.byAgeBand));
    expect(await viewMap(client, 'select target_group as key, people as n from mreza.v_reach_by_target_group')).toEqual(nonZero(ts.reach.byTargetGroup));
    expect(await viewMap(client, 'select municipality as key, people as n from mreza.v_reach_by_municipality')).toEqual(nonZero(ts.reach.byMunicipality));
    expect(await viewMap(client, 'select country as key, people as n from mreza.v_reach_by_country')).toEqual(nonZero(ts.reach.byCountry));
    expect(await viewMap(client, 'select programme_id as key, people as n from mreza.v_reach_by_programme')).toEqual(nonZero(ts.reach.byProgramme));
    expect(
      (await client.query('select month as key, people as n from mreza.v_reach_by_month order by month')).rows.map((r) => ({ key: r.key, count: r.n })),
    ).toEqual(ts.reach.byMonth);

    const training = (await client.query('select * from mreza.v_training')).rows[0];
    expect(training).toEqual({
      programmes: ts.training.programmes,
      events: ts.training.events,
      sessions: ts.training.sessions,
      participants: ts.training.participants,
      attendance_rate: ts.training.attendanceRate,
      completions: ts.training.completions,
      certificates: ts.training.certificates,
    });
    expect(ts.training.sessions).toBeGreaterThan(0);

    const mentoring = (await client.query('select * from mreza.v_mentoring')).rows[0];
    expect(mentoring).toEqual({
      active_pairs: ts.mentoring.activeMatches,
      closed_pairs: ts.mentoring.closedMatches,
      sessions: ts.mentoring.sessions,
      hours: ts.mentoring.hours,
    });
    expect(ts.mentoring.sessions).toBeGreaterThan(0);
    expect(await viewMap(client, 'select service as key, sessions as n from mreza.v_mentoring_services')).toEqual(nonZero(ts.mentoring.servicesBySessions));
    expect(await viewMap(client, 'select service as key, people as n from mreza.v_mentoring_services')).toEqual(nonZero(ts.mentoring.servicesByPeople));

    expect(await viewMap(client, 'select kind as key, people as n from mreza.v_outcomes_by_kind')).toEqual(nonZero(ts.outcomes.byKind));
    const employers = (await client.query('select * from mreza.v_outcomes_employers')).rows[0];
    expect(employers).toEqual({
      smes_supported: ts.outcomes.smesSupported,
      jobs_opened: ts.outcomes.jobsOpened,
      placed_with_employers: ts.outcomes.placedWithEmployers,
    });
    expect(ts.outcomes.smesSupported + ts.outcomes.placedWithEmployers).toBeGreaterThan(0);

    // The publication views: every count of people as the lead's report publishes it, at several thresholds.
    const seen = new Set<string>();
    for (const threshold of [2, 5, 10, 20, 30]) {
      const model = indicatorModel(ts);
      const protection = protectIndicators(ts, threshold);
      const want = Object.fromEntries([...model.cells].map(([id, value]) => [id, displayCell(value, protection.state.get(id)!, threshold)]));
      const { rows } = await client.query<{ cell: string; shown: string }>('select cell, shown from mreza.publication_cells($1)', [threshold]);
      expect(Object.fromEntries(rows.map((r) => [r.cell, r.shown]))).toEqual(want);
      for (const mark of Object.values(want)) if (!/^\d+$/.test(mark)) seen.add(mark === 'x' ? 'x' : 'small');
    }
    // Both kinds of suppression were exercised: primary ("<t") and complementary ("x").
    expect([...seen].sort()).toEqual(['small', 'x']);
    const pubGender = (await client.query('select gender, people from mreza.pub_reach_by_gender')).rows;
    expect(pubGender.map((r) => r.gender)).toEqual(ts.reach.byGender.map((c) => c.key));

    // Pseudonymised: no name, phone or e-mail of anyone reached the store.
    const dump = JSON.stringify((await client.query('select p.*, o.* from mreza.people p, mreza.outcomes o')).rows);
    for (const secret of ['Zdenkarija', 'Petrovićeva', '+385 91 555 0199', 'OUTCOME-NOTE-SECRET', 'Nesuglasna']) expect(dump).not.toContain(secret);
    await client.end();
  }, 120_000);

  it('is idempotent; an older or tampered export is refused as at the lead; a newer one replaces its partner; in one batch the newest wins', async (ctx) => {
    if (!server) return ctx.skip(skip);
    const { url, client } = await freshDb();
    expect((await consolidate(url, ['a.mreza', 'b.mreza'])).code).toBe(0);
    const first = await snapshot(client);

    // The same bundles again: nothing changes, not even the import history.
    const again = await consolidate(url, ['b.mreza', 'a.mreza']);
    expect(again.code).toBe(0);
    expect(again.out.at(-1)).toBe(en('exchange:cli.pg.written', { url, count: 2, written: 0 }));
    expect(await snapshot(client)).toEqual(first);

    // Older: refused, naming the export already in the store.
    const older = await consolidate(url, ['a-older.mreza']);
    expect(older.code).toBe(1);
    expect(older.out.find((l) => l.startsWith(file('a-older.mreza')))).toContain(en('exchange:cli.refused', { reason: '' }).trim());
    expect(await snapshot(client)).toEqual(first);

    // Tampered: refused by the same verification as at the lead; nothing changes.
    const tampered = await consolidate(url, ['a-newer-tampered.mreza']);
    expect(tampered.code).toBe(1);
    expect(
      [en('exchange:errors.tampered'), en('exchange:errors.damaged')].map(
        (r) => `${file('a-newer-tampered.mreza')}: ${en('exchange:cli.refused', { reason: r })}`,
      ),
    ).toContain(tampered.out.find((l) => l.startsWith(file('a-newer-tampered.mreza'))));
    expect(await snapshot(client)).toEqual(first);

    // Newer: replaces A's rows (one person fewer), B untouched, one more import recorded.
    const countA = async () => Number((await client.query('select count(*) as n from mreza.people where org_id = $1', [world.a.orgId])).rows[0].n);
    const before = await countA();
    const newer = await consolidate(url, ['a-newer.mreza']);
    expect(newer.code).toBe(0);
    expect(await countA()).toBe(before - 1);
    const after = await snapshot(client);
    expect(after.people).not.toEqual(first.people);
    expect(Number(after.imports!.split(':')[0])).toBe(3);
    const partner = (await client.query('select exported_at from mreza.partners where org_id = $1', [world.a.orgId])).rows[0];
    expect((partner.exported_at as Date).toISOString()).toBe('2026-11-01T10:00:00.000Z');
    await client.end();

    // One batch, fresh store: the newest export of A wins, the older one is skipped as at the lead.
    const fresh = await freshDb();
    const batch = await consolidate(fresh.url, ['a-older.mreza', 'a.mreza']);
    expect(batch.code).toBe(0);
    expect(batch.out.find((l) => l.startsWith(file('a-older.mreza')))).toContain(en('exchange:cli.skipped', { reason: '' }).trim());
    expect((await fresh.client.query('select export_id from mreza.partners')).rows).toHaveLength(1);
    await fresh.client.end();
  }, 180_000);

  it('a failure while writing a partner leaves its previous export whole (one transaction)', async (ctx) => {
    if (!server) return ctx.skip(skip);
    const { url, client } = await freshDb();
    expect((await consolidate(url, ['a.mreza'])).code).toBe(0);
    const first = await snapshot(client);
    // Something breaks half-way through the newer export: the outcomes' COPY is refused.
    await client.query("alter table mreza.outcomes add constraint no_more check (date < '2026-01-01') not valid");
    const res = await consolidate(url, ['a-newer.mreza']);
    expect(res.code).toBe(2);
    expect(res.err[0]).toContain(en('exchange:cli.pg.write', { url, reason: '§' }).split('§')[0]!);
    await client.query('alter table mreza.outcomes drop constraint no_more');
    expect(await snapshot(client)).toEqual(first);
    await client.end();
  }, 120_000);

  it('the one-file mreza-consolidate.mjs (npm run build:cli) carries the driver: it writes to PostgreSQL run from a folder without node_modules', async (ctx) => {
    if (!server) return ctx.skip(skip);
    const out = mkdtempSync(join(tmpdir(), 'mreza-cli-one-file-'));
    try {
      const tool = await bundleCli('standalone', out, 'mreza-consolidate.mjs');
      const { url, client } = await freshDb();
      const res = await new Promise<{ code: number; out: string }>((done) =>
        execFile(
          process.execPath,
          [tool, file('a.mreza'), '--key', file('lead.mreza-key'), '--trust-on-first-use', '--to', url],
          { cwd: out, env: { ...process.env, MREZA_KEY_PASSPHRASE: KEY_PASS }, encoding: 'utf8' },
          (error, stdout) => done({ code: error ? Number(error.code ?? 1) : 0, out: stdout }),
        ),
      );
      expect(res.code, res.out).toBe(0);
      expect((await client.query('select name from mreza.partners')).rows).toEqual([{ name: world.a.name }]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
