import { describe, expect, it } from 'vitest';
import { FILE_KIND_EXTENSION, FILE_KINDS, fileKindOf, hasExtension } from '@shared/files/kinds';
import { openRouteFor } from '@shared/files/openRoute';
import { invitationFileName, bundleFileName } from '@shared/bundle/fileName';
import { keyFileName } from '@shared/bundle/keyFile';
import { packFileName as mentorPackFileName } from '@shared/mentorPack/pack';
import { logsFileName } from '@shared/mentorPack/logs';

describe('fileKindOf', () => {
  it('recognises every file name Mreža itself proposes', () => {
    expect(fileKindOf(invitationFileName('Zaposli me'))).toBe('invitation');
    expect(fileKindOf(bundleFileName('Udruga žena', '2026-03-01'))).toBe('bundle');
    expect(fileKindOf(keyFileName('Zaposli me'))).toBe('keyFile');
    expect(fileKindOf(mentorPackFileName('Ana Horvat', '2026-03-01'))).toBe('mentorPack');
    expect(fileKindOf(logsFileName('Ana Horvat', '2026-03-01'))).toBe('sessionLogs');
  });

  it('takes the extension after the last dot, in any case, and nothing else', () => {
    expect(fileKindOf('C:\\Users\\ana\\Downloads\\PAKET.MREZA-MENTOR')).toBe('mentorPack');
    expect(fileKindOf('izvoz.mreza.csv')).toBeNull();
    expect(fileKindOf('mreza')).toBeNull();
    expect(fileKindOf('backup.json.gz')).toBeNull();
    expect(fileKindOf('x.mreza-keys')).toBeNull();
    expect(fileKindOf('.mreza')).toBe('bundle');
  });

  it('has one distinct extension per kind', () => {
    expect(new Set(FILE_KINDS.map((k) => FILE_KIND_EXTENSION[k])).size).toBe(FILE_KINDS.length);
  });

  it('hasExtension compares whole extensions', () => {
    expect(hasExtension('Popis.CSV', ['csv', 'xlsx'])).toBe(true);
    expect(hasExtension('popis.xcsv', ['csv'])).toBe(false);
  });
});

describe('openRouteFor', () => {
  const lead = { role: 'coordinator', orgRole: 'lead', mentorMode: false } as const;
  const partner = { role: 'coordinator', orgRole: 'partner', mentorMode: false } as const;
  it('sends each kind to the screen that shows its dry run', () => {
    expect(openRouteFor('bundle', lead)).toEqual({ path: '/exchange' });
    expect(openRouteFor('invitation', partner)).toEqual({ path: '/exchange' });
    expect(openRouteFor('sessionLogs', partner)).toEqual({ path: '/mentoring/packs' });
    expect(openRouteFor('mentorPack', { ...partner, role: 'mentor', mentorMode: true })).toEqual({ path: '/mentor/send' });
  });
  it('says why a file does not open here instead of sending her to a screen that cannot take it', () => {
    expect(openRouteFor('keyFile', lead)).toEqual({ refused: 'keyFile' });
    expect(openRouteFor('bundle', partner)).toEqual({ refused: 'notAllowed' });
    expect(openRouteFor('invitation', lead)).toEqual({ refused: 'notAllowed' });
    expect(openRouteFor('invitation', { ...partner, role: 'staff' })).toEqual({ refused: 'notAllowed' });
    expect(openRouteFor('sessionLogs', { ...partner, role: 'viewer' })).toEqual({ refused: 'notAllowed' });
    expect(openRouteFor('sessionLogs', { ...partner, role: 'mentor' })).toEqual({ refused: 'notAllowed' });
    expect(openRouteFor('mentorPack', partner)).toEqual({ refused: 'mentorPackHere' });
    expect(openRouteFor('bundle', { ...partner, role: 'mentor', mentorMode: true })).toEqual({ refused: 'notInMentorMode' });
  });
});
