/**
 * Web Worker entry: inspects one bundle (decrypt, verify, unzip, validate every row) off the
 * window's thread, so the lead's screen stays responsive and two bundles are read at once.
 * Answers what inspectBundle answers, or what it threw as { code, params } (the one mapper:
 * anything but a BundleError is 'unexpected', as on the window's thread).
 */
import { BundleError, inspectBundle } from '@shared/bundle';
import { problemOf } from '@shared/problem';
import type { InspectRequest, InspectResponse } from './inspectPool';

const scope = self as unknown as { onmessage: ((e: MessageEvent<InspectRequest>) => void) | null; postMessage: (m: InspectResponse) => void };

scope.onmessage = (e) => {
  const { id, data, leadKeys, opts } = e.data;
  inspectBundle(data, leadKeys, opts).then(
    (bundle) => scope.postMessage({ id, bundle }),
    (err: unknown) => scope.postMessage({ id, error: problemOf(err, [BundleError]) }),
  );
};
