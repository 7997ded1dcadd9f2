import { bulkWriterFor } from '../../../server/src/database/bulk';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The bulk writers' update of known rows by id, on each database: only what
 * changed is set where the writer compares (SQLite), the result is the same
 * whatever the writer, and a row deleted meanwhile is written again.
 */
let app: TestApp;
const TABLE = 'contacts_test_bulk';
const knex = () => app.strapi.db.connection;
const columns = ['id', 'a', 'b', 'c', 'n'];

beforeAll(async () => {
  app = await startStrapi();
  await knex().schema.dropTableIfExists(TABLE);
  await knex().schema.createTable(TABLE, (t) => {
    t.increments('id');
    t.string('a', 64);
    t.string('b', 64).unique();
    t.string('c', 64).index();
    t.integer('n');
  });
});
afterAll(async () => {
  await knex()?.schema.dropTableIfExists(TABLE);
  await app?.stop();
});

const stored = async () => (await knex()(TABLE).select(columns).orderBy('id')).map((r: any) => columns.map((c) => (c === 'id' || c === 'n' ? Number(r[c]) : r[c])));

describe('updateById', () => {
  it('writes what changed, keeps the rest, and writes a row deleted meanwhile again', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [i + 1, `a${i}`, `b${i}`, `c${i}`, i]);
    await knex()(TABLE).insert(rows.map((r) => Object.fromEntries(columns.map((c, k) => [c, r[k]]))));
    const bulk = bulkWriterFor(app.strapi.db.dialect.client);
    // 60 rows, each a different set of changed columns past the first ones (more shapes than SQLite keeps statements for).
    const next = rows.map((r, i) => r.map((v, k) => (k === 0 ? v : (i >> (k - 1)) & 1 ? (typeof v === 'number' ? v + 1000 : `${v}!`) : v)));
    await knex()(TABLE).where({ id: 7 }).delete();
    await knex().transaction((trx) => bulk.updateById(trx, TABLE, columns, next, rows.map((r) => (r[0] === 7 ? null : r))));
    expect(await stored()).toEqual(next);
  });

  it('without what is stored, sets every column', async () => {
    const rows = await stored();
    const next = rows.map((r) => [r[0], 'same', r[2], r[3], -1]);
    await knex().transaction((trx) => bulk().updateById(trx, TABLE, columns, next));
    expect(await stored()).toEqual(next);
  });
});

const bulk = () => bulkWriterFor(app.strapi.db.dialect.client);
