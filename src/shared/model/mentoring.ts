import { z } from 'zod';
import { baseRecord, id, isoDate, optionalText } from './base';

export const EXPERTISE_AREAS = ['businessPlan', 'finance', 'marketing', 'legal', 'digital', 'psychosocial', 'sector'] as const;
export const SERVICES = ['businessCounselling', 'psychosocialSupport', 'legalAdvice', 'education'] as const;

export const mentorSchema = baseRecord.extend({
  personId: id,
  expertise: z.array(z.enum(EXPERTISE_AREAS)).default([]),
  sectors: z.array(z.string().trim().min(1).max(80)).default([]),
  languages: z.array(z.string().trim().min(2).max(12)).default([]),
  region: optionalText(120),
  remote: z.boolean().default(false),
  capacity: z.number().int().min(0).max(50),
  availability: optionalText(300),
  active: z.boolean().default(true),
});
export type Mentor = z.infer<typeof mentorSchema>;

export const MATCH_STATUSES = ['proposed', 'active', 'paused', 'closed'] as const;
export const matchSchema = baseRecord.extend({
  mentorId: id,
  menteeId: id,
  status: z.enum(MATCH_STATUSES),
  startedOn: isoDate.optional(),
  closedOn: isoDate.optional(),
  closeReason: optionalText(300),
  score: z.number().optional(),
});
export type Match = z.infer<typeof matchSchema>;

export const SESSION_MODES = ['inPerson', 'phone', 'online'] as const;
export const mentoringSessionSchema = baseRecord.extend({
  matchId: id,
  date: isoDate,
  minutes: z.number().int().min(1).max(24 * 60),
  mode: z.enum(SESSION_MODES),
  services: z.array(z.enum(SERVICES)).min(1),
  note: optionalText(2000),
});
export type MentoringSession = z.infer<typeof mentoringSessionSchema>;
