import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { memoryError, resolveLimits, type SourceLimits } from './limits';
import { preparedBatches, type PipelineEnd, type PipelineInput } from './pipeline';
import { SourceError, type SerializedSourceError } from './source-error';
import { workerScript } from './worker-script';
import { listZipEntries } from './zip';
import type { Batch } from './write';

export { setWorkerScript } from './worker-script';

const FLAG = 'strapi-plugin-contacts:import-worker';
/** Batches sent and not yet written: one, plus the one being parsed, overlaps parse and write with little memory. */
const AHEAD = 1;

type ToMain =
  | { type: 'batch'; batch: Batch }
  | { type: 'end'; end: PipelineEnd }
  | { type: 'error'; message: string; sourceError?: SerializedSourceError };

/** Worker-thread side (worker-entry.ts); a no-op anywhere else. */
export const runImportWorker = () => {
  if (isMainThread || !parentPort || workerData?.flag !== FLAG) return;
  const port = parentPort;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  port.on('message', (m: { type: string }) => {
    if (m.type === 'ack') {
      inFlight -= 1;
      wake?.();
    }
  });
  (async () => {
    const it = preparedBatches(workerData.input as PipelineInput);
    for (;;) {
      const step = await it.next();
      if (step.done) {
        port.postMessage({ type: 'end', end: step.value } satisfies ToMain);
        break;
      }
      // The next batch is parsed while the writer works on this one; it waits here to be sent.
      while (inFlight >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
      inFlight += 1;
      port.postMessage({ type: 'batch', batch: step.value as Batch } satisfies ToMain);
    }
  })().catch((error: Error) =>
    port.postMessage({ type: 'error', message: error.message, sourceError: error instanceof SourceError ? error.toJSON() : undefined } satisfies ToMain),
  );
};

export interface BatchSource {
  /** Next batch, or the end summary. */
  next(): Promise<{ batch: Batch } | { end: PipelineEnd }>;
  /** Tells the producer a batch was written (frees a slot). */
  ack(): void;
  close(): Promise<void>;
}

/** In-process producer: used when the code runs from TypeScript sources (unit tests). */
const inProcess = (input: PipelineInput): BatchSource => {
  const it = preparedBatches(input);
  return {
    async next() {
      const step = await it.next();
      return step.done ? { end: step.value as PipelineEnd } : { batch: step.value as Batch };
    },
    ack() {},
    async close() {
      await it.return?.({ total: 0 });
    },
  };
};

/**
 * Below this size the whole read/map stage of a CSV takes less time than
 * starting a worker thread (which loads the plugin bundle): run it in-process.
 * Never for a workbook: its size says nothing of what it inflates to.
 */
const SMALL_SOURCE_BYTES = 1024 * 1024;

/** Old-generation heap of a worker reading a CSV: it only ever holds a chunk and a batch. */
export const BASE_HEAP_MB = 96;

const MiB = 1024 * 1024;

/**
 * Heap for a workbook import, which holds every shared string. Measured here
 * with shared-strings.ts: 1.0–1.5 bytes of heap per byte of sharedStrings.xml
 * (1M e-mails: 52 MB of XML → 63 MB; CJK 1.2); ×3 leaves room for exceljs's
 * rows and the collector. The declared size is trusted because zip.ts stops
 * any part that inflates past it; the cap is what the shared-string limits
 * allow anyway (~840 MB at the defaults).
 */
export const importHeapMb = (sharedStringsBytes: number, limits: SourceLimits): number => {
  const cap = BASE_HEAP_MB + Math.ceil((limits.maxXlsxSharedStringsSize * 2 + limits.maxXlsxSharedStrings * 48) / MiB);
  const wanted = BASE_HEAP_MB + Math.ceil((Math.max(0, sharedStringsBytes) * 3) / MiB);
  return Math.min(cap, wanted);
};

const xlsxHeapMb = async (input: PipelineInput): Promise<number> => {
  const limits = resolveLimits(input.limits);
  try {
    const entry = (await listZipEntries(input.source.path)).get('xl/sharedStrings.xml');
    return importHeapMb(Math.min(entry?.size ?? 0, limits.maxXlsxInflatedSize), limits);
  } catch {
    // A damaged directory: the worker will say so with its own SourceError.
    return BASE_HEAP_MB;
  }
};

/** The read/map stage in a worker thread with `heapMb` of old generation, started on the first `next()`. */
const inWorker = (file: string, input: PipelineInput, heapMb: () => Promise<number>): BatchSource => {
  const queue: ToMain[] = [];
  let waiting: ((m: ToMain) => void) | null = null;
  let closed = false;
  const deliver = (m: ToMain) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(m);
    } else queue.push(m);
  };
  let started: Promise<Worker> | null = null;
  const start = () =>
    (started ??= heapMb().then((mb) => {
      const worker = new Worker(file, { workerData: { flag: FLAG, input }, resourceLimits: { maxOldGenerationSizeMb: mb, maxYoungGenerationSizeMb: 16 } });
      worker.on('message', deliver);
      worker.on('error', (error: Error & { code?: string }) => {
        const sourceError = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryError(mb).toJSON() : undefined;
        deliver({ type: 'error', message: sourceError?.message ?? error.message, sourceError });
      });
      worker.on('exit', (code) => {
        if (code !== 0 && !closed) deliver({ type: 'error', message: `import worker exited with code ${code}` });
      });
      return worker;
    }));
  return {
    async next() {
      await start();
      const m = queue.length ? queue.shift()! : await new Promise<ToMain>((resolve) => (waiting = resolve));
      if (m.type === 'error') throw m.sourceError ? SourceError.fromJSON(m.sourceError) : new Error(m.message);
      return m.type === 'batch' ? { batch: m.batch } : { end: m.end };
    },
    ack() {
      void started?.then((worker) => worker.postMessage({ type: 'ack' }));
    },
    async close() {
      closed = true;
      if (!started) return;
      const worker = await started;
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
};

/**
 * Starts the read/map stage: in a worker thread whenever the bundle exists
 * for a workbook (heap sized from its shared strings), for a CSV from 1 MB up
 * (in-process below, or with CONTACTS_IMPORT_IN_PROCESS=1); in-process when
 * running from TypeScript sources.
 */
export const startBatchSource = (input: PipelineInput, sourceBytes = Infinity): BatchSource => {
  const file = workerScript();
  if (!file || !readsInWorker(input, sourceBytes)) return inProcess(input);
  if (input.source.format === 'xlsx') return inWorker(file, input, () => xlsxHeapMb(input));
  return inWorker(file, input, async () => BASE_HEAP_MB);
};

/** Whether the read/map stage of this source is worth a thread of its own (when the bundle exists). */
export const readsInWorker = (input: PipelineInput, sourceBytes: number): boolean =>
  input.source.format === 'xlsx' || (sourceBytes >= SMALL_SOURCE_BYTES && process.env.CONTACTS_IMPORT_IN_PROCESS !== '1');
