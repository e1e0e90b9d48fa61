import { BundleError, inspectBundle, type BundleErrorCode, type InspectOptions, type InspectedBundle } from '@shared/bundle';
import type { InspectOne } from '@shared/consolidate';
import type { OrgKeys } from '@shared/crypto';
import { UNEXPECTED, type Problem } from '@shared/problem';

export interface InspectRequest {
  id: number;
  data: Uint8Array;
  leadKeys: Pick<OrgKeys, 'encrypt' | 'publicKeys'>;
  opts: InspectOptions;
}
export type InspectResponse = { id: number; bundle: InspectedBundle } | { id: number; error: Problem };

/** Logged when a worker fails and bundles are inspected on the window's thread (the e2e tests look for it). */
export const INSPECT_FALLBACK = 'bundle inspection worker failed; inspecting on the main thread';

/** Two lanes on the 2-core office PCs we build for; more cores get up to four. */
const lanes = () => Math.max(1, Math.min(4, globalThis.navigator?.hardwareConcurrency ?? 2));

/**
 * Inspects bundles in Web Workers, one worker per lane, created for one batch and ended with
 * `close()` (a worker's heap holds a whole bundle while it works). Where workers are missing
 * (Node: tests, the command line) or a worker cannot start, the bundle is inspected on this
 * thread instead: same code, same answer.
 */
export function inspectPool(): { inspectOne: InspectOne; concurrency: number; close: () => void } {
  if (typeof Worker === 'undefined') return { inspectOne: inspectBundle, concurrency: 1, close: () => {} };
  const idle: Worker[] = [];
  const all: Worker[] = [];
  let broken = false;
  let seq = 0;
  const take = (): Worker => idle.pop() ?? spawn();
  const spawn = (): Worker => {
    const w = new Worker(new URL('./inspectWorker.ts', import.meta.url), { type: 'module', name: 'mreza-inspect' });
    all.push(w);
    return w;
  };
  const inspectOne: InspectOne = (data, leadKeys, opts) => {
    if (broken) return inspectBundle(data, leadKeys, opts);
    const worker = take();
    const id = ++seq;
    return new Promise<InspectedBundle>((resolve, reject) => {
      const done = () => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        worker.removeEventListener('messageerror', onError);
      };
      const onMessage = (e: MessageEvent<InspectResponse>) => {
        if (e.data.id !== id) return;
        done();
        idle.push(worker);
        if ('bundle' in e.data) resolve(e.data.bundle);
        // Not one of our refusals over there: not one here either, so it maps to 'unexpected' again.
        else if (e.data.error.code === UNEXPECTED) reject(new Error('bundle inspection failed unexpectedly in the worker'));
        else reject(new BundleError(e.data.error.code as BundleErrorCode, e.data.error.params));
      };
      // The worker script did not load, crashed (e.g. out of memory) or its answer could not be
      // read: this file on this thread, and the rest of the batch too.
      const onError = (e: Event) => {
        e.preventDefault();
        done();
        broken = true;
        console.warn(`${INSPECT_FALLBACK}: ${(e as ErrorEvent).message ?? ''}`);
        worker.terminate();
        inspectBundle(data, leadKeys, opts).then(resolve, reject);
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      worker.addEventListener('messageerror', onError);
      worker.postMessage({ id, data, leadKeys, opts } satisfies InspectRequest);
    });
  };
  return { inspectOne, concurrency: lanes(), close: () => all.forEach((w) => w.terminate()) };
}
