import { SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField } from '@shared/import/headers';
import { municipalityLabel } from '@shared/gazetteer';
import { mappingIsUsable, type ImportedRow, type ImportWarning } from '@shared/import/people';
import type { Person } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { ImportWizard as Wizard } from '../../components/import/ImportWizard';
import { problemLines, type ImportAdapter } from '../../components/import/importAdapter';
import { useFormat } from '../../components/useFormat';
import { checkImport, countToImport, openImportFile, rowsToImport, writeImport, type CheckedImport } from './actions';
import { useConfirmUndoImport } from '../../components/confirmUndoImport';

/** The people import: the one import wizard with the people's fields, report and sample. */
export function ImportWizard() {
  const { t } = useTranslation(['participants', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const confirmUndo = useConfirmUndoImport('people');
  const place = (name: string | undefined) => (name ? municipalityLabel(name, fmt.locale) : '');
  const warningText = (w: ImportWarning) => {
    const text = t(`participants:importer.warnings.${w.code}`, { value: w.value, country: w.country ? t(`common:countries.${w.country}`) : '' });
    return w.suggestions.length ? `${text} ${t('participants:importer.didYouMean', { names: w.suggestions.map(place).join(', ') })}` : text;
  };

  const adapter: ImportAdapter<ImportField, Person['kind'], CheckedImport, ImportedRow> = {
    ns: 'participants',
    listPath: '/participants',
    backLabel: t('participants:backToList'),
    fields: IMPORT_FIELDS,
    fieldLabel: (f) => t(`participants:importer.fields.${f}`),
    showsCsvDialect: true,
    open: async (fileName, data) => {
      const opened = await openImportFile({ db }, fileName, data);
      return opened.ok ? { ok: true, ...opened.opened } : opened;
    },
    mappingIsUsable: (mapping) => mappingIsUsable([...mapping]),
    defaultKind: 'beneficiary',
    kindControl: (kind, setKind) => (
      <SegmentedControl
        size="xs"
        value={kind}
        onChange={(v) => setKind(v as Person['kind'])}
        data={[
          { value: 'beneficiary', label: t('participants:kinds.beneficiary') },
          { value: 'professional', label: t('participants:kinds.professional') },
        ]}
      />
    ),
    checkReportsProgress: true,
    check: (file, mapping, kind, onProgress) => checkImport({ db }, file, mapping, kind, onProgress),
    view: ({ preview, duplicates }) => ({
      valid: preview.valid,
      badRows: preview.badRows,
      issues: problemLines(preview.issues, (i) =>
        t(`participants:importer.issues.${i.code}`, { field: t(`participants:importer.fields.${i.field === 'row' ? 'fullName' : i.field}`) }),
      ),
      warnings: preview.warnings.map((w) => ({ row: w.row, column: w.column, text: () => warningText(w) })),
      duplicates: duplicates.map((d) => ({
        row: d.row,
        text: () =>
          d.existing
            ? t('participants:importer.duplicateOf', { row: d.row, name: `${d.existing.firstName} ${d.existing.lastName}` })
            : t('participants:importer.duplicateRow', { row: d.row, other: d.sameAsRow ?? 0 }),
      })),
    }),
    summary: ({ preview }, mapping) =>
      mapping.includes('shareWithLead') && (
        <Text size="sm" mb="sm" data-testid="share-count">
          {t('participants:importer.sharingRows', { count: preview.valid.filter((r) => r.shareWithLead).length })}
        </Text>
      ),
    sampleHeaders: [
      t('participants:fields.firstName'),
      t('participants:fields.lastName'),
      t('participants:fields.municipality'),
      t('participants:fields.country'),
    ],
    sampleCells: (r) => [r.draft.firstName, r.draft.lastName, place(r.draft.municipality), r.draft.country ? t(`common:countries.${r.draft.country}`) : ''],
    countToImport,
    writeIsCancellable: true,
    write: (fileName, checked, skipDuplicates, opts) => writeImport({ db, actor }, fileName, rowsToImport(checked, skipDuplicates), opts),
    confirmUndo: (historyId, onUndone) => confirmUndo(historyId, onUndone),
  };
  return <Wizard adapter={adapter} />;
}
