import type { Readable } from 'stream';
import type { Detected, SourceRow } from './types';
import { buildColumns, detectHeader, padRow, RowWindow } from './header';
import { formatCount, formatSize, MAX_COLUMNS, memoryError, SCAN_MAX_CHARS, SCAN_MAX_ROWS, type SourceLimits } from './limits';
import { readAllSharedStrings, readSomeSharedStrings, type SharedString } from './shared-strings';
import { SourceError } from './source-error';
import type { MappableField } from './suggest';
import { loadExcel, rowTexts, type CellContext } from './xlsx-cells';
import { MergeScanner, SheetDamage, SheetParser, type MergedRange, type RawRow } from './xlsx-sheet';
import { checkZipEntry, createReadBudget, listZipEntries, openZipEntryText, type ZipEntry, type ZipReadBudget } from './zip';

export { cellValueToText, formatDate, formatNumber, isSpreadsheetError, SPREADSHEET_ERRORS } from './xlsx-cells';

/*
 * XLSX read by random access (zip.ts): the workbook, relationships and styles
 * parts through exceljs's WorkbookReader, the chosen sheet through our own
 * saxes parser (xlsx-sheet.ts, which reads cells the way the person sees
 * them: see there why not exceljs's WorksheetReader). exceljs's sequential
 * path is avoided on purpose: it decodes each Buffer chunk alone (split
 * characters → U+FFFD) and spools sheets to temp files it only removes at
 * the end.
 *
 * Shared strings are read by shared-strings.ts: all of them for an import
 * run; for a sniff or preview only those the first rows use (the sheet is
 * read first with the indexes left unresolved), so a workbook with a huge
 * sharedStrings.xml costs no more to sniff than a small one.
 */
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
  budget: ZipReadBudget;
  /** Loaded for an import run; absent for a sniff or preview (t="s" cells resolved afterwards). */
  sharedStrings?: SharedString[];
  cells: CellContext;
}

/** <workbookPr date1904="1"/> (or "true", which exceljs misses): serial days count from 1904-01-01. */
const DATE_1904 = /<(?:[\w.-]+:)?workbookPr\b[^>]*?\bdate1904\s*=\s*["'](?:1|true)["']/;

/** Number formats by style index (and whether each shows a date), looked up once each. */
const cellFormats = (reader: any, date1904: boolean): CellContext => {
  const formats = new Map<number, { numFmt: string | undefined; isDate: boolean }>();
  const lookup = (style: number) => {
    let format = formats.get(style);
    if (!format) {
      let numFmt: string | undefined;
      try {
        numFmt = reader.styles?.getStyleModel?.(style)?.numFmt;
      } catch {
        // No styles part (a hand-written workbook): exceljs's empty style table throws; no format.
      }
      format = { numFmt, isDate: !!numFmt && loadExcel().utils.isDateFmt(numFmt) };
      formats.set(style, format);
    }
    return format;
  };
  return { date1904, numFmt: (style) => lookup(style).numFmt, isDate: (style) => lookup(style).isDate };
};

const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';

const notWorkbook = () =>
  new SourceError('XLSX', 'This ZIP file is not an Excel workbook: upload a CSV, TSV, TXT or XLSX file');

/** Whatever exceljs, saxes or zlib threw while reading a workbook, as an answer for the person who uploaded it. */
export const asWorkbookError = (error: unknown): SourceError => {
  if (error instanceof SourceError) return error;
  const message = String((error as Error)?.message ?? error);
  if (error instanceof RangeError && /string length|array length|allocation failed/i.test(message)) return memoryError();
  return new SourceError(
    'XLSX',
    'The workbook could not be read (damaged or not saved by a spreadsheet program): open it in Excel and save it again',
    { reason: message.slice(0, 200) },
  );
};

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
export const openWorkbook = async (path: string, entries?: Map<string, ZipEntry>, budget: ZipReadBudget = createReadBudget()): Promise<OpenWorkbook> => {
  const zip = entries ?? (await listZipEntries(path));
  const workbookEntry = zip.get('xl/workbook.xml');
  if (!workbookEntry) throw notWorkbook();
  const { WorkbookReader } = loadExcel();
  let workbookHead = '';
  const reader = new WorkbookReader(null, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  try {
    const rels = zip.get('xl/_rels/workbook.xml.rels');
    if (rels) await reader._parseRels(await openZipEntryText(path, rels, budget));
    else reader.workbookRels = [];
    const workbookText = await openZipEntryText(path, workbookEntry, budget);
    // Listened to in the same tick as exceljs's own listener: no chunk is missed.
    workbookText.on('data', (chunk: string) => {
      if (workbookHead.length < 65536) workbookHead += chunk;
    });
    await reader._parseWorkbook(workbookText);
    const styles = zip.get('xl/styles.xml');
    if (styles) await reader._parseStyles(await openZipEntryText(path, styles, budget));
  } catch (error) {
    throw asWorkbookError(error);
  }
  const sheets: SheetInfo[] = [];
  for (const sheet of reader.model?.sheets ?? []) {
    const rel = (reader.workbookRels ?? []).find((r: any) => r.Id === sheet.rId);
    const part = rel ? resolvePart(rel.Target) : `xl/worksheets/sheet${sheet.id}.xml`;
    if (!zip.has(part)) continue;
    sheets.push({ name: sheet.name, state: sheet.state || 'visible', part });
  }
  if (!sheets.length) throw new SourceError('XLSX', 'The workbook has no worksheet to import');
  const date1904 = !!reader.properties?.model?.date1904 || DATE_1904.test(workbookHead);
  return {
    path,
    entries: zip,
    reader,
    sheets,
    date1904,
    budget,
    cells: cellFormats(reader, date1904),
  };
};

/** Parts a read may inflate: the workbook's own XML and every worksheet (which one is read is not known yet). */
const READ_PARTS = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml|worksheets\/[^/]+\.xml)$/;

/**
 * Refuses a workbook whose parts declare more than the limits allow, from the
 * ZIP directory alone: no worker started, nothing inflated.
 */
export const checkWorkbookParts = (entries: Map<string, ZipEntry>, limits?: Partial<SourceLimits> | null): void => {
  const resolved = createReadBudget(limits).limits;
  for (const [name, entry] of entries) if (READ_PARTS.test(name)) checkZipEntry(entry, resolved);
};

/** A sheet name as typed: Unicode-normalized, case folded; quotes as in a formula ('My sheet'!A1) removed. */
const sheetKey = (name: string): string => {
  let s = String(name).normalize('NFC').trim();
  if (s.length > 1 && s.startsWith("'") && s.endsWith("'")) s = s.slice(1, -1).replace(/''/g, "'");
  return s.toLocaleLowerCase('en-US');
};

/**
 * The sheet named `name` (exactly, else ignoring case, accents' Unicode
 * form and formula quotes), or by default the first visible one: a hidden
 * first sheet (lists for drop-downs) is skipped. A hidden sheet is read only
 * when asked for by name.
 */
const chooseSheet = (wb: OpenWorkbook, name?: string | null): SheetInfo => {
  if (name) {
    const key = sheetKey(name);
    const sheet = wb.sheets.find((s) => s.name === name) ?? wb.sheets.find((s) => sheetKey(s.name) === key);
    if (!sheet) {
      throw new SourceError('SHEET', `The workbook has no sheet named "${name}". Sheets: ${wb.sheets.map((s) => s.name).join(', ')}`, {
        sheets: wb.sheets.map((s) => s.name),
      });
    }
    return sheet;
  }
  return wb.sheets.find((s) => s.state === 'visible') ?? wb.sheets[0];
};

/** Every shared string, for an import run (bounded by maxXlsxSharedStrings / maxXlsxSharedStringsSize). */
const loadAllSharedStrings = async (wb: OpenWorkbook): Promise<void> => {
  const entry = wb.entries.get(SHARED_STRINGS_PART);
  if (!entry) {
    wb.sharedStrings = [];
    wb.cells = { ...wb.cells, sharedStrings: wb.sharedStrings };
    return;
  }
  const stream = await openZipEntryText(wb.path, entry, wb.budget);
  try {
    wb.sharedStrings = await readAllSharedStrings(stream, { limits: wb.budget.limits, part: SHARED_STRINGS_PART });
    wb.cells = { ...wb.cells, sharedStrings: wb.sharedStrings };
  } catch (error) {
    throw asWorkbookError(error);
  } finally {
    stream.destroy();
  }
};

/** What the sheet part said about itself while being read. */
interface SheetProgress {
  /** Last row of <dimension ref="A1:F1000">, when present and meaningful. */
  dimensionLastRow: number | null;
  charsRead: number;
  /** <row> elements in the text read so far (the parser runs ahead of the rows handed out). */
  rowTags: number;
  partSize: number;
  /** The scan stopped at SCAN_MAX_ROWS / SCAN_MAX_CHARS before the end of the sheet. */
  cut: boolean;
}

const newProgress = (): SheetProgress => ({ dimensionLastRow: null, charsRead: 0, rowTags: 0, partSize: 0, cut: false });

/** Feeds the sheet part to exceljs, watching it; with `bounded`, ends the part early at the scan limits. */
async function* watchSheet(stream: Readable, progress: SheetProgress, bounded: boolean): AsyncGenerator<string> {
  try {
    let looking = true;
    for await (const chunk of stream as AsyncIterable<string>) {
      if (bounded && (progress.rowTags > SCAN_MAX_ROWS || progress.charsRead > SCAN_MAX_CHARS)) {
        progress.cut = true;
        return;
      }
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

const isEmptyRow = (cells: string[]) => cells.every((c) => c.trim() === '');

/** A row whose shared-string cells are still indexes: pairs of (column, index) in `refs`. */
interface PendingRow extends SourceRow {
  refs?: number[];
}

/**
 * Non-empty rows of a sheet with their sheet row numbers; `progress` tracks
 * the part being read. Shared-string cells are resolved when the workbook's
 * strings are loaded, left as `refs` otherwise.
 */
async function* sheetRows(wb: OpenWorkbook, sheet: SheetInfo, progress: SheetProgress, bounded = false): AsyncGenerator<PendingRow> {
  const entry = wb.entries.get(sheet.part)!;
  progress.partSize = entry.size;
  const stream = await openZipEntryText(wb.path, entry, wb.budget);
  const parser = new SheetParser();
  const deferred = !wb.sharedStrings;
  const toRow = (raw: RawRow): PendingRow | null => {
    const refs = deferred ? [] : undefined;
    const cells = rowTexts(raw.cells, wb.cells, refs);
    if (refs?.length) return { line: raw.line, cells, refs };
    return cells.length && !isEmptyRow(cells) ? { line: raw.line, cells } : null;
  };
  try {
    for await (const chunk of watchSheet(stream, progress, bounded)) {
      for (const raw of parser.write(chunk)) {
        const row = toRow(raw);
        if (row) yield row;
      }
    }
    // A scan cut by its bounds ends inside the XML: nothing more to check.
    if (!progress.cut) {
      for (const raw of parser.end()) {
        const row = toRow(raw);
        if (row) yield row;
      }
    }
  } catch (error) {
    throw asWorkbookError(error instanceof SheetDamage ? new Error(error.message) : error);
  } finally {
    stream.destroy();
  }
}

/**
 * Merged ranges that cover the header row (found in <mergeCells>, after the
 * rows: the whole part is scanned as text, under the read's budget).
 */
const headerMerges = async (wb: OpenWorkbook, sheet: SheetInfo, headerLine: number): Promise<MergedRange[]> => {
  const stream = await openZipEntryText(wb.path, wb.entries.get(sheet.part)!, wb.budget);
  const scanner = new MergeScanner(headerLine);
  try {
    for await (const chunk of stream as AsyncIterable<string>) scanner.push(chunk);
  } catch (error) {
    throw asWorkbookError(error);
  } finally {
    stream.destroy();
  }
  return scanner.merges;
};

/**
 * A header cell merged across columns (B1:C1 "Address") shows its text over
 * each of them: the covered columns get the same text, which buildColumns
 * then names "Address (2)", "Address (3)" (never "Column 3" for a column the
 * person sees titled). Only empty cells are filled.
 */
export const applyHeaderMerges = (header: string[], merges: readonly MergedRange[]): string[] => {
  const out = header.slice();
  for (const m of merges) {
    const text = out[m.left];
    if (!text || !text.trim()) continue;
    for (let c = m.left + 1; c <= m.right && c < MAX_COLUMNS; c++) {
      while (out.length < c) out.push('');
      if (!out[c] || !out[c].trim()) out[c] = text;
    }
  }
  return out;
};

/** Fills the shared-string cells of the first rows, reading only the strings they use. */
const resolveRows = async (wb: OpenWorkbook, rows: PendingRow[]): Promise<SourceRow[]> => {
  const wanted = new Set<number>();
  for (const row of rows) if (row.refs) for (let i = 1; i < row.refs.length; i += 2) wanted.add(row.refs[i]);
  let strings = new Map<number, SharedString>();
  const entry = wb.entries.get(SHARED_STRINGS_PART);
  if (wanted.size && entry) {
    const stream = await openZipEntryText(wb.path, entry, wb.budget);
    try {
      strings = await readSomeSharedStrings(stream, wanted, { limits: wb.budget.limits, part: SHARED_STRINGS_PART });
    } catch (error) {
      throw asWorkbookError(error);
    } finally {
      stream.destroy();
    }
  }
  const out: SourceRow[] = [];
  for (const row of rows) {
    const { cells, refs } = row;
    if (refs) {
      // An empty or missing string is no cell at all (what the import run sees): trailing ones go.
      const none = new Set<number>();
      for (let i = 0; i < refs.length; i += 2) {
        const text = strings.get(refs[i + 1]);
        if (text == null) none.add(refs[i]);
        else cells[refs[i]] = text;
      }
      while (cells.length && cells[cells.length - 1] === '' && none.has(cells.length - 1)) cells.pop();
      if (!cells.length || isEmptyRow(cells)) continue;
    }
    out.push({ line: row.line, cells });
  }
  return out;
};

const noData = (sheet: SheetInfo, progress: SheetProgress) => {
  const where =
    progress.rowTags > SCAN_MAX_ROWS
      ? `The first ${formatCount(SCAN_MAX_ROWS)} rows of sheet "${sheet.name}" hold no data`
      : `The first ${formatSize(SCAN_MAX_CHARS)} of sheet "${sheet.name}" (${formatCount(progress.rowTags)} rows) hold no data`;
  return new SourceError('NO_DATA', `${where}: delete the empty rows at the top in Excel (or choose another sheet) and upload it again.`, {
    sheet: sheet.name,
    maxRows: SCAN_MAX_ROWS,
    maxChars: SCAN_MAX_CHARS,
  });
};

/** Up to `want` non-empty rows from the top of a sheet, looking no further than the scan limits. */
const firstRows = async (wb: OpenWorkbook, sheet: SheetInfo, want: number) => {
  const progress = newProgress();
  const pending: PendingRow[] = [];
  let more = false;
  for await (const row of sheetRows(wb, sheet, progress, true)) {
    if (pending.length === want) {
      more = true;
      break;
    }
    pending.push(row);
  }
  const rows = await resolveRows(wb, pending);
  if (!rows.length && progress.cut) throw noData(sheet, progress);
  return { rows, progress, complete: !more && !progress.cut };
};

export interface XlsxReadOptions {
  sheet?: string | null;
  hasHeader?: boolean;
  limits?: Partial<SourceLimits> | null;
}

/** Data rows of a sheet (header excluded), in batches, after `skipRows` data rows. */
export async function* readXlsxRowBatches(
  path: string,
  options: XlsxReadOptions = {},
  control: { skipRows?: number; batchSize?: number } = {},
): AsyncGenerator<SourceRow[], void, undefined> {
  const wb = await openWorkbook(path, undefined, createReadBudget(options.limits));
  const sheet = chooseSheet(wb, options.sheet);
  await loadAllSharedStrings(wb);
  const window = new RowWindow(options.hasHeader !== false, control.skipRows);
  const size = control.batchSize || 1000;
  let batch: SourceRow[] = [];
  for await (const row of sheetRows(wb, sheet, newProgress())) {
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
  limits?: Partial<SourceLimits> | null;
  /** Date.now() past which reading stops (in-process; a worker is terminated instead). */
  deadline?: number;
}

const tooWide = (sheet: SheetInfo, width: number) =>
  new SourceError(
    'COLUMNS',
    `Sheet "${sheet.name}" uses ${formatCount(width)} columns; at most ${formatCount(MAX_COLUMNS)} can be imported. Delete the unused columns in Excel and upload it again.`,
    { sheet: sheet.name, columns: width, max: MAX_COLUMNS },
  );

/** Sheets, chosen sheet, columns and sample of a workbook, reading only the first rows of one sheet. */
export const sniffXlsx = async (path: string, options: XlsxSniffOptions = {}, entries?: Map<string, ZipEntry>): Promise<Detected> => {
  const wb = await openWorkbook(path, entries, createReadBudget(options.limits, options.deadline));
  const sheet = chooseSheet(wb, options.sheet);
  const { rows, progress, complete } = await firstRows(wb, sheet, SNIFF_ROWS);
  const cells = rows.map((r) => r.cells);
  const width = Math.max(0, ...cells.map((c) => c.length));
  if (width > MAX_COLUMNS) throw tooWide(sheet, width);
  const hasHeader = options.hasHeader ?? detectHeader(cells, options.fields);
  const data = hasHeader ? rows.slice(1) : rows;
  let header = hasHeader && rows.length ? rows[0].cells : null;
  // Only a header with an empty title inside the data's width can hide a merged cell.
  if (header && Array.from({ length: width }, (_, i) => header![i] ?? '').some((t) => !t.trim())) {
    const merges = await headerMerges(wb, sheet, rows[0].line);
    if (merges.length) header = applyHeaderMerges(header, merges);
  }
  const columns = buildColumns(header, Math.max(width, header?.length ?? 0));
  // Cut by the scan limits: a sheet mostly empty at the top, where extrapolating says nothing; count what was seen.
  let rowEstimate = data.length;
  if (!complete && !progress.cut && rows.length) {
    const firstData = data.length ? data[0].line : rows[0].line;
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
    rowEstimate: Number.isFinite(rowEstimate) ? Math.max(rowEstimate, data.length) : data.length,
    sheets: wb.sheets.map((s) => s.name),
    sheet: sheet.name,
  };
};

export interface XlsxPreviewOptions {
  sheet?: string | null;
  hasHeader: boolean;
  limit: number;
  limits?: Partial<SourceLimits> | null;
  deadline?: number;
}

export interface PreviewRows {
  rows: SourceRow[];
  /** Set when the bounded scan ended before `limit` rows were found: says how far it looked. */
  truncated?: string;
}

/** The first `limit` data rows of a sheet (header excluded), looking no further than the scan limits. */
export const readXlsxPreviewRows = async (path: string, options: XlsxPreviewOptions): Promise<PreviewRows> => {
  const wb = await openWorkbook(path, undefined, createReadBudget(options.limits, options.deadline));
  const sheet = chooseSheet(wb, options.sheet);
  const limit = Math.max(0, Math.floor(options.limit));
  const { rows, progress } = await firstRows(wb, sheet, limit + (options.hasHeader ? 1 : 0));
  const data = (options.hasHeader ? rows.slice(1) : rows).slice(0, limit);
  if (!data.length && progress.cut) throw noData(sheet, progress);
  if (progress.cut && data.length < limit) {
    const looked = progress.rowTags > SCAN_MAX_ROWS ? `${formatCount(SCAN_MAX_ROWS)} rows` : formatSize(SCAN_MAX_CHARS);
    return {
      rows: data,
      truncated: `Only the first ${looked} of sheet "${sheet.name}" were looked at for the preview (${data.length} rows of data); the import reads the whole sheet.`,
    };
  }
  return { rows: data };
};
