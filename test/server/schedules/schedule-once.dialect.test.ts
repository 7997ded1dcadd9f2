import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { AddressInfo } from 'net';
import request from 'supertest';
import { createTestDatabase, testDb } from '../helpers/database';
import { adminLogin, freePort, serverSecrets, startServerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * Three Strapi processes on one database, each ticking its schedules every
 * 0.3 s: a recurring import and a scheduled export that fall due once run
 * once (one fetch, one import, one export), whichever instance claims them.
 * On Postgres and MySQL (several processes on one SQLite file is not a
 * deployment we support).
 */
const suite = testDb() === 'sqlite' ? describe.skip : describe;

suite('a due time across three instances', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-schedule-once-'));
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let servers: ServerProcess[] = [];
  let web: http.Server;
  let hits = 0;
  let knex: any;

  const knexFor = (env: Record<string, string>) =>
    require('knex')(
      env.DATABASE_CLIENT === 'postgres'
        ? { client: 'pg', connection: env.DATABASE_URL }
        : { client: 'mysql2', connection: { host: env.DATABASE_HOST, port: Number(env.DATABASE_PORT), user: env.DATABASE_USERNAME, password: env.DATABASE_PASSWORD, database: env.DATABASE_NAME } }
    );

  beforeAll(async () => {
    web = http.createServer((_req, res) => {
      hits += 1;
      res.end('email,firstName\nonce@example.com,Once\n');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', () => resolve()));
    database = await createTestDatabase();
    const env = {
      ...database.env,
      ...serverSecrets(),
      CONTACTS_SCHEDULE_TICK_SECONDS: '0.3',
      CONTACTS_QUEUE_TICK_SECONDS: '0.5',
      CONTACTS_SOURCE_ALLOW_LIST: '127.0.0.1',
      CONTACTS_EXPORT_DIR: path.join(dir, 'exports'),
    };
    // The first one creates the schema; the two others join it.
    servers.push(await startServerProcess(env, await freePort()));
    servers.push(...(await Promise.all([1, 2].map(async () => startServerProcess(env, await freePort())))));
    knex = knexFor(database.env);
  });

  afterAll(async () => {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once('exit', r)))));
    await knex?.destroy();
    await database?.drop();
    web?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs a recurring import and a scheduled export once', async () => {
    const url = servers[0].url;
    const token = await adminLogin(url);
    const api = (method: 'post' | 'get', p: string) => request(url)[method](`/contacts${p}`).set({ Authorization: `Bearer ${token}` });
    const draft = await api('post', '/imports').attach('file', Buffer.from('email,firstName\nfirst@example.com,First\n'), 'template.csv');
    expect(draft.status).toBe(201);
    await api('post', `/imports/${draft.body.data.documentId}/start`).expect(202);
    for (let i = 0; i < 200 && (await api('get', `/imports/${draft.body.data.documentId}`)).body.data.status !== 'imported'; i++) await new Promise((r) => setTimeout(r, 100));

    const schedule = { dailyAt: '00:00' };
    const recurring = await api('post', '/recurring-imports').send({
      fromImport: draft.body.data.documentId,
      source: { kind: 'url', url: `http://127.0.0.1:${(web.address() as AddressInfo).port}/feed.csv` },
      schedule,
    });
    expect(recurring.status).toBe(201);
    const scheduled = await api('post', '/scheduled-exports').send({ request: { scope: { all: true } }, destination: { kind: 'history' }, schedule });
    expect(scheduled.status).toBe(201);
    await new Promise((r) => setTimeout(r, 1500));
    // Created "now": nothing is due until tomorrow's 00:00.
    expect(hits).toBe(0);

    // As if created two days ago: today's 00:00 is due, on every instance's next tick.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
    await knex('contacts_recurring_imports').update({ last_due_at: twoDaysAgo });
    await knex('contacts_scheduled_exports').update({ last_due_at: twoDaysAgo });
    const runsOf = (kind: string) => knex('contacts_schedule_runs').where({ kind });
    for (let i = 0; i < 100 && ((await runsOf('import')).length < 1 || (await runsOf('export')).length < 1); i++) await new Promise((r) => setTimeout(r, 100));
    // Every instance has ticked many times since.
    await new Promise((r) => setTimeout(r, 3000));

    const importRuns = await runsOf('import');
    const exportRuns = await runsOf('export');
    expect(importRuns).toHaveLength(1);
    expect(exportRuns).toHaveLength(1);
    const today = `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;
    expect(new Date(Number(importRuns[0].due_at)).toISOString()).toBe(today);
    expect(hits).toBe(1);
    expect(Number((await knex('contacts_imports').whereNotNull('recurring_id').count({ n: '*' }))[0].n)).toBe(1);
    expect(Number((await knex('contacts_exports').count({ n: '*' }))[0].n)).toBe(1);
    // The rows' due times only: the hourly housekeeping claims its own when the test runs across an hour.
    const claims = (await knex('contacts_locks').where('name', 'like', 'schedule:%')).map((l: any) => l.name).filter((n: string) => !n.startsWith('schedule:housekeeping:'));
    expect(claims.sort()).toEqual([
      `schedule:recurring-import:${recurring.body.data.id}:${today}`,
      `schedule:scheduled-export:${scheduled.body.data.id}:${today}`,
    ]);
    // The run settles when its import ends, on whichever instance ran it.
    for (let i = 0; i < 100 && (await runsOf('import'))[0].outcome === 'running'; i++) await new Promise((r) => setTimeout(r, 200));
    expect((await runsOf('import'))[0].outcome).toBe('imported');
  });
});
