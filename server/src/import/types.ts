import type { FieldType, ImportMode, UniqueKey } from '../constants';

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
  uniqueKey: UniqueKey;
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
}

/** `column` is the header text, or the 0-based index when there is no header row. */
export type ColumnRef = string | number;

export type MappingEntry =
  | { column: ColumnRef; field: string; option?: string }
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
}

/** A row mapped, coerced and validated, ready for the write stage. */
export interface PreparedContact {
  line: number;
  /** Normalized unique key value (e-mail lower-cased, or E.164 mobile). */
  key: string;
  /** Built-in columns by attribute name (email, mobile, firstName, …); only mapped ones. */
  values: Record<string, unknown>;
  /** Custom field values by field key; only mapped ones. */
  attributes: Record<string, unknown>;
  /** Attribute names and field keys whose cell was empty (cleared when emptyClears). */
  empty: string[];
  tags?: string[];
  /** Original cells, kept only when a check in the write stage may still fail the row. */
  cells?: string[];
}

export interface FailedRow {
  line: number;
  reason: string;
  cells: string[];
}

/** Something that was not written, while the contact itself was: shown to the person, never silent. */
export interface RowWarning {
  line: number;
  /** Header text (or field key) the warning is about. */
  column?: string | null;
  reason: string;
  cells: string[];
}

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
}
