import type { Proposal } from '@shared/matching';
import type { MatchRequest } from './matchWorker';

/** Runs "match all" in a Web Worker (same origin, so the CSP's script-src 'self' allows it). */
export function runMatching(request: MatchRequest, onProgress: (value: number) => void): Promise<Proposal> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./matchWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ type: 'progress'; value: number } | { type: 'done'; proposal: Proposal }>) => {
      if (e.data.type === 'progress') onProgress(e.data.value);
      else {
        resolve(e.data.proposal);
        worker.terminate();
      }
    };
    worker.onerror = (e) => {
      reject(new Error(e.message));
      worker.terminate();
    };
    worker.postMessage(request);
  });
}
