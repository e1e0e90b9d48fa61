import { isSafeExternalUrl } from '../security';

/** Opens https and mailto links with the OS; anything else is refused (false). */
export async function openExternalSafely(openExternal: (url: string) => Promise<void>, url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await openExternal(url);
  return true;
}
