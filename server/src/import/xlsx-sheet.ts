import { SaxesParser, type SaxesTagPlain } from 'saxes';

/*
 * A worksheet part (xl/worksheets/sheetN.xml) as rows of raw cells, on saxes.
 * Replaces exceljs's WorksheetReader, which keeps only the last run of an
 * inline rich string (<is><r><t>a</t></r><r><t>b</t></r></is> → "b"), reads
 * the cached value of a boolean or error formula as a number (TRUE → 1,
 * #N/A → NaN → ""), and XML-decodes text saxes already decoded ("&amp;lt;"
 * → "<"). Cells are typed and formatted by xlsx-cells.ts.
 */

/** Columns a sheet may have (A–XFD): a reference beyond is a damaged part. */
export const MAX_SHEET_COLUMNS = 16_384;

export interface RawCell {
  /** 0-based column. */
  col: number;
  /** The `t` attribute: s, str, inlineStr, b, e, d, n (absent: n). */
  type: string;
  /** Style index (`s`), for the number format. */
  style: number;
  /** <v> text, or the inline string's text; null when the cell has neither. */
  value: string | null;
  /** The cell holds a formula: `value` is its cached result. */
  formula: boolean;
}

export interface RawRow {
  /** 1-based sheet row. */
  line: number;
  cells: RawCell[];
}

/** A merged range from <mergeCells>, rows 1-based, columns 0-based. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/** "AB12" → { col: 27, row: 12 } ($ allowed); null when it is not a cell reference. Hand-rolled: it runs once per cell. */
export const decodeRef = (ref: string): { col: number; row: number } | null => {
  const n = ref.length;
  let i = 0;
  if (ref.charCodeAt(i) === 36) i++;
  let col = 0;
  const start = i;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === start || i - start > 4) return null;
  if (ref.charCodeAt(i) === 36) i++;
  if (i === n) return null;
  let row = 0;
  for (; i < n; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return { col: col - 1, row };
};

/** "B1:C1" → its bounds; null when it is not a range. */
export const decodeRange = (ref: string): MergedRange | null => {
  const [a, b] = ref.split(':');
  const from = decodeRef(a ?? '');
  const to = b ? decodeRef(b) : from;
  if (!from || !to) return null;
  return { top: Math.min(from.row, to.row), bottom: Math.max(from.row, to.row), left: Math.min(from.col, to.col), right: Math.max(from.col, to.col) };
};

export class SheetDamage extends Error {}

/**
 * Push parser: `write` the part's text, then take the rows it completed.
 * Only what a cell shows is kept (formula text, styles beyond the index,
 * hyperlinks, merges and the rest are skipped).
 */
export class SheetParser {
  private readonly parser = new SaxesParser({ xmlns: false, position: false });
  private rows: RawRow[] = [];
  private row: RawRow | null = null;
  private cell: RawCell | null = null;
  private lastLine = 0;
  private lastCol = -1;
  /** Collecting text: 1 in <v>, 2 in an inline string's <t>. */
  private collecting = 0;
  private inInline = false;
  private phonetic = 0;
  private text = '';
  private failure: Error | null = null;

  constructor() {
    const p = this.parser;
    p.on('error', (error) => {
      this.failure ??= new SheetDamage(error.message);
    });
    p.on('opentag', (tag: SaxesTagPlain) => this.open(tag));
    p.on('closetag', (tag: SaxesTagPlain) => this.close(localName(tag.name)));
    p.on('text', (value: string) => {
      if (this.collecting && this.phonetic === 0) this.text += value;
    });
    p.on('cdata', (value: string) => {
      if (this.collecting && this.phonetic === 0) this.text += value;
    });
  }

  /** Feeds text; returns the rows completed so far (and forgets them). */
  write(chunk: string): RawRow[] {
    this.parser.write(chunk);
    if (this.failure) throw this.failure;
    return this.take();
  }

  end(): RawRow[] {
    this.parser.close();
    if (this.failure) throw this.failure;
    return this.take();
  }

  private take(): RawRow[] {
    const rows = this.rows;
    if (rows.length) this.rows = [];
    return rows;
  }

  private open(tag: SaxesTagPlain) {
    switch (localName(tag.name)) {
      case 'row': {
        const r = Number(tag.attributes.r);
        // <row> without r= is valid OOXML: the next row.
        const line = Number.isInteger(r) && r > 0 ? r : this.lastLine + 1;
        this.row = { line, cells: [] };
        this.lastLine = line;
        this.lastCol = -1;
        break;
      }
      case 'c': {
        if (!this.row) break;
        const ref = tag.attributes.r;
        let col = this.lastCol + 1;
        if (ref) {
          const decoded = decodeRef(ref);
          if (!decoded) {
            this.failure ??= new SheetDamage(`bad cell reference "${String(ref).slice(0, 20)}"`);
            break;
          }
          col = decoded.col;
        }
        if (col >= MAX_SHEET_COLUMNS) {
          this.failure ??= new SheetDamage(`cell reference "${String(ref).slice(0, 20)}" is past column XFD`);
          break;
        }
        this.lastCol = col;
        const style = Number(tag.attributes.s);
        this.cell = { col, type: tag.attributes.t || 'n', style: Number.isInteger(style) ? style : 0, value: null, formula: false };
        break;
      }
      case 'v':
        if (this.cell && !this.inInline) this.startText(1);
        break;
      case 'f':
        if (this.cell) this.cell.formula = true;
        break;
      case 'is':
        if (this.cell) {
          this.inInline = true;
          this.cell.value = '';
        }
        break;
      case 't':
        if (this.inInline) this.startText(2);
        break;
      case 'rPh':
        if (this.inInline) this.phonetic++;
        break;
    }
  }

  private close(name: string) {
    switch (name) {
      case 'v':
        if (this.collecting === 1 && this.cell) {
          this.cell.value = this.text;
          this.collecting = 0;
        }
        break;
      case 't':
        if (this.collecting === 2 && this.cell) {
          this.cell.value = (this.cell.value ?? '') + this.text;
          this.collecting = 0;
        }
        break;
      case 'rPh':
        if (this.phonetic) this.phonetic--;
        break;
      case 'is':
        this.inInline = false;
        this.phonetic = 0;
        break;
      case 'c':
        if (this.cell && this.row) this.row.cells.push(this.cell);
        this.cell = null;
        this.collecting = 0;
        this.inInline = false;
        break;
      case 'row':
        if (this.row) this.rows.push(this.row);
        this.row = null;
        break;
    }
  }

  private startText(kind: number) {
    this.collecting = kind;
    this.text = '';
  }
}

/**
 * Merged ranges of a sheet part that cover one row (the header), found by a
 * text scan: no XML parse of the rows, only the ranges are wanted. At most
 * MAX_SHEET_COLUMNS kept, so a part of millions of merges costs no memory.
 */
export class MergeScanner {
  private carry = '';
  readonly merges: MergedRange[] = [];
  private static readonly RANGE = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']{1,40})["']/g;

  constructor(private readonly line: number) {}

  push(chunk: string): void {
    const text = this.carry + chunk;
    const last = text.lastIndexOf('<');
    const scanEnd = last === -1 || text.indexOf('>', last) !== -1 ? text.length : last;
    const scanned = scanEnd === text.length ? text : text.slice(0, scanEnd);
    if (scanned.indexOf('mergeCell') !== -1) {
      const re = MergeScanner.RANGE;
      re.lastIndex = 0;
      for (let m = re.exec(scanned); m && this.merges.length < MAX_SHEET_COLUMNS; m = re.exec(scanned)) {
        const range = decodeRange(m[1]);
        if (range && range.top <= this.line && range.bottom >= this.line && range.right > range.left) this.merges.push(range);
      }
    }
    // An unfinished tag waits for the next chunk (bounded: a mergeCell tag is short).
    this.carry = scanEnd < text.length && text.length - scanEnd < 4096 ? text.slice(scanEnd) : '';
  }
}
