import { z } from 'zod';
import { baseRecord, id, isoDate, optionalText } from './base';
import { businessDetailsShape } from './person';

export const EXPERTISE_AREAS = ['businessPlan', 'finance', 'marketing', 'legal', 'digital', 'psychosocial', 'sector'] as const;
export type ExpertiseArea = (typeof EXPERTISE_AREAS)[number];
export const SERVICES = ['businessCounselling', 'psychosocialSupport', 'legalAdvice', 'education'] as const;
export type Service = (typeof SERVICES)[number];

/** Language codes (ISO 639-1) a mentor or mentee speaks; the UI names them in the user's language. */
// Stored as ISO codes, chosen from a list. One typed in Serbian Cyrillic under the old hint ("ср")
// stays as stored and is read as "sr" where languages are compared or named
// (mentoring/languages.ts): no transform here, so the lead's fast row check (bundle/rowCheck.ts)
// still applies to mentee profiles.
export const languageCode = z.string().trim().toLowerCase().min(2).max(12);

export const mentorSchema = baseRecord.extend({
  personId: id,
  expertise: z.array(z.enum(EXPERTISE_AREAS)).default([]),
  sectors: z.array(z.string().trim().min(1).max(80)).default([]),
  languages: z.array(languageCode).default([]),
  region: optionalText(120),
  remote: z.boolean().default(false),
  capacity: z.number().int().min(0).max(50),
  availability: optionalText(300),
  active: z.boolean().default(true),
});
export type Mentor = z.infer<typeof mentorSchema>;

export const BUSINESS_STAGES = ['idea', 'starting', 'running'] as const;
export const MENTOR_GENDER_PREFERENCES = ['any', 'woman', 'man'] as const;

/** What a mentee (a beneficiary in the registry) needs from a mentor; one row per person. */
export const menteeProfileSchema = baseRecord.extend({
  personId: id,
  stage: z.enum(BUSINESS_STAGES).default('idea'),
  sector: optionalText(80),
  needs: z.array(z.enum(EXPERTISE_AREAS)).default([]),
  /** The first language is the one she prefers. */
  languages: z.array(languageCode).default([]),
  region: optionalText(120),
  remote: z.boolean().default(false),
  mentorGender: z.enum(MENTOR_GENDER_PREFERENCES).default('any'),
  /** People she must not be matched with (conflict of interest). */
  avoidPersonIds: z.array(id).default([]),
  notes: optionalText(1000),
});
export type MenteeProfile = z.infer<typeof menteeProfileSchema>;

export const MATCH_STATUSES = ['proposed', 'active', 'paused', 'closed'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export const GOAL_STATUSES = ['open', 'inProgress', 'done', 'dropped'] as const;
export const CHECK_ANSWERS = ['yes', 'partly', 'no'] as const;
export const CLOSE_REASONS = ['goalsMet', 'menteeWithdrew', 'mentorUnavailable', 'notWorking', 'other'] as const;
export const MATCH_OUTCOMES = ['businessRegistered', 'employed', 'selfEmployed', 'education', 'continuing', 'droppedOut', 'none'] as const;

export const goalSchema = z.object({ id, text: z.string().trim().min(1).max(200), status: z.enum(GOAL_STATUSES).default('open') });
export const pairCheckSchema = z.object({ date: isoDate, working: z.enum(CHECK_ANSWERS), note: optionalText(500) });
/**
 * How a match ended. Only the reason is required: a rating, an outcome, a legal form and a job
 * count are recorded only when the coordinator chose them (nothing is assumed for her).
 */
export const closureSchema = z.object({
  reason: z.enum(CLOSE_REASONS),
  rating: z.number().int().min(1).max(5).optional(),
  outcome: z.enum(MATCH_OUTCOMES).optional(),
  ...businessDetailsShape,
  /** The participant's outcome record this closure wrote, if any. */
  outcomeId: id.optional(),
});
export type Goal = z.infer<typeof goalSchema>;
export type PairCheck = z.infer<typeof pairCheckSchema>;
export type Closure = z.infer<typeof closureSchema>;

export const matchSchema = baseRecord.extend({
  mentorId: id,
  menteeId: id,
  status: z.enum(MATCH_STATUSES),
  proposedOn: isoDate.optional(),
  startedOn: isoDate.optional(),
  pausedOn: isoDate.optional(),
  closedOn: isoDate.optional(),
  closeReason: optionalText(300),
  score: z.number().optional(),
  goals: z.array(goalSchema).optional(),
  checks: z.array(pairCheckSchema).optional(),
  closure: closureSchema.optional(),
});
export type Match = z.infer<typeof matchSchema>;

export const SESSION_MODES = ['inPerson', 'phone', 'online'] as const;
export const SESSION_STATUSES = ['held', 'planned'] as const;
export const mentoringSessionSchema = baseRecord.extend({
  matchId: id,
  date: isoDate,
  /** Start time (HH:mm) of a planned session, for the calendar. */
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .optional(),
  /** Absent means held. */
  status: z.enum(SESSION_STATUSES).optional(),
  minutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  mode: z.enum(SESSION_MODES),
  services: z.array(z.enum(SERVICES)).min(1),
  topics: optionalText(300),
  /** Confidential: never leaves the machine in pseudonymised exports. */
  note: optionalText(2000),
  nextSteps: optionalText(500),
  followUpOn: isoDate.optional(),
  followUpDone: z.boolean().optional(),
});
export type MentoringSession = z.infer<typeof mentoringSessionSchema>;

export const OBJECTIVES = ['score', 'count'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const matchingWeightsSchema = z.object({
  needs: z.number().int().min(0).max(100).default(40),
  sector: z.number().int().min(0).max(100).default(15),
  municipality: z.number().int().min(0).max(100).default(15),
  region: z.number().int().min(0).max(100).default(8),
  language: z.number().int().min(0).max(100).default(10),
  remote: z.number().int().min(0).max(100).default(5),
  /** Penalty per extra mentee already with a mentor: spreads the load. */
  spread: z.number().int().min(0).max(50).default(3),
});
export type MatchingWeights = z.infer<typeof matchingWeightsSchema>;
export const DEFAULT_WEIGHTS: MatchingWeights = matchingWeightsSchema.parse({});

/** The mentoring row of the settings table. */
export const mentoringSettingsSchema = z.object({
  key: z.literal('mentoring'),
  weights: matchingWeightsSchema.default(DEFAULT_WEIGHTS),
  objective: z.enum(OBJECTIVES).default('score'),
  /** Remind about active matches without a session for this many weeks. */
  staleWeeks: z.number().int().min(1).max(52).default(4),
});
export type MentoringSettings = z.infer<typeof mentoringSettingsSchema>;
export const DEFAULT_MENTORING_SETTINGS: MentoringSettings = mentoringSettingsSchema.parse({ key: 'mentoring' });

/**
 * Snoozed mentoring reminders (shared/mentoring/reminders.ts): reminder key ("stale:" + a match
 * id, "followUp:" + a session id, "referralFollowUp:" + a referral id…) → the day it shows again. Plain ids and dates only.
 */
export const reminderSnoozesSchema = z.object({
  key: z.literal('reminderSnoozes'),
  snoozes: z.record(z.string().regex(/^(followUp|stale|check|referralFollowUp):[0-9a-f-]{36}$/), isoDate).default({}),
});
export type ReminderSnoozesRow = z.infer<typeof reminderSnoozesSchema>;
