import type { FieldType, ImportMode, ImportProblemLevel, OptIn, UniqueKey } from '../constants';

/** What sniffing a source found; every value can be overridden in the import options. */
export interface Detected {
  format: 'csv' | 'xlsx';
  /** iconv-lite encoding name: utf-8, windows-1252, iso-8859-1, utf-16le, utf-16be … */
  encoding: string;
  bom: boolean;
  delimiter: string;
  hasHeader: boolean;
  /** Header texts, or "Column 1" … when there is no header row. */
  columns: string[];
  /** Up to 10 data rows (after the header), cells as text. */
  sample: string[][];
  /** Estimated data rows (exact for small sources). */
  rowEstimate: number;
  /** XLSX only. */
  sheets?: string[];
  sheet?: string;
}

/** Options of one import (PATCH /contacts/imports/:id `options`). */
export interface ImportOptions {
  delimiter?: string;
  encoding?: string;
  hasHeader?: boolean;
  sheet?: string;
  mode: ImportMode;
  /** What rows are matched on: the base's unicity key by default, or the other column. */
  uniqueKey?: UniqueKey;
  segmentIds: string[];
  tags: string[];
  /** Admin user id set as the owner of every imported contact. */
  owner?: string | number | null;
  /** Day/month order of dates that are not ISO 8601, e.g. DD/MM/YYYY, MM/DD/YYYY, YYYY/MM/DD (separators / - . accepted). */
  dateFormat?: string | null;
  /** Read "1,5" as 1.5 in decimal fields. */
  decimalComma?: boolean;
  defaultCountry?: string;
  /** An empty cell clears the stored value (default: it is ignored). */
  emptyClears?: boolean;
  /** An import may set an opt-in back to "yes" from "no"/"blocklist". */
  allowResubscribe?: boolean;
  /** Opt-ins of NEW contacts whose file gives none (empty cell or no column); unset: unknown. */
  defaultEmailOptIn?: OptIn | null;
  defaultSmsOptIn?: OptIn | null;
  /** The person confirmed that the file records consent: required to default an opt-in to yes. */
  consentRecorded?: boolean;
  /** IANA zone of date-times written without one (default UTC). */
  timezone?: string;
  /** The file is one of the plugin's exports: its headers map back to their fields, and the export's injection guard (a leading ') is undone. */
  fromExport?: boolean;
}

/** `column` is the header text, or the 0-based index when there is no header row. */
export type ColumnRef = string | number;

export type MappingEntry =
  /** `values`: how this column's words translate for an opt-in field, e.g. { "Y": "yes", "N": "no" }. */
  | { column: ColumnRef; field: string; option?: string; values?: Record<string, string> }
  | { column: ColumnRef; ignore: true }
  | { field: string; literal: unknown }
  | { column: ColumnRef; newField: { key: string; label: string; type: FieldType; options?: string[] } };

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
 * A problem of one row, written with its batch: `error` failed the row,
 * `warning` dropped one cell (or stored value) of a contact that was written.
 * `code` is stable; the sentence is rendered in the reader's language.
 */
export interface RowProblem {
  line: number;
  level: ImportProblemLevel;
  /** Header text (or field key) the problem is about; null for the whole row. */
  column: string | null;
  code: string;
  params: Record<string, unknown>;
  /** Original cells, so the person can fix the row. */
  cells: string[];
}

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
  /** Original cells, kept when a later stage may report the row. */
  cells?: string[];
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

export interface ImportCounters {
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
  /** Cells (or stored values) dropped from contacts that were still written; not part of processed. */
  warnings: number;
}

/** Where a resumed import continues: data rows already committed (header excluded). */
export interface ImportCursor {
  rows: number;
  line: number;
}

/** When an import ran, and rows processed per minute for the detail page's line chart. */
export interface Timings {
  createdAt?: string;
  queuedAt?: string;
  startedAt?: string;
  finishedAt?: string;
  /** Seconds spent running, summed over runs (a resumed import has several). */
  activeSeconds?: number;
  /** [minute since first start, rows processed in that minute] */
  perMinute?: Array<[number, number]>;
  runs?: number;
  /** Seconds the writer waited for the read/map stage, and spent writing batches (summed over runs): which stage bounds the import. */
  waitSeconds?: number;
  writeSeconds?: number;
  /** The last run's batches were written by the writer thread on its own connection (Postgres, MySQL, big sources). */
  writerThread?: boolean;
}
