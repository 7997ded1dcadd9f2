import type { Knex } from 'knex';
import type { BulkWriter } from './bulk';
import { startCheckpointer, type Checkpointer, type CheckpointMode } from './sqlite-checkpointer';
import { pauseAutoCheckpoints } from './sqlite-gate';

interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  all(...params: unknown[]): any[];
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  pragma(sql: string): unknown;
}

const q = (id: string) => `"${id}"`;
const list = (columns: string[]) => columns.map(q).join(',');
const head = (verb: string, table: string, columns: string[]) => `${verb} INTO ${q(table)} (${list(columns)}) VALUES (${columns.map(() => '?').join(',')})`;

/**
 * How often a PASSIVE checkpoint copies the WAL back while an import runs (SQLite's own would run every 4 MB,
 * on the writer). Run on Strapi's thread, every 10 s made the batches faster on 200k rows (3.9–4.2 s against
 * 5.7–9.6 s) but not at 1M, and held the thread longer each time (the admin list's p99 during a 1M import:
 * 982 ms, 347 ms every 1.5 s); in the checkpointer thread, 160 ms.
 */
const CHECKPOINT_EVERY_MS = 1500;
/** Prepared statements kept per connection. */
const MAX_CACHED_STATEMENTS = 256;
/** Sets of changed columns a batch's updates get a statement of their own for; past it, rows set every column. */
const MAX_UPDATE_SHAPES = 32;

/**
 * SQLite: one prepared single-row statement run per row on the transaction's
 * own better-sqlite3 connection, cached per connection. Measured here, this
 * beats multi-row statements (SQL text building and the 32,766-binding cap)
 * by a wide margin.
 */
export const sqliteWriter = (): BulkWriter => {
  const cache = new WeakMap<object, Map<string, SqliteStatement>>();
  const connection = async (k: Knex | Knex.Transaction) => (await (k as any).client.acquireConnection()) as SqliteDatabase;
  const statement = async (trx: Knex | Knex.Transaction, sql: string) => {
    const db = await connection(trx);
    let byText = cache.get(db);
    if (!byText) cache.set(db, (byText = new Map()));
    let stmt = byText.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      // Updates of the changed columns only make one text per set of columns: the cache stays bounded.
      if (byText.size < MAX_CACHED_STATEMENTS) byText.set(sql, stmt);
    }
    return stmt;
  };
  const each = async (trx: Knex.Transaction, sql: string, rows: unknown[][]) => {
    const stmt = await statement(trx, sql);
    for (const row of rows) stmt.run(row);
  };
  let lastCheckpoint = 0;
  let walTuned = false;
  let checkpointer: Checkpointer | null = null;
  const checkpoint = async (knex: Knex, mode: CheckpointMode) => {
    if (checkpointer) await checkpointer.checkpoint(mode);
    else await knex.raw(`PRAGMA wal_checkpoint(${mode})`);
  };
  /** Imports running on this connection: the last one to leave truncates the WAL and stops the checkpointer. */
  let running = 0;
  /** SQLite's own checkpoints, paused by each import that runs on this connection. */
  const resumes: Array<() => Promise<void>> = [];
  const writer: BulkWriter = {
    name: 'sqlite',
    /**
     * WAL with synchronous=NORMAL keeps every committed batch across a process
     * crash (a power cut may lose the last ones, never corrupt the file) and
     * lets admin reads go on while an import writes. Opt out: `sqliteWal: false`.
     * temp_store=MEMORY: SQLite's statement journals (opened by statements that
     * might fail halfway) otherwise go to temp files, several write syscalls a row.
     * Checkpoints leave the statements: a PASSIVE one between batches every
     * 1.5 s (afterBatch), a TRUNCATE at the end (finish). A writer on
     * Strapi's thread has them run by a thread of their own
     * (sqlite-checkpointer.ts) and waits for them between two batches; a
     * writer thread runs them on its own connection.
     */
    async prepare(knex, opts) {
      running += 1;
      await knex.raw('PRAGMA temp_store = MEMORY');
      await knex.raw('PRAGMA cache_size = -16384');
      if (!opts.sqliteWal) return;
      try {
        const [mode] = await knex.raw('PRAGMA journal_mode');
        if (String(mode?.journal_mode).toLowerCase() !== 'wal') await knex.raw('PRAGMA journal_mode = WAL');
        await knex.raw('PRAGMA synchronous = NORMAL');
        const [now] = await knex.raw('PRAGMA journal_mode');
        walTuned = String(now?.journal_mode).toLowerCase() === 'wal';
        if (walTuned) resumes.push(await pauseAutoCheckpoints(knex));
        const filename = (knex as any).client?.config?.connection?.filename;
        if (walTuned && !checkpointer && opts.threadScript && typeof filename === 'string') checkpointer = startCheckpointer(opts.threadScript, filename);
        lastCheckpoint = Date.now();
      } catch {
        // an in-memory or read-only database keeps its mode
      }
    },
    beginBatch: async () => undefined,
    async afterBatch(knex) {
      if (!walTuned || Date.now() - lastCheckpoint < CHECKPOINT_EVERY_MS) return;
      await checkpoint(knex, 'PASSIVE');
      lastCheckpoint = Date.now();
    },
    async finish(knex) {
      running = Math.max(0, running - 1);
      await resumes.pop()?.();
      if (!walTuned || running > 0) return;
      walTuned = false;
      // The WAL file back to zero bytes.
      await checkpoint(knex, 'TRUNCATE');
      await checkpointer?.close();
      checkpointer = null;
    },
    timestamp: (date) => date.getTime(),
    async selectIn(trx, table, columns, column, values) {
      if (!values.length) return [];
      // One cached statement whatever the number of keys: a json_each list, not a statement of N placeholders per batch.
      const stmt = await statement(trx, `SELECT ${list(columns)} FROM ${q(table)} WHERE ${q(column)} IN (SELECT value FROM json_each(?))`);
      return stmt.all(JSON.stringify(values));
    },
    /**
     * `INSERT … ON CONFLICT DO NOTHING` first, which SQLite runs without a
     * statement journal (DO UPDATE opens one per row); a row that hit the key
     * (written meanwhile by another writer) takes the upsert.
     */
    async upsert(trx, table, columns, rows, conflict, update) {
      const target = `ON CONFLICT (${q(conflict.column)})${conflict.whereNotNull ? ` WHERE ${q(conflict.column)} IS NOT NULL` : ''}`;
      const fast = await statement(trx, `${head('INSERT', table, columns)} ON CONFLICT DO NOTHING`);
      let slow: SqliteStatement | null = null;
      for (const row of rows) {
        if (fast.run(row).changes > 0) continue;
        slow ??= await statement(trx, `${head('INSERT', table, columns)} ${target} DO UPDATE SET ${update.map((c) => `${q(c)} = excluded.${q(c)}`).join(',')}`);
        slow.run(row);
      }
    },
    comparesUpdates: true,
    /** `UPDATE … SET <the columns that changed> WHERE id = ?`, one statement per set of columns; the upsert if the row is gone. */
    async updateById(trx, table, columns, rows, previous) {
      const width = columns.length;
      const every = Array.from({ length: width - 1 }, (_, i) => i + 1);
      const shapes = new Map<string, { stmt: SqliteStatement; slots: number[] }>();
      const shapeOf = async (slots: number[]) => {
        const key = slots.length === width - 1 ? '*' : slots.join(',');
        let shape = shapes.get(key);
        if (!shape && shapes.size >= MAX_UPDATE_SHAPES && key !== '*') return shapeOf(every);
        if (!shape) {
          shape = { stmt: await statement(trx, `UPDATE ${q(table)} SET ${slots.map((i) => `${q(columns[i])} = ?`).join(',')} WHERE "id" = ?`), slots };
          shapes.set(key, shape);
        }
        return shape;
      };
      let gone: SqliteStatement | null = null;
      for (let r = 0; r < rows.length; r += 1) {
        const row = rows[r];
        const before = previous?.[r];
        const slots = before ? every.filter((i) => row[i] !== before[i]) : every;
        // Stored as it is (read in this transaction): nothing to write.
        if (!slots.length) continue;
        const shape = await shapeOf(slots);
        const args = new Array<unknown>(shape.slots.length + 1);
        for (let k = 0; k < shape.slots.length; k += 1) args[k] = row[shape.slots[k]];
        args[shape.slots.length] = row[0];
        if (shape.stmt.run(args).changes > 0) continue;
        gone ??= await statement(trx, `${head('INSERT', table, columns)} ON CONFLICT ("id") DO UPDATE SET ${columns.slice(1).map((c) => `${q(c)} = excluded.${q(c)}`).join(',')}`);
        gone.run(row);
      }
    },
    // DO NOTHING first, the upsert for a row that hit the key: what upsert() does for new rows already.
    insertNew: (trx, table, columns, rows, conflict, update) => writer.upsert(trx, table, columns, rows, conflict, update),
    insert: (trx, table, columns, rows) => each(trx, head('INSERT', table, columns), rows),
    insertIgnore: (trx, table, columns, rows) => each(trx, head('INSERT OR IGNORE', table, columns), rows),
    async insertFromSelect(trx, table, columns, select, bindings, opts) {
      const stmt = await statement(trx, `${opts?.ignoreConflicts ? 'INSERT OR IGNORE' : 'INSERT'} INTO ${q(table)} (${list(columns)}) ${select}`);
      stmt.run(bindings);
    },
  };
  return writer;
};
