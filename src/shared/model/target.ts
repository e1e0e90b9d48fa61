import { z } from 'zod';
import { baseRecord, id } from './base';

/** The headline indicators a donor sets targets on (ids as in src/shared/indicators/report.ts). */
export const TARGET_INDICATORS = [
  'reach.total',
  'reach.beneficiaries',
  'reach.professionals',
  'reach.women',
  'reach.womenShare',
  'training.participants',
  'training.certificates',
  'mentoring.sessions',
  'mentoring.hours',
  'outcomes.smesSupported',
  'outcomes.jobsOpened',
  'outcomes.placedWithEmployers',
] as const;
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];

/** "1,200 reached", "50 % women": a target for the whole project or for one programme. */
export const targetSchema = baseRecord.extend({
  indicator: z.enum(TARGET_INDICATORS),
  /** Absent: the target is for the whole project. */
  programmeId: id.optional(),
  /** A count, or a percentage (0–100) for shares. */
  value: z.number().positive().max(10_000_000),
});
export type Target = z.infer<typeof targetSchema>;
