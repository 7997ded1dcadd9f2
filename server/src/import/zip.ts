import { createReadStream, promises as fsp } from 'fs';
import { createInflateRaw } from 'zlib';
import { Readable, Transform, type TransformCallback } from 'stream';
import { formatCount, formatSize, RATIO_CHECK_MIN_SIZE, resolveLimits, timeoutError, type SourceLimits } from './limits';
import { SourceError } from './source-error';
import { XmlPrologGuard } from './xml-prolog';

/**
 * Just enough ZIP to read an XLSX by random access: the central directory
 * lists the parts, and each part streams from its own offset. Reading a
 * workbook in the order we need (workbook, styles, shared strings, then only
 * the chosen sheet) avoids exceljs's sequential reader spooling every sheet
 * that precedes sharedStrings.xml (Excel's own order) to temp files, which it
 * only deletes when the whole workbook has been read.
 *
 * Every part is inflated under a budget (limits.ts): its declared size and
 * compression ratio are checked before a byte is inflated, it may never
 * inflate past its declared size (a lying header is a damaged or hostile
 * file), and one read may not inflate more than maxXlsxInflatedSize in all.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  encrypted: boolean;
}

/** What one read of a workbook (a sniff, a preview, an import run) may still inflate. */
export interface ZipReadBudget {
  readonly limits: SourceLimits;
  /** Bytes inflated so far, all parts together. */
  inflated: number;
  /** Date.now() after which reading stops with TIMEOUT (in-process reads; a worker is terminated instead). */
  deadline?: number;
}

export const createReadBudget = (limits?: Partial<SourceLimits> | null, deadline?: number): ZipReadBudget => ({
  limits: resolveLimits(limits),
  inflated: 0,
  deadline,
});

/** Far more parts than any workbook has (one per sheet, image, chart …), far fewer than a hostile directory. */
export const MAX_ZIP_ENTRIES = 10_000;
/** A directory of MAX_ZIP_ENTRIES entries with long names fits; it is read into memory only below this. */
export const MAX_CENTRAL_DIRECTORY_BYTES = 4 * 1024 * 1024;

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const CENTRAL_HEADER = 46;

const corrupt = () => new SourceError('XLSX', 'The workbook is damaged (its ZIP structure cannot be read): open it in Excel and save it again');

const readAt = async (handle: fsp.FileHandle, position: number, length: number): Promise<Buffer> => {
  if (!Number.isSafeInteger(position) || position < 0) throw corrupt();
  const buf = Buffer.alloc(length);
  let read = 0;
  while (read < length) {
    const { bytesRead } = await handle.read(buf, read, length - read, position + read);
    if (bytesRead === 0) throw corrupt();
    read += bytesRead;
  }
  return buf;
};

const tooManyParts = (count: number, cdSize: number) =>
  new SourceError(
    'XLSX',
    `This is not a workbook a spreadsheet program wrote: its ZIP directory lists ${formatCount(count)} parts in ${formatSize(cdSize)} ` +
      `(a workbook has far fewer than ${formatCount(MAX_ZIP_ENTRIES)}). Open it in Excel and save it again, or save it as CSV.`,
    { entries: count, directorySize: cdSize, maxEntries: MAX_ZIP_ENTRIES, maxDirectorySize: MAX_CENTRAL_DIRECTORY_BYTES },
  );

const parseCentralDirectory = (cd: Buffer, count: number): Map<string, ZipEntry> => {
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count && p + CENTRAL_HEADER <= cd.length; n++) {
    if (cd.readUInt32LE(p) !== CENTRAL) throw corrupt();
    const flags = cd.readUInt16LE(p + 8);
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const nameEnd = p + CENTRAL_HEADER + nameLength;
    const extraEnd = nameEnd + extraLength;
    if (extraEnd + commentLength > cd.length) throw corrupt();
    const entry: ZipEntry = {
      name: cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + CENTRAL_HEADER, nameEnd),
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localHeaderOffset: cd.readUInt32LE(p + 42),
      encrypted: (flags & 1) === 1,
    };
    // ZIP64 sizes/offset live in extra field 0x0001, in this order, only for the 0xffffffff ones.
    let x = nameEnd;
    while (x + 4 <= extraEnd) {
      const id = cd.readUInt16LE(x);
      const len = cd.readUInt16LE(x + 2);
      if (x + 4 + len > extraEnd) throw corrupt();
      if (id === 1) {
        let q = x + 4;
        const u64 = () => {
          if (q + 8 > x + 4 + len) throw corrupt();
          const v = Number(cd.readBigUInt64LE(q));
          q += 8;
          return v;
        };
        if (entry.size === 0xffffffff) entry.size = u64();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = u64();
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = u64();
      }
      x += 4 + len;
    }
    entries.set(entry.name.replace(/^\/+/, ''), entry);
    p = extraEnd + commentLength;
  }
  return entries;
};

/** Parts of a ZIP file by name, from its central directory (bounded: a hostile directory is refused unread). */
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
    if (count > MAX_ZIP_ENTRIES || cdSize > MAX_CENTRAL_DIRECTORY_BYTES) throw tooManyParts(count, cdSize);
    if (cdOffset + cdSize > size || count * CENTRAL_HEADER > cdSize) throw corrupt();
    return parseCentralDirectory(await readAt(handle, cdOffset, cdSize), count);
  } catch (error) {
    // A field pointing outside the buffer: the directory is damaged, not our code.
    if (error instanceof RangeError) throw corrupt();
    throw error;
  } finally {
    await handle.close();
  }
};

const ratioText = (r: number) => `${r >= 10 ? formatCount(r) : r.toFixed(1)}:1`;

/** Refuses a part that would inflate beyond the limits, before inflating anything. */
export const checkZipEntry = (entry: ZipEntry, limits: SourceLimits): void => {
  const max = limits.maxXlsxInflatedSize;
  if (entry.size > max) {
    throw new SourceError(
      'XLSX_SIZE',
      `This workbook is too large to read: its part ${entry.name} inflates to ${formatSize(entry.size)}, over the ${formatSize(max)} limit (maxXlsxInflatedSize). ` +
        'Split it into smaller workbooks or save it as CSV, and upload it again.',
      { part: entry.name, size: entry.size, limit: 'maxXlsxInflatedSize', max },
    );
  }
  const ratio = entry.size / Math.max(1, entry.compressedSize);
  if (entry.size >= RATIO_CHECK_MIN_SIZE && ratio > limits.maxXlsxCompressionRatio) {
    throw new SourceError(
      'XLSX_RATIO',
      `This workbook is not a plain spreadsheet: its part ${entry.name} would inflate from ${formatSize(entry.compressedSize)} to ${formatSize(entry.size)} ` +
        `(${ratioText(ratio)}, over the ${ratioText(limits.maxXlsxCompressionRatio)} limit, maxXlsxCompressionRatio), which is what ZIP bombs look like. ` +
        'Open it in Excel and save it again, or save it as CSV.',
      { part: entry.name, size: entry.size, compressedSize: entry.compressedSize, ratio, limit: 'maxXlsxCompressionRatio', max: limits.maxXlsxCompressionRatio },
    );
  }
};

/** Counts inflated bytes against the part's declared size and the read's budget; checks the XML prolog. */
class PartGuard extends Transform {
  private inflated = 0;
  private readonly prolog: XmlPrologGuard;

  constructor(
    private readonly entry: ZipEntry,
    private readonly budget: ZipReadBudget,
  ) {
    super();
    this.prolog = new XmlPrologGuard(entry.name);
  }

  _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const { entry, budget } = this;
    this.inflated += chunk.length;
    budget.inflated += chunk.length;
    if (this.inflated > entry.size) {
      return callback(
        new SourceError(
          'XLSX',
          `The workbook is damaged or hostile: its part ${entry.name} inflates to more than the ${formatSize(entry.size)} its ZIP header declares. ` +
            'Open it in Excel and save it again.',
          { part: entry.name, declaredSize: entry.size, reason: 'size-mismatch' },
        ),
      );
    }
    const max = budget.limits.maxXlsxInflatedSize;
    if (budget.inflated > max) {
      return callback(
        new SourceError(
          'XLSX_SIZE',
          `This workbook is too large to read: its parts inflate to more than ${formatSize(max)}, the limit (maxXlsxInflatedSize). ` +
            'Split it into smaller workbooks or save it as CSV, and upload it again.',
          { part: entry.name, limit: 'maxXlsxInflatedSize', max },
        ),
      );
    }
    if (budget.deadline !== undefined && Date.now() > budget.deadline) return callback(timeoutError(budget.limits.sniffTimeoutMs));
    if (!this.prolog.done) {
      try {
        this.prolog.push(chunk);
      } catch (error) {
        return callback(error as Error);
      }
    }
    callback(null, chunk);
  }
}

/** One part, inflated under `budget`, as a stream of decoded UTF-8 strings (XML parts only). */
export const openZipEntryText = async (path: string, entry: ZipEntry, budget: ZipReadBudget = createReadBudget()): Promise<Readable> => {
  if (entry.encrypted) throw new SourceError('ENCRYPTED', 'This workbook is password-protected: remove the password in Excel and upload it again');
  if (entry.method !== 0 && entry.method !== 8) throw corrupt();
  checkZipEntry(entry, budget.limits);
  const handle = await fsp.open(path, 'r');
  let dataStart: number;
  try {
    const local = await readAt(handle, entry.localHeaderOffset, 30);
    if (local.readUInt32LE(0) !== LOCAL) throw corrupt();
    dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (dataStart + entry.compressedSize > (await handle.stat()).size) throw corrupt();
  } finally {
    await handle.close();
  }
  if (entry.compressedSize === 0) {
    return Readable.from([]);
  }
  const raw = createReadStream(path, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  const guard = new PartGuard(entry, budget);
  // Whoever stops reading destroys the guard: the file and the inflater go with it.
  guard.on('close', () => raw.destroy());
  raw.on('error', (error) => guard.destroy(error));
  if (entry.method === 8) {
    const inflate = createInflateRaw();
    inflate.on('error', () => guard.destroy(corrupt()));
    guard.on('close', () => inflate.destroy());
    raw.pipe(inflate).pipe(guard);
  } else {
    raw.pipe(guard);
  }
  // exceljs decodes each Buffer chunk on its own (a character split across
  // chunks turns into U+FFFD: exceljs issues #2063, #2316); strings are passed through.
  guard.setEncoding('utf8');
  return guard;
};
