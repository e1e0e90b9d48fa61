import type { ReactNode } from 'react';
import type { ImportFileError, LoadedFile } from '@shared/import/file';
import type { ImportHistory } from '@shared/model';

/** A row of the report: a problem that keeps the row out, or a remark on a row imported anyway. */
export interface ImportReportLine {
  row: number;
  column: string;
  /** In words; asked only for the lines shown (a file may have 20,000 rows). */
  text: () => string;
  /** Problems show the cell's value; remarks do not. */
  value?: string;
}

/** What the check found, as the wizard shows it. */
export interface ImportCheckView<Row extends { row: number }> {
  valid: readonly Row[];
  badRows: number;
  issues: readonly ImportReportLine[];
  warnings: readonly ImportReportLine[];
  /** One line per duplicate row; in words only for the lines shown. */
  duplicates: ReadonlyArray<{ row: number; text: () => string }>;
}

export type ImportWriteResult = { status: 'written'; history: ImportHistory } | { status: 'cancelled' } | { status: 'failed' };

/**
 * What one entity's import brings to the one import wizard (components/import/ImportWizard.tsx):
 * its fields, its texts, its steps as plain actions and the cells of its sample table. The
 * wizard holds the steps, the row report, the all-or-nothing write and the undo.
 */
export interface ImportAdapter<Field extends string, Kind extends string, Checked, Row extends { row: number }> {
  /** The namespace of the entity's own texts (`<ns>:importer.title` …). */
  ns: string;
  /** Where "back" and "to the list" go. */
  listPath: string;
  /** The link back above the title. */
  backLabel: string;
  /** The fields a column can be mapped to, with their labels. */
  fields: readonly Field[];
  fieldLabel(field: Field): string;
  /** The file's encoding and delimiter are shown next to its name. */
  showsCsvDialect: boolean;
  open(
    fileName: string,
    data: Uint8Array,
  ): Promise<{ ok: true; file: LoadedFile; mapping: Array<Field | null>; remembered: boolean } | { ok: false; code: ImportFileError['code'] }>;
  mappingIsUsable(mapping: ReadonlyArray<Field | null>): boolean;
  defaultKind: Kind;
  /** The control that picks the kind every row gets unless a column says otherwise. */
  kindControl(kind: Kind, setKind: (kind: Kind) => void): ReactNode;
  /** Checking shows a progress card (it reports progress); otherwise the button spins. */
  checkReportsProgress: boolean;
  check(file: LoadedFile, mapping: Array<Field | null>, kind: Kind, onProgress: (fraction: number) => void): Promise<Checked>;
  view(checked: Checked): ImportCheckView<Row>;
  /** A line under the counts (the people import: how many rows share with the lead). */
  summary?(checked: Checked, mapping: ReadonlyArray<Field | null>): ReactNode;
  sampleHeaders: readonly string[];
  sampleCells(row: Row): readonly ReactNode[];
  countToImport(checked: Checked, skipDuplicates: boolean): number;
  /** Writing shows its progress and "Import nothing" stops it (rolled back). */
  writeIsCancellable: boolean;
  write(
    fileName: string,
    checked: Checked,
    skipDuplicates: boolean,
    opts: { signal: AbortSignal; onProgress: (done: number, total: number) => void },
  ): Promise<ImportWriteResult>;
  /** Asks, then undoes the import just written (calls onUndone once done). */
  confirmUndo(historyId: string, onUndone: () => void): Promise<void>;
}

/** The report's problem lines: where each is and what the entity's texts say of it. */
export function problemLines<I extends { row: number; column: string; value: string }>(issues: readonly I[], text: (issue: I) => string): ImportReportLine[] {
  return issues.map((i) => ({ row: i.row, column: i.column, value: i.value, text: () => text(i) }));
}
