import type { SourceRow } from './types';
import { CsvChunkParser } from './csv';
import { RowWindow } from './header';
import { formatCount, formatSize, SCAN_MAX_CHARS, SCAN_MAX_ROWS, type SourceLimits } from './limits';
import { probeXlsxPreview } from './probe';
import type { SourceSpec } from './rows';
import { openDecodedSource } from './source';
import { SourceError } from './source-error';
import type { PreviewRows } from './xlsx';

export type { PreviewRows } from './xlsx';

export interface PreviewOptions {
  /** Data rows wanted (header excluded). */
  limit: number;
  limits?: Partial<SourceLimits> | null;
}

/**
 * The first `limit` data rows of a source (raw cells, before mapping), for
 * the preview. Bounded: at most SCAN_MAX_ROWS lines / SCAN_MAX_CHARS are
 * looked at, so a file of millions of empty lines answers at once, with what
 * was found (and `truncated` saying how far it looked) or a NO_DATA 400.
 * Workbooks are read in a probe worker (probe.ts); CSV in-process.
 */
export const readPreviewRows = async (spec: SourceSpec, options: PreviewOptions): Promise<PreviewRows> => {
  if (spec.format === 'xlsx') {
    return probeXlsxPreview(spec.path, { sheet: spec.sheet, hasHeader: spec.hasHeader, limit: options.limit }, options.limits);
  }
  return readCsvPreviewRows(spec, options.limit);
};

const readCsvPreviewRows = async (spec: SourceSpec, limit: number): Promise<PreviewRows> => {
  const parser = new CsvChunkParser({ delimiter: spec.delimiter });
  const window = new RowWindow(spec.hasHeader);
  const rows: SourceRow[] = [];
  const add = (batch: SourceRow[]) => {
    for (const row of batch) if (rows.length < limit) rows.push(row);
  };
  let chars = 0;
  let cut = false;
  let ended = true;
  for await (const { text, marks } of openDecodedSource(spec.path, { encoding: spec.encoding, fallbackEncoding: spec.fallbackEncoding })) {
    chars += text.length;
    add(window.take(parser.push(text, false, marks)));
    if (rows.length >= limit) {
      ended = false;
      break;
    }
    if (chars > SCAN_MAX_CHARS || parser.nextLine > SCAN_MAX_ROWS) {
      cut = true;
      ended = false;
      break;
    }
  }
  if (ended) add(window.take(parser.push('', true)));
  if (!cut) return { rows };
  const looked = `${formatCount(parser.nextLine - 1)} lines (${formatSize(chars)})`;
  if (!rows.length) {
    throw new SourceError('NO_DATA', `The first ${looked} of the file hold no data: delete the empty lines and upload it again.`, {
      maxRows: SCAN_MAX_ROWS,
      maxChars: SCAN_MAX_CHARS,
    });
  }
  return { rows, truncated: `Only the first ${looked} of the file were looked at for the preview (${rows.length} rows of data); the import reads the whole file.` };
};
