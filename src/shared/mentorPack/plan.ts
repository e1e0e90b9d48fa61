import { canonicalJson, type PublicKeys } from '../crypto';
import type { IssuedMentorPack, MentoringSession } from '../model';
import { MentorPackError } from './errors';
import type { OpenedLogs } from './logs';
import { SESSION_FIELDS_KEPT_HOME } from './policy';

export type LogChange = 'add' | 'replace' | 'unchanged' | 'keptLocal';

export interface LogPlanItem {
  id: string;
  matchId: string;
  date: string;
  /** A planned (not yet held) session. */
  planned: boolean;
  change: LogChange;
}

/** The dry run of one session-logs file at the coordinator. */
export interface ReturnPlan {
  packId: string;
  mentorId: string;
  exportId: string;
  exportedAt: string;
  fingerprint: string;
  publicKeys: PublicKeys;
  fileSha256: string;
  /** 'alreadyImported': this very export was imported before; nothing is written. */
  status: 'apply' | 'alreadyImported';
  /** 'firstUse': the mentor's key is not pinned yet (the coordinator may compare it by phone). */
  trust: 'firstUse' | 'pinned';
  items: LogPlanItem[];
  totals: Record<LogChange, number>;
  /** The rows to write: adds and replaces, merged with what stays home. */
  writes: MentoringSession[];
}

const newer = (a: { exportedAt: string; exportId: string }, b: { exportedAt: string; exportId: string }) =>
  a.exportedAt > b.exportedAt || (a.exportedAt === b.exportedAt && a.exportId > b.exportId);

/** A returned log keeps the coordinator's value of the fields the pack left out (the confidential note). */
export function mergeReturnedLog(incoming: MentoringSession, local: MentoringSession | undefined): MentoringSession {
  const merged: Record<string, unknown> = { ...incoming };
  for (const field of SESSION_FIELDS_KEPT_HOME) {
    const kept = (local as Record<string, unknown> | undefined)?.[field];
    if (merged[field] === undefined && kept !== undefined) merged[field] = kept;
  }
  return merged as MentoringSession;
}

/** The newest of a mentor's logs files the coordinator imported, over all her packs: a newer pack tells her it arrived. */
export function logsReceivedOf(packs: readonly IssuedMentorPack[], mentorId: string): { exportId: string; exportedAt: string } | undefined {
  const last = packs
    .filter((p) => p.mentorId === mentorId && p.lastReturn)
    .map((p) => p.lastReturn!)
    .sort((a, b) => b.exportedAt.localeCompare(a.exportedAt))[0];
  return last ? { exportId: last.exportId, exportedAt: last.exportedAt } : undefined;
}

/** The key a mentor's first returned logs pinned (on the earliest of her packs that has one). */
export function mentorKeyOf(packs: readonly IssuedMentorPack[], mentorId: string): IssuedMentorPack['mentorKey'] {
  return packs.filter((p) => p.mentorId === mentorId && p.mentorKey).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]?.mentorKey;
}

/**
 * Decides, without writing, what a session-logs file would change. Refuses (MentorPackError) an
 * unknown pack, another mentor, a changed key, an older export, and any log outside the matches
 * the coordinator's packs ever gave this mentor (a newer pack may have left out a closed match
 * she still has logs of). The coordinator's own later edit of a log wins over the mentor's older
 * copy (keptLocal).
 */
export function planReturn(input: {
  packs: readonly IssuedMentorPack[];
  logs: OpenedLogs;
  local: ReadonlyMap<string, MentoringSession>;
  orgId: string;
}): ReturnPlan {
  const { manifest } = input.logs;
  const pack = input.packs.find((p) => p.packId === manifest.packId);
  if (!pack || manifest.organisationId !== input.orgId) throw new MentorPackError('unknownPack');
  if (manifest.mentorId !== pack.mentorId) throw new MentorPackError('otherMentor');
  // The mentor's key is pinned per mentor, not per pack: the first logs she sends home pin it, and
  // a later pack for her does not open the door to another key.
  const pinned = pack.mentorKey ?? mentorKeyOf(input.packs, pack.mentorId);
  if (pinned && pinned.fingerprint !== input.logs.fingerprint) {
    throw new MentorPackError('signerChanged', { expected: pinned.fingerprint, found: input.logs.fingerprint });
  }
  const last = pack.lastReturn;
  if (last && last.exportId !== manifest.exportId && newer(last, manifest)) throw new MentorPackError('olderReturn', { newer: last.exportedAt });

  const matchIds = new Set(input.packs.filter((p) => p.mentorId === pack.mentorId).flatMap((p) => p.matchIds));
  const totals: Record<LogChange, number> = { add: 0, replace: 0, unchanged: 0, keptLocal: 0 };
  const items: LogPlanItem[] = [];
  const writes: MentoringSession[] = [];
  for (const s of input.logs.sessions) {
    const local = input.local.get(s.id);
    if (!matchIds.has(s.matchId) || (local && local.matchId !== s.matchId)) throw new MentorPackError('foreignMatch', { date: s.date });
    const merged = mergeReturnedLog(s, local);
    let change: LogChange;
    if (!local) change = 'add';
    else if (canonicalJson(merged) === canonicalJson(local)) change = 'unchanged';
    else if (local.updatedAt > s.updatedAt) change = 'keptLocal';
    else change = 'replace';
    totals[change]++;
    items.push({ id: s.id, matchId: s.matchId, date: s.date, planned: s.status === 'planned', change });
    if (change === 'add' || change === 'replace') writes.push(merged);
  }
  const already = last?.exportId === manifest.exportId;
  return {
    packId: pack.packId,
    mentorId: pack.mentorId,
    exportId: manifest.exportId,
    exportedAt: manifest.exportedAt,
    fingerprint: input.logs.fingerprint,
    publicKeys: manifest.signer.publicKeys,
    fileSha256: input.logs.fileSha256,
    status: already ? 'alreadyImported' : 'apply',
    trust: pinned ? 'pinned' : 'firstUse',
    items: items.sort((a, b) => a.date.localeCompare(b.date)),
    totals,
    writes: already ? [] : writes,
  };
}
