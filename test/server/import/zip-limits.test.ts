import fs from 'fs';
import { RATIO_CHECK_MIN_SIZE } from '../../../server/src/import/limits';
import { readRows } from '../../../server/src/import/parse';
import { sniffFile } from '../../../server/src/import/sniff';
import { SourceError } from '../../../server/src/import/source-error';
import { checkZipEntry, createReadBudget, listZipEntries, MAX_ZIP_ENTRIES, openZipEntryText } from '../../../server/src/import/zip';
import { collect, fixtureDir, type FixtureDir } from '../../fixtures/generate';
import { fatDirectoryZip, hugeDirectoryZip, repeatedDeflate, sharedStringsBomb, sheetBomb, zipFile } from '../../fixtures/hostile';

let fx: FixtureDir;
beforeAll(() => {
  fx = fixtureDir('contacts-zip-');
});
afterAll(() => fx.cleanup());

const GB12 = 1.2e9;

/** The SourceError a promise rejects with, and how long it took. */
const refusal = async (run: () => Promise<unknown>) => {
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return { error, ms: Date.now() - started };
  }
  throw new Error('expected a SourceError');
};

/** refusal(), with the growth of the heap while it ran (sampled every 5 ms). */
const refusalWithHeap = async (run: () => Promise<unknown>) => {
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  try {
    const result = await refusal(run);
    return { ...result, heapMb: (Math.max(peak, process.memoryUsage().heapUsed) - before) / 1048576 };
  } finally {
    clearInterval(timer);
  }
};

describe('ZIP bombs', () => {
  it('refuses a 2.5 MB workbook whose sharedStrings.xml declares 1.2 GB at once, without inflating it', async () => {
    const file = fx.write('bomb.xlsx', sharedStringsBomb(GB12));
    expect(fs.statSync(file).size).toBeLessThan(4 * 1024 * 1024);
    const { error, ms, heapMb } = await refusalWithHeap(() => sniffFile(file));
    expect(error.code).toBe('XLSX_SIZE');
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/xl\/sharedStrings\.xml inflates to 1\.1 GB, over the 1 GB limit \(maxXlsxInflatedSize\)/);
    expect(error.details).toMatchObject({ part: 'xl/sharedStrings.xml', limit: 'maxXlsxInflatedSize' });
    expect(ms).toBeLessThan(5000);
    expect(heapMb).toBeLessThan(50);
    // The import run refuses it the same way.
    expect((await refusal(() => collect(readRows(file)))).error.code).toBe('XLSX_SIZE');
  });

  it('refuses the same bomb by its compression ratio when the size limit is raised', async () => {
    const file = fx.write('bomb-ratio.xlsx', sharedStringsBomb(GB12));
    const { error, ms } = await refusal(() => sniffFile(file, { limits: { maxXlsxInflatedSize: 2e9 } }));
    expect(error.code).toBe('XLSX_RATIO');
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/over the 100:1 limit, maxXlsxCompressionRatio/);
    expect(error.details.ratio as number).toBeGreaterThan(300);
    expect(ms).toBeLessThan(5000);
  });

  it('stops a part whose header lies about its size right at the declared size (a damaged or hostile file)', async () => {
    const declared = 100_000;
    const file = fx.write('lying.xlsx', sharedStringsBomb(GB12, { declaredSize: declared }));
    const entry = (await listZipEntries(file)).get('xl/sharedStrings.xml')!;
    expect(entry.size).toBe(declared);
    const budget = createReadBudget();
    const started = Date.now();
    let chars = 0;
    const { error } = await refusal(async () => {
      for await (const chunk of await openZipEntryText(file, entry, budget)) chars += (chunk as string).length;
    });
    expect(error.code).toBe('XLSX');
    expect(error.details.reason).toBe('size-mismatch');
    expect(error.message).toMatch(/inflates to more than the 98 KB its ZIP header declares/);
    expect(chars).toBeLessThanOrEqual(declared);
    expect(budget.inflated).toBeLessThan(declared + 64 * 1024);
    expect(Date.now() - started).toBeLessThan(5000);
    // An import run (which reads every shared string) stops the same way.
    const run = await refusal(() => collect(readRows(file)));
    expect(run.error.details.reason).toBe('size-mismatch');
    expect(run.ms).toBeLessThan(2000);
  });

  it('stops a lying sheet part during the sniff', async () => {
    const file = fx.write('lying-sheet.xlsx', sheetBomb(900e6, 50_000));
    const { error, ms } = await refusal(() => sniffFile(file));
    expect(error.details).toMatchObject({ reason: 'size-mismatch', part: 'xl/worksheets/sheet1.xml' });
    expect(ms).toBeLessThan(5000);
  });

  it('bounds all the parts of one read together', async () => {
    const part = 'x'.repeat(600 * 1024);
    const file = fx.write('two.zip', zipFile([{ name: 'a.xml', data: part }, { name: 'b.xml', data: part }]));
    const entries = await listZipEntries(file);
    const budget = createReadBudget({ maxXlsxInflatedSize: 1024 * 1024 });
    await collect(await openZipEntryText(file, entries.get('a.xml')!, budget));
    const { error } = await refusal(async () => collect(await openZipEntryText(file, entries.get('b.xml')!, budget)));
    expect(error).toMatchObject({ code: 'XLSX_SIZE', status: 413 });
    expect(error.message).toMatch(/its parts inflate to more than 1 MB, the limit \(maxXlsxInflatedSize\)/);
    expect(budget.inflated).toBeLessThan(1024 * 1024 + 64 * 1024);
  });

  it('checks stored (uncompressed) parts against their declared size too', async () => {
    const file = fx.write('stored.zip', zipFile([{ name: 'a.xml', data: 'y'.repeat(10_000), stored: true, declaredSize: 100 }]));
    const entry = (await listZipEntries(file)).get('a.xml')!;
    const { error } = await refusal(async () => collect(await openZipEntryText(file, entry)));
    expect(error.details.reason).toBe('size-mismatch');
  });

  it('lets small parts through whatever their ratio, and checks the ratio from RATIO_CHECK_MIN_SIZE up', async () => {
    const limits = createReadBudget().limits;
    const small = { name: 'p', method: 8, compressedSize: 1000, size: RATIO_CHECK_MIN_SIZE - 1, localHeaderOffset: 0, encrypted: false };
    expect(() => checkZipEntry(small, limits)).not.toThrow();
    expect(() => checkZipEntry({ ...small, size: RATIO_CHECK_MIN_SIZE }, limits)).toThrow(/maxXlsxCompressionRatio/);
    expect(() => checkZipEntry({ ...small, size: RATIO_CHECK_MIN_SIZE, compressedSize: RATIO_CHECK_MIN_SIZE / 50 }, limits)).not.toThrow();
    // A real small part at ~1,000:1 reads normally.
    const deflated = repeatedDeflate('<a>', 'z'.repeat(1024 * 1024), 2, '</a>');
    const file = fx.write('dense.zip', zipFile([{ name: 'a.xml', data: deflated }]));
    const text = (await collect(await openZipEntryText(file, (await listZipEntries(file)).get('a.xml')!))).join('');
    expect(text.length).toBe(deflated.size);
  });
});

describe('hostile ZIP directories', () => {
  it(`refuses a directory of more than ${MAX_ZIP_ENTRIES} parts before reading it`, async () => {
    const file = fx.write('dir.xlsx', hugeDirectoryZip(20_000));
    const { error, ms } = await refusal(() => sniffFile(file));
    expect(error).toMatchObject({ code: 'XLSX', status: 400 });
    expect(error.message).toMatch(/lists 20,001 parts .*far fewer than 10,000/);
    expect(ms).toBeLessThan(5000);
  });

  it('refuses a directory of a few parts that takes megabytes', async () => {
    const file = fx.write('fat.xlsx', fatDirectoryZip(5e6));
    const { error } = await refusal(() => listZipEntries(file));
    expect(error.details).toMatchObject({ maxDirectorySize: 4 * 1024 * 1024 });
  });

  it('refuses an end record that claims a million parts in a tiny file', async () => {
    const zip = zipFile([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    zip.writeUInt16LE(0xffff - 1, zip.length - 12);
    zip.writeUInt32LE(0xfffffff0, zip.length - 10);
    const { error } = await refusal(() => listZipEntries(fx.write('claims.xlsx', zip)));
    expect(error.code).toBe('XLSX');
  });

  it('answers "damaged" for directory fields that point outside it, never a RangeError', async () => {
    const zip = zipFile([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
    const cdStart = zip.readUInt32LE(zip.length - 6);
    zip.writeUInt16LE(0xfff0, cdStart + 28); // name length far past the directory
    const { error } = await refusal(() => listZipEntries(fx.write('bad-name.xlsx', zip)));
    expect(error.message).toMatch(/damaged/);
  });
});
