import { DEFAULT_SOURCE_LIMITS, formatSize, limitsFromConfig, MAX_COLUMNS, resolveLimits } from '../../../server/src/import/limits';
import { MAX_COLUMNS as REEXPORTED } from '../../../server/src/import/parse';
import { SourceError } from '../../../server/src/import/source-error';
import { importHeapMb, BASE_HEAP_MB } from '../../../server/src/import/worker';

describe('source limits', () => {
  it('has defaults a legit 1M-row workbook passes', () => {
    expect(DEFAULT_SOURCE_LIMITS).toEqual({
      maxXlsxInflatedSize: 1024 * 1024 * 1024,
      maxXlsxCompressionRatio: 100,
      maxXlsxSharedStrings: 5_000_000,
      maxXlsxSharedStringsSize: 256 * 1024 * 1024,
      sniffTimeoutMs: 20_000,
    });
    expect(Object.isFrozen(DEFAULT_SOURCE_LIMITS)).toBe(true);
    expect(MAX_COLUMNS).toBe(1000);
    expect(REEXPORTED).toBe(MAX_COLUMNS);
  });

  it('reads the same key names from the plugin config, numbers or numeric strings, and keeps the default for anything else', () => {
    const limits = limitsFromConfig({
      maxXlsxInflatedSize: 2 * 1024 ** 3,
      maxXlsxCompressionRatio: '250',
      maxXlsxSharedStrings: 0,
      maxXlsxSharedStringsSize: 'lots',
      sniffTimeoutMs: -5,
      batchSize: 2000,
    });
    expect(limits).toEqual({ ...DEFAULT_SOURCE_LIMITS, maxXlsxInflatedSize: 2 * 1024 ** 3, maxXlsxCompressionRatio: 250 });
    expect(limitsFromConfig(undefined)).toEqual(DEFAULT_SOURCE_LIMITS);
    expect(resolveLimits({ sniffTimeoutMs: 500 })).toEqual({ ...DEFAULT_SOURCE_LIMITS, sniffTimeoutMs: 500 });
    expect(resolveLimits(null)).not.toBe(DEFAULT_SOURCE_LIMITS);
  });

  it('formats sizes for messages', () => {
    expect(formatSize(1.2e9)).toBe('1.1 GB');
    expect(formatSize(1024 * 1024)).toBe('1 MB');
    expect(formatSize(65536)).toBe('64 KB');
    expect(formatSize(12)).toBe('12 bytes');
  });

  it('sizes the import worker heap from the shared strings, within what the limits allow', () => {
    expect(importHeapMb(0, DEFAULT_SOURCE_LIMITS)).toBe(BASE_HEAP_MB);
    expect(importHeapMb(52 * 1024 * 1024, DEFAULT_SOURCE_LIMITS)).toBe(BASE_HEAP_MB + 156);
    const cap = importHeapMb(1e12, DEFAULT_SOURCE_LIMITS);
    expect(cap).toBeLessThan(900);
    expect(importHeapMb(1e12, resolveLimits({ maxXlsxSharedStrings: 1000, maxXlsxSharedStringsSize: 1024 * 1024 }))).toBe(BASE_HEAP_MB + 3);
  });
});

describe('SourceError', () => {
  it('is a 400 for a wrong file and a 413 for a limit, unless told otherwise', () => {
    expect(new SourceError('XLSX', 'x').status).toBe(400);
    expect(new SourceError('NO_DATA', 'x').status).toBe(400);
    expect(new SourceError('XML_DTD', 'x').status).toBe(400);
    for (const code of ['XLSX_SIZE', 'XLSX_RATIO', 'XLSX_STRINGS', 'XLSX_MEMORY', 'TIMEOUT'] as const) expect(new SourceError(code, 'x').status).toBe(413);
    expect(new SourceError('COLUMNS', 'x', {}, 413).status).toBe(413);
    const error = new SourceError('XLSX_SIZE', 'too big', { part: 'xl/sharedStrings.xml' });
    expect(error).toMatchObject({ expose: true, name: 'SourceError', details: { code: 'XLSX_SIZE', part: 'xl/sharedStrings.xml' } });
  });

  it('crosses a thread as plain data and comes back the same', () => {
    const error = new SourceError('TIMEOUT', 'slow', { limit: 'sniffTimeoutMs', max: 20000 });
    const back = SourceError.fromJSON(structuredClone(error.toJSON()));
    expect(back).toBeInstanceOf(SourceError);
    expect(back).toMatchObject({ code: 'TIMEOUT', message: 'slow', status: 413, details: { code: 'TIMEOUT', limit: 'sniffTimeoutMs', max: 20000 } });
  });
});
