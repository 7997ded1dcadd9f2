import type { ImportCounters, ImportProblem } from '../constants';

/*
 * The import's shapes as only the server's stages hold them. What the admin
 * API answers (options, mapping, counters, timings, views) is declared once in
 * shared/imports.ts; re-exported here for the stages that read both.
 */
export type { ColumnRef, Detected, ImportCounters, ImportOptions, ImportTimings, MappingEntry } from '../constants';

/** One row as read from the source, before mapping. */
export interface SourceRow {
  /** 1-based physical line (CSV) or row number (XLSX) where the row starts. */
  line: number;
  cells: string[];
  /** Set when the parser could not read the row (e.g. unterminated quote). */
  error?: string;
  /** What reading the row's bytes had to do, e.g. decode a Windows-1252 tail of a UTF-8 file: warnings of the row. */
  notes?: Array<{ code: string; params: Record<string, unknown> }>;
}

/**
 * A problem of one row as written with its batch: its reason's parameters,
 * put into the reader's language when it is read (reasons.ts).
 */
export type RowProblem = Omit<ImportProblem, 'reason'> & { params: Record<string, unknown> };

/** A failed row, as the read/map stage hands it over. */
export type FailedRow = RowProblem;

/** A row mapped and read, ready for the plan. */
export interface PreparedContact {
  line: number;
  /** Normalized value of the column the import matches on (e-mail lower-cased, or E.164 mobile). */
  match: string;
  /** Built-in values by field key; only mapped ones. */
  values: Record<string, unknown>;
  /** Custom field values by field key; only mapped ones. */
  attributes: Record<string, unknown>;
  /** Field keys whose cell was empty (cleared when emptyClears). */
  empty: string[];
  tags?: string[];
  /**
   * Original cells as one JSON text, kept when a later stage may report the
   * row: one string crosses from the read/map thread instead of an array of
   * cells (measured on the realistic file: the batch's structured clone
   * 5.8 → 3.4 µs a row). Read back only for a row the plan reports.
   */
  cellsJson?: string;
  /** Cells that could not be read: dropped from the contact, reported. */
  warnings?: RowProblem[];
  /**
   * The row's own folded JSON and search text (fields/fold.ts), computed by
   * the read/map worker: what a new contact made of this row alone stores.
   */
  foldedJson?: string;
  search?: string;
}

export type CounterDelta = Omit<ImportCounters, 'total'>;

/** Where a resumed import continues: data rows already committed (header excluded). */
export interface ImportCursor {
  rows: number;
  line: number;
}
