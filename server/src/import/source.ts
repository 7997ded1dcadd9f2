import { createReadStream, promises as fsp } from 'fs';
import iconv from 'iconv-lite';
import { createStreamDecoder, type DecodedText, type StreamDecoder } from './decode';
import { normalizeEncoding } from './encoding';
import { SourceError } from './source-error';

export { normalizeEncoding } from './encoding';

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

/** Streaming decoder: characters split across chunks stay intact, UTF-8 validated with a fallback (decode.ts); no BOM handling: callers strip it. */
export const createChunkDecoder = (encoding: string, fallback?: string | null): StreamDecoder =>
  createStreamDecoder(assertEncoding(encoding), { fallback });

export interface OpenTextOptions {
  /** iconv-lite encoding; a BOM at the start of the file wins over it (as in the WHATWG encoding standard). */
  encoding?: string;
  /** Code page for bytes invalid in a UTF-8 file (Detected.fallbackEncoding); detected from the first bad region when absent. */
  fallbackEncoding?: string | null;
  /** Bytes per read (tests force tiny values to split characters across chunks). */
  highWaterMark?: number;
}

/**
 * A file as a stream of decoded text chunks: never the whole file in memory,
 * BOM stripped, multi-byte characters kept whole across chunk borders, UTF-8
 * validated to the end (text read in the fallback code page says where).
 * Breaking out of the loop closes the file.
 */
export async function* openDecodedSource(path: string, options: OpenTextOptions = {}): AsyncGenerator<DecodedText, void, undefined> {
  const requested = assertEncoding(options.encoding || 'utf-8');
  const stream = createReadStream(path, { highWaterMark: options.highWaterMark || CHUNK_BYTES });
  let decoder: StreamDecoder | null = null;
  const open = (bom: Bom | null) => createChunkDecoder(bom ? bom.encoding : requested, options.fallbackEncoding);
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
        decoder = open(bom);
        if (bom) bytes = bytes.subarray(bom.length);
      }
      const decoded = decoder!.write(bytes);
      if (decoded.text) yield decoded;
    }
    if (head) {
      // A file shorter than 3 bytes.
      const bom = detectBom(head);
      decoder = open(bom);
      const decoded = decoder.write(bom ? head.subarray(bom.length) : head);
      if (decoded.text) yield decoded;
    }
    const rest = decoder?.end();
    if (rest?.text) yield rest;
  } finally {
    stream.destroy();
  }
}

/** openDecodedSource as plain text chunks. */
export async function* openTextSource(path: string, options: OpenTextOptions = {}): AsyncGenerator<string, void, undefined> {
  for await (const decoded of openDecodedSource(path, options)) yield decoded.text;
}

export interface Head {
  bytes: Buffer;
  size: number;
  /** The file is longer than `bytes`. */
  truncated: boolean;
}

/** The first `max` bytes of a file. */
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

/**
 * Windows of a file (sniffing reads a few beyond the head): each range is
 * read as far as the file goes.
 */
export const readRanges = async (path: string, ranges: ReadonlyArray<{ start: number; length: number }>): Promise<Buffer[]> => {
  const handle = await fsp.open(path, 'r');
  try {
    const out: Buffer[] = [];
    for (const { start, length } of ranges) {
      const bytes = Buffer.alloc(length);
      let read = 0;
      while (read < length) {
        const { bytesRead } = await handle.read(bytes, read, length - read, start + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      out.push(bytes.subarray(0, read));
    }
    return out;
  } finally {
    await handle.close();
  }
};
