import { describe, expect, it } from 'vitest';
import { canonicalJson, chained, entryHash, GENESIS, verifyChain, type ChainHead } from '@shared/audit/chain';
import type { AuditEntry } from '@shared/model';

type Linked = AuditEntry & { seq: number; prev: string; hash: string };

function log(n: number): Linked[] {
  let head: ChainHead | null = null;
  const out: Linked[] = [];
  for (let i = 0; i < n; i++) {
    const e: Linked = chained(
      { id: `id-${i}`, at: `2026-01-01T00:00:0${i}.000Z`, userName: 'Ana', action: 'create', table: 'people', summary: '' } as AuditEntry,
      head,
    );
    head = { seq: e.seq, hash: e.hash };
    out.push(e);
  }
  return out;
}

describe('the audit hash chain', () => {
  it('canonical serialisation: key order and undefined do not matter', () => {
    expect(canonicalJson({ b: 1, a: 'x', c: undefined })).toBe(canonicalJson({ a: 'x', b: 1 }));
    expect(canonicalJson({ a: 'x', b: 1 })).toBe('{"a":"x","b":1}');
  });

  it('a whole, untouched log verifies, in any order', () => {
    const l = log(6);
    expect(l[0]!.prev).toBe(GENESIS);
    expect(verifyChain([...l].reverse(), { seq: 6, hash: l[5]!.hash })).toEqual({ ok: true, entries: 6 });
    // A head behind the end (the app stopped before noting it) is fine.
    expect(verifyChain(l, { seq: 4, hash: l[3]!.hash }).ok).toBe(true);
  });

  it('finds an edit, a removal, an insertion, a truncation, an unchained entry', () => {
    const l = log(6);
    expect(
      verifyChain(
        l.map((e, i) => (i === 2 ? { ...e, userName: 'Ivo' } : e)),
        null,
      ),
    ).toMatchObject({ ok: false, problem: 'edited', at: { seq: 3 } });
    expect(
      verifyChain(
        l.filter((_, i) => i !== 2),
        null,
      ),
    ).toMatchObject({ ok: false, problem: 'broken', at: { seq: 3 } });
    const forged = { ...l[2]!, summary: 'x' };
    expect(
      verifyChain(
        l.map((e, i) => (i === 2 ? { ...forged, hash: entryHash(forged) } : e)),
        null,
      ),
    ).toMatchObject({ ok: false, problem: 'broken', at: { seq: 4 } });
    expect(verifyChain(l.slice(0, 4), { seq: 6, hash: l[5]!.hash })).toMatchObject({ ok: false, problem: 'truncated', at: { seq: 5 } });
    expect(verifyChain([...l, { id: 'x', at: '2026-01-02T00:00:00.000Z', userName: 'x', action: 'create', table: 't', summary: '' }], null)).toMatchObject({
      ok: false,
      problem: 'unchained',
    });
  });
});
