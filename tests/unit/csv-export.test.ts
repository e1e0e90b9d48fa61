import { strFromU8, unzipSync } from 'fflate';
import { read } from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { csvBytes, csvText, inertText } from '../../src/shared/csv/write';
import { parseCsv } from '../../src/shared/import/csv';
import { writeSpreadsheet } from '../../src/shared/import/xlsx';
import { reportCsv, reportXlsx } from '../../src/shared/indicators/reportFiles';
import type { ReportTable } from '../../src/shared/indicators/report';
import type { Person } from '../../src/shared/model';
import { exportRows } from '../../src/shared/people/list';
import { evidencePackFiles } from '../../src/shared/programmes';

/** A surname someone typed (or a register carried) to run a formula on the reader's machine. */
const EVIL = '=HYPERLINK("http://x","y")';
const EVIL_VARIANTS = [EVIL, "+cmd|' /C calc'!A0", '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

/** Each cell of a CSV file as Excel would read it (UTF-8 with BOM, `;`). */
function cells(bytes: Uint8Array): string[] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parseCsv(new TextDecoder().decode(bytes.subarray(3)), ';').flat();
}

/** What a spreadsheet would run: a cell that starts with = + - @, or with tab/CR before one. */
const live = (cell: string) => /^[=+\-@\t\r]/.test(cell);

describe('the one CSV writer', () => {
  it('makes every cell that a spreadsheet would read as a formula inert, and keeps the text', () => {
    for (const v of EVIL_VARIANTS) {
      const out = cells(csvBytes([['x', v]]));
      expect(out[1], JSON.stringify(v)).toBe(`'${v}`);
      expect(live(out[1]!)).toBe(false);
    }
    // Ordinary text and numbers are untouched; a negative number stays a number.
    expect(csvText([['Đurđa "Đuka"', 'Čakovec; Međimurje', -3, 12, undefined, null]])).toBe('"Đurđa ""Đuka""";"Čakovec; Međimurje";-3;12;;\r\n');
    expect(inertText('Ana')).toBe('Ana');
  });

  it('people list export: the surname comes out inert', () => {
    const person = { id: 'p', orgId: 'o', firstName: 'Ana', lastName: EVIL, municipality: '@Zagreb', phone: '+385 91 234 5678' } as Person;
    const table = exportRows(
      [person],
      (c) => c,
      (c, p) => (p as unknown as Record<string, string | number | undefined>)[c],
    );
    const out = cells(csvBytes(table));
    expect(out).toContain(`'${EVIL}`);
    expect(out).toContain("'@Zagreb");
    expect(out).toContain("'+385 91 234 5678");
    expect(out.filter(live)).toEqual([]);
  });

  it('donor report CSV (the app and the command line write the same bytes): labels come out inert', () => {
    const tables: ReportTable[] = [
      {
        id: 'byMunicipality',
        title: 'Po općinama',
        header: ['Općina', 'Broj'],
        rows: [
          [EVIL, 12],
          ['-Čakovec', '<5'],
          ['Ukupno', 17],
        ],
      },
    ];
    const out = cells(reportCsv(tables));
    expect(out).toEqual(['Po općinama', `'${EVIL}`, '12', 'Po općinama', "'-Čakovec", '<5', 'Po općinama', 'Ukupno', '17']);
  });

  it('evidence pack: the surname in the attendance list comes out inert', () => {
    const base = { orgId: 'o', createdAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z' };
    const files = evidencePackFiles(
      {
        organisation: 'Društvo Most',
        programme: { ...base, id: 'p', kind: 'crossBorder', title: 'P', partnerOrgIds: [], completionRule: { type: 'minShare', minShare: 0.75 } },
        event: { ...base, id: 'e', programmeId: 'p', kind: 'module', title: 'E', trainers: [] },
        sessions: [{ ...base, id: 's', eventId: 'e', date: '2019-12-05', start: '09:00', end: '15:00', town: 'Celje', country: 'SI' }],
        people: [{ id: 'a', firstName: 'Ana', lastName: EVIL, gender: 'woman', country: 'SI', municipality: '=1+1' }],
        attendance: [{ sessionId: 's', personId: 'a', status: 'present' }],
        scans: [],
      },
      { locale: 'hr', date: (d) => d, label: (k) => k, signInSheetHtml: () => '<html></html>' },
    );
    const attendance = cells(files['05-attendance.csv']!);
    expect(attendance).toContain(`'${EVIL}, Ana`);
    expect(attendance.filter(live)).toEqual([]);
    expect(cells(files['04-participant-counts.csv']!).filter(live)).toEqual([]);
  });

  it('XLSX exports keep text as text: no formula cells', async () => {
    const workbooks = [
      writeSpreadsheet([['Prezime'], [EVIL], ['+385 91 234 5678']]),
      await reportXlsx([{ id: 't', title: 'T', header: ['a', 'b'], rows: [[EVIL, 3]] }]),
    ];
    for (const bytes of workbooks) {
      const book = read(bytes, { type: 'array', cellFormula: true });
      for (const sheet of Object.values(book.Sheets)) {
        for (const [ref, c] of Object.entries(sheet)) {
          if (ref.startsWith('!')) continue;
          expect((c as { f?: string }).f, ref).toBeUndefined();
        }
      }
      const xml = Object.entries(unzipSync(bytes))
        .filter(([n]) => n.startsWith('xl/worksheets/'))
        .map(([, b]) => strFromU8(b))
        .join('');
      expect(xml).not.toMatch(/<f[ >]/);
    }
  });
});
