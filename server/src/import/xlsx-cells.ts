/*
 * exceljs cell values as the text a person sees in the cell. exceljs is loaded
 * lazily: `require('exceljs')` costs ~0.9 s, the reader classes ~0.2 s, and
 * CSV imports need none of it.
 */
export interface ExcelModules {
  WorkbookReader: any;
  WorksheetReader: any;
  utils: any;
}

let excel: ExcelModules | null = null;
export const loadExcel = (): ExcelModules => {
  if (!excel) {
    excel = {
      WorkbookReader: require('exceljs/lib/stream/xlsx/workbook-reader'),
      WorksheetReader: require('exceljs/lib/stream/xlsx/worksheet-reader'),
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

/**
 * A row's cells as text. When the workbook's shared strings are not loaded
 * (sniff, preview), a shared-string cell is left '' and its column and index
 * are appended to `refs` as a pair, to be filled in once the few strings the
 * first rows use have been read.
 */
export const rowCells = (row: any, date1904: boolean, refs?: number[]): string[] => {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell: any, col: number) => {
    const value = cell.value;
    while (cells.length < col - 1) cells.push('');
    if (refs && value !== null && typeof value === 'object' && 'sharedString' in value) {
      refs.push(col - 1, Number(value.sharedString));
      cells[col - 1] = '';
      return;
    }
    // Only numbers (or formula results) and dates depend on the format: skip the style lookup for text.
    const formatted = typeof value === 'number' || value instanceof Date || typeof value?.result === 'number';
    const numFmt: string | undefined = formatted ? cell.numFmt : undefined;
    cells[col - 1] = cellValueToText(value, numFmt, date1904);
  });
  return cells;
};
