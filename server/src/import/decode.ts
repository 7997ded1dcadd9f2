import { isAscii, isUtf8 } from 'buffer';
import iconv from 'iconv-lite';
import { detectLegacyEncoding, isSingleByte, plausibleUtf8, singleByteTable, utf8CutPoint, utf8Evidence, utf8SequenceAt } from './encoding';

/**
 * Byte streams to text, never a silent U+FFFD.
 *
 * A file sniffed as UTF-8 from its first 64 KB can turn into Windows-1252
 * further on (rows appended on an old PC); a plain UTF-8 decoder turns each
 * of those bytes into U+FFFD, silently. Here valid UTF-8 decodes as UTF-8
 * (fast path: one strict TextDecoder call per chunk, measured 1.1 GB/s on
 * accented contact data, iconv-lite 0.63 GB/s; ASCII 9 GB/s) and, on a line holding
 * an invalid byte, each invalid byte is read in a single-byte code page
 * (Windows-1252, or what detection over the 64 KB from that line says); the
 * line is reported so its row gets a note.
 *
 * The other way round, a Western single-byte file (Windows-1252, ISO-8859-1/15)
 * may hold lines pasted from UTF-8: a line that is valid UTF-8 with accented
 * letters is read as UTF-8 (a Windows-1252 line with accents practically
 * never is), and a byte the code page leaves undefined is read as ISO-8859-1
 * rather than U+FFFD; both reported the same way.
 *
 * Blocks are cut at line breaks (a line waits until it is whole, up to
 * MAX_LINE_BYTES), so the text does not depend on the read size.
 */

/** What the mapper turns into a warning of the row: some of its text was read in `to`, not `from`. */
export interface RowNote {
  code: 'encoding_fallback';
  params: { from: string; to: string };
}

/** A line of decoded text read in the other encoding: an offset inside it, and the note for its row. */
export interface TextMark {
  at: number;
  note: RowNote;
}

export interface DecodedText {
  text: string;
  /** Lines read in the other encoding, in order (at most one mark per line). */
  marks?: TextMark[];
}

export interface StreamDecoder {
  /** Text of the bytes so far; an incomplete line or character waits for the next call. */
  write(bytes: Buffer): DecodedText;
  end(): DecodedText;
}

export interface DecoderOptions {
  /** UTF-8: single-byte code page for bytes that are not UTF-8; detected over the first bad region when absent. */
  fallback?: string | null;
}

/** Bytes from the first bad line that detection of their code page looks at (held back until read). */
export const DETECT_BYTES = 64 * 1024;
/** A line longer than this is decoded in pieces (cut between characters). */
export const MAX_LINE_BYTES = 1024 * 1024;

const EMPTY: DecodedText = Object.freeze({ text: '' });

const lastLineBreak = (bytes: Uint8Array): number => {
  for (let i = bytes.length - 1; i >= 0; i--) {
    const c = bytes[i];
    if (c === 0x0a || c === 0x0d) return i;
  }
  return -1;
};

const firstLineBreak = (bytes: Uint8Array): number => {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x0a || c === 0x0d) return i;
  }
  return -1;
};

const note = (from: string, to: string): RowNote => ({ code: 'encoding_fallback', params: { from, to } });

/** Texts decoded one after the other, as one (marks moved by the text before them). */
const merge = (parts: DecodedText[]): DecodedText => {
  if (parts.length === 1) return parts[0];
  let text = '';
  let marks: TextMark[] | undefined;
  for (const part of parts) {
    if (part.marks) {
      const shift = text.length;
      marks ??= [];
      for (const m of part.marks) marks.push(shift ? { at: m.at + shift, note: m.note } : m);
    }
    text += part.text;
  }
  return marks ? { text, marks } : { text };
};

/** Writes the code point of the well-formed UTF-8 sequence at `i` (`length` bytes) as UTF-16; returns the next `k`. */
const putUtf8 = (out: Uint16Array, k: number, b: Uint8Array, i: number, length: number): number => {
  if (length === 2) {
    out[k] = ((b[i] & 0x1f) << 6) | (b[i + 1] & 0x3f);
    return k + 1;
  }
  if (length === 3) {
    out[k] = ((b[i] & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
    return k + 1;
  }
  const cp = (((b[i] & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f)) - 0x10000;
  out[k] = 0xd800 + (cp >> 10);
  out[k + 1] = 0xdc00 + (cp & 0x3ff);
  return k + 2;
};

const utf16 = (out: Uint16Array, length: number): string => Buffer.from(out.buffer, out.byteOffset, length * 2).toString('utf16le');

/** The 256 UTF-16 code units of a single-byte code page (bytes below 0x80 are ASCII). */
const codeUnits = (encoding: string): Uint16Array => {
  const table = singleByteTable(encoding);
  const codes = new Uint16Array(256);
  for (let b = 0; b < 256; b++) codes[b] = b < 0x80 ? b : table[b - 0x80].charCodeAt(0);
  return codes;
};

/**
 * Cuts the stream into blocks of whole lines, subclasses decode a block. The
 * line that spans two reads is decoded on its own, so the rest of a read is
 * decoded in place, without a copy.
 */
abstract class LineDecoder implements StreamDecoder {
  protected pending: Buffer[] = [];
  protected pendingBytes = 0;
  /** Output buffer of the JS decoding loops, reused. */
  private scratch = new Uint16Array(0);

  write(chunk: Buffer): DecodedText {
    if (!chunk.length) return EMPTY;
    if (this.waiting()) {
      this.hold(chunk);
      const ready = this.release();
      if (!ready) return EMPTY;
      chunk = ready;
    }
    const parts: DecodedText[] = [];
    let start = 0;
    if (this.pendingBytes) {
      // The line held back continues up to the first line break.
      const first = firstLineBreak(chunk);
      if (first < 0) {
        this.hold(chunk);
        if (this.pendingBytes < MAX_LINE_BYTES) return EMPTY;
        // An over-long line: decoded in pieces, cut between characters.
        const bytes = this.takePending();
        const cut = utf8CutPoint(bytes);
        this.hold(bytes.subarray(cut));
        return this.decode(bytes.subarray(0, cut), false);
      }
      start = first + 1;
      this.hold(chunk.subarray(0, start));
      parts.push(this.decode(this.takePending(), false));
      if (this.waiting()) {
        this.hold(chunk.subarray(start));
        return parts[0];
      }
    }
    // The unfinished last line waits from its first byte ≥ 0x80 on (ASCII before it reads the same whatever follows).
    const lastBreak = Math.max(lastLineBreak(chunk), start - 1);
    let end = chunk.length;
    for (let i = lastBreak + 1; i < chunk.length; i++) {
      if (chunk[i] >= 0x80) {
        end = i;
        break;
      }
    }
    if (start < end) parts.push(this.decode(start === 0 && end === chunk.length ? chunk : chunk.subarray(start, end), false));
    // When decode() just began holding its bad region, these bytes follow it, in order.
    if (end < chunk.length) this.hold(chunk.subarray(end));
    return parts.length ? merge(parts) : EMPTY;
  }

  end(): DecodedText {
    const bytes = this.takePending();
    this.atEnd(bytes);
    return this.decode(bytes, true);
  }

  protected hold(bytes: Buffer): void {
    if (!bytes.length) return;
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
  }

  protected takePending(): Buffer {
    const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    return bytes;
  }

  protected output(bytes: number): Uint16Array {
    if (this.scratch.length < bytes) this.scratch = new Uint16Array(Math.max(bytes, 64 * 1024));
    return this.scratch;
  }

  /** True while everything must wait (UTF-8: the fallback is being detected). */
  protected waiting(): boolean {
    return false;
  }

  /** The bytes held while waiting, once the wait is over (else null). */
  protected release(): Buffer | null {
    return null;
  }

  protected atEnd(_bytes: Buffer): void {}

  protected abstract decode(block: Buffer, final: boolean): DecodedText;
}

const strictUtf8 = () => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

class Utf8StreamDecoder extends LineDecoder {
  /** Waiting for DETECT_BYTES after the first bad line to choose the fallback. */
  private holding = false;
  private decoder = strictUtf8();
  private fallback: string | null;
  private codes: Uint16Array | null = null;
  private rowNote: RowNote | null = null;
  /** The last block had bad lines: the next one likely has too, skip the strict attempt (it would fail half-way). */
  private lastBad = false;

  constructor(options: DecoderOptions) {
    super();
    this.fallback = options.fallback || null;
  }

  protected waiting(): boolean {
    return this.holding;
  }

  protected release(): Buffer | null {
    if (this.pendingBytes < DETECT_BYTES) return null;
    const bytes = this.takePending();
    this.chooseFallback(bytes);
    return bytes;
  }

  protected atEnd(bytes: Buffer): void {
    if (this.holding) this.chooseFallback(bytes);
  }

  protected decode(block: Buffer, final: boolean): DecodedText {
    if (!block.length) return EMPTY;
    if (isAscii(block)) return { text: block.toString('latin1') };
    if (!this.lastBad) {
      try {
        // stream: a block ends between characters, so nothing stays inside the decoder.
        return { text: this.decoder.decode(block, { stream: !final }) };
      } catch {
        this.decoder = strictUtf8();
      }
    }
    if (!this.fallback) {
      const start = firstBadLine(block, final);
      if (start >= block.length) return { text: block.toString('utf8') };
      if (!final) {
        // The rest waits until detection has DETECT_BYTES of it: the choice then does not depend on the read size.
        this.pending.unshift(block.subarray(start));
        this.pendingBytes += block.length - start;
        this.holding = true;
        return start ? { text: block.toString('utf8', 0, start) } : EMPTY;
      }
      this.chooseFallback(block.subarray(start));
    }
    return this.decodeMixed(block);
  }

  private chooseFallback(region: Buffer) {
    this.fallback = detectLegacyEncoding(utf8Evidence(region.subarray(0, DETECT_BYTES)).legacy, true);
    this.holding = false;
  }

  /**
   * Valid lines as UTF-8; a bad line again from its start, with its invalid
   * bytes (and implausible pairs, encoding.ts) in the fallback code page.
   * Measured on 100 MB of Windows-1252 read as UTF-8: 190 MB/s (iconv-lite
   * reading it as windows-1252: 210 MB/s).
   */
  private decodeMixed(block: Buffer): DecodedText {
    const codes = (this.codes ??= codeUnits(this.fallback!));
    const rowNote = (this.rowNote ??= note('utf-8', this.fallback!));
    const marks: TextMark[] = [];
    const n = block.length;
    const out = this.output(n);
    let k = 0;
    let lineStart = 0;
    let lineOut = 0;
    let bad = false;
    let marked = false;
    for (let i = 0; i < n; ) {
      const c = block[i];
      if (c < 0x80) {
        out[k++] = c;
        i++;
        if (c === 0x0a || c === 0x0d) {
          lineStart = i;
          lineOut = k;
          bad = marked = false;
        }
        continue;
      }
      const length = utf8SequenceAt(block, i, n);
      if (length > 0 && (!bad || length > 2 || plausibleUtf8(block, i))) {
        k = putUtf8(out, k, block, i, length);
        i += length;
      } else if (bad) {
        // At the first character read otherwise (not the line start): the same offset whatever the read size.
        if (!marked) {
          marks.push({ at: k, note: rowNote });
          marked = true;
        }
        out[k++] = codes[c];
        i++;
      } else {
        // The first invalid byte of the line: read the line again as a bad one.
        bad = true;
        i = lineStart;
        k = lineOut;
      }
    }
    const text = utf16(out, k);
    this.lastBad = marks.length > 0;
    return marks.length ? { text, marks } : { text };
  }
}

/** Start of the line holding the first byte that is not valid UTF-8 (a character cut at the end counts only when `final`). */
const firstBadLine = (block: Uint8Array, final: boolean): number => {
  let lineStart = 0;
  const n = block.length;
  for (let i = 0; i < n; ) {
    const c = block[i];
    if (c < 0x80) {
      i++;
      if (c === 0x0a || c === 0x0d) lineStart = i;
      continue;
    }
    const length = utf8SequenceAt(block, i, n);
    if (length > 0) i += length;
    else if (length < 0 && !final) return n;
    else return lineStart;
  }
  return n;
};

/**
 * Code pages whose lines are checked for UTF-8: their accented letters are
 * 0xC0–0xFF followed by ASCII, so a line of theirs is never valid UTF-8 by
 * chance (in Cyrillic or Greek code pages it can be).
 */
export const UTF8_LINES_IN: ReadonlySet<string> = new Set(['windows-1252', 'iso-8859-1', 'iso-8859-15']);

/** Holds a plausible multi-byte UTF-8 character (the line is known to be valid UTF-8). */
const hasPlausibleUtf8 = (b: Uint8Array, i: number, e: number): boolean => {
  while (i < e) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceAt(b, i, e);
    if (length > 2 || plausibleUtf8(b, i)) return true;
    i += length > 0 ? length : 1;
  }
  return false;
};

class SingleByteStreamDecoder extends LineDecoder {
  private readonly codes: Uint16Array;
  private readonly undefinedBytes = new Uint8Array(256);
  private readonly utf8Lines: boolean;
  private readonly utf8Note: RowNote;
  private readonly latin1Note: RowNote;

  constructor(encoding: string) {
    super();
    this.codes = codeUnits(encoding);
    for (let b = 0x80; b < 256; b++) if (iconv.decode(Buffer.from([b]), encoding) === '\ufffd') this.undefinedBytes[b] = 1;
    this.utf8Lines = UTF8_LINES_IN.has(encoding);
    this.utf8Note = note(encoding, 'utf-8');
    this.latin1Note = note(encoding, 'iso-8859-1');
  }

  /**
   * One pass: every byte through the table; at each line end, a line with
   * high bytes that is valid UTF-8 (and plausible) is written again as UTF-8.
   * Measured on 100 MB of Windows-1252: 208 MB/s (iconv-lite: 210 MB/s).
   */
  protected decode(block: Buffer, _final: boolean): DecodedText {
    if (!block.length) return EMPTY;
    if (isAscii(block)) return { text: block.toString('latin1') };
    const n = block.length;
    const out = this.output(n);
    const codes = this.codes;
    const undef = this.undefinedBytes;
    const checkUtf8 = this.utf8Lines;
    let marks: TextMark[] | null = null;
    let k = 0;
    let lineStart = 0;
    let lineOut = 0;
    /** Output offset of the line's first byte ≥ 0x80 (-1: none yet), where a mark goes. */
    let highOut = -1;
    let odd = false;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? block[i] : 0x0a;
      if (c >= 0x80) {
        if (highOut < 0) highOut = k;
        out[k++] = codes[c];
        if (undef[c]) odd = true;
        continue;
      }
      if (i < n) out[k++] = c;
      if (c !== 0x0a && c !== 0x0d) continue;
      if (highOut >= 0) {
        const e = Math.min(i + 1, n);
        if (checkUtf8 && isUtf8(block.subarray(lineStart, e)) && hasPlausibleUtf8(block, lineStart, e)) {
          (marks ??= []).push({ at: highOut, note: this.utf8Note });
          k = lineOut;
          for (let j = lineStart; j < e; ) {
            const length = block[j] < 0x80 ? 1 : utf8SequenceAt(block, j, e);
            if (length === 1) out[k++] = block[j];
            else k = putUtf8(out, k, block, j, length);
            j += length;
          }
        } else if (odd) (marks ??= []).push({ at: highOut, note: this.latin1Note });
      }
      lineStart = i + 1;
      lineOut = k;
      highOut = -1;
      odd = false;
    }
    const text = utf16(out, k);
    return marks ? { text, marks } : { text };
  }
}

/** iconv-lite for the rest (UTF-16, multi-byte code pages): characters split across chunks stay whole. */
class IconvStreamDecoder implements StreamDecoder {
  private readonly decoder: { write(b: Buffer): string; end(): string | undefined };

  constructor(encoding: string) {
    this.decoder = iconv.getDecoder(encoding, { stripBOM: false });
  }

  write(bytes: Buffer): DecodedText {
    const text = this.decoder.write(bytes);
    return text ? { text } : EMPTY;
  }

  end(): DecodedText {
    // Some codecs return undefined from end().
    const text = this.decoder.end();
    return text ? { text } : EMPTY;
  }
}

/** A streaming decoder for `encoding` (normalized, known to iconv-lite). */
export const createStreamDecoder = (encoding: string, options: DecoderOptions = {}): StreamDecoder => {
  if (encoding === 'utf-8') return new Utf8StreamDecoder(options);
  if (isSingleByte(encoding)) return new SingleByteStreamDecoder(encoding);
  return new IconvStreamDecoder(encoding);
};
