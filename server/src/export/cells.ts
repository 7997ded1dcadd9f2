import { LIST_SEPARATOR, X_MARK } from '../constants';
import { parseJson } from '../utils/json';
import type { ExportColumn } from './columns';
import { neutralizeText } from './neutralize';

/**
 * One database row → the cells of one line, per format. Values are written
 * the way the import reads them back: ISO dates and instants, numbers with a
 * dot, booleans as true/false, lists joined with `|`. Every text cell goes
 * through the injection guard; numbers, booleans and dates are typed values
 * that cannot start a formula (a CSV `-5` is the number −5).
 */
export interface RowContext {
  /** Column names of the contacts table for built-in keys (and `attributes`, createdAt, updatedAt). */
  columnOf: (key: string) => string;
  /** Contacts with activity at or after this instant are "active". */
  activeSince: Date;
}

/** What a format could not hold exactly, counted for the export's detail. */
export interface CellNotes {
  /** XLSX cells cut at Excel's 32,767 characters. */
  truncated: number;
  /** List values outside an X-column field's options (only the joined form can show them). */
  unlisted: number;
}

export const XLSX_TEXT_MAX = 32_767;

/** A database timestamp (SQLite: epoch ms; Postgres/MySQL: a Date; a string from a JSON value) → Date, or null. */
export const toDate = (v: unknown): Date | null => {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : typeof v === 'number' ? new Date(v) : /^\d+$/.test(String(v)) ? new Date(Number(v)) : new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d;
};

/** A list as one cell. A single item holding , or ; gets a trailing pipe, so the import does not split it on those. */
export const joinList = (items: string[]): string => {
  const text = items.join(LIST_SEPARATOR);
  return items.length === 1 && /[,;]/.test(text) ? `${text}${LIST_SEPARATOR}` : text;
};

type Read = (row: Record<string, unknown>, attributes: Record<string, unknown>) => unknown;

const listOf = (v: unknown): string[] => {
  const list = Array.isArray(v) ? v : parseJson<unknown>(v, null);
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
};

/** The stored value of a column, typed (null when empty). */
const readerOf = (c: ExportColumn, ctx: RowContext): Read => {
  if (c.source === 'activity') {
    const column = ctx.columnOf('lastActivityAt');
    const since = ctx.activeSince.getTime();
    return (row) => {
      const at = toDate(row[column]);
      return at && at.getTime() >= since ? 'active' : 'inactive';
    };
  }
  const raw: Read = c.source === 'column' ? ((column) => (row: Record<string, unknown>) => row[column])(ctx.columnOf(c.key)) : (_row, attributes) => attributes[c.key];
  if (c.list) return (row, a) => listOf(raw(row, a));
  // Built-in datetimes are the database's timestamps; custom ones ISO strings (both become a Date).
  if (c.type === 'datetime') return lastOne(raw, toDate);
  return raw;
};

/**
 * `convert` of the column's stored value, reusing the last result when the
 * value repeats: rows written together (an import batch, a bulk action)
 * share their timestamps, so runs of equal values are the common case.
 */
const lastOne = <T>(raw: Read, convert: (v: unknown) => T): Read => {
  let last: unknown = {};
  let result: T;
  return (row, a) => {
    const v = raw(row, a);
    if (v !== last) {
      last = v;
      result = convert(v);
    }
    return result;
  };
};

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One column's CSV cells. Text is guarded against injection; numbers,
 * booleans and dates are typed values that cannot start a formula (a CSV
 * `-5` is the number −5). Built per column so a date column keeps the ISO
 * text of its last instant (repeated timestamps are formatted once). An
 * empty value stays null: csv-stringify writes it as an empty cell without
 * the checks a string goes through.
 */
const csvCellOf = (c: ExportColumn, notes: CellNotes): ((v: unknown) => string | null) => {
  let lastTime = NaN;
  let lastIso = '';
  const number = c.type === 'integer' || c.type === 'decimal';
  return (v) => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string') return neutralizeText(v);
    if (c.option !== undefined) return xMark(c, v as string[], notes);
    if (Array.isArray(v)) return neutralizeText(joinList(v as string[]));
    if (v instanceof Date) {
      const time = v.getTime();
      if (time !== lastTime) {
        lastTime = time;
        lastIso = v.toISOString();
      }
      return lastIso;
    }
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number' && number) return Number.isFinite(v) ? String(v) : '';
    return neutralizeText(typeof v === 'object' ? JSON.stringify(v) : String(v));
  };
};

/** X when the list holds this column's option; the first X column of a field counts the values no column can show. */
const xMark = (c: ExportColumn, list: string[], notes: CellNotes): string => {
  if (c.options && c.option === c.options[0]) notes.unlisted += list.filter((x) => !c.options!.includes(x)).length;
  return list.includes(c.option!) ? X_MARK : '';
};

/** Builds the function that turns a row into its cells: per column, its reader and its cell maker. */
const rowBuilder = <T>(columns: ExportColumn[], ctx: RowContext, cellOf: (c: ExportColumn) => (v: unknown) => T) => {
  const readers = columns.map((c) => readerOf(c, ctx));
  const cells = columns.map(cellOf);
  const attributesColumn = ctx.columnOf('attributes');
  const needsAttributes = columns.some((c) => c.source === 'attribute');
  return (row: Record<string, unknown>): T[] => {
    // One JSON parse per row, and none when no custom field is exported.
    const attributes = needsAttributes ? parseJson<Record<string, unknown>>(row[attributesColumn], {}) ?? {} : {};
    const out = new Array<T>(columns.length);
    for (let i = 0; i < columns.length; i++) out[i] = cells[i](readers[i](row, attributes));
    return out;
  };
};

export const csvRecordOf = (columns: ExportColumn[], ctx: RowContext, notes: CellNotes) => rowBuilder(columns, ctx, (c) => csvCellOf(c, notes));

/** A day as a Date at UTC midnight; Excel counts days from 1900, earlier ones stay text. */
const dayCell = (text: string): Date | string => {
  if (!isoDay.test(text) || text < '1900-01-01') return text;
  return new Date(`${text}T00:00:00.000Z`);
};

/**
 * Characters XML cannot hold (and CR, which XML parsers turn into LF) as
 * OOXML's _xHHHH_, the way Excel writes them; a "_" that would read as such
 * an escape becomes _x005F_. Excel and the import read them back exactly.
 */
const OOXML_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)|[\u0000-\u0008\u000b-\u001f]/g;
const NEEDS_ESCAPE = new RegExp(OOXML_ESCAPE.source);
export const ooxmlText = (text: string): string =>
  NEEDS_ESCAPE.test(text) ? text.replace(OOXML_ESCAPE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`) : text;

/** Text of an XLSX cell: guarded, then escaped; past Excel's 32,767 characters it is cut (and counted). */
export const xlsxText = (text: string, notes: CellNotes): string => {
  const safe = neutralizeText(text);
  const cell = ooxmlText(safe.length <= XLSX_TEXT_MAX ? safe : safe.slice(0, XLSX_TEXT_MAX));
  if (safe.length > XLSX_TEXT_MAX) notes.truncated += 1;
  return cell;
};

/** A value as a typed XLSX cell: numbers, booleans and dates as such; text guarded (never a formula object). */
const xlsxCell = (c: ExportColumn, v: unknown, notes: CellNotes): unknown => {
  if (v === null || v === undefined) return null;
  if (c.option !== undefined) return xMark(c, v as string[], notes) || null;
  if (Array.isArray(v)) return v.length ? xlsxText(joinList(v as string[]), notes) : null;
  if (v instanceof Date) return v.getUTCFullYear() >= 1900 ? v : v.toISOString();
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (c.type === 'date' && typeof v === 'string') {
    const day = dayCell(v);
    return typeof day === 'string' ? xlsxText(day, notes) : day;
  }
  return xlsxText(typeof v === 'object' ? JSON.stringify(v) : String(v), notes);
};

export const xlsxValuesOf = (columns: ExportColumn[], ctx: RowContext, notes: CellNotes) => rowBuilder(columns, ctx, (c) => (v) => xlsxCell(c, v, notes));

/** Number formats of the XLSX date columns (shown in UTC, like the API's instants). */
export const xlsxNumFmt = (c: ExportColumn): string | undefined =>
  c.option !== undefined ? undefined : c.type === 'date' ? 'yyyy-mm-dd' : c.type === 'datetime' ? 'yyyy-mm-dd hh:mm:ss' : undefined;

/** Database columns a run must read for these columns (id first: the keyset). */
export const selectedColumns = (columns: ExportColumn[], ctx: Pick<RowContext, 'columnOf'>): string[] => {
  const names = new Set<string>(['id']);
  for (const c of columns) {
    if (c.source === 'attribute') names.add(ctx.columnOf('attributes'));
    else if (c.source === 'activity') names.add(ctx.columnOf('lastActivityAt'));
    else names.add(ctx.columnOf(c.key));
  }
  return Array.from(names);
};
