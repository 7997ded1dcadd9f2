import type { SourceRow } from './types';
import { readRowBatches } from './parse';

/** Where and how to read an import's rows (from its detected values and options). */
export interface SourceSpec {
  path: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  delimiter: string;
  hasHeader: boolean;
  sheet?: string;
}

/** Data rows of a CSV/TSV/TXT or XLSX source in batches, after `skipRows` already-imported rows. */
export const openSourceRowBatches = (spec: SourceSpec, skipRows: number): AsyncIterable<SourceRow[]> =>
  readRowBatches(
    spec.path,
    { format: spec.format, encoding: spec.encoding, delimiter: spec.delimiter, hasHeader: spec.hasHeader, sheet: spec.sheet },
    { skipRows }
  );

/** The same, one row at a time (previews). */
export async function* openSourceRows(spec: SourceSpec, skipRows: number): AsyncGenerator<SourceRow> {
  for await (const batch of openSourceRowBatches(spec, skipRows)) yield* batch;
}
