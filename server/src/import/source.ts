import { createReadStream, promises as fsp } from 'fs';
import iconv from 'iconv-lite';
import { SourceError } from './source-error';

/** Read size of the text stream; also the sniffing window. */
export const CHUNK_BYTES = 64 * 1024;

export interface Bom {
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  length: number;
}

export const detectBom = (bytes: Uint8Array): Bom | null => {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
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

/** The normalized encoding, or a SourceError naming the unknown one. */
export const assertEncoding = (name: string): string => {
  const encoding = normalizeEncoding(name);
  if (!encoding || !iconv.encodingExists(encoding)) {
    throw new SourceError('ENCODING', `Unknown encoding "${name}": use e.g. utf-8, windows-1252, iso-8859-1 or utf-16le`, {
      encoding: name,
    });
  }
  return encoding;
};

export interface ChunkDecoder {
  /** Text of the bytes so far; an incomplete multi-byte character waits for the next call. */
  write(bytes: Buffer): string;
  end(): string;
}

/** Streaming decoder: characters split across chunks stay intact (no BOM handling: callers strip it). */
export const createChunkDecoder = (encoding: string): ChunkDecoder => {
  const decoder = iconv.getDecoder(assertEncoding(encoding), { stripBOM: false });
  // Single-byte codecs return undefined from end().
  return { write: (bytes) => decoder.write(bytes) || '', end: () => decoder.end() || '' };
};

export interface OpenTextOptions {
  /** iconv-lite encoding; a BOM at the start of the file wins over it (as in the WHATWG encoding standard). */
  encoding?: string;
  /** Bytes per read (tests force tiny values to split characters across chunks). */
  highWaterMark?: number;
}

/**
 * A file as a stream of decoded text chunks: never the whole file in memory,
 * BOM stripped, multi-byte characters kept whole across chunk borders.
 * Breaking out of the loop closes the file.
 */
export async function* openTextSource(path: string, options: OpenTextOptions = {}): AsyncGenerator<string, void, undefined> {
  const requested = assertEncoding(options.encoding || 'utf-8');
  const stream = createReadStream(path, { highWaterMark: options.highWaterMark || CHUNK_BYTES });
  let decoder: ChunkDecoder | null = null;
  // Held back until 3 bytes are seen, so a BOM split by a tiny highWaterMark is still found.
  let head: Buffer | null = Buffer.alloc(0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let bytes = chunk;
      if (head) {
        head = Buffer.concat([head, chunk]);
        if (head.length < 3) continue;
        bytes = head;
        head = null;
        const bom = detectBom(bytes);
        decoder = createChunkDecoder(bom ? bom.encoding : requested);
        if (bom) bytes = bytes.subarray(bom.length);
      }
      const text = decoder!.write(bytes);
      if (text) yield text;
    }
    if (head) {
      // A file shorter than 3 bytes.
      const bom = detectBom(head);
      decoder = createChunkDecoder(bom ? bom.encoding : requested);
      const text = decoder.write(bom ? head.subarray(bom.length) : head);
      if (text) yield text;
    }
    const rest = decoder ? decoder.end() : '';
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

export interface Head {
  bytes: Buffer;
  size: number;
  /** The file is longer than `bytes`. */
  truncated: boolean;
}

/** The first `max` bytes of a file (sniffing never reads more). */
export const readHead = async (path: string, max = CHUNK_BYTES): Promise<Head> => {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(path, 'r');
  } catch (error: any) {
    if (error?.code === 'ENOENT') throw new SourceError('NOT_FOUND', 'The file was not found (it may have been deleted): upload it again');
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, max);
    const bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(bytes, read, length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { bytes: bytes.subarray(0, read), size, truncated: size > read };
  } finally {
    await handle.close();
  }
};
