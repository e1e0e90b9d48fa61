import { foldForSearch } from '../i18n/transliterate';

/** "Udruga Korak – Čakovec" → "udruga-korak-cakovec": ASCII, lower case, at most 40 characters. */
export function orgSlug(name: string): string {
  const slug = foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'org';
}

/** `mreza-<org-slug>-<yyyy-mm-dd>.mreza` for the organisation's local day (calendar/localDay.ts); a date-time counts by its first 10 characters. */
export function bundleFileName(orgName: string, day: string): string {
  return `mreza-${orgSlug(orgName)}-${day.slice(0, 10)}.mreza`;
}

/** `mreza-invitation-<project-slug>.mreza-invite` */
export function invitationFileName(projectName: string): string {
  return `mreza-invitation-${orgSlug(projectName)}.mreza-invite`;
}
