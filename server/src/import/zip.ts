import { createReadStream, promises as fsp } from 'fs';
import { createInflateRaw } from 'zlib';
import { Readable } from 'stream';
import { SourceError } from './source-error';

/**
 * Just enough ZIP to read an XLSX by random access: the central directory
 * lists the parts, and each part streams from its own offset. Reading a
 * workbook in the order we need (workbook, styles, shared strings, then only
 * the chosen sheet) avoids exceljs's sequential reader spooling every sheet
 * that precedes sharedStrings.xml (Excel's own order) to temp files, which it
 * only deletes when the whole workbook has been read.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const corrupt = () => new SourceError('XLSX', 'The workbook is damaged (its ZIP structure cannot be read): open it in Excel and save it again');

const readAt = async (handle: fsp.FileHandle, position: number, length: number): Promise<Buffer> => {
  const buf = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buf, read, length - read, position + read);
    if (bytesRead === 0) throw corrupt();
    read += bytesRead;
  }
  return buf;
};

export const listZipEntries = async (path: string): Promise<Map<string, ZipEntry>> => {
  const handle = await fsp.open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 0xffff + 22);
    if (tailLength < 22) throw corrupt();
    const tail = await readAt(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw corrupt();
    let count = tail.readUInt16LE(eocd + 10);
    let cdSize = tail.readUInt32LE(eocd + 12);
    let cdOffset = tail.readUInt32LE(eocd + 16);
    if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && tail.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
      const rec = await readAt(handle, Number(tail.readBigUInt64LE(eocd - 12)), 56);
      if (rec.readUInt32LE(0) !== EOCD64) throw corrupt();
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size) throw corrupt();
    const cd = await readAt(handle, cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let n = 0; n < count && p + 46 <= cd.length; n++) {
      if (cd.readUInt32LE(p) !== CENTRAL) throw corrupt();
      const flags = cd.readUInt16LE(p + 8);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        name: cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength),
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        size: cd.readUInt32LE(p + 24),
        localHeaderOffset: cd.readUInt32LE(p + 42),
        encrypted: (flags & 1) === 1,
      };
      // ZIP64 sizes/offset live in extra field 0x0001, in this order, only for the 0xffffffff ones.
      let x = p + 46 + nameLength;
      const extraEnd = x + extraLength;
      while (x + 4 <= extraEnd) {
        const id = cd.readUInt16LE(x);
        const len = cd.readUInt16LE(x + 2);
        if (id === 1) {
          let q = x + 4;
          if (entry.size === 0xffffffff) (entry.size = Number(cd.readBigUInt64LE(q))), (q += 8);
          if (entry.compressedSize === 0xffffffff) (entry.compressedSize = Number(cd.readBigUInt64LE(q))), (q += 8);
          if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = Number(cd.readBigUInt64LE(q));
        }
        x += 4 + len;
      }
      entries.set(entry.name.replace(/^\/+/, ''), entry);
      p = extraEnd + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
};

/** One part, inflated, as a stream of decoded UTF-8 strings (XML parts only). */
export const openZipEntryText = async (path: string, entry: ZipEntry): Promise<Readable> => {
  if (entry.encrypted) throw new SourceError('ENCRYPTED', 'This workbook is password-protected: remove the password in Excel and upload it again');
  if (entry.method !== 0 && entry.method !== 8) throw corrupt();
  const handle = await fsp.open(path, 'r');
  let dataStart: number;
  try {
    const local = await readAt(handle, entry.localHeaderOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL) throw corrupt();
    dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  if (entry.compressedSize === 0) {
    return Readable.from([]);
  }
  const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  let out: Readable = raw;
  if (entry.method === 8) {
    const inflate = createInflateRaw();
    raw.on('error', (e) => inflate.destroy(e));
    inflate.on('close', () => raw.destroy());
    out = raw.pipe(inflate);
  }
  // exceljs decodes each Buffer chunk on its own (a character split across
  // chunks turns into U+FFFD: exceljs issues #2063, #2316); strings are passed through.
  out.setEncoding('utf8');
  return out;
};
