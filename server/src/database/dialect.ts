import type { Knex } from 'knex';

export type DialectName = 'sqlite' | 'postgres' | 'mysql';

/**
 * Every SQL difference between Strapi's three databases lives here, so
 * services never branch on the client name themselves.
 */
export interface Dialect {
  name: DialectName;
  /** SQL expression for "attributes has a value for this key" (binding: key path). */
  jsonHasKey(column: string): string;
  /** SQL expression that removes a key from a JSON column (binding: key path or key). */
  jsonRemoveKey(column: string): string;
  /** Binding to pass with jsonHasKey/jsonRemoveKey for a top-level key. */
  jsonKeyBinding(key: string): string;
  /** SQL expression reading a top-level key of a JSON column as text. */
  jsonText(column: string): string;
  /** Idempotently creates a unique index (optionally partial: rows where `column` is set). */
  ensureUniqueIndex(knex: Knex, table: string, name: string, column: string, opts?: { whereNotNull?: boolean }): Promise<void>;
  /** Idempotently creates a plain (non-unique) index. */
  ensureIndex(knex: Knex, table: string, name: string, columns: string[]): Promise<void>;
  /** Drops an index when it exists. */
  dropIndex(knex: Knex, table: string, name: string): Promise<void>;
  /** Case-insensitive LIKE operator. */
  ilike: string;
  /** SQL pieces of the segment compiler (segments/compile.ts). */
  criteria: CriteriaSql;
  /** A temporary table of ids with a primary key (MySQL would scan an unkeyed one once per row of a NOT IN). */
  createTempIds: (quotedName: string) => string;
  dropTempTable: string;
  /** A B-tree index on a long text column is possible (SQLite, Postgres; MySQL indexes only a prefix of TEXT). */
  indexesText: boolean;
  /**
   * After a bulk write: the planner's statistics of `table` brought up to date.
   * Postgres plans a search of a just-filled table as if it had a few rows (no
   * parallel scan: 340–550 ms against 220–240 at 1M contacts) until autovacuum
   * gets to it; MySQL recalculates its own, SQLite keeps none.
   */
  refreshStats(knex: Knex, table: string): Promise<void>;
  /** Rows the planner believes `table` holds (Postgres: its last sample); null where plans do not go stale under a bulk write. */
  plannedRows(knex: Knex, table: string): Promise<number | null>;
  /**
   * Transaction options of a statement that reads the whole contacts table to
   * write elsewhere (a segment refresh): on MySQL, READ COMMITTED, so that
   * `INSERT … SELECT` does not lock every contact it reads (REPEATABLE READ
   * does, and an import writing contacts meanwhile met deadlocks).
   */
  readingTransaction: Knex.TransactionConfig | undefined;
}

/** A fragment of SQL with its bindings. */
export interface Sql {
  sql: string;
  bindings: unknown[];
}

/**
 * JSON access for the segment compiler. `column` is already quoted SQL
 * (`"c"."attributes"`); keys are field keys (letters, digits, _), passed as
 * bindings. Every expression gives the same answer on the three databases:
 * a value of the wrong JSON type reads as empty, never as an error.
 */
export interface CriteriaSql {
  quote(id: string): string;
  /** A string value of a key, or null. */
  jsonText(column: string, key: string): Sql;
  /** A number value of a key, or null (a string that looks like a number is not one). */
  jsonNumber(column: string, key: string): Sql;
  /** An integer column compared with any number (Postgres would read 2.5 as an integer parameter and fail). */
  numberColumn(column: string): string;
  /** The key holds JSON true (`value` true) or false. */
  jsonIs(column: string, key: string, value: boolean): Sql;
  /** The key (or, with key null, the column itself) holds an array with at least one of `values`. */
  jsonArrayHasAny(column: string, key: string | null, values: string[]): Sql;
  /** The key (or the column) holds a non-empty array. */
  jsonArrayNotEmpty(column: string, key: string | null): Sql;
  /** `LIKE` with `!` as the escape character (no backslashes: MySQL reads them in string literals). */
  like: string;
}

const path = (key: string) => `$."${key}"`;

const sqliteCriteria: CriteriaSql = {
  quote: (id) => `"${id}"`,
  jsonText: (c, key) => ({ sql: `(CASE WHEN json_type(${c}, ?) = 'text' THEN json_extract(${c}, ?) END)`, bindings: [path(key), path(key)] }),
  jsonNumber: (c, key) => ({ sql: `(CASE WHEN json_type(${c}, ?) IN ('integer', 'real') THEN json_extract(${c}, ?) END)`, bindings: [path(key), path(key)] }),
  numberColumn: (c) => c,
  jsonIs: (c, key, value) => ({ sql: `(json_type(${c}, ?) = '${value ? 'true' : 'false'}')`, bindings: [path(key)] }),
  jsonArrayHasAny: (c, key, values) => ({
    sql: `(json_type(${c}${key ? ', ?' : ''}) = 'array' AND EXISTS (SELECT 1 FROM json_each(${c}${key ? ', ?' : ''}) AS j WHERE j.value IN (${values.map(() => '?').join(', ')})))`,
    bindings: key ? [path(key), path(key), ...values] : [...values],
  }),
  jsonArrayNotEmpty: (c, key) => ({
    sql: `(json_type(${c}${key ? ', ?' : ''}) = 'array' AND json_array_length(${c}${key ? ', ?' : ''}) > 0)`,
    bindings: key ? [path(key), path(key)] : [],
  }),
  like: "LIKE ? ESCAPE '!'",
};

const postgresCriteria: CriteriaSql = {
  quote: (id) => `"${id}"`,
  jsonText: (c, key) => ({ sql: `(CASE WHEN jsonb_typeof(${c} -> ?) = 'string' THEN ${c} ->> ? END)`, bindings: [key, key] }),
  jsonNumber: (c, key) => ({ sql: `(CASE WHEN jsonb_typeof(${c} -> ?) = 'number' THEN (${c} ->> ?)::numeric END)`, bindings: [key, key] }),
  numberColumn: (c) => `CAST(${c} AS NUMERIC)`,
  jsonIs: (c, key, value) => ({ sql: `(jsonb_typeof(${c} -> ?) = 'boolean' AND (${c} ->> ?) = '${value}')`, bindings: [key, key] }),
  // jsonb_exists_any, not the ?| operator: knex would read its ? as a binding. CASE, not AND: Postgres
  // does not promise to evaluate the type check first, and the array functions fail on a scalar.
  jsonArrayHasAny: (c, key, values) => {
    const target = key ? `(${c} -> ?)` : c;
    return { sql: `(CASE WHEN jsonb_typeof(${target}) = 'array' THEN jsonb_exists_any(${target}, ?::text[]) ELSE false END)`, bindings: key ? [key, key, values] : [values] };
  },
  jsonArrayNotEmpty: (c, key) => {
    const target = key ? `(${c} -> ?)` : c;
    return { sql: `(CASE WHEN jsonb_typeof(${target}) = 'array' THEN jsonb_array_length(${target}) > 0 ELSE false END)`, bindings: key ? [key, key] : [] };
  },
  like: "LIKE ? ESCAPE '!'",
};

const mysqlCriteria: CriteriaSql = {
  quote: (id) => `\`${id}\``,
  jsonText: (c, key) => ({ sql: `(CASE WHEN JSON_TYPE(JSON_EXTRACT(${c}, ?)) = 'STRING' THEN JSON_UNQUOTE(JSON_EXTRACT(${c}, ?)) END)`, bindings: [path(key), path(key)] }),
  jsonNumber: (c, key) => ({
    sql: `(CASE WHEN JSON_TYPE(JSON_EXTRACT(${c}, ?)) IN ('INTEGER', 'DOUBLE', 'DECIMAL', 'UNSIGNED INTEGER') THEN CAST(JSON_EXTRACT(${c}, ?) AS DECIMAL(38, 10)) END)`,
    bindings: [path(key), path(key)],
  }),
  numberColumn: (c) => `CAST(${c} AS DECIMAL(38, 10))`,
  jsonIs: (c, key, value) => ({ sql: `(JSON_TYPE(JSON_EXTRACT(${c}, ?)) = 'BOOLEAN' AND JSON_EXTRACT(${c}, ?) = ${value ? 'true' : 'false'})`, bindings: [path(key), path(key)] }),
  // JSON_CONTAINS is exact and case-sensitive (MySQL 5.7 and MariaDB alike); JSON_SEARCH would LIKE-match under the collation.
  jsonArrayHasAny: (c, key, values) => {
    const target = key ? `JSON_EXTRACT(${c}, ?)` : c;
    const one = `JSON_CONTAINS(${target}, JSON_QUOTE(?))`;
    return {
      sql: `(JSON_TYPE(${target}) = 'ARRAY' AND (${values.map(() => one).join(' OR ')}))`,
      bindings: key ? [path(key), ...values.flatMap((v) => [path(key), v])] : values,
    };
  },
  jsonArrayNotEmpty: (c, key) => {
    const target = key ? `JSON_EXTRACT(${c}, ?)` : c;
    return { sql: `(JSON_TYPE(${target}) = 'ARRAY' AND JSON_LENGTH(${target}) > 0)`, bindings: key ? [path(key), path(key)] : [] };
  },
  like: "LIKE ? ESCAPE '!'",
};

/** SQLite and Postgres: IF NOT EXISTS and partial indexes are native. */
const createIndexIfNotExists: Dialect['ensureUniqueIndex'] = async (knex, table, name, column, opts) => {
  const where = opts?.whereNotNull ? ' WHERE ?? IS NOT NULL' : '';
  const bindings = opts?.whereNotNull ? [name, table, column, column] : [name, table, column];
  await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ?? ON ?? (??)${where}`, bindings);
};

const createPlainIndexIfNotExists: Dialect['ensureIndex'] = async (knex, table, name, columns) => {
  await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns.map(() => '??').join(', ')})`, [name, table, ...columns]);
};

const dropIndexIfExists: Dialect['dropIndex'] = async (knex, _table, name) => {
  await knex.raw('DROP INDEX IF EXISTS ??', [name]);
};

const sqlite: Dialect = {
  name: 'sqlite',
  createTempIds: (t) => `CREATE TEMP TABLE ${t} (id INTEGER PRIMARY KEY)`,
  dropTempTable: 'DROP TABLE IF EXISTS',
  indexesText: true,
  readingTransaction: undefined,
  refreshStats: async () => undefined,
  plannedRows: async () => null,
  criteria: sqliteCriteria,
  dropIndex: dropIndexIfExists,
  jsonHasKey: (c) => `json_type(${c}, ?) IS NOT NULL AND json_type(${c}, ?) <> 'null'`,
  jsonRemoveKey: (c) => `json_remove(${c}, ?)`,
  jsonKeyBinding: (key) => `$."${key}"`,
  jsonText: (c) => `json_extract(${c}, ?)`,
  ilike: 'LIKE',
  ensureUniqueIndex: createIndexIfNotExists,
  ensureIndex: createPlainIndexIfNotExists,
};

const postgres: Dialect = {
  name: 'postgres',
  createTempIds: (t) => `CREATE TEMP TABLE ${t} (id BIGINT PRIMARY KEY)`,
  dropTempTable: 'DROP TABLE IF EXISTS',
  indexesText: true,
  readingTransaction: undefined,
  refreshStats: async (knex, table) => {
    await knex.raw('ANALYZE ??', [table]);
  },
  plannedRows: async (knex, table) => {
    const r = await knex.raw('SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)', [table]);
    // -1: never sampled.
    return Math.max(0, Number(r.rows[0]?.reltuples ?? 0));
  },
  criteria: postgresCriteria,
  dropIndex: dropIndexIfExists,
  jsonHasKey: (c) => `(${c} -> ?) IS NOT NULL AND jsonb_typeof(${c} -> ?) <> 'null'`,
  jsonRemoveKey: (c) => `(${c} - ?)`,
  jsonKeyBinding: (key) => key,
  jsonText: (c) => `(${c} ->> ?)`,
  ilike: 'ILIKE',
  ensureUniqueIndex: createIndexIfNotExists,
  ensureIndex: createPlainIndexIfNotExists,
};

const mysql: Dialect = {
  name: 'mysql',
  createTempIds: (t) => `CREATE TEMPORARY TABLE ${t} (id BIGINT UNSIGNED PRIMARY KEY)`,
  dropTempTable: 'DROP TEMPORARY TABLE IF EXISTS',
  indexesText: false,
  readingTransaction: { isolationLevel: 'read committed' },
  refreshStats: async () => undefined,
  plannedRows: async () => null,
  criteria: mysqlCriteria,
  jsonHasKey: (c) => `JSON_EXTRACT(${c}, ?) IS NOT NULL AND JSON_TYPE(JSON_EXTRACT(${c}, ?)) <> 'NULL'`,
  jsonRemoveKey: (c) => `JSON_REMOVE(${c}, ?)`,
  jsonKeyBinding: (key) => `$."${key}"`,
  jsonText: (c) => `JSON_UNQUOTE(JSON_EXTRACT(${c}, ?))`,
  ilike: 'LIKE',
  // MySQL has neither IF NOT EXISTS for indexes nor partial indexes; a unique
  // index already ignores NULLs there, which is what "where set" means.
  async ensureIndex(knex, table, name, columns) {
    const [rows] = await knex.raw('SHOW INDEX FROM ?? WHERE Key_name = ?', [table, name]);
    if ((rows as unknown[]).length === 0) {
      await knex.raw(`CREATE INDEX ?? ON ?? (${columns.map(() => '??').join(', ')})`, [name, table, ...columns]);
    }
  },
  async ensureUniqueIndex(knex, table, name, column) {
    const [rows] = await knex.raw('SHOW INDEX FROM ?? WHERE Key_name = ?', [table, name]);
    if ((rows as unknown[]).length === 0) {
      await knex.raw('CREATE UNIQUE INDEX ?? ON ?? (??)', [name, table, column]);
    }
  },
  async dropIndex(knex, table, name) {
    const [rows] = await knex.raw('SHOW INDEX FROM ?? WHERE Key_name = ?', [table, name]);
    if ((rows as unknown[]).length > 0) await knex.raw('DROP INDEX ?? ON ??', [name, table]);
  },
};

export const dialectFor = (client: string): Dialect => {
  if (/^(pg|postgres)/.test(client)) return postgres;
  if (/^mysql/.test(client)) return mysql;
  return sqlite;
};

export const getDialect = (): Dialect => dialectFor(strapi.db.dialect.client);

/** True for a unique-constraint violation on any of the three databases. */
/**
 * A transaction the database gave up on because of another one (a deadlock,
 * a lock wait past its timeout, a serialization failure, SQLite busy): the
 * same transaction run again may succeed.
 */
export const isTransientConflict = (error: unknown): boolean => {
  const e = error as { code?: string; errno?: number } | null;
  if (!e) return false;
  return (
    e.code === '40P01' ||
    e.code === '40001' ||
    e.code === 'ER_LOCK_DEADLOCK' ||
    e.code === 'ER_LOCK_WAIT_TIMEOUT' ||
    e.errno === 1213 ||
    e.errno === 1205 ||
    (typeof e.code === 'string' && e.code.startsWith('SQLITE_BUSY'))
  );
};

export const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: string; errno?: number; message?: string } | null;
  if (!e) return false;
  return (
    e.code === '23505' ||
    e.code === 'ER_DUP_ENTRY' ||
    e.errno === 1062 ||
    (typeof e.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT_UNIQUE')) ||
    /UNIQUE constraint failed/i.test(e.message ?? '')
  );
};
