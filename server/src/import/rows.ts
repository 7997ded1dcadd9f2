import type { SourceRow } from './types';
import type { SourceLimits } from './limits';
import { readRowBatches } from './parse';

/** Where and how to read an import's rows (from its detected values and options). */
export interface SourceSpec {
  path: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  /** Code page of the lines of a mixed file that are not in `encoding` (Detected `fallbackEncoding`); detected while reading when absent. */
  fallbackEncoding?: string | null;
  delimiter: string;
  hasHeader: boolean;
  sheet?: string;
}

/** Data rows of a CSV/TSV/TXT or XLSX source in batches, after `skipRows` already-imported rows. */
export const openSourceRowBatches = (spec: SourceSpec, skipRows: number, limits?: Partial<SourceLimits> | null): AsyncIterable<SourceRow[]> =>
  readRowBatches(
    spec.path,
    {
      format: spec.format,
      encoding: spec.encoding,
      fallbackEncoding: spec.fallbackEncoding,
      delimiter: spec.delimiter,
      hasHeader: spec.hasHeader,
      sheet: spec.sheet,
      limits,
    },
    { skipRows }
  );

/**
 * The same, one row at a time. Unbounded and in-process: for previews use
 * readPreviewRows (preview.ts), which bounds the scan and reads workbooks in a worker.
 */
export async function* openSourceRows(spec: SourceSpec, skipRows: number, limits?: Partial<SourceLimits> | null): AsyncGenerator<SourceRow> {
  for await (const batch of openSourceRowBatches(spec, skipRows, limits)) yield* batch;
}
