import { BundleError, inspectBundle, type InspectOptions, type InspectedBundle } from '../bundle';
import type { OrgKeys } from '../crypto';

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

/**
 * Opens and verifies every file, one after another (a bundle can be large), and sorts them into
 * bundles to plan and refusals. Shared by the lead's app and the command-line consolidation.
 */
export async function inspectFiles(
  files: readonly IncomingFile[],
  leadKeys: Pick<OrgKeys, 'encrypt' | 'publicKeys'>,
  opts: InspectOptions & { onProgress?: (done: number, total: number) => void } = {},
): Promise<{ inputs: Array<{ bundle: InspectedBundle; fileName: string }>; refused: RefusedFile[] }> {
  const { onProgress, ...inspect } = opts;
  const inputs: Array<{ bundle: InspectedBundle; fileName: string }> = [];
  const refused: RefusedFile[] = [];
  let done = 0;
  onProgress?.(0, files.length);
  for (const f of files) {
    try {
      inputs.push({ bundle: await inspectBundle(f.data, leadKeys, inspect), fileName: f.fileName });
    } catch (e) {
      refused.push({ fileName: f.fileName, problem: e instanceof BundleError ? { code: e.code, params: { ...e.params } } : { code: 'unexpected', params: {} } });
    }
    onProgress?.(++done, files.length);
  }
  return { inputs, refused };
}
