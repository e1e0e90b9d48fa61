/** One rule for "this record holds special-category data" (issue 14): form, import and withdrawal agree. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '@shared/import/csv';
import { guessMapping } from '@shared/import/headers';
import { previewImport } from '@shared/import/people';
import { holdsSpecialCategoryData, lostOnWithdrawal } from '@shared/model';

describe('special-category data', () => {
  it('target groups or notes with more than blanks; blanks alone are nothing', () => {
    expect(holdsSpecialCategoryData({})).toBe(false);
    expect(holdsSpecialCategoryData({ targetGroups: [], notes: '  \n\t ' })).toBe(false);
    expect(holdsSpecialCategoryData({ notes: ' x ' })).toBe(true);
    expect(holdsSpecialCategoryData({ targetGroups: ['roma'] })).toBe(true);
  });

  it('withdrawal counts blank notes as none, as the rule does', () => {
    const consents = [{ id: 'c1', specialCategories: true, processing: true }];
    expect(lostOnWithdrawal({ notes: '   ' }, consents, 'c1')).toEqual({ targetGroups: [], notes: false });
    expect(lostOnWithdrawal({ notes: 'note' }, consents, 'c1')).toEqual({ targetGroups: [], notes: true });
  });

  it('the import refuses a row with notes but no consent date, and takes a row with blank notes', async () => {
    const rows = parseCsv('Ime;Prezime;Napomena;Datum privole\nAna;Horvat;trudna;\nIva;Kovač;   ;\nMara;Babić;trudna;12.03.2024.\n', ';');
    const preview = await previewImport(rows, guessMapping(rows[0]!.map(String)));
    expect(preview.issues.filter((i) => i.code === 'consentRequired').map((i) => i.row)).toEqual([2]);
    expect(preview.valid.map((r) => r.draft.lastName)).toEqual(['Kovač', 'Babić']);
  });
});
