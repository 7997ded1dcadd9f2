import type { Detected, SourceRow } from './types';
import { CsvChunkParser, type NotedRow } from './csv';
import type { SourceLimits } from './limits';
import { RowWindow } from './header';
import { sniffFile, sniffText } from './sniff';
import { openDecodedSource, type OpenTextOptions } from './source';
import { readXlsxRowBatches } from './xlsx';

export { CsvChunkParser, guessNewline, MALFORMED_QUOTE, MAX_ROW_CHARS, UNTERMINATED_QUOTE, type NotedRow } from './csv';
export type { RowNote } from './decode';
export { MAX_COLUMNS } from './limits';

/** What reading a CSV/TSV/TXT source needs; a `Detected` fits. */
export interface CsvOptions {
  delimiter: string;
  hasHeader: boolean;
  /** Row separator; guessed from the first chunk when absent. */
  newline?: '\n' | '\r\n' | '\r';
  quoteChar?: string;
}

export interface ReadOptions extends Partial<Pick<Detected, 'format' | 'encoding' | 'delimiter' | 'hasHeader' | 'sheet'>> {
  /** Code page for bytes invalid in a UTF-8 file (the sniff's `fallbackEncoding`); detected while reading when absent. */
  fallbackEncoding?: string | null;
  newline?: CsvOptions['newline'];
  quoteChar?: string;
  /** Workbook limits (limitsFromConfig); defaults when absent. */
  limits?: Partial<SourceLimits> | null;
}

export interface ReadRowsControl {
  /** Data rows (header excluded) to pass over before yielding: a resumed import's cursor. */
  skipRows?: number;
  /** Bytes per read; tests force tiny values. */
  highWaterMark?: number;
}

type ResolvedReadOptions = ReadOptions & Required<Pick<ReadOptions, 'format' | 'encoding' | 'delimiter' | 'hasHeader'>>;

const resolveReadOptions = async (path: string, options: ReadOptions): Promise<ResolvedReadOptions> => {
  if (options.format && options.encoding && options.delimiter && typeof options.hasHeader === 'boolean') return options as ResolvedReadOptions;
  const detected = await sniffFile(path, options);
  return {
    ...options,
    format: detected.format,
    encoding: detected.encoding,
    fallbackEncoding: options.fallbackEncoding ?? detected.fallbackEncoding,
    delimiter: detected.delimiter,
    hasHeader: detected.hasHeader,
    sheet: detected.sheet,
  };
};

/**
 * Data rows of a source file in batches (one per decoded chunk: the import
 * worker's hot path, no per-row promise). Options missing from `options` are
 * sniffed. XLSX files are read by the streaming XLSX reader. A row whose
 * bytes were not valid UTF-8 in a UTF-8 file carries
 * `notes: [{ code: 'encoding_fallback', params: { from, to } }]` (NotedRow).
 */
export async function* readRowBatches(path: string, options: ReadOptions = {}, control: ReadRowsControl = {}): AsyncGenerator<NotedRow[], void, undefined> {
  const opts = await resolveReadOptions(path, options);
  if (opts.format === 'xlsx') {
    yield* readXlsxRowBatches(path, { sheet: opts.sheet, hasHeader: opts.hasHeader, limits: opts.limits }, control);
    return;
  }
  const parser = new CsvChunkParser({ delimiter: opts.delimiter, newline: opts.newline, quoteChar: opts.quoteChar });
  const window = new RowWindow(opts.hasHeader, control.skipRows);
  const source: OpenTextOptions = { encoding: opts.encoding, fallbackEncoding: opts.fallbackEncoding, highWaterMark: control.highWaterMark };
  for await (const { text, marks } of openDecodedSource(path, source)) {
    const rows = window.take(parser.push(text, false, marks));
    if (rows.length) yield rows;
  }
  const rows = window.take(parser.push('', true));
  if (rows.length) yield rows;
}

/** Every data row (header excluded) of a CSV/TSV/TXT or XLSX file, streamed. */
export async function* readRows(path: string, options: ReadOptions = {}, control: ReadRowsControl = {}): AsyncGenerator<NotedRow, void, undefined> {
  for await (const batch of readRowBatches(path, options, control)) yield* batch;
}

/** Rows of pasted text, read in slices so a large paste is not parsed in one go. */
export function* parseTextBatches(text: string, options: CsvOptions, control: Pick<ReadRowsControl, 'skipRows'> = {}): Generator<SourceRow[], void, undefined> {
  const parser = new CsvChunkParser(options);
  const window = new RowWindow(options.hasHeader, control.skipRows);
  const slice = 256 * 1024;
  for (let i = 0; i < text.length; i += slice) {
    const rows = window.take(parser.push(text.slice(i, i + slice)));
    if (rows.length) yield rows;
  }
  const rows = window.take(parser.push('', true));
  if (rows.length) yield rows;
}

/** Data rows of pasted text (same contract as readRows). Delimiter and header are sniffed when not given. */
export async function* readRowsFromText(
  text: string,
  options: Partial<CsvOptions> = {},
  control: Pick<ReadRowsControl, 'skipRows'> = {},
): AsyncGenerator<SourceRow, void, undefined> {
  let resolved = options as CsvOptions;
  if (!options.delimiter || typeof options.hasHeader !== 'boolean') {
    const detected = sniffText(text, options);
    resolved = { ...options, delimiter: detected.delimiter, hasHeader: detected.hasHeader };
  }
  for (const batch of parseTextBatches(text, resolved, control)) yield* batch;
}
