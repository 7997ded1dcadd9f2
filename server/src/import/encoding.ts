import chardet from 'chardet';
import iconv from 'iconv-lite';

/*
 * Byte-level facts about encodings, shared by the sniffer (which samples
 * windows of a file) and the streaming decoder (which validates all of it).
 */

/**
 * Length (2–4) of the well-formed UTF-8 sequence starting at `i` (Unicode
 * table 3-7: no overlongs, no surrogates, nothing past U+10FFFF); 0 when the
 * byte cannot start one here; -1 when the data ends inside one that is
 * well-formed so far.
 */
export const utf8SequenceAt = (bytes: Uint8Array, i: number, end: number): number => {
  const c = bytes[i];
  let length: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) length = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    length = 3;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    length = 4;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    if (i + k >= end) return -1;
    const d = bytes[i + k];
    if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return 0;
  }
  return length;
};

/**
 * Would a person expect this 2-byte UTF-8 character in a contact file? Asked
 * only on a line that also holds bytes invalid in UTF-8, where a pair of
 * Windows-1252 bytes can happen to be valid UTF-8: an upper-case accented
 * letter or ß followed by a byte 0x80–0xBF ("É" + no-break space is C9 A0,
 * which is "ɠ"). Those land in C1 controls, Latin Extended-B, IPA, spacing
 * modifiers and Syriac…NKo, which contact data does not use; accented Latin
 * letters, Romanian ș ț, combining accents (macOS NFD), Greek, Cyrillic,
 * Armenian, Hebrew and Arabic are kept. 3- and 4-byte sequences always are:
 * in Windows-1252 they need a lower-case accented letter followed by two or
 * three symbols in a row.
 */
export const plausibleUtf8 = (bytes: Uint8Array, i: number): boolean => {
  const cp = ((bytes[i] & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
  if (cp < 0x00a0) return false;
  if (cp >= 0x0180 && cp <= 0x02ff) return cp >= 0x0218 && cp <= 0x021b;
  return cp < 0x0700;
};

/**
 * Trailing bytes that start a UTF-8 sequence the data cuts short: where a
 * chunk can be split so that every character stays whole (returns
 * `bytes.length` when nothing is cut).
 */
export const utf8CutPoint = (bytes: Uint8Array, end = bytes.length): number => {
  for (let k = 1; k <= 3 && k <= end; k++) {
    const c = bytes[end - k];
    if (c < 0x80) return end;
    if (c >= 0xc0) return utf8SequenceAt(bytes, end - k, end) === -1 ? end - k : end;
  }
  return end;
};

/** Bytes of bad lines kept for detecting their code page. */
const LEGACY_SAMPLE_BYTES = 64 * 1024;

/** What a window of bytes says about UTF-8, line by line. */
export interface Utf8Evidence {
  /** Lines valid in UTF-8 that hold at least one multi-byte character. */
  utf8Lines: number;
  /** Lines holding a byte that is not valid UTF-8. */
  badLines: number;
  /** The bytes of the bad lines (invalid bytes kept, UTF-8 characters left out), for detecting their code page. */
  legacy: Buffer;
}

/**
 * Classifies the lines of `bytes` (a window anywhere in a file: a line cut
 * at either end counts as well). A Windows-1252 line with accents is, in
 * practice, never valid UTF-8: each accented letter would need 1–3 bytes
 * 0x80–0xBF right after it.
 */
export const utf8Evidence = (bytes: Uint8Array): Utf8Evidence => {
  let utf8Lines = 0;
  let badLines = 0;
  const legacy: number[] = [];
  let line: number[] = [];
  let multi = false;
  let bad = false;
  const endLine = () => {
    if (bad) {
      badLines++;
      if (legacy.length < LEGACY_SAMPLE_BYTES) legacy.push(...line, 0x0a);
    } else if (multi) utf8Lines++;
    line = [];
    multi = bad = false;
  };
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const c = bytes[i];
    if (c < 0x80) {
      if (c === 0x0a || c === 0x0d) endLine();
      else if (line.length < 4096) line.push(c);
      i++;
      continue;
    }
    const length = utf8SequenceAt(bytes, i, n);
    if (length < 0) break;
    if (length > 0) {
      multi = true;
      i += length;
    } else {
      bad = true;
      if (line.length < 4096) line.push(c);
      i++;
    }
  }
  endLine();
  return { utf8Lines, badLines, legacy: Buffer.from(legacy) };
};

/** Decodes 0x80–0xFF each to one character (WHATWG single-byte), whatever the code page. */
export const isSingleByte = (encoding: string): boolean => {
  if (!iconv.encodingExists(encoding)) return false;
  const high = Buffer.alloc(128);
  for (let i = 0; i < 128; i++) high[i] = 0x80 + i;
  try {
    return iconv.decode(high, encoding).length === 128 && iconv.decode(Buffer.from('az,;\t\r\n'), encoding) === 'az,;\t\r\n';
  } catch {
    return false;
  }
};

const tables = new Map<string, string[]>();

/**
 * The characters of bytes 0x80–0xFF in a single-byte code page. A byte the
 * code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D in Windows-1252:
 * iconv-lite gives U+FFFD) becomes the code point of the same value, as the
 * WHATWG decoder does: never U+FFFD.
 */
export const singleByteTable = (encoding: string): string[] => {
  let table = tables.get(encoding);
  if (!table) {
    table = [];
    for (let b = 0x80; b <= 0xff; b++) {
      const ch = iconv.decode(Buffer.from([b]), encoding);
      table.push(ch === '\ufffd' || ch.length !== 1 ? String.fromCharCode(b) : ch);
    }
    tables.set(encoding, table);
  }
  return table;
};

const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  ascii: 'utf-8',
  'us-ascii': 'utf-8',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  iso88591: 'iso-8859-1',
  'iso-8859-1': 'iso-8859-1',
  iso885915: 'iso-8859-15',
  cp1252: 'windows-1252',
  win1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  ansi: 'windows-1252',
  ucs2: 'utf-16le',
  'ucs-2': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  'utf-16': 'utf-16le',
  utf16: 'utf-16le',
};

/** Lower-case name iconv-lite knows, in the spelling `Detected.encoding` uses (utf-8, windows-1252 …). */
export const normalizeEncoding = (name: string): string => {
  const lower = String(name).trim().toLowerCase();
  return ALIASES[lower] ?? ALIASES[lower.replace(/[^a-z0-9]/g, '')] ?? lower;
};

/** Single-byte code pages of Western and Central Europe that chardet confuses on short samples. */
const LATIN = /^(iso-8859-(1|2|3|4|9|10|13|14|15|16)|windows-125[0247])$/;

/** Characters that decoding in the wrong single-byte code page typically produces. */
const ODD = /[\u0080-\u009f\ufffd¤¦¨¯´¸¹¼½¾×÷¬ª º±µ¶]/g;
const oddness = (bytes: Uint8Array, encoding: string) => (iconv.decode(Buffer.from(bytes), encoding).match(ODD) ?? []).length;

/**
 * The legacy encoding of bytes that are not UTF-8. chardet's Latin answers
 * are unreliable on contact files (French Windows-1252 samples come back as
 * windows-1250 or ISO-8859-2), so among Latin code pages the one decoding to
 * the fewest improbable characters wins, windows-1252 on ties: it is what
 * Excel writes on Windows in Western Europe, and a superset of ISO-8859-1
 * (whose 0x80–0x9F are control codes no contact file contains).
 * `singleByte`: only code pages the per-byte fallback can use.
 */
export const detectLegacyEncoding = (bytes: Uint8Array, singleByte = false): string => {
  const matches = bytes.length ? chardet.analyse(bytes) : [];
  const usable = (name: string) => iconv.encodingExists(name) && (!singleByte || isSingleByte(name));
  const top = matches.find((m) => usable(normalizeEncoding(m.name)));
  const topName = top ? normalizeEncoding(top.name) : 'windows-1252';
  if (top && !LATIN.test(topName) && top.confidence >= 50 && !/^utf-(8|16|32)/.test(topName)) return topName;
  const candidates = ['windows-1252', 'iso-8859-15'];
  for (const m of matches) {
    const name = normalizeEncoding(m.name);
    if (LATIN.test(name) && name !== 'iso-8859-1' && !candidates.includes(name)) candidates.push(name);
  }
  let best = 'windows-1252';
  let bestScore = Infinity;
  for (const name of candidates) {
    const score = oddness(bytes, name);
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
};
