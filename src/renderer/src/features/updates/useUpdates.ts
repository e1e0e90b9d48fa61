import { useCallback, useEffect, useState } from 'react';
import { updateStatus, type UpdateStatus } from '@shared/updates';
import { platform } from '../../platform';

/**
 * The update status from main (src/main/updates.ts), refreshed whenever main says it changed.
 * Every answer is parsed with the shared schema: what reaches the screen is a known state with a
 * bounded version and plain-text notes, never whatever main (or a feed) produced.
 */
export function useUpdates() {
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [failed, setFailed] = useState(false);
  const take = useCallback((answer: unknown) => {
    const parsed = updateStatus.safeParse(answer);
    setFailed(!parsed.success);
    if (parsed.success) setStatus(parsed.data);
  }, []);
  const run = useCallback((call: () => Promise<unknown>) => call().then(take, () => setFailed(true)), [take]);

  useEffect(() => {
    const refresh = () => void run(() => platform.invoke('updates:get', undefined));
    refresh();
    return platform.on('updates:changed', refresh);
  }, [run]);

  return {
    status,
    failed,
    setAutoCheck: (enabled: boolean) => run(() => platform.invoke('updates:setAutoCheck', { enabled })),
    checkNow: () => run(() => platform.invoke('updates:check', undefined)),
    download: () => run(() => platform.invoke('updates:download', undefined)),
    restart: () => platform.invoke('updates:restart', undefined),
  };
}
