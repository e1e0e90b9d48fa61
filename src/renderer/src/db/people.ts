import { compareText } from '@shared/i18n/collation';
import type { Locale } from '@shared/i18n/locales';
import type { Table } from 'dexie';
import {
  consentDraftSchema,
  coversSpecialCategories,
  holdsSpecialCategoryData,
  isoDate,
  lostOnWithdrawal,
  outcomeSchema,
  personDraftSchema,
  type Consent,
  type ConsentDraft,
  type Outcome,
  type Person,
  type PersonDraft,
  type PersonDraftInput,
} from '@shared/model';
import { canonicalPlace } from '@shared/gazetteer';
import { anonymisedPerson } from '@shared/people/anonymise';
import { businessDetailsProblem } from '@shared/people/outcomes';
import { employerProblem } from '@shared/organisations/register';
import { candidateNameKeys, isSamePerson, type DuplicateFields } from '@shared/people/duplicates';
import { personNameKey } from '@shared/people/nameKey';
import type { Actor } from './actor';
import { audit, auditEntry } from './audit';
import type { MrezaDb } from './db';
import { recordErasure, undoErasureNote, type ErasureRow } from './ledger';
import { readablePeople, requirePermission, requirePersonAccess } from './permissions';
import { atRestState } from './atRest';
import { copyPeople, peopleCache } from './peopleCache';
import { selfOrg, selfOrgId } from './records';

export type PeopleErrorCode =
  'consentRequired' | 'notFound' | 'samePerson' | 'detailsNotForKind' | 'legalFormNotInCountry' | 'employerNotForKind' | 'employerNotFound';

/** A refusal the UI translates (`participants:errors.<code>`). */
export class PeopleError extends Error {
  constructor(readonly code: PeopleErrorCode) {
    super(code);
    this.name = 'PeopleError';
  }
}

export async function consentsOf(db: MrezaDb, personId: string): Promise<Consent[]> {
  return db.consents.where('personId').equals(personId).toArray();
}

/** Whether special-category data (target groups, notes) may be stored for this person now. */
export async function hasSpecialConsent(db: MrezaDb, personId: string): Promise<boolean> {
  return coversSpecialCategories(await consentsOf(db, personId));
}

/**
 * The one duplicate finder: for each draft, the stored people who are the same person (name
 * folded, in either order; birth year; municipality), anonymised records left out. Names are
 * looked up in the decrypted people cache by folded name (schema v7 has no nameKey index: an
 * index holds its values in plain text), so only the few matching people are touched.
 */
export async function storedDuplicates(db: MrezaDb, drafts: readonly DuplicateFields[]): Promise<Person[][]> {
  const cache = await peopleCache(db);
  const byKey = (k: string) => [...(cache.byNameKey.get(k) ?? [])].sort().map((id) => cache.rows.get(id)!.person);
  return drafts.map((d) =>
    copyPeople(
      candidateNameKeys(d)
        .flatMap(byKey)
        .filter((p) => !p.anonymised && isSamePerson(p, d)),
    ),
  );
}

/** Stored people that are the same person as `draft` (name folded, birth year, municipality). */
/** Stored people that are the same person as `draft` (name folded, birth year, municipality). */
export async function findDuplicates(db: MrezaDb, draft: DuplicateFields, excludeId?: string): Promise<Person[]> {
  return (await storedDuplicates(db, [draft]))[0]!.filter((p) => p.id !== excludeId);
}

/**
 * Every check a new person passes, whether typed in or imported: the schema, the municipality in
 * its canonical form (the country from it when none is given), and special-category data only
 * under a consent that covers it (PeopleError 'consentRequired').
 */
export function checkNewPerson(input: PersonDraftInput, consentInput?: ConsentDraft): { draft: PersonDraft; consentDraft?: ConsentDraft } {
  const draft = canonicalPlace(personDraftSchema.parse(input));
  const consentDraft = consentInput ? consentDraftSchema.parse(consentInput) : undefined;
  if (holdsSpecialCategoryData(draft) && !(consentDraft && coversSpecialCategories([consentDraft]))) throw new PeopleError('consentRequired');
  return consentDraft ? { draft, consentDraft } : { draft };
}

function now(): string {
  return new Date().toISOString();
}

/**
 * Creates a person, and the consent given with them if any, in one transaction with its audit
 * entries. Target groups and notes are refused unless the consent covers special categories.
 */
export async function createPerson(db: MrezaDb, actor: Actor, input: PersonDraftInput, consentInput?: ConsentDraft): Promise<Person> {
  requirePermission(actor, 'editPeople');
  const { draft, consentDraft } = checkNewPerson(input, consentInput);
  return db.transaction('rw', [db.people, db.consents, db.auditLog, db.organisations], async () => {
    const at = now();
    const orgId = await selfOrgId(db);
    const person: Person = { ...draft, id: crypto.randomUUID(), orgId, createdAt: at, updatedAt: at, nameKey: personNameKey(draft), anonymised: false };
    await db.people.add(person);
    await audit(db, actor, 'create', 'people', person.id, 'personCreated');
    if (consentDraft) {
      const consent: Consent = { ...consentDraft, id: crypto.randomUUID(), orgId, personId: person.id, createdAt: at, updatedAt: at };
      await db.consents.add(consent);
      await audit(db, actor, 'create', 'consents', consent.id, 'consentRecorded');
    }
    return person;
  });
}

/** Saves edits to a person; special-category data only while a consent covers it. */
export async function updatePerson(db: MrezaDb, actor: Actor, id: string, input: PersonDraftInput): Promise<Person> {
  requirePermission(actor, 'editPeople');
  const draft = canonicalPlace(personDraftSchema.parse(input));
  return db.transaction('rw', [db.people, db.consents, db.auditLog], async () => {
    const current = await db.people.get(id);
    if (!current) throw new PeopleError('notFound');
    if (holdsSpecialCategoryData(draft) && !(await hasSpecialConsent(db, id))) throw new PeopleError('consentRequired');
    const person: Person = {
      ...draft,
      id,
      orgId: current.orgId,
      createdAt: current.createdAt,
      updatedAt: now(),
      nameKey: personNameKey(draft),
      anonymised: current.anonymised,
    };
    await db.people.put(person);
    await audit(db, actor, 'update', 'people', id, 'personUpdated');
    return person;
  });
}

export async function addConsent(db: MrezaDb, actor: Actor, personId: string, input: ConsentDraft): Promise<Consent> {
  requirePermission(actor, 'editPeople');
  const draft = consentDraftSchema.parse(input);
  return db.transaction('rw', [db.people, db.consents, db.auditLog], async () => {
    const person = await db.people.get(personId);
    if (!person) throw new PeopleError('notFound');
    const at = now();
    const consent: Consent = { ...draft, id: crypto.randomUUID(), orgId: person.orgId, personId, createdAt: at, updatedAt: at };
    await db.consents.add(consent);
    await audit(db, actor, 'create', 'consents', consent.id, 'consentRecorded');
    return consent;
  });
}

/**
 * Records a withdrawal. When no remaining consent covers special categories, the person's target
 * groups and notes are removed in the same transaction: there is no longer a basis to keep them.
 */
export async function withdrawConsent(db: MrezaDb, actor: Actor, consentId: string, date: string): Promise<void> {
  requirePermission(actor, 'editPeople');
  await db.transaction('rw', [db.people, db.consents, db.auditLog], async () => {
    const consent = await db.consents.get(consentId);
    if (!consent) throw new PeopleError('notFound');
    const withdrawn: Consent = { ...consent, withdrawnAt: isoDate.parse(date), updatedAt: now() };
    const person = await db.people.get(consent.personId);
    const lost = person ? lostOnWithdrawal(person, await consentsOf(db, person.id), consentId) : null;
    await db.consents.put(withdrawn);
    await audit(db, actor, 'update', 'consents', consentId, 'consentWithdrawn');
    if (person && lost && (lost.targetGroups.length > 0 || lost.notes)) {
      const { notes: _notes, ...rest } = person;
      await db.people.put({ ...rest, targetGroups: [], updatedAt: now() });
      await audit(db, actor, 'update', 'people', person.id, 'specialDataRemoved');
    }
  });
}

export type OutcomeInput = Pick<Outcome, 'kind' | 'date'> & {
  note?: string | undefined;
  legalForm?: Outcome['legalForm'];
  jobsCreated?: number | undefined;
  employerId?: string | undefined;
};

export async function addOutcome(db: MrezaDb, actor: Actor, personId: string, input: OutcomeInput): Promise<Outcome> {
  requirePermission(actor, 'editPeople');
  return db.transaction('rw', [db.people, db.outcomes, db.auditLog, db.organisations], async () => {
    const person = await db.people.get(personId);
    if (!person) throw new PeopleError('notFound');
    const problem = businessDetailsProblem(input.kind, input, (await selfOrg(db)).country);
    if (problem) throw new PeopleError(problem);
    // "Employed at": only a job outcome names an employer, and only one of the register.
    const employerIssue = employerProblem(input.kind, input.employerId, input.employerId ? await db.organisations.get(input.employerId) : undefined);
    if (employerIssue) throw new PeopleError(employerIssue);
    const at = now();
    const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const outcome = outcomeSchema.parse({ ...given, id: crypto.randomUUID(), orgId: person.orgId, personId, createdAt: at, updatedAt: at });
    await db.outcomes.add(outcome);
    await audit(db, actor, 'create', 'outcomes', outcome.id, 'outcomeRecorded');
    return outcome;
  });
}

export async function deleteOutcome(db: MrezaDb, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'editPeople');
  await db.transaction('rw', [db.outcomes, db.auditLog], async () => {
    await db.outcomes.delete(id);
    await audit(db, actor, 'delete', 'outcomes', id, 'outcomeDeleted');
  });
}

// ------------------------------------------------------------------------------------------
// Links: every table that points at a person, found by its indexes so tables added later are
// covered too (a `personId` index; matches by `menteeId`; mentor records and what hangs off them).

type AnyTable = Table<Record<string, unknown>, string>;

function tablesIndexedBy(db: MrezaDb, index: string): AnyTable[] {
  return db.tables.filter(
    (t) => t.name !== 'people' && t.name !== 'auditLog' && t.name !== 'tombstones' && t.schema.idxByName[index] !== undefined,
  ) as unknown as AnyTable[];
}

/**
 * Deletes people and everything linked to them: rows with their personId, matches where they are
 * mentee or mentor, the rows of those matches (mentoring sessions…), users' links to their
 * mentor records and their ids in import history. Call inside a transaction over db.tables.
 * Returns how many linked rows went.
 */
async function deleteWithLinks(db: MrezaDb, personIds: string[]): Promise<number> {
  let removed = 0;
  const mentorIds = (await db.mentors.where('personId').anyOf(personIds).primaryKeys()) as string[];
  const matchIds = new Set<string>((await db.matches.where('menteeId').anyOf(personIds).primaryKeys()) as string[]);
  if (mentorIds.length) for (const k of (await db.matches.where('mentorId').anyOf(mentorIds).primaryKeys()) as string[]) matchIds.add(k);
  if (matchIds.size) {
    for (const t of tablesIndexedBy(db, 'matchId'))
      removed += await t
        .where('matchId')
        .anyOf([...matchIds])
        .delete();
    await db.matches.bulkDelete([...matchIds]);
    removed += matchIds.size;
  }
  if (mentorIds.length) {
    for (const t of tablesIndexedBy(db, 'mentorId')) if (t.name !== 'matches') removed += await t.where('mentorId').anyOf(mentorIds).delete();
    await db.users.toCollection().modify((u) => {
      if (u.mentorId && mentorIds.includes(u.mentorId)) delete u.mentorId;
    });
  }
  for (const t of tablesIndexedBy(db, 'personId')) removed += await t.where('personId').anyOf(personIds).delete();
  const gone = new Set(personIds);
  await db.importHistory.toCollection().modify((h) => {
    if (h.recordIds.some((r) => gone.has(r))) h.recordIds = h.recordIds.filter((r) => !gone.has(r));
  });
  await db.people.bulkDelete(personIds);
  return removed;
}

/**
 * Right to be forgotten: removes the person and every linked record in one transaction, leaves a
 * tombstone so the next export tells the lead partner to erase them too, and logs the erasure
 * (with counts only: the log outlives the person). The erasure ledger (kept outside backups) notes
 * it first, so restoring an older backup erases them again (reapplyErasures).
 */
export async function erasePerson(db: MrezaDb, actor: Actor, id: string): Promise<number> {
  requirePermission(actor, 'erasePeople');
  const found = await db.people.get(id);
  if (!found) throw new PeopleError('notFound');
  const previous = await recordErasure(db, { personId: id, kind: 'erased', at: now(), orgId: found.orgId });
  try {
    return await db.transaction('rw', db.tables, async () => {
      const person = await db.people.get(id);
      if (!person) throw new PeopleError('notFound');
      const removed = await deleteWithLinks(db, [id]);
      const at = now();
      await db.tombstones.add({ id: crypto.randomUUID(), orgId: person.orgId, table: 'people', recordId: id, erasedAt: at, createdAt: at, updatedAt: at });
      await audit(db, actor, 'delete', 'people', id, 'personErased', { count: removed });
      return removed;
    });
  } catch (e) {
    await undoErasureNote(db, id, previous);
    throw e;
  }
}

/**
 * After a restore, inside its transaction: erases again everyone the ledger says was erased (with a
 * tombstone for each, so the next bundle tells the lead again) and anonymises again who was
 * anonymised. Returns how many people it changed.
 */
export async function reapplyErasures(db: MrezaDb, ledger: readonly ErasureRow[]): Promise<number> {
  if (!ledger.length) return 0;
  const erased = ledger.filter((r) => r.kind === 'erased');
  const erasedIds = erased.map((r) => r.personId);
  const present = (await db.people.bulkGet(erasedIds)).filter((p) => p !== undefined).map((p) => p.id);
  if (present.length) await deleteWithLinks(db, present);
  const stoned = new Set((await db.tombstones.where('recordId').anyOf(erasedIds).toArray()).map((t) => t.recordId));
  const at = now();
  const stones = erased
    .filter((r) => !stoned.has(r.personId))
    .map((r) => ({ id: crypto.randomUUID(), orgId: r.orgId, table: 'people', recordId: r.personId, erasedAt: r.at, createdAt: at, updatedAt: at }));
  if (stones.length) await db.tombstones.bulkAdd(stones);
  let anonymised = 0;
  for (const r of ledger.filter((x) => x.kind === 'anonymised')) {
    const person = await db.people.get(r.personId);
    if (!person || person.anonymised) continue;
    await db.people.put(anonymisedPerson(person, await hasSpecialConsent(db, person.id), at));
    await dropFreeTextOf(db, person.id);
    anonymised++;
  }
  return present.length + anonymised;
}

/**
 * What anonymisation takes from a person's linked records: the words typed about her (outcome notes;
 * a referral's reason, contact person and outcome). Kinds, dates and statuses stay for the figures.
 */
async function dropFreeTextOf(db: MrezaDb, personId: string): Promise<void> {
  await db.outcomes
    .where('personId')
    .equals(personId)
    .modify((o) => {
      delete o.note;
    });
  await db.referrals
    .where('personId')
    .equals(personId)
    .modify((r) => {
      delete r.reason;
      delete r.contactPerson;
      delete r.outcome;
    });
}

/** Keeps the statistics and drops the identity (see anonymisedPerson); outcome notes and referrals' texts go too. */
export async function anonymisePerson(db: MrezaDb, actor: Actor, id: string): Promise<Person> {
  requirePermission(actor, 'erasePeople');
  const found = await db.people.get(id);
  if (!found) throw new PeopleError('notFound');
  // Noted in the ledger too: a restore must not bring the name back.
  const previous = await recordErasure(db, { personId: id, kind: 'anonymised', at: now(), orgId: found.orgId });
  try {
    return await db.transaction('rw', [db.people, db.consents, db.outcomes, db.referrals, db.auditLog], async () => {
      const person = await db.people.get(id);
      if (!person) throw new PeopleError('notFound');
      const next = anonymisedPerson(person, await hasSpecialConsent(db, id), now());
      await db.people.put(next);
      await dropFreeTextOf(db, id);
      await audit(db, actor, 'update', 'people', id, 'personAnonymised');
      return next;
    });
  } catch (e) {
    await undoErasureNote(db, id, previous);
    throw e;
  }
}

/** Which keys make two linked rows the same fact (one attendance per session, one enrolment per event…). */
const SAME_FACT: Record<string, string[]> = {
  attendance: ['sessionId'],
  enrolments: ['eventId'],
  certificates: ['eventId', 'kind'],
  evaluations: ['eventId'],
};

/**
 * Merges `dropId` into `keepId`: every linked record is re-pointed (a fact both already have is
 * kept once), empty fields of the kept person are filled from the other, target groups joined and
 * notes appended; the merged-away record is deleted, with a tombstone for the lead partner.
 */
export async function mergePeople(db: MrezaDb, actor: Actor, keepId: string, dropId: string): Promise<Person> {
  requirePermission(actor, 'editPeople');
  if (keepId === dropId) throw new PeopleError('samePerson');
  return db.transaction('rw', db.tables, async () => {
    const [keep, drop] = await db.people.bulkGet([keepId, dropId]);
    if (!keep || !drop) throw new PeopleError('notFound');
    let moved = 0;
    for (const t of tablesIndexedBy(db, 'personId')) {
      const same = SAME_FACT[t.name];
      const kept = same ? await t.where('personId').equals(keepId).toArray() : [];
      const seen = new Set(kept.map((r) => same!.map((k) => String(r[k])).join('|')));
      const rows = await t.where('personId').equals(dropId).toArray();
      const duplicate = rows.filter((r) => same && seen.has(same.map((k) => String(r[k])).join('|')));
      const movedRows = rows.filter((r) => !duplicate.includes(r)).map((r) => ({ ...r, personId: keepId, updatedAt: now() }));
      if (duplicate.length) await t.bulkDelete(duplicate.map((r) => r.id as string));
      if (movedRows.length) await t.bulkPut(movedRows);
      moved += movedRows.length;
    }
    const matches = await db.matches.where('menteeId').equals(dropId).toArray();
    if (matches.length) await db.matches.bulkPut(matches.map((m) => ({ ...m, menteeId: keepId, updatedAt: now() })));
    moved += matches.length;

    const filled: Person = { ...drop, ...Object.fromEntries(Object.entries(keep).filter(([, v]) => v !== undefined && v !== '')) } as Person;
    const notes = [keep.notes, drop.notes].filter((n) => n && n.trim()).join('\n\n');
    const merged: Person = {
      ...filled,
      id: keepId,
      orgId: keep.orgId,
      createdAt: keep.createdAt < drop.createdAt ? keep.createdAt : drop.createdAt,
      updatedAt: now(),
      gender: keep.gender === 'notStated' ? drop.gender : keep.gender,
      targetGroups: [...new Set([...keep.targetGroups, ...drop.targetGroups])],
      ...(notes ? { notes: notes.slice(0, 5000) } : {}),
      nameKey: keep.nameKey,
      anonymised: keep.anonymised && drop.anonymised,
    };
    await db.people.put(merged);
    await db.importHistory.toCollection().modify((h) => {
      if (h.recordIds.includes(dropId)) h.recordIds = h.recordIds.filter((r) => r !== dropId);
    });
    await db.people.delete(dropId);
    const at = now();
    await db.tombstones.add({ id: crypto.randomUUID(), orgId: drop.orgId, table: 'people', recordId: dropId, erasedAt: at, createdAt: at, updatedAt: at });
    await db.auditLog.bulkAdd([
      auditEntry(actor, 'update', 'people', keepId, 'personMerged', { count: moved }),
      auditEntry(actor, 'delete', 'people', dropId, 'personMergedAway'),
    ]);
    return merged;
  });
}

// ------------------------------------------------------------------------------------------
// Reading

export interface PersonDossier {
  person: Person;
  consents: Consent[];
  outcomes: Outcome[];
  enrolments: Array<{ id: string; status: string; enrolledOn: string; eventTitle: string; programmeTitle: string }>;
  attendance: Array<{ id: string; status: string; date: string; eventTitle: string }>;
  certificates: Array<{ id: string; number: string; issuedOn: string; eventTitle: string }>;
  mentoring: Array<{
    id: string;
    role: 'mentee' | 'mentor';
    otherName: string;
    status: string;
    startedOn?: string | undefined;
    sessions: number;
    minutes: number;
  }>;
  timeline: Array<{
    date: string;
    kind: 'created' | 'consent' | 'withdrawal' | 'outcome' | 'enrolment' | 'attendance' | 'certificate' | 'mentoring';
    label: string;
  }>;
}

function fullName(p: Person | undefined): string {
  return p ? `${p.firstName} ${p.lastName}` : '';
}

/** Everything about one person, for their page (a mentor: only her mentees'; a viewer: nobody's). */
export async function personDossier(db: MrezaDb, actor: Actor, id: string): Promise<PersonDossier | null> {
  await requirePersonAccess(db, actor, id);
  return db.transaction('r', db.tables, async () => {
    const person = await db.people.get(id);
    if (!person) return null;
    const [consents, outcomes, enrolmentRows, attendanceRows, certificateRows, mentorRows, menteeMatches] = await Promise.all([
      db.consents.where('personId').equals(id).toArray(),
      db.outcomes.where('personId').equals(id).toArray(),
      db.enrolments.where('personId').equals(id).toArray(),
      db.attendance.where('personId').equals(id).toArray(),
      db.certificates.where('personId').equals(id).toArray(),
      db.mentors.where('personId').equals(id).toArray(),
      db.matches.where('menteeId').equals(id).toArray(),
    ]);
    const sessions = new Map((await db.sessions.bulkGet(attendanceRows.map((a) => a.sessionId))).filter((s) => s !== undefined).map((s) => [s.id, s]));
    const eventIds = [
      ...new Set([...enrolmentRows.map((e) => e.eventId), ...certificateRows.map((c) => c.eventId), ...[...sessions.values()].map((s) => s.eventId)]),
    ];
    const events = new Map((await db.events.bulkGet(eventIds)).filter((e) => e !== undefined).map((e) => [e.id, e]));
    const programmes = new Map(
      (await db.programmes.bulkGet([...new Set([...events.values()].map((e) => e.programmeId))])).filter((p) => p !== undefined).map((p) => [p.id, p]),
    );
    const mentorMatches = mentorRows.length
      ? await db.matches
          .where('mentorId')
          .anyOf(mentorRows.map((m) => m.id))
          .toArray()
      : [];
    const allMatches = [...menteeMatches.map((m) => ({ m, role: 'mentee' as const })), ...mentorMatches.map((m) => ({ m, role: 'mentor' as const }))];
    const mentorsOfMatches = new Map((await db.mentors.bulkGet(menteeMatches.map((m) => m.mentorId))).filter((m) => m !== undefined).map((m) => [m.id, m]));
    const otherIds = allMatches
      .map(({ m, role }) => (role === 'mentee' ? mentorsOfMatches.get(m.mentorId)?.personId : m.menteeId))
      .filter((x): x is string => !!x);
    const others = new Map((await db.people.bulkGet(otherIds)).filter((p) => p !== undefined).map((p) => [p.id, p]));
    const mentoring = await Promise.all(
      allMatches.map(async ({ m, role }) => {
        const ms = await db.mentoringSessions.where('matchId').equals(m.id).toArray();
        const otherId = role === 'mentee' ? mentorsOfMatches.get(m.mentorId)?.personId : m.menteeId;
        return {
          id: m.id,
          role,
          otherName: fullName(otherId ? others.get(otherId) : undefined),
          status: m.status,
          startedOn: m.startedOn,
          sessions: ms.length,
          minutes: ms.reduce((a, s) => a + s.minutes, 0),
        };
      }),
    );
    const eventTitle = (eventId: string | undefined) => (eventId ? (events.get(eventId)?.title ?? '') : '');
    const enrolments = enrolmentRows.map((e) => ({
      id: e.id,
      status: e.status,
      enrolledOn: e.enrolledOn,
      eventTitle: eventTitle(e.eventId),
      programmeTitle: programmes.get(events.get(e.eventId)?.programmeId ?? '')?.title ?? '',
    }));
    const attendance = attendanceRows
      .map((a) => ({ id: a.id, status: a.status, date: sessions.get(a.sessionId)?.date ?? '', eventTitle: eventTitle(sessions.get(a.sessionId)?.eventId) }))
      .sort((a, b) => a.date.localeCompare(b.date));
    const certificates = certificateRows.map((c) => ({ id: c.id, number: c.number, issuedOn: c.issuedOn, eventTitle: eventTitle(c.eventId) }));
    const timeline: PersonDossier['timeline'] = [
      { date: person.createdAt.slice(0, 10), kind: 'created' as const, label: '' },
      ...consents.map((c) => ({ date: c.date, kind: 'consent' as const, label: c.noticeVersion })),
      ...consents.filter((c) => c.withdrawnAt).map((c) => ({ date: c.withdrawnAt as string, kind: 'withdrawal' as const, label: c.noticeVersion })),
      ...outcomes.map((o) => ({ date: o.date, kind: 'outcome' as const, label: o.kind })),
      ...enrolments.map((e) => ({ date: e.enrolledOn, kind: 'enrolment' as const, label: e.eventTitle })),
      ...attendance.filter((a) => a.date).map((a) => ({ date: a.date, kind: 'attendance' as const, label: a.eventTitle })),
      ...certificates.map((c) => ({ date: c.issuedOn, kind: 'certificate' as const, label: c.eventTitle })),
      ...mentoring.filter((m) => m.startedOn).map((m) => ({ date: m.startedOn as string, kind: 'mentoring' as const, label: m.otherName })),
    ].sort((a, b) => b.date.localeCompare(a.date));
    return {
      person,
      consents: consents.sort((a, b) => b.date.localeCompare(a.date)),
      outcomes: outcomes.sort((a, b) => b.date.localeCompare(a.date)),
      enrolments,
      attendance,
      certificates,
      mentoring,
      timeline,
    };
  });
}

/**
 * All people the actor may see, for the list: search and filters then run in memory per
 * keystroke. Unlocked, these are the decrypted people cache's own rows (frozen, read-only): the
 * list needs no second read and decryption of every person after unlock.
 */
export async function peopleForList(db: MrezaDb, actor: Actor): Promise<Person[]> {
  const allowed = await readablePeople(db, actor);
  if (!atRestState(db).cipher) return allowed ? (await db.people.bulkGet([...allowed])).filter((p) => p !== undefined) : db.people.toArray();
  const rows = (await peopleCache(db)).rows;
  if (!allowed) return [...rows.values()].map((e) => e.person);
  return [...allowed].flatMap((id) => rows.get(id)?.person ?? []);
}

/** People who have any outcome: read from the personId index keys only. */
export async function peopleWithOutcomes(db: MrezaDb): Promise<Set<string>> {
  return new Set((await db.outcomes.orderBy('personId').uniqueKeys()) as string[]);
}

/** People enrolled in any event of a programme. */
export async function peopleInProgramme(db: MrezaDb, programmeId: string): Promise<Set<string>> {
  const eventIds = (await db.events.where('programmeId').equals(programmeId).primaryKeys()) as string[];
  const enrolments = await db.enrolments.where('eventId').anyOf(eventIds).toArray();
  return new Set(enrolments.map((e) => e.personId));
}

export async function programmeChoices(db: MrezaDb): Promise<Array<{ value: string; label: string }>> {
  return (await db.programmes.toArray()).map((p) => ({ value: p.id, label: p.title }));
}

/** Municipalities in use, from the decrypted people cache (sorted as the index they replace). */
export async function municipalities(db: MrezaDb, locale: Locale | string = 'hr'): Promise<string[]> {
  const towns = new Set<string>();
  for (const { person } of (await peopleCache(db)).rows.values()) if (person.municipality) towns.add(person.municipality);
  return [...towns].sort(compareText(locale));
}

/** Exports leave a trace: who exported how many people, in which format (never names). */
export async function logPeopleExport(db: MrezaDb, actor: Actor, fileName: string, count: number): Promise<void> {
  requirePermission(actor, 'exportList');
  await audit(db, actor, 'export', 'people', undefined, 'peopleExported', { detail: fileName.slice(0, 260), count });
}

/** One person by id (a picker's current value). */
export async function getPerson(db: MrezaDb, id: string): Promise<Person | undefined> {
  return db.people.get(id);
}

/** People by id, in the order asked for; ids no longer there are left out. */
export async function getPeople(db: MrezaDb, ids: readonly string[]): Promise<Person[]> {
  return (await db.people.bulkGet([...ids])).filter((p): p is Person => p !== undefined);
}

/** How many people the registry holds (from the index, no rows read). */
export async function countPeople(db: MrezaDb): Promise<number> {
  return db.people.count();
}
