import type { Knex } from 'knex';
import { dialectFor, type DialectName } from './dialect';

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
  /** Called before an import runs, outside any transaction. */
  prepare(knex: Knex, opts: { sqliteWal: boolean }): Promise<void>;
  /** Binding value for a datetime column (SQLite stores epoch milliseconds, like Strapi). */
  timestamp(date: Date): unknown;
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

const quote = (name: DialectName, id: string) => (name === 'mysql' ? `\`${id}\`` : `"${id}"`);

const chunks = <T>(rows: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

/** Postgres and MySQL: multi-row statements, as many rows as the 65,535 bindings allow. */
const multiRow = (name: 'postgres' | 'mysql'): BulkWriter => {
  const q = (id: string) => quote(name, id);
  const rowsPerStatement = (columns: string[]) => Math.max(1, Math.floor(60_000 / columns.length));
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
  return {
    name,
    prepare: async () => undefined,
    timestamp: (date) => date,
    async upsert(trx, table, columns, rows, conflict, update) {
      const tail =
        name === 'postgres'
          ? ` ON CONFLICT (${q(conflict.column)})${conflict.whereNotNull ? ` WHERE ${q(conflict.column)} IS NOT NULL` : ''} DO UPDATE SET ${update
              .map((c) => `${q(c)} = EXCLUDED.${q(c)}`)
              .join(',')}`
          : ` ON DUPLICATE KEY UPDATE ${update.map((c) => `${q(c)} = VALUES(${q(c)})`).join(',')}`;
      await run(trx, `INSERT INTO ${cols(table, columns)}`, tail, columns, rows, table);
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
};

interface SqliteStatement {
  run(...params: unknown[]): unknown;
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
}

/**
 * SQLite: one prepared single-row statement run per row on the transaction's
 * own better-sqlite3 connection. Measured here, this beats multi-row
 * statements (SQL text building and the 32,766-binding cap) by a wide margin.
 */
const sqlite = (): BulkWriter => {
  const cache = new WeakMap<object, Map<string, SqliteStatement>>();
  const statement = async (trx: Knex.Transaction, sql: string) => {
    const db = (await (trx as any).client.acquireConnection()) as SqliteDatabase;
    let byText = cache.get(db);
    if (!byText) cache.set(db, (byText = new Map()));
    let stmt = byText.get(sql);
    if (!stmt) byText.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  const q = (id: string) => quote('sqlite', id);
  const head = (verb: string, table: string, columns: string[]) =>
    `${verb} INTO ${q(table)} (${columns.map(q).join(',')}) VALUES (${columns.map(() => '?').join(',')})`;
  const each = async (trx: Knex.Transaction, sql: string, rows: unknown[][]) => {
    const stmt = await statement(trx, sql);
    for (const row of rows) stmt.run(row);
  };
  return {
    name: 'sqlite',
    /**
     * Measured here: with SQLite's default rollback journal and synchronous=FULL
     * the commit of each 5,000-row batch cost more than writing its rows. WAL
     * with synchronous=NORMAL keeps every committed batch across a process
     * crash (a power cut may lose the last ones, never corrupt the file) and
     * lets admin reads go on while an import writes. Opt out: `sqliteWal: false`.
     */
    async prepare(knex, opts) {
      if (!opts.sqliteWal) return;
      try {
        const [mode] = await knex.raw('PRAGMA journal_mode');
        if (String(mode?.journal_mode).toLowerCase() !== 'wal') await knex.raw('PRAGMA journal_mode = WAL');
        await knex.raw('PRAGMA synchronous = NORMAL');
      } catch {
        // an in-memory or read-only database keeps its mode
      }
    },
    timestamp: (date) => date.getTime(),
    upsert: (trx, table, columns, rows, conflict, update) =>
      each(
        trx,
        `${head('INSERT', table, columns)} ON CONFLICT (${q(conflict.column)})${
          conflict.whereNotNull ? ` WHERE ${q(conflict.column)} IS NOT NULL` : ''
        } DO UPDATE SET ${update.map((c) => `${q(c)} = excluded.${q(c)}`).join(',')}`,
        rows
      ),
    insert: (trx, table, columns, rows) => each(trx, head('INSERT', table, columns), rows),
    insertIgnore: (trx, table, columns, rows) => each(trx, head('INSERT OR IGNORE', table, columns), rows),
    async insertFromSelect(trx, table, columns, select, bindings, opts) {
      const stmt = await statement(trx, `${opts?.ignoreConflicts ? 'INSERT OR IGNORE' : 'INSERT'} INTO ${q(table)} (${columns.map(q).join(',')}) ${select}`);
      stmt.run(bindings);
    },
  };
};

const writers = new Map<string, BulkWriter>();

export const bulkWriterFor = (client: string): BulkWriter => {
  const name = dialectFor(client).name;
  if (!writers.has(name)) writers.set(name, name === 'sqlite' ? sqlite() : multiRow(name));
  return writers.get(name)!;
};
