import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import type { Detected } from './types';
import { memoryError, resolveLimits, timeoutError, type SourceLimits } from './limits';
import { SourceError, type SerializedSourceError } from './source-error';
import { workerScript } from './worker-script';
import { asWorkbookError, readXlsxPreviewRows, sniffXlsx, type PreviewRows, type XlsxPreviewOptions, type XlsxSniffOptions } from './xlsx';

/**
 * Workbook sniffs and previews ("probes") run in a worker thread with a
 * bounded heap and a time budget, never on Strapi's event loop: a hostile
 * workbook then costs at most PROBE_HEAP_MB and sniffTimeoutMs, and a
 * request gets a 413 instead of the server dying. At most
 * MAX_PROBE_WORKERS run at once per process; more uploads queue.
 *
 * From TypeScript sources (unit tests) there is no worker bundle: the probe
 * runs in-process, with the same time budget checked as the parts inflate.
 */
const FLAG = 'strapi-plugin-contacts:probe-worker';

/** Old-generation heap of a probe worker: a sniff keeps ~51 rows and the strings they use. */
export const PROBE_HEAP_MB = 192;
export const MAX_PROBE_WORKERS = 2;

export type ProbeTask =
  | { kind: 'sniff'; path: string; options: XlsxSniffOptions }
  | { kind: 'preview'; path: string; options: XlsxPreviewOptions };

type ProbeOutcome = { type: 'result'; value: Detected | PreviewRows } | { type: 'error'; error: SerializedSourceError };

/** What a probe worker does with its task (also the in-process fallback). */
export const runProbeTask = async (task: ProbeTask, deadline?: number): Promise<Detected | PreviewRows> => {
  try {
    if (task.kind === 'sniff') return await sniffXlsx(task.path, { ...task.options, deadline });
    return await readXlsxPreviewRows(task.path, { ...task.options, deadline });
  } catch (error) {
    throw asWorkbookError(error);
  }
};

/** Worker-thread side (worker-entry.ts); a no-op anywhere else. */
export const runProbeWorker = (): void => {
  if (isMainThread || !parentPort || workerData?.flag !== FLAG) return;
  const port = parentPort;
  runProbeTask(workerData.task as ProbeTask).then(
    (value) => port.postMessage({ type: 'result', value } satisfies ProbeOutcome),
    (error) => port.postMessage({ type: 'error', error: asWorkbookError(error).toJSON() } satisfies ProbeOutcome),
  );
};

/** A counting semaphore: `acquire` resolves with the release function once a slot is free. */
const slots = (() => {
  let running = 0;
  let peak = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) next();
  };
  return {
    acquire(): Promise<() => void> {
      return new Promise((resolve) => {
        const start = () => {
          running++;
          peak = Math.max(peak, running);
          let released = false;
          resolve(() => {
            if (!released) (released = true), release();
          });
        };
        if (running < MAX_PROBE_WORKERS) start();
        else waiting.push(start);
      });
    },
    stats: () => ({ running, waiting: waiting.length, peak }),
    resetPeak: () => void (peak = running),
  };
})();

/** Probes running and queued in this process, and the most that ran at once (tests, diagnostics). */
export const probeStats = (): { running: number; waiting: number; peak: number } => slots.stats();
export const resetProbePeak = (): void => slots.resetPeak();

/** Runs the task in a worker; settles only once the worker has exited, so a slot frees its memory first. */
const inWorker = (script: string, task: ProbeTask, limits: SourceLimits): Promise<Detected | PreviewRows> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: { flag: FLAG, task },
      resourceLimits: { maxOldGenerationSizeMb: PROBE_HEAP_MB, maxYoungGenerationSizeMb: 16 },
    });
    let outcome: { value: Detected | PreviewRows } | { error: Error } | null = null;
    const end = (o: NonNullable<typeof outcome>) => {
      if (outcome) return;
      outcome = o;
      clearTimeout(timer);
      void worker.terminate();
    };
    const timer = setTimeout(() => end({ error: timeoutError(limits.sniffTimeoutMs) }), limits.sniffTimeoutMs);
    worker.on('message', (m: ProbeOutcome) => end(m.type === 'result' ? { value: m.value } : { error: SourceError.fromJSON(m.error) }));
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') end({ error: memoryError(PROBE_HEAP_MB) });
      // A script that cannot load is a deployment fault, not the file's.
      else if (/MODULE_NOT_FOUND/.test(error.code ?? '')) end({ error });
      // Anything else escaped the task's own error handling while it read the file.
      else end({ error: asWorkbookError(error) });
    });
    worker.on('exit', (code) => {
      clearTimeout(timer);
      const o = outcome ?? { error: new Error(`The probe worker stopped without an answer (exit code ${code})`) };
      if ('value' in o) resolve(o.value);
      else reject(o.error);
    });
  });

const runProbe = async (task: ProbeTask): Promise<Detected | PreviewRows> => {
  const limits = resolveLimits(task.options.limits);
  // Already in a worker (an import run that had to sniff): that thread is bounded, no nested one.
  const script = isMainThread ? workerScript() : null;
  const release = await slots.acquire();
  try {
    if (!script) return await runProbeTask(task, Date.now() + limits.sniffTimeoutMs);
    return await inWorker(script, { ...task, options: { ...task.options, limits } } as ProbeTask, limits);
  } finally {
    release();
  }
};

/** sniffXlsx in a probe worker. */
export const probeXlsxSniff = async (path: string, options: XlsxSniffOptions, limits?: Partial<SourceLimits> | null): Promise<Detected> =>
  (await runProbe({ kind: 'sniff', path, options: { ...options, limits } })) as Detected;

/** readXlsxPreviewRows in a probe worker. */
export const probeXlsxPreview = async (path: string, options: XlsxPreviewOptions, limits?: Partial<SourceLimits> | null): Promise<PreviewRows> =>
  (await runProbe({ kind: 'preview', path, options: { ...options, limits } })) as PreviewRows;
