import { setArgon2idRunner } from '@shared/auth/kdf';
import type { KdfRequest, KdfResponse } from './kdfWorker';

/** Argon2id runs in a worker of its own for each derivation (see kdfWorker.ts for why). */
export function installKdfWorker(): void {
  setArgon2idRunner(
    (passphrase, salt, params) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL('./kdfWorker.ts', import.meta.url), { type: 'module', name: 'kdf' });
        const done = () => worker.terminate();
        worker.onmessage = (e: MessageEvent<KdfResponse>) => {
          done();
          if ('key' in e.data) resolve(e.data.key);
          else reject(new Error(e.data.error));
        };
        worker.onerror = (e) => {
          done();
          reject(new Error(e.message));
        };
        worker.postMessage({ passphrase, salt, params } satisfies KdfRequest);
      }),
  );
}
