import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { formatCount, formatSize, type SourceLimits } from './limits';
import { SourceError } from './source-error';
import { unescapeXstring } from './xlsx-cells';

/**
 * xl/sharedStrings.xml as plain text, on saxes (exceljs's own XML parser).
 * Rich-text runs are concatenated, phonetic runs (<rPh>, furigana) left out,
 * _xHHHH_ escapes (Excel's _x000D_ for a carriage return) decoded;
 * exceljs's reader kept whole rich-text objects and, for a string with a
 * phonetic run, returned the reading instead of the text.
 *
 * Two uses: an import run needs every string (bounded by the count and size
 * limits); a sniff or preview only the few its first rows reference, so it
 * keeps those and stops after the highest one.
 */
export interface SharedStringsOptions {
  limits: SourceLimits;
  /** Keep only these indexes and stop after the highest (sniff, preview). */
  wanted?: ReadonlySet<number>;
  part?: string;
}

/** Empty strings are null, as exceljs gives them (an empty cell, not an empty text). */
export type SharedString = string | null;

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

const damaged = (part: string, reason: string) =>
  new SourceError('XLSX', `The workbook is damaged (${part}: ${reason}): open it in Excel and save it again`, { part, reason });

const countError = (limits: SourceLimits) =>
  new SourceError(
    'XLSX_STRINGS',
    `This workbook holds more than ${formatCount(limits.maxXlsxSharedStrings)} distinct texts, the limit (maxXlsxSharedStrings). ` +
      'Split it into smaller workbooks or save it as CSV, and upload it again.',
    { limit: 'maxXlsxSharedStrings', max: limits.maxXlsxSharedStrings },
  );

const sizeError = (limits: SourceLimits) =>
  new SourceError(
    'XLSX_STRINGS',
    `The texts of this workbook add up to more than ${formatSize(limits.maxXlsxSharedStringsSize)} (${formatCount(limits.maxXlsxSharedStringsSize)} characters), ` +
      'the limit (maxXlsxSharedStringsSize). Split it into smaller workbooks or save it as CSV, and upload it again.',
    { limit: 'maxXlsxSharedStringsSize', max: limits.maxXlsxSharedStringsSize },
  );

/**
 * Reads the strings, calling `keep(index, text)` for each one wanted.
 * Resolves once the part ends, or right after the highest wanted index.
 */
const scan = async (stream: AsyncIterable<string>, options: SharedStringsOptions, keep: (index: number, text: SharedString) => void): Promise<void> => {
  const { limits, wanted } = options;
  const part = options.part ?? 'xl/sharedStrings.xml';
  let last = wanted ? -1 : Infinity;
  if (wanted) for (const i of wanted) if (i > last) last = i;
  if (last < 0) return;
  const parser = new SaxesParser({ xmlns: false, position: false });
  let count = 0;
  let index = -1;
  let keeping = false;
  let inText = false;
  let phonetic = 0;
  let text = '';
  let kept = 0;
  let stop = false;
  let failure: Error | null = null;
  // Characters written since the last tag: saxes holds a text node whole until its end.
  let sinceTag = 0;

  parser.on('error', (error) => {
    failure ??= damaged(part, error.message);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    sinceTag = 0;
    if (stop) return;
    switch (localName(tag.name)) {
      case 'si':
        index = count++;
        if (count > limits.maxXlsxSharedStrings) failure ??= countError(limits);
        keeping = !wanted || wanted.has(index);
        text = '';
        break;
      case 'rPh':
        phonetic++;
        break;
      case 't':
        inText = phonetic === 0;
        break;
    }
  });
  parser.on('text', (value: string) => {
    if (!keeping || !inText || stop) return;
    kept += value.length;
    if (kept > limits.maxXlsxSharedStringsSize) failure ??= sizeError(limits);
    else text += value;
  });
  parser.on('closetag', (tag: SaxesTagPlain) => {
    sinceTag = 0;
    if (stop) return;
    switch (localName(tag.name)) {
      case 't':
        inText = false;
        break;
      case 'rPh':
        phonetic = Math.max(0, phonetic - 1);
        break;
      case 'si':
        if (keeping) keep(index, text === '' ? null : unescapeXstring(text));
        keeping = false;
        inText = false;
        phonetic = 0;
        if (index >= last) stop = true;
        break;
    }
  });

  for await (const chunk of stream) {
    sinceTag += chunk.length;
    parser.write(chunk);
    if (failure) throw failure;
    if (stop) return;
    if (sinceTag > limits.maxXlsxSharedStringsSize) throw sizeError(limits);
  }
  parser.close();
  if (failure) throw failure;
};

/** Every shared string, by index (an import run). */
export const readAllSharedStrings = async (stream: AsyncIterable<string>, options: SharedStringsOptions): Promise<SharedString[]> => {
  const strings: SharedString[] = [];
  await scan(stream, { ...options, wanted: undefined }, (index, text) => {
    // Keeps a copy, not a slice of saxes's chunk: a slice would hold the whole chunk in memory.
    strings[index] = text === null || text.length < 13 ? text : flatten(text);
  });
  return strings;
};

/** Only the wanted strings (a sniff or preview); indexes past the end of the part stay missing. */
export const readSomeSharedStrings = async (
  stream: AsyncIterable<string>,
  wanted: ReadonlySet<number>,
  options: SharedStringsOptions,
): Promise<Map<number, SharedString>> => {
  const strings = new Map<number, SharedString>();
  await scan(stream, { ...options, wanted }, (index, text) => strings.set(index, text));
  return strings;
};

/** A string that shares no memory with the one it came from (V8 makes substrings of 13+ characters views). */
const flatten = (s: string): string => Buffer.from(s, 'utf16le').toString('utf16le');
