import type { Knex } from 'knex';

/**
 * Postgres: rows reach the server by COPY into a temporary staging table,
 * then one INSERT … SELECT moves them. Measured here, the unnest() form spent
 * most of its time encoding one text array per column on the client and
 * parsing it on the server; COPY's text format is one string per batch.
 */

interface PgClient {
  query(q: unknown): NodeJS.WritableStream & { on(event: string, cb: (...a: any[]) => void): unknown };
}

// pg's own conversion of a bound value (dates in its format), so COPY stores what a parameter would.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pgValue = (): ((v: unknown) => unknown) => require('pg/lib/utils').prepareValue;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const copyFrom = (): ((sql: string) => any) => require('pg-copy-streams').from;

const SPECIAL = /[\\\n\r\t]/;
const escapeText = (s: string) =>
  SPECIAL.test(s) ? s.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t')) : s;

/** COPY text format: tab-separated, \N for NULL, backslash escapes. */
export const copyText = (rows: unknown[][]): string => {
  const prepare = pgValue();
  const lines: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r];
    let line = '';
    for (let i = 0; i < row.length; i += 1) {
      const v = row[i];
      if (i) line += '\t';
      if (v === null || v === undefined) line += '\\N';
      else if (typeof v === 'string') line += escapeText(v);
      else if (typeof v === 'number') line += String(v);
      else line += escapeText(String(prepare(v)));
    }
    lines[r] = line;
  }
  return lines.join('\n') + '\n';
};

const q = (id: string) => `"${id}"`;

/** One staging table per column list (creates and updates differ), named by order of first use. */
const stageNames = new Map<string, string>();

/** COPY `rows` into `table` on the transaction's own connection. */
export const copyRows = async (trx: Knex.Transaction, table: string, columns: string[], rows: unknown[][]): Promise<void> => {
  const client = (await (trx as any).client.acquireConnection()) as PgClient;
  await new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom()(`COPY ${q(table)} (${columns.map(q).join(',')}) FROM STDIN`));
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(copyText(rows));
  });
};

/**
 * COPY `rows` into a staging table on the transaction's own connection and
 * return the statement's head that reads them back once as `s` (DELETE …
 * RETURNING, so the staging table is empty again for the next use in the
 * same transaction): `${with} INSERT INTO … SELECT … FROM s`.
 */
export const stageRows = async (trx: Knex.Transaction, table: string, columns: string[], rows: unknown[][]): Promise<string> => {
  const list = columns.map(q).join(',');
  const key = `${table}(${list})`;
  let stage = stageNames.get(key);
  if (!stage) stageNames.set(key, (stage = `contacts_stage_${stageNames.size}`));
  // The table's column types without its constraints; temporary tables belong to the connection, and
  // the statement runs each time because a rolled-back batch takes a table created in it away.
  await trx.raw(`CREATE TEMP TABLE IF NOT EXISTS ${q(stage)} ON COMMIT DELETE ROWS AS SELECT ${list} FROM ${q(table)} WITH NO DATA`);
  await copyRows(trx, stage, columns, rows);
  return `WITH s AS (DELETE FROM ${q(stage)} RETURNING *)`;
};
