import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Calls `onIdle` once after `ms` without keyboard, mouse or touch activity. (Mantine's useIdle
 * reports a flag that clears itself on the next mouse move; a lock must stay locked.)
 */
export function useInactivity(onIdle: () => void, ms: number, enabled: boolean): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);
  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(() => callback.current(), ms);
    const reset = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), ms);
    };
    for (const e of ACTIVITY) window.addEventListener(e, reset, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, reset, { capture: true });
    };
  }, [ms, enabled]);
}
