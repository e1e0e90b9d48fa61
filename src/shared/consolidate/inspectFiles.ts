import { BundleError, inspectBundle, type InspectOptions, type InspectedBundle } from '../bundle';
import type { OrgKeys } from '../crypto';
import { problemOf } from '../problem';

/** A file the lead picked, as bytes. */
export interface IncomingFile {
  fileName: string;
  data: Uint8Array;
}

/** A file that could not be opened at all (tampered, foreign, …): `exchange:errors.<code>`. */
export interface RefusedFile {
  fileName: string;
  problem: { code: string; params: Record<string, string | number> };
}

/** inspectBundle, or something that runs it elsewhere (the app's Web Workers) with the same contract. */
export type InspectOne = (data: Uint8Array, leadKeys: Pick<OrgKeys, 'encrypt' | 'publicKeys'>, opts: InspectOptions) => Promise<InspectedBundle>;

/**
 * Opens and verifies every file and sorts them into bundles to plan and refusals, both in the
 * order of `files` whatever order they finish in. `concurrency` files are inspected at a time
 * (1 by default: a bundle can be large; the app passes a worker-backed `inspectOne` and more).
 * Shared by the lead's app and the command-line consolidation.
 */
export async function inspectFiles(
  files: readonly IncomingFile[],
  leadKeys: Pick<OrgKeys, 'encrypt' | 'publicKeys'>,
  opts: InspectOptions & { onProgress?: (done: number, total: number) => void; inspectOne?: InspectOne; concurrency?: number } = {},
): Promise<{ inputs: Array<{ bundle: InspectedBundle; fileName: string }>; refused: RefusedFile[] }> {
  const { onProgress, inspectOne = inspectBundle, concurrency = 1, ...inspect } = opts;
  const results: Array<{ bundle: InspectedBundle } | { problem: RefusedFile['problem'] }> = new Array(files.length);
  let next = 0;
  let done = 0;
  onProgress?.(0, files.length);
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      try {
        results[i] = { bundle: await inspectOne(files[i]!.data, leadKeys, inspect) };
      } catch (e) {
        results[i] = { problem: problemOf(e, [BundleError]) };
      }
      onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, files.length)) }, lane));
  const inputs: Array<{ bundle: InspectedBundle; fileName: string }> = [];
  const refused: RefusedFile[] = [];
  results.forEach((r, i) => {
    const fileName = files[i]!.fileName;
    if ('bundle' in r) inputs.push({ bundle: r.bundle, fileName });
    else refused.push({ fileName, problem: r.problem });
  });
  return { inputs, refused };
}
