import { useCallback } from 'react';
import { localDay, orgTimeZone } from '@shared/calendar/localDay';
import { useApp } from './AppContext';

/**
 * A function giving the organisation's local day now (yyyy-MM-dd): default dates, file names,
 * what counts as held. Called when needed, so a screen left open past midnight moves on too.
 */
export function useToday(): () => string {
  const { org } = useApp();
  const zone = orgTimeZone(org);
  return useCallback(() => localDay(zone), [zone]);
}
