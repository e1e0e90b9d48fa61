import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { EventSession, Programme, ProgrammeEvent } from '../../src/shared/model';
import { evidencePackFiles, zipFiles } from '../../src/shared/programmes';

const base = { orgId: '0b7a4c1e-1d2f-4a3b-8c4d-5e6f7a8b9c01', createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z' };
const programme: Programme = {
  ...base,
  id: 'p',
  kind: 'crossBorder',
  title: 'Socijalna aktivacija',
  funder: 'Interreg Slovenija – Hrvatska',
  projectCode: '2SoKroG',
  partnerOrgIds: [],
  completionRule: { type: 'minShare', minShare: 0.75 },
};
const event: ProgrammeEvent = {
  ...base,
  id: 'e',
  programmeId: 'p',
  kind: 'module',
  number: 3,
  title: 'Utjecaj socijalne aktivacije na zdravlje',
  trainers: ['dr. Mojca Zupan'],
  agenda: '09:00 Uvod\n10:30 Radionice',
};
const session: EventSession = {
  ...base,
  id: 's',
  eventId: 'e',
  date: '2019-12-05',
  start: '09:00',
  end: '15:00',
  venue: 'Celjski dom',
  town: 'Celje',
  country: 'SI',
};

describe('evidence pack', () => {
  it('holds agenda, one sign-in sheet per session, scans, counts by gender and organisation type, attendance', () => {
    const files = evidencePackFiles(
      {
        organisation: 'Društvo Most',
        programme,
        event,
        sessions: [session],
        people: [
          {
            id: 'a',
            firstName: 'Ana',
            lastName: 'Novak',
            gender: 'woman',
            country: 'SI',
            institutionType: 'socialWorkCentre',
            institution: 'CSD Celje',
            municipality: 'Celje',
          },
          { id: 'b', firstName: 'Ivo', lastName: 'Horvat', gender: 'man', country: 'HR', institutionType: 'employmentOffice', municipality: 'Čakovec' },
          { id: 'c', firstName: 'Sam', lastName: 'Kos', gender: 'notStated', country: 'SI' },
        ],
        attendance: [
          { sessionId: 's', personId: 'a', status: 'present' },
          { sessionId: 's', personId: 'b', status: 'excused' },
        ],
        scans: [{ sessionId: 's', fileName: 'Potpisna lista (sken).pdf', data: new Uint8Array([1, 2, 3]) }],
      },
      { locale: 'hr', date: (d) => d.split('-').reverse().join('.') + '.', label: (k) => k, signInSheetHtml: (s) => `<html>${s.date}</html>` },
    );
    expect(Object.keys(files).sort()).toEqual([
      '01-agenda.txt',
      '02-sign-in-sheets/01-2019-12-05.html',
      '03-signed-scans/2019-12-05-potpisna-lista-sken.pdf',
      '04-participant-counts.csv',
      '05-attendance.csv',
    ]);
    const agenda = strFromU8(files['01-agenda.txt']!);
    expect(agenda).toContain('3. Utjecaj socijalne aktivacije na zdravlje');
    expect(agenda).toContain('05.12.2019. 09:00–15:00 · Celjski dom, Celje');
    const counts = strFromU8(files['04-participant-counts.csv']!);
    expect([...files['04-participant-counts.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so Excel reads UTF-8
    expect(counts).toContain('total;;3');
    expect(counts).toContain('by.gender;gender.woman;1');
    expect(counts).toContain('by.gender;gender.otherOrNotStated;1');
    expect(counts).toContain('by.institutionType;institutionType.socialWorkCentre;1');
    expect(counts).toContain('by.country;country.SI;2');
    const attendance = strFromU8(files['05-attendance.csv']!).split('\r\n');
    expect(attendance[1]).toBe('Horvat, Ivo;Čakovec;status.excused');
    expect(attendance[3]).toBe('Novak, Ana;CSD Celje;status.present');
    const zip = unzipSync(zipFiles(files));
    expect(zip['03-signed-scans/2019-12-05-potpisna-lista-sken.pdf']).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('names scans readably from Cyrillic and diacritics, and lists attendance in the alphabet of the language (Č after C)', () => {
    const person = (id: string, firstName: string, lastName: string) => ({ id, firstName, lastName, gender: 'woman' as const, country: 'HR' as const });
    const files = evidencePackFiles(
      {
        organisation: 'Društvo Most',
        programme,
        event,
        sessions: [session],
        people: [person('a', 'Šima', 'Čolić'), person('b', 'Zora', 'Cvitan'), person('c', 'Ana', 'Dukić'), person('d', 'Ema', 'Čolić')],
        attendance: [],
        scans: [
          { sessionId: 's', fileName: 'Потписна листа Ђурђевац.PDF', data: new Uint8Array([1]) },
          { sessionId: 's', fileName: 'Popis – Čakovec, Međimurje.jpg', data: new Uint8Array([2]) },
        ],
      },
      { locale: 'hr', date: (d) => d, label: (k) => k, signInSheetHtml: () => '<html></html>' },
    );
    const scans = Object.keys(files).filter((f) => f.startsWith('03-'));
    expect(scans.sort()).toEqual(['03-signed-scans/2019-12-05-popis-cakovec-medimurje.jpg', '03-signed-scans/2019-12-05-potpisna-lista-durdevac.pdf']);
    const names = strFromU8(files['05-attendance.csv']!)
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(';')[0]);
    expect(names).toEqual(['Cvitan, Zora', 'Čolić, Ema', 'Čolić, Šima', 'Dukić, Ana']);
  });
});

describe('evidence pack sign-in sheets as PDF (#17 part 6)', () => {
  const input = {
    organisation: 'Društvo Most',
    programme,
    event,
    sessions: [session],
    people: [],
    attendance: [],
    scans: [],
  };
  const texts = { locale: 'hr', date: (d: string) => d, label: (k: string) => k, signInSheetHtml: (s: { date: string }) => `<html>${s.date}</html>` };

  it('holds the PDF the desktop app rendered, and no HTML or note', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 sheet');
    const files = evidencePackFiles({ ...input, sheetPdfs: new Map([[session.id, pdf]]) }, texts);
    expect(Object.keys(files).filter((n) => n.startsWith('02-'))).toEqual(['02-sign-in-sheets/01-2019-12-05.pdf']);
    expect(files['02-sign-in-sheets/01-2019-12-05.pdf']).toBe(pdf);
    expect(strFromU8(files['01-agenda.txt']!)).not.toContain('sheetsAsHtml');
  });

  it('in the browser build keeps HTML and says in the agenda how to print it', () => {
    const files = evidencePackFiles(input, texts);
    expect(Object.keys(files).filter((n) => n.startsWith('02-'))).toEqual(['02-sign-in-sheets/01-2019-12-05.html']);
    expect(strFromU8(files['01-agenda.txt']!)).toContain('sheetsAsHtml');
  });
});
