import { SourceError } from './source-error';

/**
 * What reading one source may cost. A hostile upload (a ZIP bomb, a sheet of
 * millions of empty rows) must end in a 4xx, never in a dead Strapi: these
 * bound the work, the plugin config can move them (same key names).
 */
export interface SourceLimits {
  /** Bytes a workbook part may inflate to, and all parts of one read together. */
  maxXlsxInflatedSize: number;
  /** Largest declared size / compressed size of a part (checked from RATIO_CHECK_MIN_SIZE up). */
  maxXlsxCompressionRatio: number;
  /** Strings in xl/sharedStrings.xml. */
  maxXlsxSharedStrings: number;
  /** Characters (UTF-16 code units) of those strings together. */
  maxXlsxSharedStringsSize: number;
  /** Time a workbook sniff or preview may take before its worker is stopped. */
  sniffTimeoutMs: number;
}

const MiB = 1024 * 1024;

/*
 * Measured on exceljs-written workbooks here: a 200k-row contact sheet inflates
 * to 58 MB (ratio 7), 200k empty rows to 13 MB (24), shared strings 15:1; so a
 * 1M-row workbook stays well under 1 GiB and legit parts far under 100:1,
 * while a deflate bomb runs at ~1,000:1.
 */
export const DEFAULT_SOURCE_LIMITS: Readonly<SourceLimits> = Object.freeze({
  maxXlsxInflatedSize: 1024 * MiB,
  maxXlsxCompressionRatio: 100,
  // 1M rows × 5 columns of distinct text; the import worker's heap follows (worker.ts importHeapMb).
  maxXlsxSharedStrings: 5_000_000,
  maxXlsxSharedStringsSize: 256 * MiB,
  sniffTimeoutMs: 20_000,
});

export const SOURCE_LIMIT_KEYS = Object.keys(DEFAULT_SOURCE_LIMITS) as (keyof SourceLimits)[];

/** Parts smaller than this pass the ratio check: inflating them costs little whatever their ratio. */
export const RATIO_CHECK_MIN_SIZE = 10 * MiB;

/** Sniff and preview look for data rows in at most this many sheet rows / CSV lines … */
export const SCAN_MAX_ROWS = 100_000;
/** … and this many characters of sheet XML or CSV text. */
export const SCAN_MAX_CHARS = 32 * MiB;

/** Columns a source may have (the mapping lists each one). */
export const MAX_COLUMNS = 1_000;

const positive = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : undefined;
};

/** Defaults with the given values on top; missing, zero or non-numeric values keep the default. */
export const resolveLimits = (limits?: Partial<SourceLimits> | null): SourceLimits => {
  const out: SourceLimits = { ...DEFAULT_SOURCE_LIMITS };
  if (!limits) return out;
  for (const key of SOURCE_LIMIT_KEYS) {
    const value = positive(limits[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
};

/** The limits from the plugin config (`contacts.config`), same key names. */
export const limitsFromConfig = (config: Record<string, unknown> | null | undefined): SourceLimits =>
  resolveLimits((config ?? {}) as Partial<SourceLimits>);

/** 1.2 GB, 256 MB, 64 KB: sizes in messages. */
export const formatSize = (bytes: number): string => {
  if (bytes >= 1024 * MiB) return `${(bytes / (1024 * MiB)).toFixed(1).replace(/\.0$/, '')} GB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
};

export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');

/** The answer when a sniff or preview runs past sniffTimeoutMs. */
export const timeoutError = (ms: number): SourceError =>
  new SourceError(
    'TIMEOUT',
    `Reading this workbook took longer than ${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: 1 })} s, the limit (sniffTimeoutMs): ` +
      'it may hold many empty rows or huge cells. Delete the unused rows and columns in Excel, or save it as CSV, and upload it again.',
    { limit: 'sniffTimeoutMs', max: ms },
  );

/** The answer when reading a workbook runs out of memory (its worker's heap, or a string too long for V8). */
export const memoryError = (heapMb?: number): SourceError =>
  new SourceError(
    'XLSX_MEMORY',
    `Reading this workbook needs more memory than ${heapMb ? `the ${formatCount(heapMb)} MB limit` : 'the limit'} allows: ` +
      'it may hold huge cells, styles or texts. Delete what is not needed in Excel, split it, or save it as CSV, and upload it again.',
    heapMb ? { heapMb } : {},
  );
