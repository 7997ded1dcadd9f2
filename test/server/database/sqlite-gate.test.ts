import { holdConnection, pauseAutoCheckpoints } from '../../../server/src/database/sqlite-gate';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * What the SQLite writer thread needs from Strapi's connection: holding it
 * keeps Strapi's queries waiting until the release, and SQLite's own
 * checkpoints stay paused until the last import that paused them ends.
 */
let app: TestApp;
const knex = () => app.strapi.db.connection;
const sqlite = () => app.strapi.db.dialect.client === 'sqlite';
const autoCheckpoint = async () => Number(Object.values((await knex().raw('PRAGMA wal_autocheckpoint'))[0])[0]);

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

it("holds Strapi's connection: a query waits for the release, then runs", async () => {
  if (!sqlite()) return;
  const release = await holdConnection(knex());
  let answered = false;
  const query = knex()
    .raw('SELECT 1')
    .then(() => (answered = true));
  await new Promise((r) => setTimeout(r, 100));
  expect(answered).toBe(false);
  await release();
  await release();
  await query;
  expect(answered).toBe(true);
});

it('pauses automatic checkpoints until the last import that paused them resumes them', async () => {
  if (!sqlite()) return;
  expect(await autoCheckpoint()).toBe(1000);
  const first = await pauseAutoCheckpoints(knex());
  const second = await pauseAutoCheckpoints(knex());
  expect(await autoCheckpoint()).toBe(0);
  await first();
  await first();
  expect(await autoCheckpoint()).toBe(0);
  await second();
  expect(await autoCheckpoint()).toBe(1000);
});
