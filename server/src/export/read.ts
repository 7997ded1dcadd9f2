import type { Knex } from 'knex';
import type { Sql } from '../database/dialect';

export interface KeysetRange {
  /** Rows with a greater id (0: from the start; a resumed run: the last id written). */
  after: number;
  /** The highest id when the export first started: rows created since are not part of this pass. */
  maxId: number;
  size: number;
}

/**
 * Contacts in id order, one bounded page at a time (WHERE id > last AND id <=
 * max ORDER BY id LIMIT n): the same code on the three databases, memory
 * bounded by one page, and a resumed run continues exactly after the last row
 * it wrote. (knex's .stream() would need pg-query-stream on Postgres and holds
 * a connection for the whole export.)
 */
export async function* keysetPages(
  knex: Knex,
  table: string,
  columns: string[],
  where: Sql,
  range: KeysetRange,
  alias = 'c'
): AsyncGenerator<Array<Record<string, unknown>>> {
  const id = `${alias}.id`;
  const select = columns.map((c) => `${alias}.${c}`);
  let after = range.after;
  for (;;) {
    const rows = await knex(`${table} as ${alias}`)
      .select(select)
      .whereRaw(where.sql, where.bindings as Knex.RawBinding[])
      .andWhere(id, '>', after)
      .andWhere(id, '<=', range.maxId)
      .orderBy(id, 'asc')
      .limit(range.size);
    if (!rows.length) return;
    yield rows;
    after = Number(rows[rows.length - 1].id);
    if (rows.length < range.size) return;
  }
}
