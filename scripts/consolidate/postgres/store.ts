/**
 * Writing the consolidated data set into PostgreSQL (docs/postgres.md). A partner's rows are
 * replaced in one transaction (delete, then COPY of each table, then its partners row and an
 * import record): a reader sees the old export or the new one, never half of each. One run at a
 * time holds an advisory lock, so two consolidations cannot interleave their decisions.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { PartnerSlice } from '../../../src/shared/consolidate/consolidate';
import type { BundleTable } from '../../../src/shared/bundle/privacy';
import { BUNDLE_TABLES, columnsOf, copyLine, tableName } from './columns';
import { publicationSql } from './publication';
import { STORE_VERSION, tablesSql, viewsSql } from './schema';

/** Why the store cannot be used: `exchange:cli.pg.<code>` with params. */
export class StoreError extends Error {
  constructor(
    readonly code: 'connect' | 'otherProject' | 'version' | 'busy' | 'write',
    readonly params: Record<string, string> = {},
  ) {
    super(code);
  }
}

/** What the store holds of a partner: enough to plan the next import exactly as the lead does. */
export interface StoredPartner {
  orgId: string;
  name: string;
  country: string;
  privacy: string;
  exportId: string;
  exportedAt: string;
  fileName?: string;
  fileSha256: string;
  fingerprint: string;
  publicKeys: unknown;
}

/** An arbitrary but fixed advisory lock key: "mreza" in ASCII. */
const LOCK = 0x6d72657a61;

export class Store {
  private constructor(private readonly client: pg.Client) {}

  static async open(url: string, project: { id: string; name: string }, timeZone: string): Promise<Store> {
    const client = new pg.Client({ connectionString: url, application_name: 'mreza-consolidate' });
    try {
      await client.connect();
    } catch (e) {
      throw new StoreError('connect', { reason: e instanceof Error ? e.message : String(e) });
    }
    const store = new Store(client);
    try {
      const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [LOCK]);
      if (!rows[0]?.ok) throw new StoreError('busy');
      await client.query('begin');
      await client.query(tablesSql());
      const found = await client.query<{ project_id: string; store_version: number }>('select project_id, store_version from mreza.store');
      const row = found.rows[0];
      if (!row) {
        await client.query('insert into mreza.store (project_id, project_name, store_version, time_zone) values ($1, $2, $3, $4)', [
          project.id,
          project.name,
          STORE_VERSION,
          timeZone,
        ]);
      } else if (row.project_id !== project.id) {
        throw new StoreError('otherProject', { found: row.project_id, expected: project.id });
      } else if (row.store_version !== STORE_VERSION) {
        throw new StoreError('version', { found: String(row.store_version), supported: String(STORE_VERSION) });
      }
      await client.query(viewsSql());
      await client.query(publicationSql());
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => undefined);
      await client.end().catch(() => undefined);
      throw e;
    }
    return store;
  }

  async partners(): Promise<StoredPartner[]> {
    const { rows } = await this.client.query<Record<string, unknown>>(
      'select org_id, name, country, privacy, export_id, exported_at, file_name, file_sha256, fingerprint, public_keys from mreza.partners',
    );
    return rows.map((r) => ({
      orgId: String(r.org_id),
      name: String(r.name),
      country: String(r.country),
      privacy: String(r.privacy),
      exportId: String(r.export_id),
      exportedAt: (r.exported_at as Date).toISOString(),
      ...(r.file_name ? { fileName: String(r.file_name) } : {}),
      fileSha256: String(r.file_sha256),
      fingerprint: String(r.fingerprint),
      publicKeys: r.public_keys,
    }));
  }

  /** Replaces a partner's rows with `slice` in one transaction (COPY per table). Returns rows written per table. */
  async replacePartner(slice: PartnerSlice, meta: { fileSha256: string; trust: string }): Promise<Record<string, number>> {
    const c = this.client;
    const counts: Record<string, number> = {};
    const exportYear = Number(slice.exportedAt.slice(0, 4)) || new Date().getUTCFullYear();
    try {
      await c.query('begin');
      await c.query('delete from mreza.partners where org_id = $1', [slice.orgId]);
      for (const table of BUNDLE_TABLES) await c.query(`delete from mreza.${tableName(table)} where org_id = $1`, [slice.orgId]);
      for (const table of BUNDLE_TABLES) {
        const rows = slice.tables[table];
        if (!rows?.length) continue;
        counts[table] = rows.length;
        await this.copy(table, rows, exportYear);
      }
      await c.query(
        `insert into mreza.partners (org_id, name, country, privacy, export_id, exported_at, file_name, file_sha256, fingerprint, public_keys, indicators, tombstones)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          slice.orgId,
          slice.name,
          slice.country,
          slice.privacy,
          slice.exportId,
          slice.exportedAt,
          slice.fileName ?? null,
          meta.fileSha256,
          slice.fingerprint,
          JSON.stringify(slice.publicKeys),
          JSON.stringify(slice.indicators),
          JSON.stringify(slice.tombstones),
        ],
      );
      await c.query(
        `insert into mreza.imports (org_id, export_id, exported_at, file_name, file_sha256, privacy, fingerprint, trust, rows)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          slice.orgId,
          slice.exportId,
          slice.exportedAt,
          slice.fileName ?? null,
          meta.fileSha256,
          slice.privacy,
          slice.fingerprint,
          meta.trust,
          JSON.stringify(counts),
        ],
      );
      await c.query('commit');
    } catch (e) {
      await c.query('rollback').catch(() => undefined);
      throw new StoreError('write', { reason: e instanceof Error ? e.message : String(e) });
    }
    return counts;
  }

  /** Removes a partner written earlier in this run whose claim the rest of the batch withdrew (as the lead would refuse both). */
  async removePartner(orgId: string): Promise<void> {
    const c = this.client;
    try {
      await c.query('begin');
      await c.query('delete from mreza.partners where org_id = $1', [orgId]);
      for (const table of BUNDLE_TABLES) await c.query(`delete from mreza.${tableName(table)} where org_id = $1`, [orgId]);
      await c.query('commit');
    } catch (e) {
      await c.query('rollback').catch(() => undefined);
      throw new StoreError('write', { reason: e instanceof Error ? e.message : String(e) });
    }
  }

  /** COPY of one table's rows, in chunks of lines so memory holds one chunk, not the table's text. */
  private async copy(table: BundleTable, rows: readonly Record<string, unknown>[], exportYear: number): Promise<void> {
    const cols = columnsOf(table)
      .map(([name]) => name)
      .join(', ');
    const sink = this.client.query(copyFrom(`copy mreza.${tableName(table)} (${cols}) from stdin`));
    function* chunks() {
      let buf = '';
      for (let i = 0; i < rows.length; i++) {
        buf += copyLine(table, rows[i]!, i, exportYear);
        if (buf.length > 256 * 1024) {
          yield buf;
          buf = '';
        }
      }
      if (buf) yield buf;
    }
    await pipeline(Readable.from(chunks()), sink);
  }

  /** Fresh planner statistics after a run that wrote (the views join large tables). */
  async analyze(): Promise<void> {
    await this.client.query(`analyze ${BUNDLE_TABLES.map((t) => `mreza.${tableName(t)}`).join(', ')}, mreza.partners`);
  }

  async close(): Promise<void> {
    await this.client.query('select pg_advisory_unlock($1)', [LOCK]).catch(() => undefined);
    await this.client.end().catch(() => undefined);
  }
}
