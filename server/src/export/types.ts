import type { ExportFormat, ExportLocale, ExportScope } from '../constants';
import type { CellNotes } from './cells';

/** How the file is written (POST /contacts/exports, besides scope, fields and format). */
export interface ExportOptions {
  delimiter: ',' | ';' | '\t';
  bom: boolean;
  headers: 'labels' | 'keys';
  multiselect: 'joined' | 'columns';
  locale: ExportLocale;
}

export interface ExportRequest {
  name?: string;
  scope: ExportScope;
  fields: 'main' | 'all' | string[];
  format: ExportFormat;
  delimiter?: ExportOptions['delimiter'];
  bom?: boolean;
  headers?: ExportOptions['headers'];
  multiselect?: ExportOptions['multiselect'];
  /** Admin user ids told by e-mail at the end (default: the creator). */
  notify?: number[];
}

/**
 * Where a run stands. `maxId` and `now` are fixed at the first start, so a
 * resumed run finishes the same pass; `part` and `bytes` say which file holds
 * the rows up to `after` and how long it is (CSV resumes there; XLSX, a zip,
 * restarts cleanly).
 */
export interface ExportCursor {
  after: number;
  rows: number;
  bytes: number;
  maxId: number;
  now: string;
  part: string | null;
  notes: CellNotes;
}

export interface ExportTimings {
  queuedAt?: string;
  startedAt?: string;
  finishedAt?: string;
  runs?: number;
}
