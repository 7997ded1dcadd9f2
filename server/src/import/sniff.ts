import chardet from 'chardet';
import iconv from 'iconv-lite';
import { extname } from 'path';
import type { Detected } from './types';
import { buildColumns, detectHeader, padRow } from './header';
import { CsvChunkParser, DELIMITERS, guessNewline } from './csv';
import { formatCount, formatSize, MAX_COLUMNS, type SourceLimits } from './limits';
import { probeXlsxSniff } from './probe';
import { assertEncoding, CHUNK_BYTES, createChunkDecoder, detectBom, normalizeEncoding, readHead, type Head } from './source';
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

/** Characters that decoding in the wrong single-byte code page typically produces. */
const ODD = /[\u0080-\u009f\ufffd¤¦¨¯´¸¹¼½¾×÷¬ª º±µ¶]/g;
const oddness = (bytes: Uint8Array, encoding: string) => (iconv.decode(Buffer.from(bytes), encoding).match(ODD) ?? []).length;

/** Single-byte code pages of Western and Central Europe that chardet confuses on short samples. */
const LATIN = /^(iso-8859-(1|2|3|4|9|10|13|14|15|16)|windows-125[0247])$/;

/**
 * Encoding of bytes without a BOM: UTF-8 when they decode strictly as UTF-8;
 * else chardet. Its Latin answers are unreliable on contact files (French
 * Windows-1252 samples come back as windows-1250 or ISO-8859-2), so among
 * Latin code pages the one decoding to the fewest improbable characters wins,
 * windows-1252 on ties: it is what Excel writes on Windows in Western Europe,
 * and a superset of ISO-8859-1 (whose 0x80–0x9F are control codes no contact
 * file contains).
 */
export const detectEncoding = (bytes: Uint8Array, truncated = false): string => {
  if (isUtf8(bytes, truncated)) return 'utf-8';
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  const matches = chardet.analyse(bytes);
  const top = matches.find((m) => iconv.encodingExists(normalizeEncoding(m.name)));
  const topName = top ? normalizeEncoding(top.name) : 'windows-1252';
  if (top && !LATIN.test(topName) && top.confidence >= 50 && !/^utf-(8|16|32)/.test(topName)) return topName;
  const candidates = ['windows-1252', 'iso-8859-15'];
  for (const m of matches) {
    const name = normalizeEncoding(m.name);
    if (LATIN.test(name) && name !== 'iso-8859-1' && !candidates.includes(name)) candidates.push(name);
  }
  let best = 'windows-1252';
  let bestScore = Infinity;
  for (const name of candidates) {
    const score = oddness(bytes, name);
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
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
  const order = [preferred, ...DELIMITERS.filter((d) => d !== preferred)];
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
export const sniffFile = async (path: string, overrides: SniffOverrides = {}): Promise<Detected> => {
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
  const encoding = found ? found.encoding : overrides.encoding ? assertEncoding(overrides.encoding) : detectEncoding(bytes, head.truncated);
  const decode = (h: Head) => {
    const decoder = createChunkDecoder(encoding);
    return decoder.write(Buffer.from(h.bytes.subarray(found?.length ?? 0))) + (h.truncated ? '' : decoder.end());
  };
  let text = decode(head);
  if (head.truncated && !hasCompleteRow(text, overrides, fileName)) {
    // A first row longer than the sample (a very wide file): read on, within a bound.
    head = await readHead(path, FIRST_ROW_MAX_BYTES);
    text = decode(head);
    if (head.truncated && !hasCompleteRow(text, overrides, fileName)) throw noCompleteRow(text);
  }
  return analyseText(
    text,
    { truncated: head.truncated, size: head.size, sampleBytes: head.bytes.length - (found?.length ?? 0), bomLength: found?.length ?? 0, fileName },
    overrides,
    encoding,
    !!found,
  );
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
