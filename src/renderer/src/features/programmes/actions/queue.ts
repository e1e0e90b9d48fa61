import type { MrezaDb } from '../../../db/db';

/**
 * Runs tasks one after another per key (a cell, a row), in the order they were asked for, so a
 * fast second click is never overtaken by, nor overwritten by, the first. A failed task does not
 * stop the ones queued after it; its caller gets the error.
 */
export class SerialQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const result = before.then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // Forget the key once its last task is done, so the map does not grow with every cell touched.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

const queues = new WeakMap<MrezaDb, SerialQueue>();

/** The queue of one data store (tests open several). */
export function queueOf(db: MrezaDb): SerialQueue {
  let q = queues.get(db);
  if (!q) queues.set(db, (q = new SerialQueue()));
  return q;
}
