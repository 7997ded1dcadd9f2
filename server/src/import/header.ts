import { cellKind, isDataKind } from './cell-kind';
import { isKnownHeader, type MappableField } from './suggest';
import type { SourceRow } from './types';

/**
 * Is the first row a header? Not when one of its cells looks like data (an
 * e-mail, a number, a phone, a date). Yes when a cell names a known field, or
 * when a column's title is text above values of another kind (e-mails,
 * numbers, dates, X marks). Otherwise (text above text) no: a file of names
 * only is more often headerless, and the wizard lets the person flip it.
 */
export const detectHeader = (rows: readonly (readonly string[])[], fields: readonly MappableField[] = []): boolean => {
  if (rows.length === 0) return false;
  const first = rows[0];
  const firstKinds = first.map((c) => cellKind(c));
  if (firstKinds.some(isDataKind)) return false;
  if (first.some((c) => isKnownHeader(c, fields))) return true;
  const rest = rows.slice(1, 51);
  for (let j = 0; j < first.length; j++) {
    if (firstKinds[j] !== 'text') continue;
    let filled = 0;
    let other = 0;
    for (const row of rest) {
      const kind = cellKind(row[j]);
      if (kind === 'empty') continue;
      filled++;
      if (kind !== 'text') other++;
    }
    if (filled > 0 && other / filled >= 0.5) return true;
  }
  return false;
};

/**
 * Column names: the header texts trimmed, an empty one as "Column N",
 * repeats as "Email (2)"; cells beyond the header (or every cell without a
 * header) as "Column N", N being the 1-based position.
 */
export const buildColumns = (header: readonly string[] | null, width: number): string[] => {
  const count = Math.max(width, header ? header.length : 0);
  const columns: string[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const base = (header?.[i] ?? '').trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    columns.push(name);
  }
  return columns;
};

export const padRow = (cells: readonly string[], width: number): string[] => {
  const row = cells.slice();
  while (row.length < width) row.push('');
  return row;
};

/** Drops the header row and the first `skipRows` data rows (a resumed import's cursor) from a stream of row batches. */
export class RowWindow {
  private headerPending: boolean;
  private toSkip: number;

  constructor(hasHeader: boolean, skipRows = 0) {
    this.headerPending = hasHeader;
    this.toSkip = Math.max(0, Math.floor(skipRows || 0));
  }

  take<T extends SourceRow>(rows: T[]): T[] {
    let start = 0;
    if (this.headerPending && rows.length) {
      this.headerPending = false;
      start = 1;
    }
    if (this.toSkip && start < rows.length) {
      const n = Math.min(this.toSkip, rows.length - start);
      this.toSkip -= n;
      start += n;
    }
    return start === 0 ? rows : rows.slice(start);
  }
}
