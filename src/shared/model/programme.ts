import { z } from 'zod';
import { baseRecord, country, id, isoDate, name, optionalText } from './base';
import { logoSchema } from './logo';

export const PROGRAMME_KINDS = ['badge', 'crossBorder', 'seminarSeries', 'other'] as const;
export const completionRuleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('minShare'), minShare: z.number().min(0).max(1) }),
  z.object({ type: z.literal('compulsory'), sessionIds: z.array(id) }),
]);
export type CompletionRule = z.infer<typeof completionRuleSchema>;

export const programmeSchema = baseRecord.extend({
  kind: z.enum(PROGRAMME_KINDS),
  title: name(200),
  funder: optionalText(200),
  projectCode: optionalText(60),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  partnerOrgIds: z.array(id).default([]),
  completionRule: completionRuleSchema.default({ type: 'minShare', minShare: 0.8 }),
  /** Partners named on the programme (a cross-border programme has partners in two or more countries). */
  partners: z.array(z.object({ name: name(200), country })).optional(),
  /** Prefix of certificate numbers, e.g. "BADGE" → BADGE-2026-001. */
  certificatePrefix: optionalText(20),
  /** Funders' logos printed beside the organisation's (a donor's visibility rules ask for them). */
  funderLogos: z.array(logoSchema).max(3).optional(),
  /** EU-funded: the EU emblem with "Funded by the European Union" in the page's language is printed (the EU's visibility rule). */
  euFunded: z.boolean().optional(),
});
export type Programme = z.infer<typeof programmeSchema>;

export const EVENT_KINDS = ['workshop', 'module', 'seminar', 'peerReview'] as const;
export const eventSchema = baseRecord.extend({
  programmeId: id,
  kind: z.enum(EVENT_KINDS),
  number: z.number().int().min(0).optional(),
  title: name(200),
  topic: optionalText(500),
  trainers: z.array(name(120)).default([]),
  capacity: z.number().int().min(1).max(10000).optional(),
  /** The agenda as printed on sign-in sheets and in the evidence pack. */
  agenda: optionalText(5000),
});
export type ProgrammeEvent = z.infer<typeof eventSchema>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
export const sessionSchema = baseRecord.extend({
  eventId: id,
  date: isoDate,
  start: time,
  end: time,
  venue: optionalText(200),
  town: name(120),
  country,
});
export type EventSession = z.infer<typeof sessionSchema>;

export const ENROLMENT_STATUSES = ['enrolled', 'waiting', 'withdrawn', 'completed'] as const;
export const enrolmentSchema = baseRecord.extend({
  eventId: id,
  personId: id,
  status: z.enum(ENROLMENT_STATUSES),
  /** Position on the waiting list; lower moves up first. */
  waitPosition: z.number().int().min(0).optional(),
  enrolledOn: isoDate,
  withdrawnOn: isoDate.optional(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const ATTENDANCE_STATUSES = ['present', 'late', 'excused', 'absent'] as const;
export const attendanceSchema = baseRecord.extend({
  sessionId: id,
  personId: id,
  status: z.enum(ATTENDANCE_STATUSES),
});
export type Attendance = z.infer<typeof attendanceSchema>;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const certificateSchema = baseRecord.extend({
  eventId: id,
  personId: id,
  kind: z.enum(['completion', 'attendance']),
  number: name(40),
  issuedOn: isoDate,
  programmeId: id.optional(),
  /** Running number within the programme (the last part of `number`). */
  sequence: z.number().int().min(1).optional(),
});
export type Certificate = z.infer<typeof certificateSchema>;

/**
 * A scanned signed sign-in sheet attached to its session as evidence. The bytes are kept as
 * base64 text so backups (JSON) carry them unchanged.
 */
export const attachmentSchema = baseRecord.extend({
  sessionId: id,
  fileName: name(200),
  mimeType: z.string().max(100),
  size: z.number().int().min(0).max(25_000_000),
  dataBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type Attachment = z.infer<typeof attachmentSchema>;
