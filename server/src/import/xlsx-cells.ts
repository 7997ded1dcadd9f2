import type { RawCell } from './xlsx-sheet';

/*
 * Cells as the text a person sees in them (raw cells from xlsx-sheet.ts;
 * cellValueToText for exceljs cell values). exceljs is loaded
 * lazily: `require('exceljs')` costs ~0.9 s, the reader classes ~0.2 s, and
 * CSV imports need none of it.
 */
export interface ExcelModules {
  WorkbookReader: any;
  utils: any;
}

let excel: ExcelModules | null = null;
export const loadExcel = (): ExcelModules => {
  if (!excel) {
    excel = {
      WorkbookReader: require('exceljs/lib/stream/xlsx/workbook-reader'),
      utils: require('exceljs/lib/utils/utils'),
    };
  }
  return excel;
};

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

/** A format of zeros only ("00000"): a ZIP code or a phone number whose leading zeros the cell shows. */
const ZERO_PADDED = /^0+$/;

/**
 * A number as plain text: no exponent, no grouping, Excel's 15 significant
 * digits (no 0.30000000000000004). Other display formats (decimals,
 * thousands, %, currency) are left out on purpose: the import wants the
 * value; only a zero-padded format changes what the value is (01234).
 */
export const formatNumber = (n: number, numFmt?: string): string => {
  if (!Number.isFinite(n)) return '';
  let v = Number(n.toPrecision(15));
  if (Object.is(v, -0)) v = 0;
  const s = String(v);
  const plain = s.indexOf('e') === -1 ? s : expandExponent(s);
  if (numFmt && ZERO_PADDED.test(numFmt) && Number.isInteger(v) && v >= 0) return plain.padStart(numFmt.length, '0');
  return plain;
};

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

const hasTimeTokens = (numFmt: string): boolean => /[hs]|am\/pm|a\/p/i.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/**
 * Excel dates are wall-clock serial numbers (no time zone), read here as
 * Date objects at UTC. Date only → YYYY-MM-DD; with a time → YYYY-MM-DDTHH:mm:ss
 * without a zone, the time the cell shows (the import's timezone option then
 * says where it is; a "Z" would claim UTC); time only (day 0, 1899-12-30) → HH:mm:ss.
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
  const iso = d.toISOString();
  if (dateOnly) return iso.slice(0, 10);
  return d.getUTCMilliseconds() ? iso.slice(0, 23) : iso.slice(0, 19);
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

/** Error values a cell can show (ECMA-376 ST_CellError, and the newer ones Excel writes). */
export const SPREADSHEET_ERRORS: ReadonlySet<string> = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#UNKNOWN!', '#BUSY!', '#PYTHON!',
]);

/** The cell text is a spreadsheet error (#N/A, #DIV/0! …): an XLSX error cell, or one a CSV export wrote as text. */
export const isSpreadsheetError = (text: string): boolean => text.length >= 4 && text.charCodeAt(0) === 35 && SPREADSHEET_ERRORS.has(text.trim().toUpperCase());

/** OOXML escapes characters XML cannot hold as _xHHHH_ (Excel writes a CR as _x000D_; _x005F_ is "_"). */
export const unescapeXstring = (s: string): string =>
  s.indexOf('_x') === -1 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export interface CellContext {
  date1904: boolean;
  /** Number format of a style index. */
  numFmt(style: number): string | undefined;
  /** That format shows a date (cached: exceljs's isDateFmt runs three regular expressions). */
  isDate(style: number): boolean;
  /** Loaded shared strings; absent (sniff, preview) leaves t="s" cells to be resolved later. */
  sharedStrings?: ReadonlyArray<string | null>;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?/;

/** A t="n" cell: its number, as a date when its format is one. */
const numberText = (value: string, style: number, ctx: CellContext): string => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) return value;
  const numFmt = ctx.numFmt(style);
  if (numFmt && ctx.isDate(style)) {
    const date: Date = loadExcel().utils.excelToDate(n, ctx.date1904);
    // Before 1900 or past year 9999: not a date Excel would show, keep the number.
    if (n >= 0 && !Number.isNaN(date.getTime()) && date.getUTCFullYear() < 10000) return formatDate(date, numFmt);
  }
  return formatNumber(n, numFmt);
};

/**
 * What a cell shows, as text: shared and inline strings (rich runs joined,
 * phonetic runs left out), the cached value of a formula (shared formulas
 * included: nothing is computed), booleans as true/false (what the boolean
 * readers accept), errors as their code (#N/A: see isSpreadsheetError),
 * dates as ISO 8601. A t="s" cell without loaded strings gives ''.
 */
export const cellText = (cell: RawCell, ctx: CellContext): string => {
  const { value } = cell;
  if (value === null) return '';
  switch (cell.type) {
    case 's': {
      const text = ctx.sharedStrings?.[Number(value)];
      return text == null ? '' : text;
    }
    case 'inlineStr':
    case 'str':
      return unescapeXstring(value);
    case 'b':
      return value === '1' || value.toLowerCase() === 'true' ? 'true' : value === '' ? '' : 'false';
    case 'e':
      return value.trim();
    case 'd': {
      const m = ISO_DATE.exec(value.trim());
      if (!m) return value;
      const [, y, mo, d, h = '0', mi = '0', sec = '0', ms = '0'] = m;
      return formatDate(new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +sec, +ms.padEnd(3, '0'))), ctx.numFmt(cell.style));
    }
    default:
      return numberText(value, cell.style, ctx);
  }
};

/**
 * A row's cells as text. Without loaded shared strings (sniff, preview), a
 * shared-string cell is left '' and its column and index are appended to
 * `refs` as a pair, to be filled in once the few strings the first rows use
 * have been read.
 */
export const rowTexts = (cells: readonly RawCell[], ctx: CellContext, refs?: number[]): string[] => {
  const out: string[] = [];
  // Up to the last cell that shows something (or waits for its string): a formatted empty cell is no cell.
  let width = 0;
  for (const cell of cells) {
    while (out.length < cell.col) out.push('');
    if (refs && cell.type === 's' && cell.value !== null) {
      const index = Number(cell.value);
      out[cell.col] = '';
      if (Number.isInteger(index) && index >= 0) {
        refs.push(cell.col, index);
        width = Math.max(width, cell.col + 1);
      }
      continue;
    }
    const text = cellText(cell, ctx);
    out[cell.col] = text;
    if (text !== '') width = Math.max(width, cell.col + 1);
  }
  out.length = width;
  return out;
};
