import { useMemo } from 'react';
import { platform } from '../../platform';
import { useApp } from '../../session/AppContext';
import type { ExchangeActionContext } from './actions';

/** The exchange actions' context for this signed-in session, with the platform's save dialog. */
export function useExchangeContext(): ExchangeActionContext {
  const { db, actor, org } = useApp();
  return useMemo(() => ({ db, actor, org, saveFile: (request) => platform.invoke('file:save', request) }), [db, actor, org]);
}
