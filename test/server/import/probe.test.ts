/**
 * The worker-thread path of sniffs, previews and import runs, run from the
 * TypeScript sources through a small swc bootstrap (hostile.ts tsWorkerScript):
 * the same code the built bundle runs in Strapi.
 */
import path from 'path';
import workerThreads from 'worker_threads';
import ExcelJS from 'exceljs';
import { BUILT_IN_FIELDS } from '../../../server/src/constants';
import type { FieldDefinition } from '../../../server/src/constants';
import type { MapperInput } from '../../../server/src/import/map';
import type { PipelineInput } from '../../../server/src/import/pipeline';
import { readPreviewRows } from '../../../server/src/import/preview';
import { MAX_PROBE_WORKERS, PROBE_HEAP_MB, probeStats, resetProbePeak } from '../../../server/src/import/probe';
import type { SourceSpec } from '../../../server/src/import/rows';
import { sniffFile } from '../../../server/src/import/sniff';
import { SourceError } from '../../../server/src/import/source-error';
import { BASE_HEAP_MB, importHeapMb, setWorkerScript, startBatchSource } from '../../../server/src/import/worker';
import { DEFAULT_SOURCE_LIMITS } from '../../../server/src/import/limits';
import { listZipEntries } from '../../../server/src/import/zip';
import { fixtureDir, type FixtureDir } from '../../fixtures/generate';
import { entityWorkbook, sharedStringsBomb, tsWorkerScript } from '../../fixtures/hostile';

let fx: FixtureDir;
let script: string;
let rich: string;
let big: string;
const BIG_ROWS = 6000;
const note = (i: number) => `Zoé 🎉 ąčęłńóśźż 漢字 ${i}`;
const RAISED = { maxXlsxInflatedSize: 2e9, maxXlsxCompressionRatio: 2000 };

beforeAll(async () => {
  fx = fixtureDir('contacts-probe-');
  script = tsWorkerScript(fx.dir);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Contacts');
  ws.addRow(['Email', 'Inscrit le', 'Score', 'Commentaire']);
  ws.addRow(['ann@x.io', new Date(Date.UTC(2024, 0, 15)), 0.1 + 0.2, { richText: [{ text: 'Très ' }, { font: { bold: true }, text: 'bien' }] }]);
  ws.addRow(['bob@x.io', null, -12.5, 'ok']);
  rich = path.join(fx.dir, 'rich.xlsx');
  await wb.xlsx.writeFile(rich);
  big = path.join(fx.dir, 'big.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: big, useSharedStrings: true });
  const sheet = writer.addWorksheet('Big');
  sheet.addRow(['email', 'note']).commit();
  for (let i = 0; i < BIG_ROWS; i++) sheet.addRow([`user${i}@x.io`, note(i)]).commit();
  sheet.commit();
  await writer.commit();
});
afterEach(() => {
  setWorkerScript(undefined);
  jest.restoreAllMocks();
});
afterAll(() => fx.cleanup());

const inWorkers = () => setWorkerScript(script);
const inProcess = () => setWorkerScript(null);

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

const xlsxSpec = (file: string, sheet?: string): SourceSpec => ({ path: file, format: 'xlsx', encoding: 'utf-8', delimiter: ',', hasHeader: true, sheet });

/** Counts worker threads started, with their heap limits. */
const watchWorkers = () => {
  const heaps: number[] = [];
  const Original = workerThreads.Worker;
  jest.spyOn(workerThreads, 'Worker').mockImplementation(((file: string, options: workerThreads.WorkerOptions) => {
    heaps.push(options.resourceLimits?.maxOldGenerationSizeMb ?? 0);
    return new Original(file, options);
  }) as any);
  return heaps;
};

describe('sniff and preview in a probe worker', () => {
  it('give exactly what the in-process reader gives, for a rich workbook and a 6,000-row one with emoji', async () => {
    inProcess();
    const expected = [await sniffFile(rich), await sniffFile(big), await readPreviewRows(xlsxSpec(big), { limit: 20 })];
    inWorkers();
    const heaps = watchWorkers();
    const got = [await sniffFile(rich), await sniffFile(big), await readPreviewRows(xlsxSpec(big), { limit: 20 })];
    expect(got).toEqual(expected);
    expect(heaps).toEqual([PROBE_HEAP_MB, PROBE_HEAP_MB, PROBE_HEAP_MB]);
    expect(got[0]).toMatchObject({ columns: ['Email', 'Inscrit le', 'Score', 'Commentaire'], sample: [['ann@x.io', '2024-01-15', '0.3', 'Très bien'], ['bob@x.io', '', '-12.5', 'ok']] });
    expect((got[2] as any).rows[19]).toEqual({ line: 21, cells: ['user19@x.io', note(19)] });
  });

  it('hands a SourceError back across the thread, code and status intact', async () => {
    inWorkers();
    const { error } = await refusal(() => sniffFile(fx.write('entity.xlsx', entityWorkbook('laughs', 'sharedStrings'))));
    expect(error).toMatchObject({ code: 'XML_DTD', status: 400 });
  });

  it(`answers a 413 when the workbook needs more than the worker's ${PROBE_HEAP_MB} MB heap`, async () => {
    inWorkers();
    // One 600 MB shared string in the first data row, with the ratio and text limits raised so that only memory stops it.
    const file = fx.write('giant.xlsx', sharedStringsBomb(600e6, { shape: 'one' }));
    const { error, ms } = await refusal(() => sniffFile(file, { limits: { ...RAISED, maxXlsxSharedStringsSize: 2e9 } }));
    expect(error).toMatchObject({ code: 'XLSX_MEMORY', status: 413 });
    expect(error.message).toMatch(`Reading this workbook needs more memory than the ${PROBE_HEAP_MB} MB limit allows`);
    expect(ms).toBeLessThan(15000);
  });

  it('stops a probe past sniffTimeoutMs, in a worker and in-process, with a 413 naming the limit', async () => {
    // A sheet that uses string 4,000,000: reaching it means streaming ~90 MB of shared strings.
    const file = fx.write('slow.xlsx', sharedStringsBomb(1.2e9, { refIndex: 4_000_000 }));
    const limits = { ...RAISED, sniffTimeoutMs: 800 };
    inWorkers();
    const worker = await refusal(() => sniffFile(file, { limits }));
    expect(worker.error).toMatchObject({ code: 'TIMEOUT', status: 413, details: { limit: 'sniffTimeoutMs', max: 800 } });
    expect(worker.error.message).toMatch(/^Reading this workbook took longer than 0\.8 s, the limit \(sniffTimeoutMs\)/);
    expect(worker.ms).toBeLessThan(2000);
    inProcess();
    const local = await refusal(() => readPreviewRows(xlsxSpec(file), { limit: 20, limits }));
    expect(local.error.code).toBe('TIMEOUT');
    expect(local.ms).toBeLessThan(2000);
  });

  it(`runs at most ${MAX_PROBE_WORKERS} probe workers at once; more uploads queue`, async () => {
    inWorkers();
    resetProbePeak();
    let sawQueue = false;
    const timer = setInterval(() => (sawQueue ||= probeStats().waiting > 0), 5);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => sniffFile(big)));
    clearInterval(timer);
    expect(results.every((r) => r.rowEstimate > 5000)).toBe(true);
    expect(probeStats()).toMatchObject({ running: 0, waiting: 0, peak: MAX_PROBE_WORKERS });
    expect(sawQueue).toBe(true);
  });
});

describe('import runs of workbooks in a worker', () => {
  const fields: FieldDefinition[] = BUILT_IN_FIELDS.map((f) => ({ key: f.key, label: f.label, type: f.type, options: f.options ? [...f.options] : [], builtIn: true }));
  const mapper: MapperInput = {
    columns: ['email', 'note'],
    hasHeader: true,
    mapping: [
      { column: 'email', field: 'email' },
      { column: 'note', field: 'company' },
    ],
    fields,
    uniqueKey: 'email',
    options: { defaultCountry: 'FR' },
  };
  const run = async (input: PipelineInput) => {
    const source = startBatchSource(input, 1000);
    const contacts: Array<[number, unknown, unknown]> = [];
    try {
      for (;;) {
        const next = await source.next();
        if ('end' in next) return { total: next.end.total, contacts };
        for (const c of next.batch.contacts) contacts.push([c.line, c.values.email, c.values.company]);
        source.ack();
      }
    } finally {
      await source.close();
    }
  };

  it('always uses a worker for a workbook, however small, with a heap sized from its shared strings', async () => {
    inProcess();
    const expected = await run({ source: xlsxSpec(big), skipRows: 0, mapper, batchSize: 1000 });
    expect(expected.total).toBe(BIG_ROWS);
    inWorkers();
    const heaps = watchWorkers();
    const got = await run({ source: xlsxSpec(big), skipRows: 0, mapper, batchSize: 1000 });
    expect(got).toEqual(expected);
    const declared = (await listZipEntries(big)).get('xl/sharedStrings.xml')!.size;
    expect(heaps).toEqual([importHeapMb(declared, DEFAULT_SOURCE_LIMITS)]);
    expect(heaps[0]).toBeGreaterThan(BASE_HEAP_MB);
  });

  it('enforces the limits in the import run and hands its SourceError back', async () => {
    inWorkers();
    const lying = fx.write('lying.xlsx', sharedStringsBomb(1.2e9, { declaredSize: 100_000 }));
    const mismatch = await refusal(() => run({ source: xlsxSpec(lying), skipRows: 0, mapper, batchSize: 1000 }));
    expect(mismatch.error).toMatchObject({ code: 'XLSX', status: 400, details: { reason: 'size-mismatch' } });
    const bomb = fx.write('bomb.xlsx', sharedStringsBomb(1.2e9));
    const strings = await refusal(() => run({ source: xlsxSpec(bomb), skipRows: 0, mapper, batchSize: 1000, limits: { ...RAISED, maxXlsxSharedStrings: 100_000 } }));
    expect(strings.error).toMatchObject({ code: 'XLSX_STRINGS', status: 413 });
    expect(strings.ms).toBeLessThan(5000);
  });
});

describe('measured: four parallel sniffs of a 2.5 MB workbook whose sharedStrings.xml inflates to 1.2 GB', () => {
  it('are refused at once, and cost little memory even with the limits raised so they are read', async () => {
    inWorkers();
    const file = fx.write('bomb4.xlsx', sharedStringsBomb(1.2e9));
    const measure = async (limits?: Record<string, number>) => {
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      const started = Date.now();
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => sniffFile(file, { limits })));
      clearInterval(timer);
      return { ms: Date.now() - started, rssGrowthMb: Math.round((peak - rss0) / 1048576), results };
    };
    const refused = await measure();
    expect(refused.results.map((r) => (r.status === 'rejected' ? (r.reason as SourceError).code : 'read'))).toEqual(['XLSX_SIZE', 'XLSX_SIZE', 'XLSX_SIZE', 'XLSX_SIZE']);
    expect(refused.ms).toBeLessThan(5000);
    const read = await measure(RAISED);
    expect(read.results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    // eslint-disable-next-line no-console
    console.log(
      `4 parallel sniffs of the 1.2 GB sharedStrings bomb (${(require('fs').statSync(file).size / 1048576).toFixed(1)} MB file): ` +
        `default limits ${refused.ms} ms, main RSS +${refused.rssGrowthMb} MB (refused: XLSX_SIZE); ` +
        `limits raised ${read.ms} ms, main RSS +${read.rssGrowthMb} MB, each worker heap ≤ ${PROBE_HEAP_MB} MB, ≤ ${MAX_PROBE_WORKERS} at once`,
    );
    expect(read.rssGrowthMb).toBeLessThan(400);
  });
});
