import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvBytes } from '@shared/csv/write';
import { detectDelimiter, parseCsv } from '@shared/import/csv';
import { excelSerialToIso, parseBirthYear, parseImportDate } from '@shared/import/dates';
import { decodeText, guessCodePage } from '@shared/import/decode';
import { guessField, guessMapping, headerSignature } from '@shared/import/headers';
import { mappingIsUsable, previewImport, readPersonRow } from '@shared/import/people';
import { readSpreadsheet, writeSpreadsheet } from '@shared/import/xlsx';
import { CP1250_CSV, CP1251_CSV, UTF8_BOM_CSV, encodeSingleByte, xlsxBytes } from '../fixtures/import/make';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));

describe('decodeText: every encoding NGOs send', () => {
  it('reads Windows-1250 (Croatian Excel) with č ć š ž đ intact', () => {
    const d = decodeText(fixture('croatian-cp1250.csv'));
    expect(d.encoding).toBe('windows-1250');
    expect(d.text).toBe(CP1250_CSV);
    expect(d.text).toContain('Đurđica;Šimić');
  });
  it('reads Windows-1251 (Serbian Cyrillic Excel)', () => {
    const d = decodeText(fixture('serbian-cp1251.csv'));
    expect(d.encoding).toBe('windows-1251');
    expect(d.text).toBe(CP1251_CSV);
  });
  it('reads UTF-8 with and without a BOM, and UTF-16LE with a BOM', () => {
    const withBom = decodeText(fixture('bosnian-utf8-bom.csv'));
    expect(withBom).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(withBom.text.startsWith('Ime i prezime')).toBe(true);
    expect(decodeText(new TextEncoder().encode('Ime;Općina\n'))).toEqual({ text: 'Ime;Općina\n', encoding: 'utf-8', bom: false });
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'Šime'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeText(utf16)).toMatchObject({ text: 'Šime', encoding: 'utf-16le' });
  });
  it('tells short Latin and Cyrillic code-page text apart', () => {
    expect(guessCodePage(encodeSingleByte('Čakovec;Šimić', 'windows-1250'))).toBe('windows-1250');
    expect(guessCodePage(encodeSingleByte('Ниш;Петровић', 'windows-1251'))).toBe('windows-1251');
  });
});

describe('CSV', () => {
  it('detects ; and , and tab, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter(CP1250_CSV)).toBe(';');
    expect(detectDelimiter(UTF8_BOM_CSV)).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c\n"1;2",3\n')).toBe(',');
  });
  it('parses quotes, doubled quotes, CRLF and drops blank lines', () => {
    expect(parseCsv('a;"b;c";"say ""hi"""\r\n\r\n1;2;3\r\n', ';')).toEqual([
      ['a', 'b;c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv(UTF8_BOM_CSV)[1]).toEqual(['Amra Hodžić', 'Ž', '1987', 'Tuzla, Centar', '', '']);
  });
  it('writes CSV with a UTF-8 BOM that reads back the same', () => {
    const rows = [['Ime', 'Općina'], ['Đurđa "Đuka"', 'Čakovec; Međimurje']];
    const bytes = csvBytes(rows);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(parseCsv(decodeText(bytes).text, ';')).toEqual(rows);
  });
});

describe('dates', () => {
  it('reads dd.MM.yyyy and Excel serials', () => {
    expect(parseImportDate('12.03.2024.')).toBe('2024-03-12');
    expect(parseImportDate('1. 5. 1991')).toBe('1991-05-01');
    expect(parseImportDate(45_292)).toBe('2024-01-01');
    expect(parseImportDate('45292')).toBe('2024-01-01');
    expect(excelSerialToIso(1)).toBe('1899-12-31');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(parseImportDate('31.02.2024')).toBeNull();
    expect(parseImportDate('03/04/24')).toBeNull();
  });
  it('reads birth years as years, dates or serials', () => {
    expect(parseBirthYear('1984')).toBe(1984);
    expect(parseBirthYear('1984.')).toBe(1984);
    expect(parseBirthYear(1984)).toBe(1984);
    expect(parseBirthYear('01.05.1991.')).toBe(1991);
    expect(parseBirthYear(31_048)).toBe(1985);
    expect(parseBirthYear('19x4')).toBeNull();
    expect(parseBirthYear('1850')).toBeNull();
  });
});

describe('header guessing in six languages', () => {
  it.each([
    ['Ime', 'firstName'],
    ['Prezime', 'lastName'],
    ['Priimek', 'lastName'],
    ['Spol', 'gender'],
    ['Pol', 'gender'],
    ['Пол', 'gender'],
    ['Godina rođenja', 'birthYear'],
    ['Година рођења', 'birthYear'],
    ['Datum rojstva', 'birthYear'],
    ['Općina', 'municipality'],
    ['Opština', 'municipality'],
    ['Општина', 'municipality'],
    ['Občina', 'municipality'],
    ['Телефон', 'phone'],
    ['E-mail', 'email'],
    ['Ime i prezime', 'fullName'],
    ['Ime in priimek', 'fullName'],
    ['Ciljna skupina', 'targetGroups'],
    ['Napomena', 'notes'],
    ['Datum privole', 'consentDate'],
    ['Saglasnost', 'consentDate'],
    ['Godina rođenja (gggg)', 'birthYear'],
    ['Last name', 'lastName'],
    ['Shoe size', null],
  ])('%s → %s', (header, field) => {
    expect(guessField(header)).toBe(field);
  });
  it('gives each field to one column only, and signs headers folded', () => {
    expect(guessMapping(['Ime', 'Prezime', 'Ime'])).toEqual(['firstName', 'lastName', null]);
    expect(headerSignature(['Općina', 'ИМЕ'])).toBe(headerSignature(['opcina', 'ime']));
    expect(mappingIsUsable(['fullName'])).toBe(true);
    expect(mappingIsUsable(['firstName', null])).toBe(false);
  });
});

describe('rows → people, with a report naming row, column and problem', () => {
  it('imports the good rows of the Windows-1250 file and reports the bad ones', async () => {
    const rows = parseCsv(decodeText(fixture('croatian-cp1250.csv')).text);
    const mapping = guessMapping(rows[0] ?? []);
    const preview = await previewImport(rows, mapping, { chunk: 2 });
    expect(preview.total).toBe(9);
    expect(preview.valid.map((r) => r.draft.lastName)).toEqual(['Horvat', 'Kovačević', 'Šimić', 'Novak', 'Jurić']);
    expect(preview.valid[1]).toMatchObject({ row: 3, consentDate: '2024-03-12', draft: { targetGroups: ['roma'], gender: 'woman' } });
    expect(preview.valid[3]?.draft.gender).toBe('man');
    expect(preview.valid[4]?.draft.birthYear).toBe(1991);
    expect(preview.badRows).toBe(4);
    expect(preview.issues).toEqual([
      { row: 6, column: 'Godina rođenja', field: 'birthYear', code: 'invalidYear', value: '19x4' },
      { row: 7, column: 'E-mail', field: 'email', code: 'invalidEmail', value: 'ljiljana@' },
      { row: 8, column: 'Prezime', field: 'lastName', code: 'required', value: '' },
      { row: 9, column: 'Ciljna skupina', field: 'targetGroups', code: 'consentRequired', value: '' },
    ]);
  });
  it('reads the Cyrillic file into Cyrillic names with folded keys ready', async () => {
    const rows = parseCsv(decodeText(fixture('serbian-cp1251.csv')).text);
    const preview = await previewImport(rows, guessMapping(rows[0] ?? []));
    expect(preview.badRows).toBe(0);
    expect(preview.valid[0]?.draft).toMatchObject({ firstName: 'Јелена', lastName: 'Петровић', gender: 'woman', birthYear: 1985, municipality: 'Ниш', phone: '064 111 222' });
  });
  it('splits a full-name column and reads notes with a consent date', async () => {
    const rows = parseCsv(decodeText(fixture('bosnian-utf8-bom.csv')).text);
    const preview = await previewImport(rows, guessMapping(rows[0] ?? []));
    expect(preview.issues).toEqual([]);
    expect(preview.valid.map((r) => [r.draft.firstName, r.draft.lastName, r.draft.municipality])).toEqual([
      ['Amra', 'Hodžić', 'Tuzla, Centar'],
      ['Selma', 'Begić', 'Zenica'],
    ]);
    expect(preview.valid[1]).toMatchObject({ consentDate: '2025-01-15', draft: { notes: 'Majka dvoje djece' } });
  });
  it('reads an .xlsx with Excel serial dates', async () => {
    const rows = readSpreadsheet(xlsxBytes());
    expect(rows[1]?.[3]).toBe(31_048);
    const preview = await previewImport(rows, guessMapping(rows[0]!.map(String)));
    expect(preview.issues).toEqual([]);
    expect(preview.valid.map((r) => [r.draft.lastName, r.draft.birthYear, r.draft.gender])).toEqual([
      ['Kranjc', 1985, 'woman'],
      ['Zupančič', 1991, 'woman'],
      ['Horvat', 1975, 'man'],
    ]);
    expect(preview.valid[0]?.consentDate).toBe('2024-01-01');
  });
  it('writes an .xlsx that reads back cell for cell', () => {
    const rows = [['Prezime', 'Godište'], ['Čačić', 1984]];
    expect(readSpreadsheet(writeSpreadsheet(rows))).toEqual(rows);
  });
  it('understands choices in every language and refuses unknown ones', () => {
    const headers = ['Ime', 'Prezime', 'Pol', 'Vrsta', 'Država'];
    const mapping = guessMapping(headers);
    const read = (cells: string[]) => readPersonRow(cells, mapping, headers, 2);
    expect(read(['Jovan', 'Jović', 'мушки', 'strokovni delavec', 'Srbija']).value?.draft).toMatchObject({ gender: 'man', kind: 'professional', country: 'RS' });
    expect(read(['Ana', 'Anić', 'F', '', 'BiH']).value?.draft).toMatchObject({ gender: 'woman', kind: 'beneficiary', country: 'BA' });
    expect(read(['Ana', 'Anić', 'žirafa', '', '']).issues).toEqual([{ row: 2, column: 'Pol', field: 'gender', code: 'invalidChoice', value: 'žirafa' }]);
  });
  it('yields between chunks and reports progress, so a big file does not freeze the window', async () => {
    const rows = [['Ime', 'Prezime'], ...Array.from({ length: 2500 }, (_, i) => [`Ana${i}`, 'Horvat'])];
    const progress: number[] = [];
    let pauses = 0;
    const preview = await previewImport(rows, ['firstName', 'lastName'], { chunk: 1000, onProgress: (n) => progress.push(n), pause: async () => void pauses++ });
    expect(preview.valid).toHaveLength(2500);
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(pauses).toBe(2);
  });
});
