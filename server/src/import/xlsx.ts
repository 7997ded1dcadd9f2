import type { Readable } from 'stream';
import type { Detected, SourceRow } from './types';
import { buildColumns, detectHeader, padRow, RowWindow } from './header';
import { SourceError } from './source-error';
import type { MappableField } from './suggest';
import { listZipEntries, openZipEntryText, type ZipEntry } from './zip';

/*
 * XLSX through exceljs's streaming reader classes (WorkbookReader parts and
 * WorksheetReader), fed by our random-access ZIP reader (zip.ts) with decoded
 * strings. exceljs's own sequential path is avoided on purpose: it decodes
 * each Buffer chunk alone (split characters → U+FFFD) and spools sheets to
 * temp files it only removes at the end. Loaded lazily: `require('exceljs')`
 * costs ~0.9 s, these two files ~0.2 s, and CSV imports need neither.
 */
let excel: { WorkbookReader: any; WorksheetReader: any; utils: any } | null = null;
const loadExcel = () => {
  if (!excel) {
    excel = {
      WorkbookReader: require('exceljs/lib/stream/xlsx/workbook-reader'),
      WorksheetReader: require('exceljs/lib/stream/xlsx/worksheet-reader'),
      utils: require('exceljs/lib/utils/utils'),
    };
  }
  return excel;
};

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** ZIP part of the sheet (xl/worksheets/sheet1.xml). */
  part: string;
}

interface OpenWorkbook {
  path: string;
  entries: Map<string, ZipEntry>;
  reader: any;
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStringsLoaded: boolean;
}

const notWorkbook = () =>
  new SourceError('XLSX', 'This ZIP file is not an Excel workbook: upload a CSV, TSV, TXT or XLSX file');

const resolvePart = (target: string): string => {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
};

/** Workbook, relationships and styles parts: sheet names and number formats, nothing else yet. */
export const openWorkbook = async (path: string, entries?: Map<string, ZipEntry>): Promise<OpenWorkbook> => {
  const zip = entries ?? (await listZipEntries(path));
  const workbookEntry = zip.get('xl/workbook.xml');
  if (!workbookEntry) throw notWorkbook();
  const { WorkbookReader } = loadExcel();
  const reader = new WorkbookReader(null, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  try {
    const rels = zip.get('xl/_rels/workbook.xml.rels');
    if (rels) await reader._parseRels(await openZipEntryText(path, rels));
    else reader.workbookRels = [];
    await reader._parseWorkbook(await openZipEntryText(path, workbookEntry));
    const styles = zip.get('xl/styles.xml');
    if (styles) await reader._parseStyles(await openZipEntryText(path, styles));
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError('XLSX', 'The workbook could not be read (damaged or not saved by a spreadsheet program): open it in Excel and save it again');
  }
  const sheets: SheetInfo[] = [];
  for (const sheet of reader.model?.sheets ?? []) {
    const rel = (reader.workbookRels ?? []).find((r: any) => r.Id === sheet.rId);
    const part = rel ? resolvePart(rel.Target) : `xl/worksheets/sheet${sheet.id}.xml`;
    if (!zip.has(part)) continue;
    sheets.push({ name: sheet.name, state: sheet.state || 'visible', part });
  }
  if (!sheets.length) throw new SourceError('XLSX', 'The workbook has no worksheet to import');
  return {
    path,
    entries: zip,
    reader,
    sheets,
    date1904: !!reader.properties?.model?.date1904,
    sharedStringsLoaded: false,
  };
};

const chooseSheet = (wb: OpenWorkbook, name?: string | null): SheetInfo => {
  if (name) {
    const sheet = wb.sheets.find((s) => s.name === name) ?? wb.sheets.find((s) => s.name.toLowerCase() === String(name).toLowerCase());
    if (!sheet) {
      throw new SourceError('SHEET', `The workbook has no sheet named "${name}". Sheets: ${wb.sheets.map((s) => s.name).join(', ')}`, {
        sheets: wb.sheets.map((s) => s.name),
      });
    }
    return sheet;
  }
  return wb.sheets.find((s) => s.state === 'visible') ?? wb.sheets[0];
};

const loadSharedStrings = async (wb: OpenWorkbook) => {
  if (wb.sharedStringsLoaded) return;
  const entry = wb.entries.get('xl/sharedStrings.xml');
  if (entry) {
    // In 'cache' mode the generator fills reader.sharedStrings and yields nothing.
    for await (const _ of wb.reader._parseSharedStrings(await openZipEntryText(wb.path, entry))) void _;
  } else {
    wb.reader.sharedStrings = [];
  }
  wb.sharedStringsLoaded = true;
};

/** What the sheet part said about itself while being read. */
interface SheetProgress {
  /** Last row of <dimension ref="A1:F1000">, when present and meaningful. */
  dimensionLastRow: number | null;
  charsRead: number;
  /** <row> elements in the text read so far (the parser runs ahead of the rows handed out). */
  rowTags: number;
  partSize: number;
}

async function* watchSheet(stream: Readable, progress: SheetProgress): AsyncGenerator<string> {
  try {
    let looking = true;
    for await (const chunk of stream as AsyncIterable<string>) {
      progress.charsRead += chunk.length;
      for (let i = chunk.indexOf('<row'); i !== -1; i = chunk.indexOf('<row', i + 4)) {
        const next = chunk.charCodeAt(i + 4);
        if (next === 32 || next === 62 || next === 47) progress.rowTags++;
      }
      if (looking) {
        const m = /<(?:\w+:)?dimension\s+ref="\$?[A-Z]+\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?"/.exec(chunk);
        if (m) {
          const last = Number(m[2] ?? m[1]);
          progress.dimensionLastRow = last > 1 || m[2] ? last : null;
          looking = false;
        } else if (chunk.indexOf('<sheetData') !== -1 || progress.charsRead > 65536) {
          looking = false;
        }
      }
      yield chunk;
    }
  } finally {
    stream.destroy();
  }
}

// ---------------------------------------------------------------- cell text

const expandExponent = (s: string): string => {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', exp] = m;
  const digits = int + frac;
  const point = int.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`.replace(/0+$/, '');
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
};

/** A number as plain text: no exponent, no grouping, Excel's 15 significant digits (no 0.30000000000000004). */
export const formatNumber = (n: number): string => {
  if (!Number.isFinite(n)) return '';
  let v = Number(n.toPrecision(15));
  if (Object.is(v, -0)) v = 0;
  const s = String(v);
  return s.indexOf('e') === -1 ? s : expandExponent(s);
};

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

const hasTimeTokens = (numFmt: string): boolean => /[hs]|am\/pm|a\/p/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/**
 * Excel dates are wall-clock serial numbers; exceljs turns them into Date
 * objects at UTC. Date only → YYYY-MM-DD; with a time → full ISO 8601;
 * time only (day 0, 1899-12-30) → HH:mm:ss.
 */
export const formatDate = (date: Date, numFmt?: string): string => {
  let ms = date.getTime();
  if (Number.isNaN(ms)) return '';
  // The serial day is a float: a time can land a millisecond off the second.
  const second = Math.round(ms / 1000) * 1000;
  if (Math.abs(second - ms) <= 1) ms = second;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const timeOfDay = ms - Date.UTC(y, d.getUTCMonth(), d.getUTCDate());
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  if (y === 1899 && d.getUTCMonth() === 11 && d.getUTCDate() >= 30) return time;
  const dateOnly = timeOfDay === 0 || (numFmt !== undefined && numFmt !== '' && !hasTimeTokens(numFmt));
  if (dateOnly) return d.toISOString().slice(0, 10);
  return d.toISOString();
};

const richTextOf = (value: any): string =>
  Array.isArray(value?.richText) ? value.richText.map((r: any) => (r?.text == null ? '' : String(r.text))).join('') : '';

/** Any exceljs cell value as the text a person sees in the cell. */
export const cellValueToText = (value: unknown, numFmt?: string, date1904 = false): string => {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      if (numFmt && loadExcel().utils.isDateFmt(numFmt)) return formatDate(loadExcel().utils.excelToDate(value, date1904), numFmt);
      return formatNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value instanceof Date) return formatDate(value, numFmt);
      const v = value as any;
      if (v.richText) return richTextOf(v);
      if ('formula' in v || 'sharedFormula' in v || 'result' in v) return cellValueToText(v.result, numFmt, date1904);
      if ('hyperlink' in v || 'text' in v) {
        if (v.text && typeof v.text === 'object') return richTextOf(v.text);
        return v.text == null ? String(v.hyperlink ?? '') : String(v.text);
      }
      if ('error' in v) return String(v.error ?? '');
      if ('sharedString' in v) return '';
      return '';
    }
    default:
      return String(value);
  }
};

const rowCells = (row: any, date1904: boolean): string[] => {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell: any, col: number) => {
    const value = cell.value;
    // Only numbers (or formula results) and dates depend on the format: skip the style lookup for text.
    const formatted = typeof value === 'number' || value instanceof Date || typeof value?.result === 'number';
    const numFmt: string | undefined = formatted ? cell.numFmt : undefined;
    while (cells.length < col - 1) cells.push('');
    cells[col - 1] = cellValueToText(value, numFmt, date1904);
  });
  return cells;
};

const isEmptyRow = (cells: string[]) => cells.every((c) => c.trim() === '');

/** Non-empty rows of a sheet with their sheet row numbers; `progress` tracks the part being read. */
async function* sheetRows(wb: OpenWorkbook, sheet: SheetInfo, progress: SheetProgress): AsyncGenerator<SourceRow> {
  await loadSharedStrings(wb);
  const entry = wb.entries.get(sheet.part)!;
  progress.partSize = entry.size;
  const stream = await openZipEntryText(wb.path, entry);
  const { WorksheetReader } = loadExcel();
  const ws = new WorksheetReader({ workbook: wb.reader, id: sheet.part, iterator: watchSheet(stream, progress), options: wb.reader.options });
  ws.name = sheet.name;
  try {
    for await (const row of ws) {
      const cells = rowCells(row, wb.date1904);
      if (cells.length && !isEmptyRow(cells)) yield { line: row.number, cells };
    }
  } finally {
    stream.destroy();
  }
}

export interface XlsxReadOptions {
  sheet?: string | null;
  hasHeader?: boolean;
}

/** Data rows of a sheet (header excluded), in batches, after `skipRows` data rows. */
export async function* readXlsxRowBatches(
  path: string,
  options: XlsxReadOptions = {},
  control: { skipRows?: number; batchSize?: number } = {},
): AsyncGenerator<SourceRow[], void, undefined> {
  const wb = await openWorkbook(path);
  const sheet = chooseSheet(wb, options.sheet);
  const window = new RowWindow(options.hasHeader !== false, control.skipRows);
  const size = control.batchSize || 1000;
  let batch: SourceRow[] = [];
  const progress: SheetProgress = { dimensionLastRow: null, charsRead: 0, rowTags: 0, partSize: 0 };
  for await (const row of sheetRows(wb, sheet, progress)) {
    batch.push(row);
    if (batch.length >= size) {
      const rows = window.take(batch);
      if (rows.length) yield rows;
      batch = [];
    }
  }
  const rows = window.take(batch);
  if (rows.length) yield rows;
}

/** Data rows of a sheet, one at a time (same contract as parse.ts readRows). */
export async function* readXlsxRows(path: string, options: XlsxReadOptions = {}, control: { skipRows?: number } = {}): AsyncGenerator<SourceRow, void, undefined> {
  for await (const batch of readXlsxRowBatches(path, options, control)) yield* batch;
}

/** Rows read to guess the header and the column count. */
const SNIFF_ROWS = 51;

export interface XlsxSniffOptions {
  sheet?: string | null;
  hasHeader?: boolean;
  fields?: readonly MappableField[];
}

/** Sheets, chosen sheet, columns and sample of a workbook, reading only the first rows of one sheet. */
export const sniffXlsx = async (path: string, options: XlsxSniffOptions = {}, entries?: Map<string, ZipEntry>): Promise<Detected> => {
  const wb = await openWorkbook(path, entries);
  const sheet = chooseSheet(wb, options.sheet);
  const progress: SheetProgress = { dimensionLastRow: null, charsRead: 0, rowTags: 0, partSize: 0 };
  const rows: SourceRow[] = [];
  let complete = true;
  for await (const row of sheetRows(wb, sheet, progress)) {
    if (rows.length === SNIFF_ROWS) {
      complete = false;
      break;
    }
    rows.push(row);
  }
  const cells = rows.map((r) => r.cells);
  const hasHeader = options.hasHeader ?? detectHeader(cells, options.fields);
  const data = hasHeader ? rows.slice(1) : rows;
  const width = Math.max(0, ...cells.map((c) => c.length));
  const columns = buildColumns(hasHeader && rows.length ? rows[0].cells : null, width);
  let rowEstimate = data.length;
  if (!complete) {
    const firstData = data.length ? data[0].line : (rows[0]?.line ?? 1);
    if (progress.dimensionLastRow && progress.dimensionLastRow >= rows[rows.length - 1].line) {
      rowEstimate = progress.dimensionLastRow - firstData + 1;
    } else if (progress.charsRead > 0 && progress.rowTags > 0) {
      rowEstimate = Math.round((progress.partSize / progress.charsRead) * progress.rowTags) - (hasHeader ? 1 : 0);
    }
  }
  return {
    format: 'xlsx',
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    hasHeader,
    columns,
    sample: data.slice(0, 10).map((r) => padRow(r.cells, columns.length)),
    rowEstimate: Math.max(rowEstimate, data.length),
    sheets: wb.sheets.map((s) => s.name),
    sheet: sheet.name,
  };
};
