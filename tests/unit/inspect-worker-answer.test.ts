/**
 * The inspect worker and the window's thread answer alike (issue 14, one error mapper): a file whose
 * inspection fails with something that is not a refusal is "unexpected" on both paths (the worker
 * used to call it "damaged").
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inspectFiles } from '@shared/consolidate';
import { generateOrgKeys } from '@shared/crypto';
import type { InspectRequest, InspectResponse } from '../../src/renderer/src/workers/inspectPool';

vi.mock(import('@shared/bundle'), async (original) => ({
  ...(await original()),
  inspectBundle: () => Promise.reject(new RangeError('Array buffer allocation failed')),
}));

afterEach(() => vi.unstubAllGlobals());

describe('the inspect worker’s answer to an unexpected failure', () => {
  it('is the code the window’s thread gives for the same failure', async () => {
    const posted: InspectResponse[] = [];
    const scope: { onmessage?: (e: { data: InspectRequest }) => void; postMessage: (m: InspectResponse) => void } = {
      postMessage: (m) => posted.push(structuredClone(m)),
    };
    vi.stubGlobal('self', scope);
    await import('../../src/renderer/src/workers/inspectWorker');
    const keys = await generateOrgKeys();
    scope.onmessage!({ data: { id: 1, data: new Uint8Array([1, 2, 3]), leadKeys: keys, opts: {} } });
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ id: 1, error: { code: 'unexpected', params: {} } });

    // The pool hands that answer on; the lead's dry run says the same as without workers.
    class RelayWorker extends EventTarget {
      postMessage(m: InspectRequest) {
        setTimeout(() => this.dispatchEvent(new MessageEvent('message', { data: { ...posted[0]!, id: m.id } })), 1);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', RelayWorker);
    const { inspectPool } = await import('../../src/renderer/src/workers/inspectPool');
    const pool = inspectPool();
    const files = [{ fileName: 'a.mreza', data: new Uint8Array([1, 2, 3]) }];
    const viaWorker = await inspectFiles(files, keys, { inspectOne: pool.inspectOne, concurrency: 1 });
    pool.close();
    const onWindow = await inspectFiles(files, keys, {});
    expect(viaWorker.refused).toEqual([{ fileName: 'a.mreza', problem: { code: 'unexpected', params: {} } }]);
    expect(onWindow.refused).toEqual(viaWorker.refused);
  });
});
