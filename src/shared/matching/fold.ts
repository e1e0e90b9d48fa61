/** Lower-case, trimmed, without diacritics: "Čakovec" and "cakovec " compare equal. */
export function foldKey(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}
