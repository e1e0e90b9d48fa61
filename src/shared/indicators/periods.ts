import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfQuarter } from 'date-fns/endOfQuarter';
import { endOfYear } from 'date-fns/endOfYear';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfQuarter } from 'date-fns/startOfQuarter';
import { startOfYear } from 'date-fns/startOfYear';

export const PERIOD_PRESETS = ['month', 'quarter', 'year', 'all'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * The calendar days a preset covers around `day` (yyyy-MM-dd: the organisation's local today,
 * calendar/localDay.ts); "all" is project to date (no bounds).
 */
export function presetPeriod(preset: PeriodPreset, day: string): { from?: string; to?: string } {
  // A calendar date read as local midnight and written back the same way: no zone can shift it.
  const today = parseISO(day);
  switch (preset) {
    case 'month':
      return { from: iso(startOfMonth(today)), to: iso(endOfMonth(today)) };
    case 'quarter':
      return { from: iso(startOfQuarter(today)), to: iso(endOfQuarter(today)) };
    case 'year':
      return { from: iso(startOfYear(today)), to: iso(endOfYear(today)) };
    case 'all':
      return {};
  }
}
