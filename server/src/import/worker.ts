import fs from 'fs';
import path from 'path';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { preparedBatches, type PipelineEnd, type PipelineInput } from './pipeline';
import type { Batch } from './write';

const FLAG = 'strapi-plugin-contacts:import-worker';
/** Batches sent and not yet written: one, plus the one being parsed, overlaps parse and write with little memory. */
const AHEAD = 1;

type ToMain = { type: 'batch'; batch: Batch } | { type: 'end'; end: PipelineEnd } | { type: 'error'; message: string };

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
  })().catch((error: Error) => port.postMessage({ type: 'error', message: error.message } satisfies ToMain));
};

export interface BatchSource {
  /** Next batch, or the end summary. */
  next(): Promise<{ batch: Batch } | { end: PipelineEnd }>;
  /** Tells the producer a batch was written (frees a slot). */
  ack(): void;
  close(): Promise<void>;
}

/** dist/import-worker/index.js next to the server bundle (dist/server/index.js); none when running from sources. */
const workerScript = (): string | null => {
  const file = typeof __filename !== 'undefined' ? __filename : null;
  if (!file || !/\.c?js$/.test(file)) return null;
  const script = path.join(path.dirname(file), '..', 'import-worker', 'index.js');
  return fs.existsSync(script) ? script : null;
};

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
 * Below this size the whole read/map stage takes less time than starting a
 * worker thread (which loads the plugin bundle): run it in-process.
 */
const SMALL_SOURCE_BYTES = 1024 * 1024;

/** Starts the read/map stage in a worker thread when possible. */
export const startBatchSource = (input: PipelineInput, sourceBytes = Infinity): BatchSource => {
  const file = workerScript();
  if (!file || sourceBytes < SMALL_SOURCE_BYTES || process.env.CONTACTS_IMPORT_IN_PROCESS === '1') return inProcess(input);
  // A small heap keeps the thread's garbage collected early: it only ever holds a chunk and a batch.
  const worker = new Worker(file, { workerData: { flag: FLAG, input }, resourceLimits: { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 } });
  const queue: ToMain[] = [];
  let waiting: ((m: ToMain) => void) | null = null;
  const deliver = (m: ToMain) => {
    if (waiting) {
      const w = waiting;
      waiting = null;
      w(m);
    } else queue.push(m);
  };
  worker.on('message', deliver);
  worker.on('error', (error: Error) => deliver({ type: 'error', message: error.message }));
  worker.on('exit', (code) => {
    if (code !== 0) deliver({ type: 'error', message: `import worker exited with code ${code}` });
  });
  return {
    async next() {
      const m = queue.length ? queue.shift()! : await new Promise<ToMain>((resolve) => (waiting = resolve));
      if (m.type === 'error') throw new Error(m.message);
      return m.type === 'batch' ? { batch: m.batch } : { end: m.end };
    },
    ack() {
      worker.postMessage({ type: 'ack' });
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
};
