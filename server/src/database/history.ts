import type { Knex } from 'knex';
import { ensurePlainTable } from './plain-table';

export const HISTORY_TABLE = 'contacts_history';

/**
 * What happened to a contact ("import.created", "import.updated" by import N).
 * A plain table rather than a content type: an import writes one row per
 * contact, and a content type's extra columns and four indexes doubled the
 * cost of that write. Strapi leaves tables it did not create alone.
 */
export const ensureHistoryTable = (knex: Knex) =>
  ensurePlainTable(knex, HISTORY_TABLE, (t) => {
    t.increments('id');
    t.integer('contact_id').notNullable();
    t.integer('import_id');
    t.string('kind', 40).notNullable();
    t.datetime('at');
    t.index(['contact_id'], `${HISTORY_TABLE}_contact_idx`);
    t.index(['import_id', 'kind'], `${HISTORY_TABLE}_import_idx`);
  });
