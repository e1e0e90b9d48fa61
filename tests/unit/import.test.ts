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
import { personNameKey } from '@shared/people/nameKey';

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
    const rows = [
      ['Ime', 'Općina'],
      ['Đurđa "Đuka"', 'Čakovec; Međimurje'],
    ];
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
    // The municipality is stored in its canonical (Latin) form, and the country comes from it.
    expect(preview.valid[0]?.draft).toMatchObject({
      firstName: 'Јелена',
      lastName: 'Петровић',
      gender: 'woman',
      birthYear: 1985,
      municipality: 'Niš',
      country: 'RS',
      phone: '064 111 222',
    });
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
    const rows = [
      ['Prezime', 'Godište'],
      ['Čačić', 1984],
    ];
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
    const preview = await previewImport(rows, ['firstName', 'lastName'], {
      chunk: 1000,
      onProgress: (n) => progress.push(n),
      pause: async () => void pauses++,
    });
    expect(preview.valid).toHaveLength(2500);
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(pauses).toBe(2);
  });
});

describe('surname-first name columns (registers write "Prezime i ime", "PREZIME Ime", "Prezime, Ime")', () => {
  it.each([
    ['Prezime i ime', 'fullNameSurnameFirst'],
    ['Презиме и име', 'fullNameSurnameFirst'],
    ['PREZIME I IME', 'fullNameSurnameFirst'],
    ['Prezime, Ime', 'fullNameSurnameFirst'],
    ['Prezime / ime', 'fullNameSurnameFirst'],
    ['PREZIME Ime', 'fullNameSurnameFirst'],
    ['Priimek in ime', 'fullNameSurnameFirst'],
    ['Prezime i ime polaznice', 'fullNameSurnameFirst'],
    ['Ime i prezime', 'fullName'],
    ['Ime in priimek', 'fullName'],
    ['Име и презиме', 'fullName'],
    ['Prezime', 'lastName'],
  ])('%s → %s', (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it('stores the register file with first name and surname the right way round, and the same key as the separate-columns file', async () => {
    const rows = parseCsv(decodeText(fixture('serbian-surname-first.csv')).text);
    const mapping = guessMapping(rows[0] ?? []);
    expect(mapping[1]).toBe('fullNameSurnameFirst');
    expect(mappingIsUsable(mapping)).toBe(true);
    const preview = await previewImport(rows, mapping);
    expect(preview.issues).toEqual([]);
    expect(preview.valid.map((r) => [r.draft.firstName, r.draft.lastName])).toEqual([
      ['Jelena', 'Petrović'],
      ['Milica', 'Jovanović'],
      ['Ana Marija', 'Nikolić'],
      ['Dragana', 'Marković'],
      ['Vesna', 'Ilić'],
    ]);
    // The same woman typed in separate columns gets the same key, so the lead counts her once.
    expect(personNameKey(preview.valid[0]!.draft)).toBe(personNameKey({ firstName: 'Jelena', lastName: 'Petrović' }));
  });

  it('in any column, a comma or capitals say which part is the surname; otherwise the header order does', () => {
    const read = (header: string, name: string) => {
      const value = readPersonRow([name], guessMapping([header]), [header], 2).value?.draft;
      return value && [value.firstName, value.lastName];
    };
    expect(read('Prezime i ime', 'Horvat Ana')).toEqual(['Ana', 'Horvat']);
    expect(read('Prezime i ime', 'Horvat Ana Marija')).toEqual(['Ana Marija', 'Horvat']);
    expect(read('Ime i prezime', 'Ana Marija Horvat')).toEqual(['Ana Marija', 'Horvat']);
    expect(read('Ime i prezime', 'HORVAT Ana')).toEqual(['Ana', 'Horvat']);
    expect(read('Ime i prezime', 'Horvat, Ana')).toEqual(['Ana', 'Horvat']);
    expect(read('Prezime i ime', 'Ana KOVAČEVIĆ-HORVAT')).toEqual(['Ana', 'Kovačević-Horvat']);
    expect(read('Prezime i ime', 'ПЕТРОВИЋ Јелена')).toEqual(['Јелена', 'Петровић']);
    expect(read('Prezime i ime', 'LJUBIČIĆ Ana')).toEqual(['Ana', 'Ljubičić']);
    expect(read('Priimek in ime', 'Zupančič, Petra')).toEqual(['Petra', 'Zupančič']);
    // All capitals is no signal: the header order decides.
    expect(read('Prezime i ime', 'HORVAT ANA')).toEqual(['ANA', 'HORVAT']);
    // One word, or nothing after the comma, is refused with the column named.
    expect(readPersonRow(['Horvat,'], ['fullNameSurnameFirst'], ['Prezime, Ime'], 4).issues).toEqual([
      { row: 4, column: 'Prezime, Ime', field: 'fullNameSurnameFirst', code: 'invalid', value: 'Horvat,' },
    ]);
  });
});

describe('municipalities on import: one canonical form, the country from it, unknown names kept and flagged', () => {
  it('stores "Младеновац", "Mladenovac" and "mladenovac " as Mladenovac in Serbia, and flags a misspelling and an unknown name with the closest names', async () => {
    const rows = parseCsv(decodeText(fixture('serbian-surname-first.csv')).text);
    const preview = await previewImport(rows, guessMapping(rows[0] ?? []));
    expect(preview.valid.map((r) => [r.draft.municipality, r.draft.country])).toEqual([
      ['Mladenovac', 'RS'],
      ['Mladenovac', 'RS'],
      ['Mladenovac', 'RS'],
      ['Mladenovc', undefined],
      ['Selo Kraj Reke', undefined],
    ]);
    expect(preview.warnings).toEqual([
      { row: 5, column: 'Opština', field: 'municipality', code: 'unknownMunicipality', value: 'Mladenovc', suggestions: ['Mladenovac', 'Magadenovac'] },
      { row: 6, column: 'Opština', field: 'municipality', code: 'unknownMunicipality', value: 'Selo Kraj Reke', suggestions: [] },
    ]);
  });
  it('keeps a country the file names, and says when the municipality is in another one', () => {
    const headers = ['Ime', 'Prezime', 'Općina', 'Država'];
    const mapping = guessMapping(headers);
    const r = readPersonRow(['Ana', 'Horvat', 'Младеновац', 'Hrvatska'], mapping, headers, 2);
    expect(r.value?.draft).toMatchObject({ municipality: 'Mladenovac', country: 'HR' });
    expect(r.warnings).toEqual([
      { row: 2, column: 'Općina', field: 'municipality', code: 'municipalityInOtherCountry', value: 'Младеновац', suggestions: [], country: 'RS' },
    ]);
    // A name two countries share is resolved by the country the file names.
    expect(readPersonRow(['Ana', 'Horvat', 'vodice', 'Slovenija'], mapping, headers, 2).value?.draft).toMatchObject({ municipality: 'Vodice', country: 'SI' });
    const ambiguous = readPersonRow(['Ana', 'Horvat', 'Palilula', 'Srbija'], mapping, headers, 3);
    expect(ambiguous.value?.draft.municipality).toBe('Palilula');
    expect(ambiguous.warnings[0]).toMatchObject({ code: 'ambiguousMunicipality', suggestions: ['Palilula (Beograd)', 'Palilula (Niš)'] });
  });
});
