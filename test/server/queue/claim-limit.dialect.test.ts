import { knex as createKnex, type Knex } from 'knex';
import { leaseTransitions } from '../../../server/src/queue/leases';
import { upload } from '../helpers/imports';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * The claim enforces the limit itself: instances racing on one database
 * (here: separate connection pools, as separate processes have) never run
 * more jobs of a kind than its limit, whatever their timing.
 */
const LIMIT = 3;
const RACERS = 6;
let app: TestApp;
let pools: Knex[] = [];
const table = () => 'contacts_imports';

beforeAll(async () => {
  app = await startStrapi({ CONTACTS_QUEUE_DISABLED: '1' });
  const { client, connection, useNullAsDefault } = (app.strapi.db.connection as any).client.config;
  // better-sqlite3 waits for a lock synchronously: two connections of one process would block each other's
  // event loop, so on SQLite the racers share the app's connection (separate processes wait on the file lock).
  pools = Array.from({ length: RACERS }, () =>
    app.strapi.db.dialect.client === 'sqlite' ? app.strapi.db.connection : createKnex({ client, connection, useNullAsDefault, pool: { min: 0, max: 2 } })
  );
});
afterAll(async () => {
  await Promise.all(pools.filter((p) => p !== app.strapi.db.connection).map((p) => p.destroy()));
  await app?.stop();
});

/** The lease transitions as another process would run them: its own connection pool on the same database. */
const racer = (db: Knex) => leaseTransitions({ db: { connection: db, dialect: app.strapi.db.dialect } } as any, table, ['queued', 'delayed']);

const queuedImports = async (n: number) => {
  const ids: number[] = [];
  for (let i = 0; i < n; i += 1) ids.push((await upload(app, `email\nrace${i}-${Date.now()}@example.com\n`, `r${i}.csv`)).body.data.id);
  await app.strapi.db.connection(table()).whereIn('id', ids).update({ status: 'queued', cursor: JSON.stringify({ rows: 0, line: 0 }) });
  return ids;
};

const inProgress = async () => Number((await app.strapi.db.connection(table()).where({ status: 'in_progress' }).count({ n: '*' }))[0].n);

describe('claims within parallelImportLimit', () => {
  it('lets exactly the limit of racing claims win, counts a stopped run still holding its lease, and takes an abandoned run over once', async () => {
    const ids = await queuedImports(10);
    // Every racer tries every row at once.
    const wins = (
      await Promise.all(pools.flatMap((db, r) => ids.map(async (id) => ((await racer(db).claim(id, `racer-${r}`, 60_000, LIMIT)) ? id : null))))
    ).filter((id): id is number => id !== null);
    expect(wins).toHaveLength(LIMIT);
    expect(new Set(wins).size).toBe(LIMIT);
    expect(await inProgress()).toBe(LIMIT);

    const waiting = ids.filter((id) => !wins.includes(id));
    const knex = app.strapi.db.connection;
    const isSqlite = app.strapi.db.dialect.client === 'sqlite';
    const at = (ms: number) => (isSqlite ? Date.now() + ms : new Date(Date.now() + ms));

    // A run stopped by a person keeps its slot until it has left (its lease is released).
    await knex(table()).where({ id: wins[0] }).update({ status: 'stopped' });
    expect(await Promise.all(waiting.map((id) => racer(pools[0]).claim(id, 'late', 60_000, LIMIT)))).not.toContain(true);
    await knex(table()).where({ id: wins[0] }).update({ lease_owner: null, lease_expires_at: null });
    const second = await Promise.all(pools.flatMap((db, r) => waiting.map((id) => racer(db).claim(id, `second-${r}`, 60_000, LIMIT))));
    expect(second.filter(Boolean)).toHaveLength(1);
    expect(await inProgress()).toBe(LIMIT);

    // A run whose worker died still counts as running for new claims; taking it over is allowed once.
    await knex(table()).where({ id: wins[1] }).update({ lease_expires_at: at(-1000) });
    expect(await Promise.all(waiting.map((id) => racer(pools[1]).claim(id, 'late', 60_000, LIMIT)))).not.toContain(true);
    const takeOvers = await Promise.all(pools.map((db, r) => racer(db).takeOver(wins[1], `heir-${r}`, 60_000, null, LIMIT)));
    expect(takeOvers.filter(Boolean)).toHaveLength(1);
    expect(await inProgress()).toBe(LIMIT);
  });

  it('never lets a take-over exceed the limit of live leases (a lowered limit drains)', async () => {
    const ids = await queuedImports(2);
    const knex = app.strapi.db.connection;
    const isSqlite = app.strapi.db.dialect.client === 'sqlite';
    const at = (ms: number) => (isSqlite ? Date.now() + ms : new Date(Date.now() + ms));
    await knex(table()).update({ status: 'stopped', lease_owner: null, lease_expires_at: null });
    // Two abandoned runs, limit 1: one is taken over, the other waits for it (and is not blocked forever by it being in progress).
    await knex(table()).whereIn('id', ids).update({ status: 'in_progress', lease_owner: 'gone:1:x', lease_expires_at: at(-1000) });
    const first = await Promise.all(pools.flatMap((db, r) => ids.map((id) => racer(db).takeOver(id, `t-${r}`, 60_000, null, 1))));
    expect(first.filter(Boolean)).toHaveLength(1);
  });
});
