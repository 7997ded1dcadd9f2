import type { CellNotes } from './cells';

export type { ExportOptions, ExportRequest } from '../constants';

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
