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
}

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
