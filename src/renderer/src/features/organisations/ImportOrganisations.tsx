import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { municipalityLabel } from '@shared/gazetteer';
import { ORG_IMPORT_FIELDS, orgMappingIsUsable, type OrgImportField, type OrgImportedRow, type OrgImportPreview } from '@shared/import/organisations';
import { REGISTER_KINDS, type Organisation } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { ImportWizard } from '../../components/import/ImportWizard';
import { problemLines, type ImportAdapter } from '../../components/import/importAdapter';
import { useFormat } from '../../components/useFormat';
import { checkOrganisationImport, openOrganisationFile, orgRowsToImport, writeOrganisationImport } from './actions';
import { useConfirmUndoImport } from '../../components/confirmUndoImport';

/** The register's import: the one import wizard with the organisations' fields, report and sample. */
export function ImportOrganisations() {
  const { t } = useTranslation(['organisations', 'participants', 'common']);
  const { db, actor, org } = useApp();
  const fmt = useFormat();
  const confirmUndo = useConfirmUndoImport('organisations');

  const adapter: ImportAdapter<OrgImportField, Organisation['kind'], OrgImportPreview, OrgImportedRow> = {
    ns: 'organisations',
    listPath: '/organisations',
    backLabel: t('organisations:importer.toList'),
    fields: ORG_IMPORT_FIELDS,
    fieldLabel: (f) => t(`organisations:fields.${f}`),
    showsCsvDialect: false,
    open: (fileName, data) => openOrganisationFile({ db }, fileName, data),
    mappingIsUsable: (mapping) => orgMappingIsUsable([...mapping]),
    defaultKind: 'sme',
    kindControl: (kind, setKind) => (
      <Select
        size="xs"
        w={240}
        allowDeselect={false}
        aria-label={t('organisations:importer.defaultKind')}
        data={REGISTER_KINDS.map((k) => ({ value: k, label: t(`organisations:kinds.${k}`) }))}
        value={kind}
        onChange={(v) => v && setKind(v as Organisation['kind'])}
      />
    ),
    checkReportsProgress: false,
    check: (file, mapping, kind) => checkOrganisationImport({ db, actor }, file, mapping, { kind, country: org.country }),
    view: (preview) => ({
      valid: preview.valid,
      badRows: preview.badRows,
      issues: problemLines(preview.issues, (i) => t(`organisations:importer.issues.${i.code}`, { field: t(`organisations:fields.${i.field}`) })),
      warnings: [],
      duplicates: preview.duplicates.map((d) => ({
        row: d.row,
        text: () =>
          d.existing !== undefined
            ? t('organisations:importer.duplicateOf', { row: d.row, name: d.existing })
            : t('organisations:importer.duplicateRow', { row: d.row, other: d.sameAsRow ?? 0 }),
      })),
    }),
    sampleHeaders: [
      t('organisations:fields.name'),
      t('organisations:fields.kind'),
      t('organisations:fields.municipality'),
      t('organisations:fields.supportedOn'),
      t('organisations:fields.jobsCreated'),
    ],
    sampleCells: (r) => [
      r.draft.name,
      t(`organisations:kinds.${r.draft.kind}`),
      `${municipalityLabel(r.draft.town, fmt.locale)} (${t(`common:countries.${r.draft.country}`)})`,
      r.draft.supportedOn ? fmt.date(r.draft.supportedOn) : '',
      r.draft.jobsCreated ?? '',
    ],
    countToImport: (preview, skipDuplicates) => orgRowsToImport(preview, skipDuplicates).length,
    writeIsCancellable: false,
    write: async (fileName, preview, skipDuplicates) => {
      const result = await writeOrganisationImport({ db, actor }, fileName, orgRowsToImport(preview, skipDuplicates));
      return result.ok ? { status: 'written', history: result.history } : { status: 'failed' };
    },
    confirmUndo: (historyId, onUndone) => confirmUndo(historyId, onUndone),
  };
  return <ImportWizard adapter={adapter} />;
}
