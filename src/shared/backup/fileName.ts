import { fileSlug } from '../files/slug';

/** `mreza-backup-<org>-<yyyy-mm-dd>.json.gz`, what "Save to file" proposes, for the organisation's local day. */
export function backupDownloadName(orgName: string, day: string): string {
  return `mreza-backup-${fileSlug(orgName, { max: 40 })}-${day}.json.gz`;
}
