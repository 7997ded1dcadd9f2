import Papa from 'papaparse';
import type { SourceRow } from './types';
import type { RowNote, TextMark } from './decode';
import { SourceError } from './source-error';

/** A row as read; `notes` (SourceRow) holds RowNotes when part of it was decoded in another encoding. */
export type NotedRow = SourceRow;

type Mark = TextMark;

interface Parsed {
  data: string[][];
  errors: Papa.ParseError[];
  cursor: number;
  /** End offset of each row in the input (only when marks are to be placed). */
  ends?: number[];
}

/**
 * A quoted field still open after this much text means the quote will never
 * close: stop with an error instead of buffering the rest of the file.
 */
export const MAX_ROW_CHARS = 16 * 1024 * 1024;

export const UNTERMINATED_QUOTE = 'unterminated quoted field: a quote opened in this row is never closed';
export const MALFORMED_QUOTE = 'malformed quotes: a closing quote is followed by other characters before the delimiter';

/** Papaparse's own line-ending guess: quoted text ignored, \r\n when most \r are followed by \n. */
export const guessNewline = (text: string, quoteChar = '"'): '\n' | '\r\n' | '\r' | null => {
  let sample = text.length > 1024 * 1024 ? text.slice(0, 1024 * 1024) : text;
  if (sample.indexOf(quoteChar) !== -1) {
    const q = quoteChar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    sample = sample.replace(new RegExp(`${q}[^]*?${q}`, 'g'), '');
  }
  const firstN = sample.indexOf('\n');
  const firstR = sample.indexOf('\r');
  if (firstN === -1 && firstR === -1) return null;
  if (firstR === -1 || (firstN !== -1 && firstN < firstR)) return '\n';
  let crs = 0;
  let crlfs = 0;
  for (let i = sample.indexOf('\r'); i !== -1; i = sample.indexOf('\r', i + 1)) {
    crs++;
    if (sample.charCodeAt(i + 1) === 10) crlfs++;
  }
  return crlfs >= crs / 2 ? '\r\n' : '\r';
};

const countLineBreaks = (cell: string): number => {
  let n = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      n++;
      if (cell.charCodeAt(i + 1) === 10) i++;
    }
  }
  return n;
};

/**
 * Incremental CSV reader over decoded text chunks, on papaparse's core parser
 * (the one its own streamers drive): the fastest measured here (DESIGN.md,
 * "Parser choice"), and since it only ever sees strings, characters split
 * across byte chunks cannot be corrupted.
 *
 * Each push parses the pending text with `ignoreLastRow` until the last chunk,
 * keeping the incomplete tail for the next push. When no row completes (one
 * row larger than a chunk), the next parse waits until the pending text has
 * doubled, so a long quoted cell costs linear, not quadratic, time.
 */
export class CsvChunkParser {
  private readonly quoteChar: string;
  private readonly delimiter: string;
  private newline: '\n' | '\r\n' | '\r' | undefined;
  private parser: Papa.Parser | null = null;
  /** Same settings with a step callback, for text holding marks: it gives each row's end. */
  private stepParser: Papa.Parser | null = null;
  private stepRows: Parsed | null = null;
  private pending = '';
  /** Marks inside `pending`, offsets relative to it. */
  private pendingMarks: Mark[] = [];
  private waitFor = 0;
  /** Physical line where the next row starts. */
  private line = 1;
  private started = false;
  private done = false;
  private readonly maxRowChars: number;

  constructor(options: { delimiter: string; newline?: '\n' | '\r\n' | '\r'; quoteChar?: string; maxRowChars?: number }) {
    this.delimiter = options.delimiter || ',';
    this.maxRowChars = options.maxRowChars || MAX_ROW_CHARS;
    this.newline = options.newline;
    this.quoteChar = options.quoteChar || '"';
  }

  /** Characters received but not yet part of a complete row. */
  get pendingLength(): number {
    return this.pending.length;
  }

  /**
   * Rows completed by this chunk (all remaining rows when `last`), empty
   * lines left out. `marks` (offsets in `chunk`) put their note on the row
   * that holds them.
   */
  push(chunk: string, last = false, marks?: readonly TextMark[]): NotedRow[] {
    if (this.done) throw new Error('CsvChunkParser: push after the last chunk');
    const before = this.pending.length;
    let input = this.pending ? this.pending + chunk : chunk;
    let inputMarks = this.pendingMarks;
    if (marks?.length) inputMarks = inputMarks.concat(before ? marks.map((m) => ({ at: m.at + before, note: m.note })) : marks);
    if (!this.started && input) {
      if (input.charCodeAt(0) === 0xfeff) {
        input = input.slice(1);
        inputMarks = inputMarks.map((m) => ({ at: Math.max(0, m.at - 1), note: m.note }));
      }
      this.started = true;
    }
    if (last) this.done = true;
    // Waiting for a long row to double, but never past the limit unchecked.
    if (!last && input.length < this.waitFor && input.length <= this.maxRowChars) {
      this.pending = input;
      this.pendingMarks = inputMarks;
      return [];
    }
    if (!this.parser) {
      if (!this.newline) {
        // A trailing \r may be the first half of a \r\n still to come.
        const guessed = guessNewline(!last && input.endsWith('\r') ? input.slice(0, -1) : input, this.quoteChar);
        if (!guessed && !last) {
          this.pending = input;
          this.pendingMarks = inputMarks;
          this.waitFor = input.length * 2;
          // No line break outside quotes yet: whatever the quotes, the line itself is too long.
          this.checkPending(input.length, false);
          return [];
        }
        this.newline = guessed || '\n';
      }
      this.parser = new Papa.Parser({ delimiter: this.delimiter, newline: this.newline, quoteChar: this.quoteChar });
    }
    if (!input) {
      this.pending = '';
      this.pendingMarks = [];
      return [];
    }

    const result = inputMarks.length ? this.parseWithEnds(input, !last) : this.parseFast(input, !last);
    const consumed = result.cursor;
    this.pending = consumed >= input.length ? '' : input.slice(consumed);
    this.pendingMarks = inputMarks.length ? inputMarks.filter((m) => m.at >= consumed).map((m) => ({ at: m.at - consumed, note: m.note })) : [];
    if (!last) {
      this.waitFor = consumed === 0 ? input.length * 2 : 0;
      this.checkPending(this.pending.length);
    }

    let rowErrors: Map<number, string> | null = null;
    for (const error of result.errors) {
      if (error.row === undefined || error.row >= result.data.length) continue;
      rowErrors ??= new Map();
      const reason = error.code === 'MissingQuotes' ? UNTERMINATED_QUOTE : MALFORMED_QUOTE;
      // An unterminated quote is what the row became; an earlier malformed quote usually caused it.
      if (!rowErrors.has(error.row) || error.code === 'MissingQuotes') rowErrors.set(error.row, reason);
    }

    const rows: NotedRow[] = [];
    const data = result.data;
    const ends = result.ends;
    let mark = 0;
    const hasQuotes = input.indexOf(this.quoteChar) !== -1;
    const stripCr = this.newline === '\n';
    for (let i = 0; i < data.length; i++) {
      const cells = data[i];
      const line = this.line;
      let breaks = 0;
      // Without any quote in the input, papaparse split on the newline: one row per line.
      if (hasQuotes) for (let c = 0; c < cells.length; c++) if (cells[c].length) breaks += countLineBreaks(cells[c]);
      this.line = line + breaks + 1;
      let notes: RowNote[] | undefined;
      if (ends) {
        for (; mark < inputMarks.length && inputMarks[mark].at < ends[i]; mark++) {
          const { note } = inputMarks[mark];
          // A copy per row (decoders share one note object); one per kind.
          if (notes?.some((n) => n.params.from === note.params.from && n.params.to === note.params.to)) continue;
          (notes ??= []).push({ code: note.code, params: { ...note.params } });
        }
      }
      if (cells.length === 1 && cells[0] === '') continue;
      if (stripCr) {
        // A CRLF line in a mostly-LF file: papaparse leaves the \r on the last cell.
        const lastCell = cells[cells.length - 1];
        if (lastCell.charCodeAt(lastCell.length - 1) === 13) {
          cells[cells.length - 1] = lastCell.slice(0, -1);
          if (hasQuotes) this.line--;
        }
      }
      const error = rowErrors?.get(i);
      const row: NotedRow = error ? { line, cells, error } : { line, cells };
      if (notes) row.notes = notes;
      rows.push(row);
    }
    return rows;
  }

  private parseFast(input: string, ignoreLastRow: boolean): Parsed {
    const result = this.parser!.parse(input, 0, ignoreLastRow) as Papa.ParseResult<string[]>;
    return { data: result.data, errors: result.errors, cursor: result.meta.cursor };
  }

  /** The same parse, row by row (slower: only for text holding marks), with each row's end offset. */
  private parseWithEnds(input: string, ignoreLastRow: boolean): Parsed {
    const rows: Parsed = { data: [], errors: [], cursor: 0, ends: [] };
    this.stepParser ??= new Papa.Parser({
      delimiter: this.delimiter,
      newline: this.newline,
      quoteChar: this.quoteChar,
      step: (step: Papa.ParseStepResult<string[]>) => {
        const target = this.stepRows!;
        // A step holds one row; its errors are that row's.
        for (const error of step.errors) target.errors.push({ ...error, row: target.data.length });
        target.data.push((step.data as unknown as string[][])[0]);
        target.ends!.push(step.meta.cursor);
      },
    } as Papa.ParseConfig);
    this.stepRows = rows;
    try {
      const result = this.stepParser.parse(input, 0, ignoreLastRow) as Papa.ParseResult<string[]>;
      rows.cursor = result.meta.cursor;
    } finally {
      this.stepRows = null;
    }
    return rows;
  }

  /** Physical line where the next row starts (lines so far + 1, empty ones included). */
  get nextLine(): number {
    return this.line;
  }

  /**
   * Pending text past the row limit: an open quote when it spans lines (the
   * parser kept line breaks inside it), else one line that never ends.
   */
  private checkPending(length: number, parsed = true) {
    if (length <= this.maxRowChars) return;
    const size = this.maxRowChars >= 1048576 ? `${Math.round(this.maxRowChars / 1048576)} MB` : `${this.maxRowChars} characters`;
    if (parsed && (this.pending.indexOf('\n') !== -1 || this.pending.indexOf('\r') !== -1)) {
      throw new SourceError(
        'QUOTES',
        `Line ${this.line}: a quoted field is not closed after ${size} of text. Check the quotes on that line, or that the delimiter is right.`,
        { line: this.line, maxRowChars: this.maxRowChars },
      );
    }
    throw new SourceError(
      'LINE_TOO_LONG',
      `Line ${this.line} is longer than ${size} without a line break, the limit for one row: this is not a file of rows, ` +
        'or its lines end in a way other than LF, CRLF or CR. Save it again as CSV and upload it again.',
      { line: this.line, maxRowChars: this.maxRowChars },
    );
  }
}
