import { comparePeople } from '@shared/people/list';
import type { Locale } from '@shared/i18n/locales';
import type { z } from 'zod';
import {
  TABLE_SCHEMAS,
  type Attachment,
  type Attendance,
  type AttendanceStatus,
  type Certificate,
  type Enrolment,
  type Evaluation,
  type EventSession,
  type Person,
  type Programme,
  type ProgrammeEvent,
} from '@shared/model';
import {
  applyEvaluationPatch,
  FIRST_FORM,
  certificatePrefix,
  evaluateCompletion,
  holdsPlace,
  isEmptyEvaluation,
  nextAttendanceStatus,
  nextCertificateNumbers,
  planEnrolment,
  withdrawAndPromote,
  type CompletionResult,
  type EvaluationPatch,
} from '@shared/programmes';
import { fromBase64, toBase64 } from '@shared/crypto/bytes';
import { audit } from './audit';
import { checkAgainstForm, storedCurrentSet } from './evaluations';
import type { Actor } from './actor';
import type { MrezaDb } from './db';
import { orgToday } from './orgDay';
import { requireAll, requirePermission } from './permissions';
import { createRecord, selfOrgId, updateRecord } from './records';

export type ProgrammeDraft = Omit<z.input<typeof TABLE_SCHEMAS.programmes>, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;
export type EventDraft = Omit<z.input<typeof TABLE_SCHEMAS.events>, 'id' | 'orgId' | 'createdAt' | 'updatedAt'>;
export type SessionDraft = Omit<z.input<typeof TABLE_SCHEMAS.sessions>, 'orgId' | 'createdAt' | 'updatedAt' | 'eventId' | 'id'> & { id?: string };

const stamp = () => new Date().toISOString();
const byDateTime = (a: EventSession, b: EventSession) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start);

export async function saveProgramme(db: MrezaDb, actor: Actor, draft: ProgrammeDraft, id?: string): Promise<Programme> {
  requirePermission(actor, 'editRecords');
  return id ? updateRecord(db, actor, 'programmes', id, draft, draft.title) : createRecord(db, actor, 'programmes', draft, draft.title);
}

/** Saves an event with its sessions: new sessions are added, changed ones updated, removed ones deleted with their attendance and scans. */
export async function saveEvent(db: MrezaDb, actor: Actor, draft: EventDraft, sessions: SessionDraft[], id?: string): Promise<ProgrammeEvent> {
  requirePermission(actor, 'editRecords');
  return db.transaction('rw', [db.events, db.sessions, db.attendance, db.attachments, db.auditLog, db.organisations], async () => {
    const orgId = await selfOrgId(db);
    const now = stamp();
    const current = id ? await db.events.get(id) : undefined;
    if (id && !current) throw new Error(`event ${id} not found`);
    const event = TABLE_SCHEMAS.events.parse({
      ...current,
      ...draft,
      id: id ?? crypto.randomUUID(),
      orgId: current?.orgId ?? orgId,
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
    });
    await db.events.put(event);
    await audit(db, actor, id ? 'update' : 'create', 'events', event.id, event.title);
    const existing = await db.sessions.where('eventId').equals(event.id).toArray();
    const keep = new Set(sessions.map((s) => s.id).filter(Boolean));
    const removed = existing.filter((s) => !keep.has(s.id)).map((s) => s.id);
    if (removed.length) {
      await db.sessions.bulkDelete(removed);
      await db.attendance.where('sessionId').anyOf(removed).delete();
      await db.attachments.where('sessionId').anyOf(removed).delete();
      await audit(db, actor, 'delete', 'sessions', undefined, event.title, { count: removed.length });
    }
    const before = new Map(existing.map((s) => [s.id, s]));
    const rows = sessions.map((s) => {
      const old = s.id ? before.get(s.id) : undefined;
      return TABLE_SCHEMAS.sessions.parse({
        ...old,
        ...s,
        id: old?.id ?? crypto.randomUUID(),
        eventId: event.id,
        orgId: old?.orgId ?? orgId,
        createdAt: old?.createdAt ?? now,
        updatedAt: now,
      });
    });
    await db.sessions.bulkPut(rows);
    if (rows.length) await audit(db, actor, 'update', 'sessions', undefined, event.title, { count: rows.length });
    return event;
  });
}

export interface EnrolResult {
  enrolled: number;
  waiting: number;
  skipped: number;
}

/** Enrols people into an event: free places first, the rest onto the waiting list, in the order given. */
export async function enrolPeople(db: MrezaDb, actor: Actor, eventId: string, personIds: string[], day?: string): Promise<EnrolResult> {
  requirePermission(actor, 'editRecords');
  const on = day ?? (await orgToday(db));
  return db.transaction('rw', [db.events, db.enrolments, db.auditLog, db.organisations], async () => {
    const event = await db.events.get(eventId);
    if (!event) throw new Error(`event ${eventId} not found`);
    const existing = await db.enrolments.where('eventId').equals(eventId).toArray();
    const plan = planEnrolment(existing, personIds, event.capacity);
    const orgId = await selfOrgId(db);
    const now = stamp();
    const reused = new Map(existing.filter((e) => e.status === 'withdrawn').map((e) => [e.personId, e]));
    const rows: Enrolment[] = plan.added.map((a) => {
      const old = reused.get(a.personId);
      return TABLE_SCHEMAS.enrolments.parse({
        ...old,
        withdrawnOn: undefined,
        id: old?.id ?? crypto.randomUUID(),
        orgId: old?.orgId ?? orgId,
        createdAt: old?.createdAt ?? now,
        updatedAt: now,
        eventId,
        personId: a.personId,
        status: a.status,
        waitPosition: a.waitPosition,
        enrolledOn: on,
      });
    });
    await db.enrolments.bulkPut(rows);
    if (rows.length) await audit(db, actor, 'create', 'enrolments', eventId, event.title, { count: rows.length });
    const waiting = rows.filter((r) => r.status === 'waiting').length;
    return { enrolled: rows.length - waiting, waiting, skipped: plan.alreadyEnrolled.length };
  });
}

/** Withdraws an enrolment; the first people on the waiting list move up into the freed places. Returns who moved up. */
export async function withdrawEnrolment(db: MrezaDb, actor: Actor, enrolmentId: string, day?: string): Promise<string[]> {
  requirePermission(actor, 'editRecords');
  const on = day ?? (await orgToday(db));
  return db.transaction('rw', [db.events, db.enrolments, db.auditLog], async () => {
    const target = await db.enrolments.get(enrolmentId);
    if (!target) throw new Error(`enrolment ${enrolmentId} not found`);
    const event = await db.events.get(target.eventId);
    const all = await db.enrolments.where('eventId').equals(target.eventId).toArray();
    const changes = withdrawAndPromote(all, enrolmentId, event?.capacity);
    const byId = new Map(all.map((e) => [e.id, e]));
    const now = stamp();
    const rows = changes.map(({ id, status }) => {
      const e = byId.get(id)!;
      return status === 'withdrawn'
        ? { ...e, status, withdrawnOn: on, waitPosition: undefined, updatedAt: now }
        : { ...e, status, waitPosition: undefined, updatedAt: now };
    });
    await db.enrolments.bulkPut(rows);
    if (rows.length) await audit(db, actor, 'update', 'enrolments', enrolmentId, event?.title ?? '', { count: rows.length, detail: 'withdrawn' });
    return rows.slice(1).map((r) => r.personId);
  });
}

/** Sets (or with null clears) one attendance mark. */
export async function setAttendance(db: MrezaDb, actor: Actor, sessionId: string, personId: string, status: AttendanceStatus | null): Promise<void> {
  requirePermission(actor, 'editRecords');
  await db.transaction('rw', [db.attendance, db.auditLog, db.organisations], async () => {
    const current = await db.attendance.where('[sessionId+personId]').equals([sessionId, personId]).first();
    if (status === null) {
      if (current) {
        await db.attendance.delete(current.id);
        await audit(db, actor, 'delete', 'attendance', current.id);
      }
      return;
    }
    if (current?.status === status) return;
    const now = stamp();
    const row: Attendance = current
      ? { ...current, status, updatedAt: now }
      : TABLE_SCHEMAS.attendance.parse({ id: crypto.randomUUID(), orgId: await selfOrgId(db), createdAt: now, updatedAt: now, sessionId, personId, status });
    await db.attendance.put(row);
    await audit(db, actor, current ? 'update' : 'create', 'attendance', row.id, status);
  });
}

/** Moves one mark on to the next status (Space in the grid), from the mark as stored. Returns the new status. */
export async function cycleAttendance(db: MrezaDb, actor: Actor, sessionId: string, personId: string): Promise<AttendanceStatus> {
  requirePermission(actor, 'editRecords');
  return db.transaction('rw', [db.attendance, db.auditLog, db.organisations], async () => {
    const current = await db.attendance.where('[sessionId+personId]').equals([sessionId, personId]).first();
    const next = nextAttendanceStatus(current?.status);
    await setAttendance(db, actor, sessionId, personId, next);
    return next;
  });
}

export interface EventDetail {
  programme: Programme;
  event: ProgrammeEvent;
  sessions: EventSession[];
  enrolments: Enrolment[];
  people: Map<string, Person>;
  attendance: Attendance[];
  certificates: Certificate[];
  evaluations: Evaluation[];
  attachments: Array<Omit<Attachment, 'dataBase64'>>;
}

/** One session of an event (a sign-in sheet is printed per session). */
export async function getEventSession(db: MrezaDb, sessionId: string): Promise<EventSession | undefined> {
  return db.sessions.get(sessionId);
}

/** An event with its participants' names: for who may read everyone (not a mentor, not a viewer). */
export async function loadEventDetail(db: MrezaDb, actor: Actor, eventId: string): Promise<EventDetail | null> {
  requireAll(actor, 'readPeople');
  return eventDetail(db, eventId);
}

async function eventDetail(db: MrezaDb, eventId: string): Promise<EventDetail | null> {
  const event = await db.events.get(eventId);
  if (!event) return null;
  const programme = await db.programmes.get(event.programmeId);
  if (!programme) return null;
  const sessions = (await db.sessions.where('eventId').equals(eventId).toArray()).sort(byDateTime);
  const sessionIds = sessions.map((s) => s.id);
  const enrolments = await db.enrolments.where('eventId').equals(eventId).toArray();
  const people = new Map((await db.people.bulkGet(enrolments.map((e) => e.personId))).filter((p): p is Person => !!p).map((p) => [p.id, p]));
  const attendance = await db.attendance.where('sessionId').anyOf(sessionIds).toArray();
  const certificates = await db.certificates.where('eventId').equals(eventId).toArray();
  const evaluations = await db.evaluations.where('eventId').equals(eventId).toArray();
  const attachments = (await db.attachments.where('sessionId').anyOf(sessionIds).toArray()).map(({ dataBase64: _, ...meta }) => meta);
  return { programme, event, sessions, enrolments, people, attendance, certificates, evaluations, attachments };
}

/** Enrolled people in the order sign-in sheets and the grid list them: by last name, then first name, in the UI language's alphabetical order. */
export function participants(
  detail: Pick<EventDetail, 'enrolments' | 'people'>,
  locale: Locale | string = 'hr',
): Array<{ enrolment: Enrolment; person: Person }> {
  const compare = comparePeople({ key: 'name' }, locale);
  return detail.enrolments
    .filter(holdsPlace)
    .map((enrolment) => ({ enrolment, person: detail.people.get(enrolment.personId)! }))
    .filter((x) => x.person)
    .sort((a, b) => compare(a.person, b.person));
}

/** Each participant's completion against the programme's rule. */
export function completions(detail: Pick<EventDetail, 'programme' | 'sessions' | 'attendance' | 'enrolments' | 'people'>): Map<string, CompletionResult> {
  const out = new Map<string, CompletionResult>();
  for (const { person } of participants(detail)) {
    const marks = new Map(detail.attendance.filter((a) => a.personId === person.id).map((a) => [a.sessionId, a.status]));
    out.set(person.id, evaluateCompletion(detail.programme.completionRule, detail.sessions, marks));
  }
  return out;
}

/**
 * Issues certificates to the given people who meet the rule and do not have one yet, numbered
 * on from the programme's highest number. Returns the new certificates.
 */
export async function issueCertificates(
  db: MrezaDb,
  actor: Actor,
  eventId: string,
  personIds: string[],
  kind: Certificate['kind'] = 'completion',
  day?: string,
): Promise<Certificate[]> {
  requirePermission(actor, 'editRecords');
  const on = day ?? (await orgToday(db));
  return db.transaction(
    'rw',
    [
      db.programmes,
      db.events,
      db.sessions,
      db.enrolments,
      db.people,
      db.attendance,
      db.certificates,
      db.evaluations,
      db.attachments,
      db.auditLog,
      db.organisations,
    ],
    async () => {
      const detail = await eventDetail(db, eventId);
      if (!detail) throw new Error(`event ${eventId} not found`);
      const done = completions(detail);
      const has = new Set(detail.certificates.map((c) => c.personId));
      const eligible = personIds.filter((p) => !has.has(p) && (kind === 'attendance' ? (done.get(p)?.attended ?? 0) > 0 : done.get(p)?.met));
      if (eligible.length === 0) return [];
      const eventIds = (await db.events.where('programmeId').equals(detail.programme.id).toArray()).map((e) => e.id);
      const issued = await db.certificates.where('eventId').anyOf(eventIds).toArray();
      const numbers = nextCertificateNumbers(certificatePrefix(detail.programme), Number(on.slice(0, 4)), issued, eligible.length);
      const orgId = await selfOrgId(db);
      const now = stamp();
      const rows = eligible.map((personId, i) =>
        TABLE_SCHEMAS.certificates.parse({
          id: crypto.randomUUID(),
          orgId,
          createdAt: now,
          updatedAt: now,
          eventId,
          programmeId: detail.programme.id,
          personId,
          kind,
          number: numbers[i]!.number,
          sequence: numbers[i]!.sequence,
          issuedOn: on,
        }),
      );
      await db.certificates.bulkAdd(rows);
      await audit(db, actor, 'create', 'certificates', eventId, detail.event.title, { count: rows.length });
      return rows;
    },
  );
}

/**
 * Applies one edit to a participant's evaluation inside one transaction, on the row as stored
 * (never on what a screen last showed), so edits made in quick succession all stay. The whole
 * row is checked with the evaluation schema: a bad score throws the ZodError and writes nothing.
 * A row left with no score and no comment is removed (it is no longer a response).
 */
export async function saveEvaluation(db: MrezaDb, actor: Actor, eventId: string, personId: string, patch: EvaluationPatch): Promise<Evaluation | null> {
  requirePermission(actor, 'enterEvaluations');
  return db.transaction('rw', [db.events, db.programmes, db.questionSets, db.evaluations, db.auditLog, db.organisations], async () => {
    const current = await db.evaluations
      .where('eventId')
      .equals(eventId)
      .filter((e) => e.personId === personId)
      .first();
    // A participant's first response answers the programme's current form; a later edit keeps the form it was given on.
    let form = current?.questionSetId ? await db.questionSets.get(current.questionSetId) : undefined;
    if (!current) {
      const event = await db.events.get(eventId);
      const programme = event && (await db.programmes.get(event.programmeId));
      if (!programme) throw new Error(`event ${eventId} not found`);
      form = await storedCurrentSet(db, actor, programme);
    }
    const now = stamp();
    const row = TABLE_SCHEMAS.evaluations.parse({
      id: current?.id ?? crypto.randomUUID(),
      orgId: current?.orgId ?? (await selfOrgId(db)),
      createdAt: current?.createdAt ?? now,
      updatedAt: now,
      eventId,
      personId,
      ...(current?.questionSetId || form ? { questionSetId: current ? current.questionSetId : form!.id } : {}),
      ...(current?.answers ? { answers: current.answers } : {}),
      ...applyEvaluationPatch(current, patch),
    });
    checkAgainstForm(form ?? FIRST_FORM, row, true);
    if (isEmptyEvaluation(row)) {
      if (current) {
        await db.evaluations.delete(current.id);
        await audit(db, actor, 'delete', 'evaluations', current.id);
      }
      return null;
    }
    await db.evaluations.put(row);
    await audit(db, actor, current ? 'update' : 'create', 'evaluations', row.id);
    return row;
  });
}

const MIME: Record<string, string> = { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', tif: 'image/tiff', tiff: 'image/tiff' };

/** Attaches a scanned signed sheet to a session (stored as base64 so backups carry it). */
export async function attachScan(db: MrezaDb, actor: Actor, sessionId: string, fileName: string, data: Uint8Array): Promise<Attachment> {
  requirePermission(actor, 'editRecords');
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return createRecord(
    db,
    actor,
    'attachments',
    { sessionId, fileName, mimeType: MIME[ext] ?? 'application/octet-stream', size: data.length, dataBase64: toBase64(data) },
    fileName,
  );
}

export async function attachmentBytes(db: MrezaDb, actor: Actor, ids: string[]): Promise<Array<{ attachment: Attachment; data: Uint8Array }>> {
  // Scanned sign-in sheets carry names and signatures.
  requireAll(actor, 'readPeople');
  const rows = (await db.attachments.bulkGet(ids)).filter((a): a is Attachment => !!a);
  return rows.map((attachment) => {
    const data = fromBase64(attachment.dataBase64);
    if (!data) throw new Error(`attachment ${attachment.id} is not base64`);
    return { attachment, data };
  });
}

export interface ProgrammeDetail {
  programme: Programme;
  events: Array<{ event: ProgrammeEvent; sessions: EventSession[]; enrolled: number; waiting: number }>;
}

export async function loadProgrammeDetail(db: MrezaDb, programmeId: string): Promise<ProgrammeDetail | null> {
  const programme = await db.programmes.get(programmeId);
  if (!programme) return null;
  const events = await db.events.where('programmeId').equals(programmeId).toArray();
  const ids = events.map((e) => e.id);
  const sessions = await db.sessions.where('eventId').anyOf(ids).toArray();
  const enrolments = await db.enrolments.where('eventId').anyOf(ids).toArray();
  return {
    programme,
    events: events
      .map((event) => ({
        event,
        sessions: sessions.filter((s) => s.eventId === event.id).sort(byDateTime),
        enrolled: enrolments.filter((e) => e.eventId === event.id && holdsPlace(e)).length,
        waiting: enrolments.filter((e) => e.eventId === event.id && e.status === 'waiting').length,
      }))
      .sort((a, b) => (a.event.number ?? 0) - (b.event.number ?? 0) || (a.sessions[0]?.date ?? '').localeCompare(b.sessions[0]?.date ?? '')),
  };
}
