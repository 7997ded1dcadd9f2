import { createRowMapper, type MapperInput } from './map';
import type { Batch } from './write';
import type { FailedRow, PreparedContact } from './types';
import type { SourceLimits } from './limits';
import { openSourceRowBatches, type SourceSpec } from './rows';

export interface PipelineInput {
  source: SourceSpec;
  /** Data rows already committed by an earlier run (resume). */
  skipRows: number;
  mapper: MapperInput;
  batchSize: number;
  /** Workbook limits (limitsFromConfig); defaults when absent. */
  limits?: Partial<SourceLimits> | null;
}

export interface PipelineEnd {
  /** Data rows in the source (header excluded). */
  total: number;
}

/**
 * Read → map → batch. Runs inside the import worker thread (or in-process
 * when no worker can be started), so parsing and coercion stay off Strapi's
 * event loop.
 */
export async function* preparedBatches(input: PipelineInput): AsyncGenerator<Batch, PipelineEnd> {
  const map = createRowMapper(input.mapper);
  let contacts: PreparedContact[] = [];
  let failed: FailedRow[] = [];
  let newOptions: Array<[string, string]> = [];
  let rows = input.skipRows;
  let line = 0;
  const flush = (): Batch => {
    const batch = { contacts, failed, newOptions, cursor: { rows, line } };
    contacts = [];
    failed = [];
    newOptions = [];
    return batch;
  };
  for await (const chunk of openSourceRowBatches(input.source, input.skipRows, input.limits)) {
    for (const row of chunk) {
      rows += 1;
      line = row.line;
      const result = map(row);
      if ('contact' in result) {
        contacts.push(result.contact);
        if (result.newOptions) newOptions.push(...result.newOptions);
      } else if ('failed' in result) {
        failed.push(result.failed);
      }
      if (contacts.length + failed.length >= input.batchSize) yield flush();
    }
  }
  if (contacts.length + failed.length > 0) yield flush();
  return { total: rows };
}
