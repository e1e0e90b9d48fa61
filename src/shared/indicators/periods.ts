import { endOfMonth, endOfQuarter, endOfYear, format, startOfMonth, startOfQuarter, startOfYear } from 'date-fns';

export const PERIOD_PRESETS = ['month', 'quarter', 'year', 'all'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/** The calendar days a preset covers around `today`; "all" is project to date (no bounds). */
export function presetPeriod(preset: PeriodPreset, today: Date): { from?: string; to?: string } {
  switch (preset) {
    case 'month':
      return { from: day(startOfMonth(today)), to: day(endOfMonth(today)) };
    case 'quarter':
      return { from: day(startOfQuarter(today)), to: day(endOfQuarter(today)) };
    case 'year':
      return { from: day(startOfYear(today)), to: day(endOfYear(today)) };
    case 'all':
      return {};
  }
}
