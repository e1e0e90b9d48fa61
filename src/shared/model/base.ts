import { z } from 'zod';

/** Every record carries these so partner exports can be merged without collisions. */
export const id = z.uuid();
export const isoDate = z.iso.date(); // yyyy-MM-dd, a calendar day with no time zone
export const isoDateTime = z.iso.datetime({ offset: true });

export const baseRecord = z.object({
  id,
  orgId: id,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type BaseRecord = z.infer<typeof baseRecord>;

export const COUNTRIES = ['HR', 'RS', 'BA', 'SI', 'other'] as const;
export const country = z.enum(COUNTRIES);
export type Country = z.infer<typeof country>;

/** Trimmed, non-empty text of sensible length: the shape of every name a user types. */
export const name = (max = 200) => z.string().trim().min(1).max(max);
export const optionalText = (max = 2000) => z.string().trim().max(max).optional();
