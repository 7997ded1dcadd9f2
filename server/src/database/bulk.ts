import type { Knex } from 'knex';
import { sqliteWriter } from './bulk-sqlite';
import { dialectFor, isUniqueViolation, type DialectName } from './dialect';
import { copyRows, stageRows } from './pg-copy';

export interface Conflict {
  column: string;
  /** The unique index is partial (rows where the column is set): Postgres and SQLite need the predicate. */
  whereNotNull?: boolean;
}

/**
 * Bulk writes of the import hot path, one implementation per database. Rows are
 * arrays in `columns` order; values are strings, numbers or null (JSON already
 * serialized, timestamps from `timestamp()`).
 */
export interface BulkWriter {
  name: DialectName;
  /** Called before an import runs, outside any transaction; `threadScript`: the bundle that can run helper threads. */
  prepare(knex: Knex, opts: { sqliteWal: boolean; threadScript?: string | null }): Promise<void>;
  /** First statement of a batch's transaction. */
  beginBatch(trx: Knex.Transaction): Promise<void>;
  /** Between two batches, outside any transaction (SQLite: the periodic checkpoint). */
  afterBatch(knex: Knex): Promise<void>;
  /** When the import leaves (done, stopped or failed), outside any transaction. */
  finish(knex: Knex): Promise<void>;
  /** Rows of `table` whose `column` is one of `values` (one statement, whatever their number). */
  selectIn(trx: Knex.Transaction, table: string, columns: string[], column: string, values: string[]): Promise<any[]>;
  /** Binding value for a datetime column (SQLite stores epoch milliseconds, like Strapi). */
  timestamp(date: Date): unknown;
  /**
   * Rows the batch's pre-select found no stored match for: a plain bulk
   * insert (Postgres: COPY straight into the table; MySQL: INSERT without
   * ON DUPLICATE KEY), and only when one of them hits `conflict.column` (a
   * row written meanwhile by another writer) the batch's new rows take the upsert.
   */
  insertNew(trx: Knex.Transaction, table: string, columns: string[], rows: unknown[][], conflict: Conflict, update: string[]): Promise<void>;
  /**
   * Known rows by id (`columns[0]` is `id`): overwrite the other columns (a
   * row deleted meanwhile is written again). `previous` holds the stored
   * values in the same order: SQLite then sets only the columns that changed,
   * because it rewrites the entry of every index whose column a SET names,
   * changed or not (measured 3.7× slower with four indexed columns set to
   * their own values). Postgres and MySQL compare index values themselves.
   */
  updateById(trx: Knex.Transaction, table: string, columns: string[], rows: unknown[][], previous?: Array<unknown[] | null>): Promise<void>;
  /** Whether updateById reads `previous` (SQLite): the batch then pre-selects every column it writes. */
  comparesUpdates: boolean;
  /** Insert or, on a conflict on `conflict.column`, overwrite `update` columns. */
  upsert(trx: Knex.Transaction, table: string, columns: string[], rows: unknown[][], conflict: Conflict, update: string[]): Promise<void>;
  insert(trx: Knex.Transaction, table: string, columns: string[], rows: unknown[][]): Promise<void>;
  /** Insert, silently skipping rows that hit a unique index. */
  insertIgnore(trx: Knex.Transaction, table: string, columns: string[], rows: unknown[][]): Promise<void>;
  /** INSERT INTO table (columns) <select> in one statement, optionally skipping unique-index conflicts. */
  insertFromSelect(
    trx: Knex.Transaction,
    table: string,
    columns: string[],
    select: string,
    bindings: unknown[],
    opts?: { ignoreConflicts?: boolean }
  ): Promise<void>;
}

/** Postgres: from this many rows a write goes through COPY (pg-copy.ts); fewer take one unnest() statement. */
const COPY_MIN_ROWS = 200;

const quote = (name: DialectName, id: string) => (name === 'mysql' ? `\`${id}\`` : `"${id}"`);

const chunks = <T>(rows: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

/**
 * Values in one multi-row statement (MySQL). The driver formats each statement
 * into one text: with the 60,000 the protocol would allow, a batch of new
 * contacts was one ~400 KB string and its copies, allocated straight into
 * V8's old generation, and the writer thread spent 6.2–7.4 s of 200k rows in
 * the garbage collector (2.7–2.9 s with 3,000 values; the import 25–28 s
 * against 18–21 s; 1,500 to 12,000 were alike).
 */
const MAX_VALUES_PER_STATEMENT = 4000;

/** Postgres and MySQL: multi-row statements (Postgres: COPY or unnest(), MySQL: VALUES lists). */
const multiRow = (name: 'postgres' | 'mysql'): BulkWriter => {
  const q = (id: string) => quote(name, id);
  const rowsPerStatement = (columns: string[]) => Math.max(1, Math.floor(MAX_VALUES_PER_STATEMENT / columns.length));
  const values = (columns: string[], rows: unknown[][]) => {
    const one = `(${columns.map(() => '?').join(',')})`;
    return { sql: rows.map(() => one).join(','), bindings: rows.flat() };
  };
  const cols = (table: string, columns: string[]) => `${q(table)} (${columns.map(q).join(',')})`;
  // Postgres: one array per column through unnest() — a fixed handful of
  // parameters instead of tens of thousands, measured here several times faster.
  const pgTypes = new Map<string, Promise<Map<string, string>>>();
  const arrayTypes = (trx: Knex.Transaction, table: string) => {
    if (!pgTypes.has(table)) {
      pgTypes.set(
        table,
        trx
          .raw('SELECT column_name, udt_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()', [table])
          .then((r: any) => new Map<string, string>(r.rows.map((c: any) => [c.column_name, c.udt_name.replace(/^_/, '')])))
      );
    }
    return pgTypes.get(table)!;
  };
  const run = async (trx: Knex.Transaction, head: string, tail: string, columns: string[], rows: unknown[][], table: string) => {
    if (name === 'postgres' && rows.length >= COPY_MIN_ROWS) {
      const staged = await stageRows(trx, table, columns, rows);
      await trx.raw(`${staged} ${head} SELECT ${columns.map(q).join(',')} FROM s${tail}`);
      return;
    }
    if (name === 'postgres') {
      const types = await arrayTypes(trx, table);
      const arrays = columns.map((_, i) => rows.map((r) => r[i]));
      const casts = columns.map((c) => `?::${types.get(c) ?? 'text'}[]`).join(',');
      await trx.raw(`${head} SELECT * FROM unnest(${casts})${tail}`, arrays as unknown as Knex.RawBinding[]);
      return;
    }
    for (const chunk of chunks(rows, rowsPerStatement(columns))) {
      const v = values(columns, chunk);
      await trx.raw(`${head} VALUES ${v.sql}${tail}`, v.bindings as Knex.RawBinding[]);
    }
  };
  const writer: BulkWriter = {
    name,
    prepare: async () => undefined,
    /**
     * Postgres: the commit returns without waiting for its WAL flush. Safe for
     * an import: rows, counters and cursor commit together, so a server crash
     * that loses the last commits loses them all, and the resume redoes them.
     */
    async beginBatch(trx) {
      if (name === 'postgres') await trx.raw('SET LOCAL synchronous_commit = off');
    },
    afterBatch: async () => undefined,
    finish: async () => undefined,
    timestamp: (date) => date,
    async selectIn(trx, table, columns, column, values) {
      if (!values.length) return [];
      // Postgres: one array parameter; MySQL: placeholders, as many as the bindings allow.
      if (name === 'postgres') return (await trx.raw(`SELECT ${columns.map(q).join(',')} FROM ${q(table)} WHERE ${q(column)} = ANY(?::text[])`, [values] as any)).rows;
      const out: any[] = [];
      for (const chunk of chunks(values, 5000)) out.push(...(await trx(table).select(columns).whereIn(column, chunk)));
      return out;
    },
    updateById: (trx, table, columns, rows) => writer.upsert(trx, table, columns, rows, { column: 'id' }, columns.slice(1)),
    comparesUpdates: false,
    async upsert(trx, table, columns, rows, conflict, update) {
      const tail =
        name === 'postgres'
          ? ` ON CONFLICT (${q(conflict.column)})${conflict.whereNotNull ? ` WHERE ${q(conflict.column)} IS NOT NULL` : ''} DO UPDATE SET ${update
              .map((c) => `${q(c)} = EXCLUDED.${q(c)}`)
              .join(',')}`
          : ` ON DUPLICATE KEY UPDATE ${update.map((c) => `${q(c)} = VALUES(${q(c)})`).join(',')}`;
      await run(trx, `INSERT INTO ${cols(table, columns)}`, tail, columns, rows, table);
    },
    async insertNew(trx, table, columns, rows, conflict, update) {
      if (!rows.length) return;
      // A savepoint keeps the batch's transaction usable when the plain insert fails on a key.
      await trx.raw('SAVEPOINT contacts_insert_new');
      try {
        if (name === 'postgres' && rows.length >= COPY_MIN_ROWS) await copyRows(trx, table, columns, rows);
        else await run(trx, `INSERT INTO ${cols(table, columns)}`, '', columns, rows, table);
        await trx.raw('RELEASE SAVEPOINT contacts_insert_new');
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await trx.raw('ROLLBACK TO SAVEPOINT contacts_insert_new');
        await writer.upsert(trx, table, columns, rows, conflict, update);
      }
    },
    async insert(trx, table, columns, rows) {
      await run(trx, `INSERT INTO ${cols(table, columns)}`, '', columns, rows, table);
    },
    async insertIgnore(trx, table, columns, rows) {
      if (name === 'postgres') await run(trx, `INSERT INTO ${cols(table, columns)}`, ' ON CONFLICT DO NOTHING', columns, rows, table);
      else await run(trx, `INSERT IGNORE INTO ${cols(table, columns)}`, '', columns, rows, table);
    },
    async insertFromSelect(trx, table, columns, select, bindings, opts) {
      const ignore = !!opts?.ignoreConflicts;
      const verb = ignore && name === 'mysql' ? 'INSERT IGNORE' : 'INSERT';
      const tail = ignore && name === 'postgres' ? ' ON CONFLICT DO NOTHING' : '';
      await trx.raw(`${verb} INTO ${cols(table, columns)} ${select}${tail}`, bindings as Knex.RawBinding[]);
    },
  };
  return writer;
};

const writers = new Map<string, BulkWriter>();

export const bulkWriterFor = (client: string): BulkWriter => {
  const name = dialectFor(client).name;
  if (!writers.has(name)) writers.set(name, name === 'sqlite' ? sqliteWriter() : multiRow(name));
  return writers.get(name)!;
};
