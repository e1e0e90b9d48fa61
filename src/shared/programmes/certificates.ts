/** Certificate numbers: PREFIX-YEAR-NNN, running per programme (BADGE-2026-001, BADGE-2026-002, …). */
export function certificatePrefix(p: { certificatePrefix?: string; projectCode?: string; kind: string }): string {
  const raw = p.certificatePrefix || p.projectCode || (p.kind === 'badge' ? 'BADGE' : 'CERT');
  const clean = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return clean || 'CERT';
}

export function formatCertificateNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(3, '0')}`;
}

/**
 * The next `count` numbers after those already issued in the programme. Sequences never repeat,
 * even after a certificate is revoked: the next one continues after the highest ever used.
 */
export function nextCertificateNumbers(
  prefix: string,
  year: number,
  issued: Array<{ sequence?: number; number: string }>,
  count: number,
): Array<{ sequence: number; number: string }> {
  const used = issued.map((c) => c.sequence ?? Number(/-(\d+)$/.exec(c.number)?.[1] ?? 0));
  const start = Math.max(0, ...used) + 1;
  return Array.from({ length: count }, (_, i) => ({ sequence: start + i, number: formatCertificateNumber(prefix, year, start + i) }));
}
