import { isAbsolute, join } from 'node:path';

/** The folder beside the portable .exe that holds its data (README "Portable build"). */
export const PORTABLE_DATA_FOLDER = 'Mreza-data';

/**
 * Where Mreža keeps its data, when it is not the OS default (%APPDATA%\Mreza, ~/.config/Mreza):
 * the portable Windows build keeps it beside its .exe, so a copy on a USB stick carries its data
 * to another PC instead of opening empty there. electron-builder's portable launcher sets
 * PORTABLE_EXECUTABLE_DIR to the folder of the .exe the user started. MREZA_DATA_DIR lets an
 * administrator point an installation elsewhere (an absolute path only). Undefined: the default.
 */
export function dataDirOverride(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const explicit = env['MREZA_DATA_DIR']?.trim();
  if (explicit && isAbsolute(explicit)) return explicit;
  const portable = env['PORTABLE_EXECUTABLE_DIR']?.trim();
  if (portable && isAbsolute(portable)) return join(portable, PORTABLE_DATA_FOLDER);
  return undefined;
}
