import { isAscii } from 'buffer';
import { extname } from 'path';
import { IMPORT_DELIMITERS } from '../constants';
import type { Detected } from './types';
import { buildColumns, detectHeader, padRow } from './header';
import { CsvChunkParser, guessNewline } from './csv';
import { formatCount, formatSize, MAX_COLUMNS, type SourceLimits } from './limits';
import { probeXlsxSniff } from './probe';
import { UTF8_LINES_IN } from './decode';
import { detectLegacyEncoding, isSingleByte, utf8CutPoint, utf8Evidence, type Utf8Evidence } from './encoding';
import { assertEncoding, CHUNK_BYTES, createChunkDecoder, detectBom, readHead, readRanges, type Head } from './source';
import { SourceError } from './source-error';
import type { MappableField } from './suggest';
import { checkWorkbookParts } from './xlsx';
import { listZipEntries } from './zip';

export interface SniffOverrides {
  encoding?: string | null;
  delimiter?: string | null;
  hasHeader?: boolean | null;
  sheet?: string | null;
  /** The name the file was uploaded with (temp files have none): .tsv/.txt favour TAB, messages name the type. */
  fileName?: string | null;
  /** Custom fields, so their keys and labels count as header names too. */
  fields?: readonly MappableField[];
  /** Limits for workbooks (limitsFromConfig); defaults when absent. */
  limits?: Partial<SourceLimits> | null;
}

const SAMPLE_ROWS = 10;
/** Rows looked at to choose the delimiter and the header. */
const ANALYSED_ROWS = 200;
/**
 * How far sniffing reads to find the end of the first row when it is longer
 * than the 64 KB sample (a very wide CSV): any real header ends well before.
 */
export const FIRST_ROW_MAX_BYTES = 1024 * 1024;

const ACCEPTED = 'upload a CSV, TSV, TXT or XLSX file';

const startsWith = (bytes: Uint8Array, magic: number[]) => bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, text: string) => startsWith(bytes, [...text].map((c) => c.charCodeAt(0)));

/** Binary formats people upload by mistake, each with what to do instead. */
const classifyBytes = (bytes: Uint8Array, fileName: string): 'zip' | 'text' => {
  const ext = extname(fileName).toLowerCase();
  if (ascii(bytes, '%PDF')) throw new SourceError('PDF', `This looks like a PDF; ${ACCEPTED}`);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) throw new SourceError('IMAGE', `This looks like a PNG image; ${ACCEPTED}`);
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) throw new SourceError('IMAGE', `This looks like a JPEG image; ${ACCEPTED}`);
  if (ascii(bytes, 'GIF87a') || ascii(bytes, 'GIF89a')) throw new SourceError('IMAGE', `This looks like a GIF image; ${ACCEPTED}`);
  if (ascii(bytes, 'RIFF') && bytes.length >= 12 && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') {
    throw new SourceError('IMAGE', `This looks like a WebP image; ${ACCEPTED}`);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // OLE compound file: .xls, .doc, or an .xlsx encrypted by Excel's "password to open".
    if (ext === '.xlsx') throw new SourceError('ENCRYPTED', 'This workbook is password-protected: remove the password in Excel and upload it again');
    if (ext === '.doc') throw new SourceError('OFFICE', `This looks like a Word document; ${ACCEPTED}`);
    throw new SourceError('XLS', 'Old .xls files are not supported: save it as .xlsx or CSV');
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0x1f, 0x8b])) throw new SourceError('ARCHIVE', `This is a gzip archive: decompress it, then ${ACCEPTED}`);
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21])) throw new SourceError('ARCHIVE', `This is a RAR archive: extract it, then ${ACCEPTED}`);
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf])) throw new SourceError('ARCHIVE', `This is a 7-Zip archive: extract it, then ${ACCEPTED}`);
  return 'text';
};

/** What kind of ZIP: only a workbook goes on. */
const refuseZip = (names: Set<string>): void => {
  if (names.has('xl/workbook.xml')) return;
  if (names.has('mimetype') && names.has('content.xml')) {
    throw new SourceError('ODS', 'OpenDocument files (.ods) are not supported: save it as .xlsx or CSV');
  }
  if (names.has('word/document.xml')) throw new SourceError('OFFICE', `This looks like a Word document; ${ACCEPTED}`);
  if (names.has('ppt/presentation.xml')) throw new SourceError('OFFICE', `This looks like a PowerPoint presentation; ${ACCEPTED}`);
  throw new SourceError('ARCHIVE', `This is a ZIP archive: extract it, then ${ACCEPTED}`);
};

/** UTF-16 without a BOM: ASCII text has a NUL in every other byte. */
const utf16WithoutBom = (bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null => {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
};

/** Valid UTF-8 (an incomplete character cut by the sample's end is fine: stream mode waits for it). */
const isUtf8 = (bytes: Uint8Array, truncated: boolean): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: truncated });
    return true;
  } catch {
    return false;
  }
};

/**
 * Encoding of bytes without a BOM: UTF-8 when they decode strictly as UTF-8;
 * UTF-16 when every other byte is NUL; else the legacy code page chardet and
 * the oddness score choose (encoding.ts detectLegacyEncoding).
 */
export const detectEncoding = (bytes: Uint8Array, truncated = false): string => {
  if (isUtf8(bytes, truncated)) return 'utf-8';
  return utf16WithoutBom(bytes) ?? detectLegacyEncoding(bytes);
};

/** How the encoding was chosen, beyond `Detected.encoding` (sniffFile adds these to what it returns). */
export interface EncodingDecision {
  /** Windows past the first 64 KB (at 1/4, 1/2 and 3/4 of the file, and its last 64 KB) were read to choose it. */
  encodingSampled?: true;
  /**
   * The file holds both: lines of UTF-8 text and lines of a legacy code page.
   * It is read as `encoding`, and each line that is not is read as
   * `fallbackEncoding`, its row noted (`encoding_fallback`).
   */
  mixed?: true;
  /** The other encoding of a mixed file (a single-byte code page when `encoding` is utf-8, else utf-8). */
  fallbackEncoding?: string;
}

export type SniffResult = Detected & EncodingDecision;

interface EncodingChoice extends EncodingDecision {
  encoding: string;
}

/** Where the windows past the head start, as fractions of the file; 1 stands for its last 64 KB. */
const WINDOWS = [0.25, 0.5, 0.75, 1];

const sum = (list: Utf8Evidence[], key: 'utf8Lines' | 'badLines') => list.reduce((n, e) => n + e[key], 0);

/** A window from the middle of a file, cut between characters at both ends. */
const windowEvidence = (bytes: Buffer, atEnd: boolean): Utf8Evidence => {
  let start = 0;
  while (start < 3 && start < bytes.length && (bytes[start] & 0xc0) === 0x80) start++;
  const view = bytes.subarray(start, atEnd ? bytes.length : utf8CutPoint(bytes));
  return isAscii(view) ? { utf8Lines: 0, badLines: 0, legacy: Buffer.alloc(0) } : utf8Evidence(view);
};

/**
 * The encoding of a file without a BOM, from its head and, when it is longer,
 * a few 64 KB windows further on: a file that is ASCII or UTF-8 at the top
 * and Windows-1252 lower down (rows appended on an old PC) is found here,
 * before any row is read. Measured on 100 MB files: the 4 windows cost 1.5 ms
 * to read and scan (10 ms when they hold Windows-1252); the whole sniff 2–4 ms.
 * The decoder validates the rest anyway (decode.ts).
 */
const chooseEncoding = async (path: string, head: Head, bytes: Buffer): Promise<EncodingChoice> => {
  const headValid = isUtf8(bytes, head.truncated);
  if (!headValid) {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) return { encoding: utf16 };
  }
  const evidence = [utf8Evidence(head.truncated ? bytes.subarray(0, utf8CutPoint(bytes)) : bytes)];
  let sampled = false;
  if (head.truncated) {
    const starts = new Set<number>();
    for (const f of WINDOWS) {
      const start = Math.max(head.bytes.length, f === 1 ? head.size - CHUNK_BYTES : Math.floor(head.size * f));
      if (start < head.size) starts.add(start);
    }
    const ranges = [...starts].map((start) => ({ start, length: CHUNK_BYTES }));
    const windows = await readRanges(path, ranges);
    windows.forEach((w, i) => evidence.push(windowEvidence(w, ranges[i].start + w.length >= head.size)));
    sampled = true;
  }
  const decision: EncodingDecision = sampled ? { encodingSampled: true } : {};
  const bad = sum(evidence, 'badLines');
  if (!bad) return { encoding: 'utf-8', ...decision };
  // chardet costs ~0.5 ms per KB: 64 KB of bad lines is plenty.
  const legacyBytes = Buffer.concat(evidence.map((e) => e.legacy)).subarray(0, 64 * 1024);
  const utf8 = sum(evidence, 'utf8Lines');
  // A legacy head decides its code page as it always did; else the bad lines alone (UTF-8 text would mislead chardet).
  if (!utf8) return { encoding: headValid ? detectLegacyEncoding(legacyBytes) : detectEncoding(bytes, head.truncated), ...decision };
  const legacy = detectLegacyEncoding(legacyBytes);
  // Mixed: read as the encoding most lines seen use, the other for the rest.
  if (bad > utf8 && UTF8_LINES_IN.has(legacy)) return { encoding: legacy, ...decision, mixed: true, fallbackEncoding: 'utf-8' };
  const fallback = isSingleByte(legacy) ? legacy : detectLegacyEncoding(legacyBytes, true);
  return { encoding: 'utf-8', ...decision, mixed: true, fallbackEncoding: fallback };
};

/** Text of a sample: all of it, a character or line cut by the sample's end left for the parser to ignore. */
const decodeSample = (bytes: Buffer, truncated: boolean, choice: EncodingChoice): string => {
  const decoder = createChunkDecoder(choice.encoding, choice.fallbackEncoding);
  const lineDecoder = choice.encoding === 'utf-8' || isSingleByte(choice.encoding);
  const input = truncated && choice.encoding === 'utf-8' ? bytes.subarray(0, utf8CutPoint(bytes)) : bytes;
  const text = decoder.write(Buffer.from(input)).text;
  // Line decoders hold the last line back: the sample wants it (the parser knows it may be cut).
  return truncated && !lineDecoder ? text : text + decoder.end().text;
};

interface TextContext {
  /** The text is the start of a longer source (its last row may be cut). */
  truncated: boolean;
  /** Size of the whole source in bytes (0 for pasted text). */
  size: number;
  /** Bytes of the source the text was decoded from (BOM excluded). */
  sampleBytes: number;
  bomLength: number;
  fileName: string;
}

const parseSample = (text: string, delimiter: string, newline: '\n' | '\r\n' | '\r', truncated: boolean) => {
  const parser = new CsvChunkParser({ delimiter, newline });
  let rows = parser.push(text, !truncated);
  // One row longer than the whole sample: show what there is.
  if (!rows.length && truncated) rows = new CsvChunkParser({ delimiter, newline }).push(text, true);
  return { rows, pending: parser.pendingLength };
};

/**
 * The delimiter that splits the sample into the most consistent field counts
 * (quotes respected): share of rows with the most common count, a bonus when
 * the first row (usually the header) has that count too, then more fields,
 * then the file type's usual delimiter.
 */
export const chooseDelimiter = (text: string, newline: '\n' | '\r\n' | '\r', truncated: boolean, fileName = ''): string => {
  const ext = extname(fileName).toLowerCase();
  const preferred = ext === '.tsv' || ext === '.tab' || ext === '.txt' ? '\t' : ext === '.psv' ? '|' : ',';
  const order = [preferred, ...IMPORT_DELIMITERS.filter((d) => d !== preferred)];
  let best = preferred;
  let bestScore = -1;
  let bestWidth = 0;
  for (const delimiter of order) {
    const { rows } = parseSample(text, delimiter, newline, truncated);
    const counts = rows.slice(0, ANALYSED_ROWS).map((r) => r.cells.length);
    if (!counts.length) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [c, n] of freq) if (n > modeCount || (n === modeCount && c > mode)) (mode = c), (modeCount = n);
    if (mode < 2) continue;
    const score = Math.round((modeCount / counts.length) * 100) + (counts[0] === mode ? 10 : 0);
    if (score > bestScore || (score === bestScore && mode > bestWidth)) {
      best = delimiter;
      bestScore = score;
      bestWidth = mode;
    }
  }
  return best;
};

const assertDelimiter = (delimiter: string): string => {
  if (typeof delimiter !== 'string' || delimiter.length === 0 || /[\r\n"]/.test(delimiter)) {
    throw new SourceError('DELIMITER', `"${delimiter}" cannot be a delimiter: use , ; | or TAB`);
  }
  return delimiter;
};

const controlShare = (text: string): number => {
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  let n = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) n++;
  }
  return sample.length ? n / sample.length : 0;
};

const delimiterName = (d: string) => (d === '\t' ? 'TAB' : `"${d}"`);

/** The sample holds at least one whole row, split by the given delimiter or the one the sample suggests. */
const hasCompleteRow = (text: string, overrides: SniffOverrides, fileName: string): boolean => {
  const newline = guessNewline(text);
  if (!newline) return false;
  // Without quotes every line break ends a row.
  if (text.indexOf('"') === -1) return true;
  const delimiter = overrides.delimiter || chooseDelimiter(text, newline, true, fileName);
  const parser = new CsvChunkParser({ delimiter, newline });
  parser.push(text);
  return parser.nextLine > 1;
};

/** No whole row within FIRST_ROW_MAX_BYTES: say whether a line break was seen at all. */
const noCompleteRow = (text: string): SourceError => {
  const limit = formatSize(FIRST_ROW_MAX_BYTES);
  if (text.indexOf('\n') === -1 && text.indexOf('\r') === -1) {
    return new SourceError(
      'LINE_TOO_LONG',
      `The first ${limit} of the file hold no line break: this is not a file of rows, or its lines end in an unusual way. ` +
        'Save it as CSV (one contact per line) and upload it again.',
      { maxBytes: FIRST_ROW_MAX_BYTES },
    );
  }
  return new SourceError(
    'QUOTES',
    `The first row does not end within the first ${limit}: a quote opened on line 1 is never closed. Check the quotes on that line, or that the delimiter is right.`,
    { line: 1, maxBytes: FIRST_ROW_MAX_BYTES },
  );
};

const analyseText = (text: string, ctx: TextContext, overrides: SniffOverrides, encoding: string, bom: boolean): Detected => {
  if (text.trim() === '') {
    if (ctx.truncated) {
      throw new SourceError('NO_DATA', `The first ${formatSize(Math.max(ctx.sampleBytes, text.length))} of the file hold only empty lines: delete them and upload it again.`, {
        maxBytes: Math.max(ctx.sampleBytes, text.length),
      });
    }
    throw new SourceError('EMPTY', 'The file is empty');
  }
  if (controlShare(text) > 0.02) {
    throw new SourceError('BINARY', `This does not look like a text file (wrong encoding or a binary file); ${ACCEPTED}`, { encoding });
  }
  const newline = guessNewline(text) ?? '\n';
  const delimiter = overrides.delimiter ? assertDelimiter(overrides.delimiter) : chooseDelimiter(text, newline, ctx.truncated, ctx.fileName);
  const { rows, pending } = parseSample(text, delimiter, newline, ctx.truncated);
  const cells = rows.map((r) => r.cells);
  const width = Math.max(0, ...cells.slice(0, ANALYSED_ROWS).map((c) => c.length));
  if (width > MAX_COLUMNS) {
    throw new SourceError(
      'COLUMNS',
      `The file has ${formatCount(width)} columns (delimiter ${delimiterName(delimiter)}); at most ${formatCount(MAX_COLUMNS)} can be imported. ` +
        'Check the delimiter, or remove the unused columns, and upload it again.',
      { columns: width, max: MAX_COLUMNS, delimiter },
    );
  }
  const hasHeader = typeof overrides.hasHeader === 'boolean' ? overrides.hasHeader : detectHeader(cells.slice(0, ANALYSED_ROWS), overrides.fields);
  const data = hasHeader ? cells.slice(1) : cells;
  const columns = buildColumns(hasHeader && cells.length ? cells[0] : null, width);

  let rowEstimate = data.length;
  const consumedChars = text.length - pending;
  if (ctx.truncated && rows.length && consumedChars > 0) {
    // Bytes per row over the rows parsed, applied to the whole file.
    const bytesPerRow = (ctx.sampleBytes * consumedChars) / text.length / rows.length;
    const estimate = Math.round((ctx.size - ctx.bomLength) / bytesPerRow) - (hasHeader ? 1 : 0);
    if (Number.isFinite(estimate)) rowEstimate = Math.max(data.length, estimate);
  }
  return {
    format: 'csv',
    encoding,
    bom,
    delimiter,
    hasHeader,
    columns,
    sample: data.slice(0, SAMPLE_ROWS).map((c) => padRow(c, columns.length)),
    rowEstimate,
  };
};

/**
 * What a source file holds, from its first 64 KB (XLSX: its first rows):
 * format, encoding, BOM, delimiter, header row, columns, 10 sample rows and
 * an estimated row count. Unsupported files throw a SourceError saying what
 * to upload instead.
 */
export const sniffFile = async (path: string, overrides: SniffOverrides = {}): Promise<SniffResult> => {
  const fileName = overrides.fileName || path;
  let head = await readHead(path, CHUNK_BYTES);
  if (head.size === 0) throw new SourceError('EMPTY', 'The file is empty');
  if (classifyBytes(head.bytes, fileName) === 'zip') {
    const entries = await listZipEntries(path);
    refuseZip(new Set(entries.keys()));
    checkWorkbookParts(entries, overrides.limits);
    // Off the main thread, in a worker with a bounded heap and a time budget (probe.ts).
    return probeXlsxSniff(path, { sheet: overrides.sheet, hasHeader: overrides.hasHeader ?? undefined, fields: overrides.fields }, overrides.limits);
  }

  const found = detectBom(head.bytes);
  const bytes = found ? head.bytes.subarray(found.length) : head.bytes;
  if (!found && !overrides.encoding && bytes.indexOf(0) !== -1 && !utf16WithoutBom(bytes)) {
    throw new SourceError('BINARY', `This does not look like a text file; ${ACCEPTED}`);
  }
  const choice: EncodingChoice = found
    ? { encoding: found.encoding }
    : overrides.encoding
      ? { encoding: assertEncoding(overrides.encoding) }
      : await chooseEncoding(path, head, bytes);
  const decode = (h: Head) => decodeSample(h.bytes.subarray(found?.length ?? 0), h.truncated, choice);
  let text = decode(head);
  if (head.truncated && !hasCompleteRow(text, overrides, fileName)) {
    // A first row longer than the sample (a very wide file): read on, within a bound.
    head = await readHead(path, FIRST_ROW_MAX_BYTES);
    text = decode(head);
    if (head.truncated && !hasCompleteRow(text, overrides, fileName)) throw noCompleteRow(text);
  }
  const { encoding, ...decision } = choice;
  const detected = analyseText(
    text,
    { truncated: head.truncated, size: head.size, sampleBytes: head.bytes.length - (found?.length ?? 0), bomLength: found?.length ?? 0, fileName },
    overrides,
    encoding,
    !!found,
  );
  return { ...detected, ...decision };
};
/** sniffFile for pasted text: delimiter, header, columns, sample and the exact row count. */
export const sniffText = (text: string, overrides: SniffOverrides = {}): Detected => {
  const clean = String(text ?? '');
  if (clean.trim() === '') throw new SourceError('EMPTY', 'The text is empty: paste rows of contacts, one per line');
  const long = clean.length > CHUNK_BYTES;
  let head = long ? clean.slice(0, CHUNK_BYTES) : clean;
  const fileName = overrides.fileName || '';
  if (long && !hasCompleteRow(head, overrides, fileName)) {
    head = clean.slice(0, FIRST_ROW_MAX_BYTES);
    if (clean.length > FIRST_ROW_MAX_BYTES && !hasCompleteRow(head, overrides, fileName)) throw noCompleteRow(head);
  }
  const truncated = clean.length > head.length;
  const detected = analyseText(
    head,
    { truncated, size: 0, sampleBytes: 0, bomLength: 0, fileName },
    overrides,
    'utf-8',
    false,
  );
  if (long) {
    const parser = new CsvChunkParser({ delimiter: detected.delimiter, newline: guessNewline(head) ?? '\n' });
    let rows = 0;
    for (let i = 0; i < clean.length; i += CHUNK_BYTES) rows += parser.push(clean.slice(i, i + CHUNK_BYTES)).length;
    rows += parser.push('', true).length;
    detected.rowEstimate = Math.max(0, rows - (detected.hasHeader ? 1 : 0));
  }
  return detected;
};
