import { dialectFor } from '../../../server/src/database/dialect';
import { trackGrowth } from '../../../server/src/database/stats';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The planner statistics of a table an import fills: refreshed beside the
 * batches (the loop does not wait for an ANALYZE), awaited before the loop
 * leaves its connection, and a refresh that fails is no import error.
 * Postgres is the dialect that samples; the others have nothing to refresh.
 */
let app: TestApp;
const knex = () => app.strapi.db.connection;
const dialect = () => dialectFor(app.strapi.db.dialect.client);
const TABLE = 'contacts_stats_probe';

beforeAll(async () => {
  app = await startStrapi();
  await knex().schema.createTable(TABLE, (t) => {
    t.increments('id');
    t.string('email').unique();
  });
});
afterAll(async () => {
  await knex()?.schema.dropTableIfExists(TABLE);
  await app?.stop();
});

it('refreshes the statistics of a growing table without holding the batch loop, and settles before it leaves', async () => {
  const growth = await trackGrowth(knex(), dialect(), TABLE);
  await knex().batchInsert(
    TABLE,
    Array.from({ length: 6000 }, (_, i) => ({ email: `s${i}@example.com` })),
    500
  );
  expect(growth.grew(6000)).toBeUndefined();
  await growth.settled();
  const planned = await dialect().plannedRows(knex(), TABLE);
  if (app.strapi.db.dialect.client === 'postgres') expect(planned).toBe(6000);
  else expect(planned).toBeNull();
});

it('keeps the old statistics when a refresh fails', async () => {
  let calls = 0;
  const failing = {
    ...dialect(),
    plannedRows: async () => 0,
    refreshStats: async () => {
      calls += 1;
      throw new Error('no statistics today');
    },
  };
  const growth = await trackGrowth(knex(), failing, TABLE);
  growth.grew(10_000);
  await expect(growth.settled()).resolves.toBeUndefined();
  // The next refresh is not blocked by the failed one.
  growth.grew(10_000);
  await expect(growth.settled()).resolves.toBeUndefined();
  expect(calls).toBe(2);
});
