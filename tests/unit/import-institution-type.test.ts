import { describe, expect, it } from 'vitest';
import { guessField, guessMapping } from '@shared/import/headers';
import { parseInstitutionType, readPersonRow } from '@shared/import/people';

/*
 * Issue 17 part 5: the professionals' institution type (it drives the per-institution counts) can
 * be imported, in the region's words, and a person's kind is read in feminine and masculine forms.
 */
describe('institution type in the people import', () => {
  it('finds the column by its header in every language', () => {
    for (const h of ['Vrsta institucije', 'Vrsta ustanove', 'Tip ustanove', 'Vrsta inštitucije', 'Тип установе', 'Institution type', 'Type of institution'])
      expect(guessField(h), h).toBe('institutionType');
    // The institution's own name stays its own column.
    expect(guessField('Institucija')).toBe('institution');
  });

  it.each([
    ['Centar za socijalnu skrb', 'socialWorkCentre'],
    ['CZSS', 'socialWorkCentre'],
    ['Hrvatski zavod za socijalni rad', 'socialWorkCentre'],
    ['Centar za socijalni rad', 'socialWorkCentre'],
    ['Центар за социјални рад', 'socialWorkCentre'],
    ['CSR', 'socialWorkCentre'],
    ['Center za socialno delo', 'socialWorkCentre'],
    ['CSD', 'socialWorkCentre'],
    ['HZZ', 'employmentOffice'],
    ['Hrvatski zavod za zapošljavanje', 'employmentOffice'],
    ['Nacionalna služba za zapošljavanje', 'employmentOffice'],
    ['NSZ', 'employmentOffice'],
    ['Национална служба за запошљавање', 'employmentOffice'],
    ['Služba za zapošljavanje', 'employmentOffice'],
    ['Zavod za zapošljavanje', 'employmentOffice'],
    ['Zavod za zaposlovanje', 'employmentOffice'],
    ['ZRSZ', 'employmentOffice'],
    ['Ministarstvo', 'ministry'],
    ['ministrstvo', 'ministry'],
    ['Udruga', 'ngo'],
    ['Udruženje', 'ngo'],
    ['NVO', 'ngo'],
    ['Društvo', 'ngo'],
    ['Škola', 'school'],
    ['Šola', 'school'],
    ['Dom zdravlja', 'healthcare'],
    ['Zdravstveni dom', 'healthcare'],
    ['Općina', 'localGovernment'],
    ['Opština', 'localGovernment'],
    ['Občina', 'localGovernment'],
    ['Poduzeće', 'sme'],
    ['Preduzeće', 'sme'],
    ['Podjetje', 'sme'],
    ['socialWorkCentre', 'socialWorkCentre'],
    ['Ostalo', 'other'],
  ])('reads "%s" as %s', (word, type) => {
    expect(parseInstitutionType(word)).toBe(type);
  });

  it('reads an institution written with its town or its full name by the type it starts with', () => {
    expect(parseInstitutionType('Centar za socijalnu skrb Čakovec')).toBe('socialWorkCentre');
    expect(parseInstitutionType('CSD Celje')).toBe('socialWorkCentre');
    expect(parseInstitutionType('JU Centar za socijalni rad Tuzla')).toBe('socialWorkCentre');
    expect(parseInstitutionType('HZZ, Područni ured Varaždin')).toBe('employmentOffice');
    expect(parseInstitutionType('Ministarstvo rada, mirovinskoga sustava, obitelji i socijalne politike')).toBe('ministry');
    expect(parseInstitutionType('Osnovna škola Ivana Gorana Kovačića')).toBe('school');
    // Only whole words: "Udrugaš" is not "udruga".
    expect(parseInstitutionType('Udrugaš')).toBeUndefined();
  });

  it('stores the type with the professional, and an unknown word is a row error naming row, column and value (the row is not imported)', () => {
    const headers = ['Ime', 'Prezime', 'Vrsta', 'Institucija', 'Vrsta ustanove'];
    const mapping = guessMapping(headers);
    expect(mapping).toEqual(['firstName', 'lastName', 'kind', 'institution', 'institutionType']);
    const read = (cells: string[]) => readPersonRow(cells, mapping, headers, 7);
    expect(read(['Mojca', 'Novak', 'strokovna delavka', 'CSD Celje', 'CSD']).value?.draft).toMatchObject({
      kind: 'professional',
      institution: 'CSD Celje',
      institutionType: 'socialWorkCentre',
    });
    const bad = read(['Mojca', 'Novak', 'strokovnjakinja', 'Zavod X', 'svemirska agencija']);
    expect(bad.value).toBeUndefined();
    expect(bad.issues).toEqual([{ row: 7, column: 'Vrsta ustanove', field: 'institutionType', code: 'unknownInstitutionType', value: 'svemirska agencija' }]);
    // An empty cell leaves the type unrecorded.
    expect(read(['Ivo', 'Ivić', 'stručnjak', 'HZZ', '']).value?.draft.institutionType).toBeUndefined();
  });
});

describe("a person's kind in feminine and masculine forms", () => {
  const headers = ['Ime', 'Prezime', 'Vrsta'];
  const mapping = guessMapping(headers);
  const kindOf = (word: string) => readPersonRow(['A', 'B', word], mapping, headers, 2).value?.draft.kind;
  it.each([
    'strokovna delavka',
    'strokovni delavec',
    'strokovnjakinja',
    'strokovnjak',
    'stručnjakinja',
    'stručnjak',
    'stručna radnica',
    'stručni radnik',
    'djelatnica',
    'profesionalka',
    'стручњакиња',
    'стручни радник',
  ])('"%s" is a professional', (w) => expect(kindOf(w)).toBe('professional'));
  it.each(['korisnica', 'korisnik', 'sudionica', 'sudionik', 'polaznik', 'učesnik', 'uporabnica', 'udeleženka', 'udeleženec', 'корисница'])(
    '"%s" is a participant',
    (w) => expect(kindOf(w)).toBe('beneficiary'),
  );
});
