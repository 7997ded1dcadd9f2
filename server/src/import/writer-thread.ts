import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import type { Knex } from 'knex';
import { bulkWriterFor } from '../database/bulk';
import { dialectFor } from '../database/dialect';
import { holdConnection, pauseAutoCheckpoints } from '../database/sqlite-gate';
import { strapiModulePath } from '../database/strapi-modules';
import { batchRows } from './batch-rows';
import type { PipelineInput } from './pipeline';
import { SourceError, type SerializedSourceError } from './source-error';
import type { CounterDelta, ImportTimings } from './types';
import { startBatchSource } from './worker';
import { writeAll, type LoopResult } from './write-loop';
import type { WriteSettings } from './write';

const FLAG = 'strapi-plugin-contacts:import-writer';

/**
 * Old generation of the writer thread: one batch, the contacts it touches and
 * its plan (a batch of long notes is the big case: 2,000 × 64 KB). Capped so
 * that its garbage is collected there, not left to grow Strapi's own heap.
 */
export const WRITER_HEAP_MB = 160;

/** How the writer thread opens its own connection to Strapi's database. */
export interface WriterDatabase {
  /** knex client name (pg, mysql2) and connection, as Strapi's own knex has them. */
  client: string;
  connection: unknown;
  /** Postgres schema Strapi sets as search_path on its connections, if any. */
  schema: string | null;
  /** The knex module Strapi uses, by path (the thread requires the same one). */
  knexPath: string;
}

export interface WriterInput {
  db: WriterDatabase;
  settings: Omit<WriteSettings, 'rows'>;
  pipeline: PipelineInput;
  sourceBytes: number;
  processed: number;
  timings: ImportTimings;
  sqliteWal: boolean;
}

type ToMain =
  | { type: 'batch'; delta: CounterDelta; processed: number; total: number }
  | { type: 'hold' }
  | { type: 'release' }
  | { type: 'done'; result: LoopResult }
  | { type: 'error'; message: string; sourceError?: SerializedSourceError };

/** Writer-thread side (worker-entry.ts); a no-op anywhere else. */
export const runImportWriter = () => {
  if (isMainThread || !parentPort || workerData?.flag !== FLAG) return;
  const port = parentPort;
  const input = workerData.input as WriterInput;
  let pause = false;
  let held: ((error?: string) => void) | null = null;
  port.on('message', (m: { type: string; error?: string }) => {
    if (m.type === 'pause') pause = true;
    if (m.type === 'held') held?.(m.error);
  });
  const dialect = dialectFor(input.db.client);
  // SQLite: each batch is written while Strapi's connection is held for it (database/sqlite-gate.ts).
  const exclusive =
    dialect.name === 'sqlite'
      ? async <T>(write: () => Promise<T>): Promise<T> => {
          const error = await new Promise<string | undefined>((resolve) => {
            held = resolve;
            port.postMessage({ type: 'hold' } satisfies ToMain);
          });
          held = null;
          if (error) throw new Error(error);
          try {
            return await write();
          } finally {
            port.postMessage({ type: 'release' } satisfies ToMain);
          }
        }
      : undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const createKnex = require(input.db.knexPath);
  const schema = input.db.schema;
  const knex = createKnex({
    client: input.db.client,
    connection: input.db.connection,
    useNullAsDefault: true,
    pool: {
      // SQLite: one connection, the one Strapi's is held for. Elsewhere a second one refreshes the planner's statistics beside the batches (stats.ts).
      min: 1,
      max: dialect.name === 'sqlite' ? 1 : 2,
      // What Strapi's dialects do on each new connection that matters to these statements.
      afterCreate: (conn: any, done: (error: Error | null, conn: unknown) => void) => {
        if (dialect.name === 'sqlite') {
          try {
            conn.pragma('foreign_keys = ON');
            return done(null, conn);
          } catch (error) {
            return done(error as Error, conn);
          }
        }
        if (!schema) return done(null, conn);
        conn.query(`SET search_path TO "${schema.replace(/"/g, '""')}"`, (error: Error | null) => done(error, conn));
      },
    },
  });
  (async () => {
    try {
      const result = await writeAll({
        knex,
        bulk: bulkWriterFor(input.db.client),
        dialect,
        settings: { ...input.settings, rows: batchRows(() => knex, input.db.client, () => input.settings.tables.imports) },
        batches: startBatchSource(input.pipeline, input.sourceBytes),
        processed: input.processed,
        timings: input.timings,
        sqliteWal: input.sqliteWal,
        onBatch: (p) => port.postMessage({ type: 'batch', ...p } satisfies ToMain),
        shouldPause: () => pause,
        exclusive,
      });
      await knex.destroy();
      port.postMessage({ type: 'done', result } satisfies ToMain);
    } catch (error) {
      await knex.destroy().catch(() => undefined);
      const e = error as Error;
      port.postMessage({ type: 'error', message: e.message, sourceError: e instanceof SourceError ? e.toJSON() : undefined } satisfies ToMain);
    }
  })();
};

interface WriterHooks {
  onBatch(p: { delta: CounterDelta; processed: number; total: number }): void;
  shouldPause(): boolean;
  /** SQLite: holds Strapi's connection while the thread writes a batch; resolves to its release. */
  hold?(): Promise<() => Promise<void>>;
}

/**
 * Runs the batch loop in a thread of its own, on its own connection: the
 * rows of every batch (sent straight from the read/map thread to this one)
 * never reach Strapi's heap, whose collector would otherwise let them pile up
 * (measured on Postgres: 85 MB live, 350 MB used at the peak of a 200k-row
 * import). Strapi's thread sees one small message per batch.
 */
const writeInThread = (script: string, input: WriterInput, hooks: WriterHooks): Promise<LoopResult> =>
  new Promise<LoopResult>((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: { flag: FLAG, input },
      resourceLimits: { maxOldGenerationSizeMb: WRITER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
    });
    let settled = false;
    let release: (() => Promise<void>) | null = null;
    const letGo = () => {
      const r = release;
      release = null;
      return r?.().catch(() => undefined);
    };
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      // A thread that ended holding Strapi's connection (an error, a crash) must not keep it.
      void Promise.resolve(letGo()).then(fn);
    };
    worker.on('message', (m: ToMain) => {
      if (m.type === 'hold') {
        const hold = hooks.hold ?? (async () => async () => undefined);
        hold().then(
          (r) => {
            if (settled) return void r().catch(() => undefined);
            release = r;
            worker.postMessage({ type: 'held' });
          },
          (error: Error) => worker.postMessage({ type: 'held', error: `Strapi's database connection: ${error.message}` })
        );
      } else if (m.type === 'release') void letGo();
      else if (m.type === 'batch') {
        hooks.onBatch(m);
        if (hooks.shouldPause()) worker.postMessage({ type: 'pause' });
      } else if (m.type === 'done') settle(() => resolve(m.result));
      else settle(() => reject(m.sourceError ? SourceError.fromJSON(m.sourceError) : new Error(m.message)));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const message =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `The import's writer ran out of memory (${WRITER_HEAP_MB} MB); lower batchSize in the plugin's config`
          : error.message;
      settle(() => reject(new Error(message)));
    });
    worker.on('exit', (code) => settle(() => reject(new Error(`import writer exited with code ${code}`))));
  });

/**
 * The batch loop in the writer thread, `knex` being Strapi's. On SQLite
 * Strapi's connection is held for each batch and checkpoints nothing itself
 * meanwhile (database/sqlite-gate.ts).
 */
export const writeWithThread = async (knex: Knex, script: string, input: WriterInput, hooks: Omit<WriterHooks, 'hold'>): Promise<LoopResult> => {
  if (dialectFor(input.db.client).name !== 'sqlite') return writeInThread(script, input, hooks);
  const resume = input.sqliteWal ? await pauseAutoCheckpoints(knex) : async () => undefined;
  try {
    return await writeInThread(script, input, { ...hooks, hold: () => holdConnection(knex) });
  } finally {
    await resume();
  }
};

/** The thread's way to Strapi's database, or null when it cannot have one (an in-memory SQLite, a connection built by a function). */
export const writerDatabase = (knex: any, schema: string | null): WriterDatabase | null => {
  const config = knex?.client?.config ?? {};
  const client = typeof config.client === 'string' ? config.client : null;
  if (!client) return null;
  if (dialectFor(client).name === 'sqlite') {
    // The same file, on a connection of the thread's own; its batches are committed under sqlite-gate.ts's hold.
    const filename = config.connection?.filename;
    const knexPath = strapiModulePath('knex');
    // Holding Strapi's connection keeps Strapi's writes out only when it has no other one.
    const poolMax = knex?.client?.pool?.max ?? 1;
    if (typeof filename !== 'string' || !filename || filename === ':memory:' || filename.startsWith('file:') || !knexPath || poolMax !== 1) return null;
    return { client, connection: { filename }, schema: null, knexPath };
  }
  try {
    const knexPath = strapiModulePath('knex');
    const connection = plainConnection(config.connection);
    return knexPath && connection ? { client, connection, schema, knexPath } : null;
  } catch {
    return null;
  }
};

/**
 * The connection settings a thread can receive. Strapi's MySQL dialect adds a
 * `typeCast` function (DECIMAL to numbers, TINYINT(1) to booleans, DATE as
 * text): none of the columns the writer reads has those types, so it is left
 * out; any other function (a connection built by code) keeps the writer here.
 */
const plainConnection = (connection: unknown): Record<string, unknown> | null => {
  if (!connection || typeof connection !== 'object') return null;
  const { typeCast: _dropped, ...rest } = connection as Record<string, unknown>;
  return structuredClone(rest);
};
