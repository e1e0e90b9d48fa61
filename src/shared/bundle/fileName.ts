import { fileSlug } from '../files/slug';

/** "Udruga Korak – Čakovec" → "udruga-korak-cakovec": the file-name rule (files/slug.ts), at most 40 characters. */
export function orgSlug(name: string): string {
  return fileSlug(name, { max: 40, fallback: 'org' });
}

/** `mreza-<org-slug>-<yyyy-mm-dd>.mreza` for the organisation's local day (calendar/localDay.ts); a date-time counts by its first 10 characters. */
export function bundleFileName(orgName: string, day: string): string {
  return `mreza-${orgSlug(orgName)}-${day.slice(0, 10)}.mreza`;
}

/** `mreza-invitation-<project-slug>.mreza-invite` */
export function invitationFileName(projectName: string): string {
  return `mreza-invitation-${orgSlug(projectName)}.mreza-invite`;
}
