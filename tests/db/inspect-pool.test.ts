/**
 * The lead's worker pool, with a stand-in for the browser's Worker (Node has none) that runs the
 * real worker module the pool names (db/inspectWorker.ts) in a scope of its own: the requests and
 * answers go through structured cloning both ways as they would, and a worker that fails to
 * start hands its file, and the rest of the batch, to the window's thread.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inspectBundle } from '../../src/shared/bundle';
import { canonicalJson } from '../../src/shared/crypto';
import { inspectFiles } from '../../src/shared/consolidate';
import { INSPECT_FALLBACK, inspectPool, type InspectRequest, type InspectResponse } from '../../src/renderer/src/workers/inspectPool';
import { exportBundle, makeWorld, type World } from '../fixtures/bundles/world';

let world: World;
let files: Array<{ fileName: string; data: Uint8Array }>;
const started: FakeWorker[] = [];

/** What a worker module sees as `self`: it sets onmessage and calls postMessage. */
interface WorkerScope {
  onmessage: ((e: { data: InspectRequest }) => void) | null;
  postMessage: (m: InspectResponse) => void;
}

/** Worker modules are evaluated one after another, each with its own `self` (and own module instances, as in a real worker). */
let loading: Promise<unknown> = Promise.resolve();

/** A Worker that evaluates the module at its URL with its own `self`; messages and answers are structured clones. */
class FakeWorker extends EventTarget {
  static failToStart = false;
  terminated = false;
  handled = 0;
  private readonly scope: WorkerScope = { onmessage: null, postMessage: (m) => this.answer(m) };
  private readonly loaded: Promise<void>;
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    super();
    started.push(this);
    const load = loading.then(async () => {
      if (FakeWorker.failToStart) return;
      vi.stubGlobal('self', this.scope);
      vi.resetModules();
      await import(/* @vite-ignore */ fileURLToPath(url));
    });
    loading = load.catch(() => {});
    this.loaded = load;
  }
  postMessage(message: InspectRequest) {
    const request = structuredClone(message);
    void this.loaded.then(() =>
      setTimeout(() => {
        if (FakeWorker.failToStart) {
          this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'Failed to load module script' }));
          return;
        }
        this.handled++;
        if (!this.scope.onmessage) throw new Error(`${this.url.pathname} set no onmessage`);
        this.scope.onmessage({ data: request });
      }, 1),
    );
  }
  answer(m: InspectResponse) {
    this.dispatchEvent(new MessageEvent('message', { data: structuredClone(m) }));
  }
  terminate() {
    this.terminated = true;
  }
}

beforeAll(async () => {
  world = await makeWorld();
  const good = await Promise.all(
    ['2026-09-01', '2026-09-02', '2026-09-03'].map(async (day, i) => ({
      fileName: `f${i}.mreza`,
      data: (await exportBundle(world, i % 2 ? world.b : world.a, { now: new Date(`${day}T10:00:00Z`), today: day })).bytes,
    })),
  );
  files = [good[0]!, { fileName: 'cut.mreza', data: good[1]!.data.slice(0, 300) }, good[1]!, good[2]!];
});

afterEach(() => {
  vi.unstubAllGlobals();
  started.length = 0;
  FakeWorker.failToStart = false;
});

describe('the inspect worker pool', () => {
  it('reads the batch in two workers, reuses them, gives the same answer as one thread, and ends them', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('navigator', { hardwareConcurrency: 2 });
    const pool = inspectPool();
    expect(pool.concurrency).toBe(2);
    const opts = { projectId: world.invitation.projectId };
    const viaWorkers = await inspectFiles(files, world.leadKeys, { ...opts, inspectOne: pool.inspectOne, concurrency: pool.concurrency });
    pool.close();
    expect(started).toHaveLength(2);
    expect(started.map((w) => w.handled).reduce((a, b) => a + b)).toBe(4);
    expect(started.every((w) => w.terminated && w.options.type === 'module' && /inspectWorker/.test(w.url.pathname))).toBe(true);
    expect(viaWorkers.refused).toEqual([{ fileName: 'cut.mreza', problem: expect.objectContaining({ code: expect.stringMatching(/damaged|tampered/) }) }]);
    const oneThread = await inspectFiles(files, world.leadKeys, opts);
    expect(canonicalJson(viaWorkers)).toBe(canonicalJson(oneThread));
  });

  it('a worker that cannot start: its file and the rest are read on this thread, with a warning', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.failToStart = true;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const pool = inspectPool();
    const out = await inspectFiles(files, world.leadKeys, {
      projectId: world.invitation.projectId,
      inspectOne: pool.inspectOne,
      concurrency: pool.concurrency,
    });
    pool.close();
    expect(out.inputs.map((i) => i.fileName)).toEqual(['f0.mreza', 'f1.mreza', 'f2.mreza']);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(INSPECT_FALLBACK));
    expect(started.every((w) => w.terminated && w.handled === 0)).toBe(true);
    warn.mockRestore();
  });

  it('without Worker (Node, the command line) it is plain inspectBundle, one at a time', () => {
    vi.stubGlobal('Worker', undefined);
    const pool = inspectPool();
    expect(pool.inspectOne).toBe(inspectBundle);
    expect(pool.concurrency).toBe(1);
  });
});
