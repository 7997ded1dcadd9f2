import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { strapiModulePath } from './strapi-modules';

const FLAG = 'strapi-plugin-contacts:sqlite-checkpointer';

export type CheckpointMode = 'PASSIVE' | 'TRUNCATE';

/** Thread side (worker-entry.ts): one read-only-in-practice connection that only runs checkpoints. */
export const runSqliteCheckpointer = () => {
  if (isMainThread || !parentPort || workerData?.flag !== FLAG) return;
  const port = parentPort;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require(workerData.driverPath);
  const db = new Database(workerData.filename, { timeout: 5000 });
  port.on('message', (m: { id: number; mode: CheckpointMode } | { close: true }) => {
    if ('close' in m) {
      db.close();
      port.close();
      return;
    }
    try {
      db.pragma(`wal_checkpoint(${m.mode})`);
      port.postMessage({ id: m.id });
    } catch (error) {
      port.postMessage({ id: m.id, error: (error as Error).message });
    }
  });
};

export interface Checkpointer {
  /** Resolves once the checkpoint ran (or failed: a checkpoint is an optimisation, never an import error). */
  checkpoint(mode: CheckpointMode): Promise<void>;
  close(): Promise<void>;
}

/**
 * Checkpoints in a thread of their own. A checkpoint copies the WAL back into
 * the database file and is synchronous in better-sqlite3: on Strapi's
 * connection each one held Strapi's thread for up to ~320 ms (the admin
 * list's p99 during a 1M import: 347 ms). Here Strapi's thread only awaits
 * it, serving requests meanwhile; the import's writer waits for it between
 * two batches, so the checkpoint sees every frame and the WAL restarts (a
 * checkpointer that ran while the writer went on never caught up: the WAL
 * grew to 600 MB on 300k rows).
 */
export const startCheckpointer = (script: string, filename: string): Checkpointer | null => {
  const driver = strapiModulePath('better-sqlite3');
  if (!driver || !filename || filename === ':memory:') return null;
  const worker = new Worker(script, { workerData: { flag: FLAG, filename, driverPath: driver }, resourceLimits: { maxOldGenerationSizeMb: 32 } });
  worker.unref();
  let next = 0;
  let exited = false;
  const waiting = new Map<number, () => void>();
  const settleAll = () => {
    for (const done of waiting.values()) done();
    waiting.clear();
  };
  worker.on('message', (m: { id: number }) => {
    waiting.get(m.id)?.();
    waiting.delete(m.id);
  });
  worker.on('error', settleAll);
  worker.on('exit', () => {
    exited = true;
    settleAll();
  });
  return {
    checkpoint: (mode) =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        const id = (next += 1);
        waiting.set(id, resolve);
        worker.postMessage({ id, mode });
      }),
    async close() {
      if (exited) return;
      worker.postMessage({ close: true });
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
};
