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

function localDay(when: Date | string): string {
  if (typeof when === 'string') return when.slice(0, 10);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${when.getFullYear()}-${p(when.getMonth() + 1)}-${p(when.getDate())}`;
}

/** `mreza-<org-slug>-<yyyy-mm-dd>.mreza`; a Date is taken in local time, a string by its first 10 characters. */
export function bundleFileName(orgName: string, when: Date | string): string {
  return `mreza-${orgSlug(orgName)}-${localDay(when)}.mreza`;
}

/** `mreza-invitation-<project-slug>.mreza-invite` */
export function invitationFileName(projectName: string): string {
  return `mreza-invitation-${orgSlug(projectName)}.mreza-invite`;
}
