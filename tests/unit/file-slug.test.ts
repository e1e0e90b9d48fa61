import { describe, expect, it } from 'vitest';
import { fileNameSlug, fileSlug } from '../../src/shared/files/slug';
import { bundleFileName, invitationFileName } from '../../src/shared/bundle/fileName';
import { backupDownloadName } from '../../src/shared/backup/fileName';

describe('fileSlug: one rule for every file name Mreža proposes', () => {
  it('keeps letters readable in both scripts (no "z-ene", no "me-imurja")', () => {
    expect(fileSlug('Udruga žena Međimurja')).toBe('udruga-zena-medimurja');
    expect(fileSlug('Удружење жена Међимурја')).toBe('udruzenje-zena-medimurja');
    expect(fileSlug('Džemal Ljubić — Čakovec, 3. radionica')).toBe('dzemal-ljubic-cakovec-3-radionica');
    expect(fileSlug('Društvo za pomoč ženskam, Šmarje')).toBe('drustvo-za-pomoc-zenskam-smarje');
  });
  it('never empty, bounded, no dash at either end', () => {
    expect(fileSlug('***')).toBe('mreza');
    expect(fileSlug('', { fallback: 'org' })).toBe('org');
    const long = fileSlug('Udruga '.repeat(20), { max: 40 });
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).not.toMatch(/^-|-$/);
  });
  it('a file’s own name keeps its extension (lower case) and nothing else of its punctuation', () => {
    expect(fileNameSlug('Потписна листа Ђурђевац.PDF')).toBe('potpisna-lista-durdevac.pdf');
    expect(fileNameSlug('Potpisna lista (sken).pdf')).toBe('potpisna-lista-sken.pdf');
    expect(fileNameSlug('bez nastavka')).toBe('bez-nastavka');
    expect(fileNameSlug('!!!.png', { fallback: 'scan' })).toBe('scan.png');
  });
  it('the app’s file names use it: bundle, invitation and backup of a Cyrillic or Croatian name', () => {
    expect(bundleFileName('Удружење Корак Ниш', '2026-12-06')).toBe('mreza-udruzenje-korak-nis-2026-12-06.mreza');
    expect(invitationFileName('Socijalna aktivacija Međimurja')).toBe('mreza-invitation-socijalna-aktivacija-medimurja.mreza-invite');
    expect(backupDownloadName('Udruga Žene za budućnost', '2026-12-06')).toMatch(/^mreza-backup-udruga-zene-za-buducnost-2026-12-06\./);
  });
});
