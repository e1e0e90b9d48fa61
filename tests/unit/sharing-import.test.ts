import { describe, expect, it } from 'vitest';
import { consentScope } from '../../src/shared/bundle/consentScope';
import { guessField, guessMapping } from '../../src/shared/import/headers';
import { previewImport } from '../../src/shared/import/people';
import { importedConsents, parseShareAnswer } from '../../src/shared/import/sharing';

describe('the import column "share with the lead"', () => {
  it.each([
    ['Dijeljenje s nositeljem', 'shareWithLead'],
    ['Deljenje sa nosiocem projekta', 'shareWithLead'],
    ['Дељење са носиоцем', 'shareWithLead'],
    ['Privola za dijeljenje (da/ne)', 'shareWithLead'],
    ['Deljenje z vodilnim partnerjem', 'shareWithLead'],
    ['Share with lead', 'shareWithLead'],
    ['Privola', 'consentDate'],
  ])('%s → %s', (header, field) => expect(guessField(header)).toBe(field));

  it.each([
    ['da', { share: true }],
    ['DA', { share: true }],
    ['Да', { share: true }],
    ['ja', { share: true }],
    ['yes', { share: true }],
    ['ne', { share: false }],
    ['Не', { share: false }],
    ['NO', { share: false }],
    ['15.3.2026.', { share: true, date: '2026-03-15' }],
    ['15. 3. 2026', { share: true, date: '2026-03-15' }],
    [46096, { share: true, date: '2026-03-15' }],
    [1, { share: true }],
    [0, { share: false }],
  ] as const)('%s reads as %j', (value, answer) => expect(parseShareAnswer(value)).toEqual(answer));

  it.each(['možda', 'maybe', '31.2.2026.', '?'])('"%s" is not guessed', (value) => expect(parseShareAnswer(value)).toBeNull());
});

describe('rows with the column', () => {
  const header = ['Ime', 'Prezime', 'Privola', 'Dijeljenje s nositeljem'];
  const rows = [
    header,
    ['Ana', 'Horvat', '10.1.2026.', 'da'],
    ['Bea', 'Kovač', '', 'да'],
    ['Cvita', 'Novak', '', '1.2.2026.'],
    ['Dora', 'Jurić', '10.1.2026.', 'ne'],
    ['Ema', 'Babić', '', 'možda'],
    ['Fani', 'Perić', '', ''],
  ];

  it('reads yes, no and dates; a bad value is a row error naming row, column and value, the row kept in the report', async () => {
    const preview = await previewImport(rows, guessMapping(header));
    expect(preview.valid.map((r) => [r.draft.firstName, r.shareWithLead ?? false, r.shareDate])).toEqual([
      ['Ana', true, undefined],
      ['Bea', true, undefined],
      ['Cvita', true, '2026-02-01'],
      ['Dora', false, undefined],
      ['Fani', false, undefined],
    ]);
    expect(preview.badRows).toBe(1);
    expect(preview.issues).toEqual([{ row: 6, column: 'Dijeljenje s nositeljem', field: 'shareWithLead', code: 'invalidShare', value: 'možda' }]);
  });

  it('the consents they store share exactly where the file says yes, and the export then takes those people', async () => {
    const preview = await previewImport(rows, guessMapping(header));
    const people = preview.valid.map((r) => ({ id: r.draft.firstName }));
    const consents = preview.valid.flatMap((r) => {
      const { main, sharing } = importedConsents(r, { notice: 'import', today: '2026-04-01', recordedBy: 'Sanja' });
      return [main, sharing].filter((c) => c !== undefined).map((c) => ({ ...c, personId: r.draft.firstName }));
    });
    expect(consents.filter((c) => c.shareWithLead).map((c) => [c.personId, c.date, c.processing])).toEqual([
      ['Ana', '2026-01-10', true],
      ['Bea', '2026-04-01', false],
      ['Cvita', '2026-02-01', false],
    ]);
    // Dora said no: her consent to processing stays, not shared.
    expect(consents.find((c) => c.personId === 'Dora')).toMatchObject({ processing: true, shareWithLead: false });
    expect([...consentScope({ people, consents } as never).dropped.get('people')!].sort()).toEqual(['Dora', 'Fani']);
  });

  it('a sharing date other than the consent date gets a row of its own; no consent date and no yes means no consent row', () => {
    const both = importedConsents({ consentDate: '2026-01-10', shareWithLead: true, shareDate: '2026-02-01' }, { notice: 'import', today: '2026-04-01' });
    expect(both.main).toMatchObject({ date: '2026-01-10', shareWithLead: false, specialCategories: true });
    expect(both.sharing).toMatchObject({ date: '2026-02-01', shareWithLead: true, specialCategories: false });
    expect(importedConsents({}, { notice: 'import', today: '2026-04-01' })).toEqual({});
  });
});
