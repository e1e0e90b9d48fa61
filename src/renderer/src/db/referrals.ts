import { checkStatusChange, referralReminderKey, referralReminders, type CloseReason, type ReferralReminder, type ReferralStatus } from '@shared/referrals';
import { pruneSnoozes } from '@shared/mentoring';
import { referralDraftSchema, referralSchema, reminderSnoozesSchema, type Referral, type ReferralDraftInput } from '@shared/model';
import { can } from '@shared/auth/permissions';
import type { Actor } from './actor';
import { audit } from './audit';
import type { MrezaDb } from './db';
import { getReminderSnoozes } from './mentoring';
import { orgToday } from './orgDay';
import { requirePermission } from './permissions';

/*
 * A person's referrals to institutions (#21 part 2). Everything of a referral but its person is
 * sealed at rest; who may read and write them is `manageReferrals` (coordinators, staff). Erasure
 * and merge reach them through their personId index (db/people.ts deleteWithLinks), backups through
 * TABLE_NAMES.
 */

export type ReferralErrorCode =
  | 'notFound'
  | 'personNotFound'
  | 'organisationNotFound'
  | 'dateInFuture'
  | 'dateAfterStatus'
  | 'followUpBeforeDate'
  | 'notAllowed'
  | 'dateBeforePrevious'
  | 'closeNeedsOutcome';

/** A refusal the UI translates (`referrals:errors.<code>`). */
export class ReferralError extends Error {
  constructor(readonly code: ReferralErrorCode) {
    super(code);
    this.name = 'ReferralError';
  }
}

const now = () => new Date().toISOString();

/** A person's referrals, newest first. */
export async function referralsOf(db: MrezaDb, actor: Actor, personId: string): Promise<Referral[]> {
  requirePermission(actor, 'manageReferrals');
  const rows = await db.referrals.where('personId').equals(personId).toArray();
  return rows.sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
}

/** The form's checks that need the store: the person and a linked organisation exist, no day after today. */
async function checkDraft(db: MrezaDb, input: ReferralDraftInput) {
  const draft = referralDraftSchema.parse(input);
  if (!(await db.people.get(draft.personId))) throw new ReferralError('personNotFound');
  if (draft.organisationId && !(await db.organisations.get(draft.organisationId))) throw new ReferralError('organisationNotFound');
  if (draft.date > (await orgToday(db))) throw new ReferralError('dateInFuture');
  if (draft.followUpOn && draft.followUpOn < draft.date) throw new ReferralError('followUpBeforeDate');
  return draft;
}

/** Records a referral as sent on its day. */
export async function createReferral(db: MrezaDb, actor: Actor, input: ReferralDraftInput): Promise<Referral> {
  requirePermission(actor, 'manageReferrals');
  return db.transaction('rw', [db.people, db.organisations, db.referrals, db.auditLog], async () => {
    const draft = await checkDraft(db, input);
    const person = (await db.people.get(draft.personId))!;
    const at = now();
    const row = referralSchema.parse({
      ...dropEmpty(draft),
      id: crypto.randomUUID(),
      orgId: person.orgId,
      createdAt: at,
      updatedAt: at,
      status: 'sent',
      history: [{ status: 'sent', date: draft.date }],
    });
    await db.referrals.add(row);
    await audit(db, actor, 'create', 'referrals', row.id, 'referralRecorded');
    return row;
  });
}

/** Corrects a referral's details (kind, institution, reason, contact, follow-up, the day it was sent). */
export async function updateReferral(db: MrezaDb, actor: Actor, id: string, input: ReferralDraftInput): Promise<Referral> {
  requirePermission(actor, 'manageReferrals');
  return db.transaction('rw', [db.people, db.organisations, db.referrals, db.auditLog], async () => {
    const stored = await db.referrals.get(id);
    if (!stored) throw new ReferralError('notFound');
    const draft = await checkDraft(db, { ...input, personId: stored.personId });
    // The day it was sent is the history's first step: it may not move past a later status.
    if (stored.history[1] && draft.date > stored.history[1].date) throw new ReferralError('dateAfterStatus');
    const { organisationId: _o, contactPerson: _c, followUpOn: _f, ...kept } = stored;
    const row = referralSchema.parse({
      ...kept,
      ...dropEmpty(draft),
      history: [{ status: 'sent', date: draft.date }, ...stored.history.slice(1)],
      updatedAt: now(),
    });
    await db.referrals.put(row);
    await audit(db, actor, 'update', 'referrals', id, 'referralChanged');
    return row;
  });
}

export interface StatusChangeInput {
  to: ReferralStatus;
  date: string;
  outcome?: string | undefined;
  closeReason?: CloseReason | undefined;
  /** The next day to ask how it goes; a closed or declined referral keeps none. */
  followUpOn?: string | undefined;
}

/** Moves a referral on (shared/referrals/status.ts decides what may follow what). */
export async function changeReferralStatus(db: MrezaDb, actor: Actor, id: string, input: StatusChangeInput): Promise<Referral> {
  requirePermission(actor, 'manageReferrals');
  return db.transaction('rw', [db.referrals, db.auditLog, db.organisations], async () => {
    const stored = await db.referrals.get(id);
    if (!stored) throw new ReferralError('notFound');
    const outcome = input.outcome?.trim() || undefined;
    const problem = checkStatusChange(stored.history, input.to, input.date, await orgToday(db), { outcome, closeReason: input.closeReason });
    if (problem) throw new ReferralError(problem);
    const final = input.to === 'closed' || input.to === 'declined';
    if (!final && input.followUpOn && input.followUpOn < input.date) throw new ReferralError('followUpBeforeDate');
    const { followUpOn: _f, ...rest } = stored;
    const row = referralSchema.parse({
      ...rest,
      status: input.to,
      history: [...stored.history, { status: input.to, date: input.date }],
      ...(!final && input.followUpOn ? { followUpOn: input.followUpOn } : {}),
      ...(input.to === 'closed' ? dropEmpty({ outcome, closeReason: input.closeReason }) : {}),
      updatedAt: now(),
    });
    await db.referrals.put(row);
    await audit(db, actor, 'update', 'referrals', id, 'referralStatus', { detail: input.to });
    return row;
  });
}

export async function deleteReferral(db: MrezaDb, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'manageReferrals');
  await db.transaction('rw', [db.referrals, db.auditLog], async () => {
    if (!(await db.referrals.get(id))) throw new ReferralError('notFound');
    await db.referrals.delete(id);
    await audit(db, actor, 'delete', 'referrals', id, 'referralDeleted');
  });
}

/* ---------- reminders ---------- */

export interface ReferralReminderRow {
  reminder: ReferralReminder;
  referral: Referral;
  personName: string;
}

/**
 * Follow-ups due (the home screen's reminders), for who may act on them; nobody else gets any (a
 * mentor's or a viewer's home shows none, rather than an error).
 */
export async function referralReminderRows(db: MrezaDb, actor: Actor, opts: { today?: string } = {}): Promise<ReferralReminderRow[]> {
  if (!can(actor.role, 'manageReferrals')) return [];
  const all = await db.referrals.toArray();
  const due = referralReminders(all, opts.today ?? (await orgToday(db)), await getReminderSnoozes(db));
  const byId = new Map(all.map((r) => [r.id, r]));
  const people = new Map((await db.people.bulkGet(due.map((r) => r.personId))).filter((p) => p !== undefined).map((p) => [p.id, p]));
  return due.map((reminder) => {
    const p = people.get(reminder.personId);
    return { reminder, referral: byId.get(reminder.referralId)!, personName: p ? `${p.firstName} ${p.lastName}` : '' };
  });
}

/** Hides a follow-up reminder until `until` (in the store the mentoring reminders' snoozes use). */
export async function snoozeReferralReminder(db: MrezaDb, actor: Actor, reminder: Pick<ReferralReminder, 'referralId'>, until: string): Promise<void> {
  requirePermission(actor, 'manageReferrals');
  if (!(await db.referrals.get(reminder.referralId))) throw new ReferralError('notFound');
  const today = await orgToday(db);
  await db.transaction('rw', db.settings, async () => {
    const snoozes = { ...pruneSnoozes(await getReminderSnoozes(db), today), [referralReminderKey(reminder)]: until };
    await db.table('settings').put(reminderSnoozesSchema.parse({ key: 'reminderSnoozes', snoozes }));
  });
}

function dropEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}
