import request from 'supertest';
import { createTestDatabase } from '../helpers/database';
import { REDIS_URL, redisPrefix } from '../helpers/redis';
import { adminLogin, freePort, serverSecrets, startServerProcess, startWorkerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * Scale-out on the machine's Redis and one Postgres database: two
 * `strapi-contacts worker` processes and two Strapi instances (one that only
 * enqueues, one that runs jobs too) share the work. Every import runs once
 * with exact counters and never more at once than parallelImportLimit; the
 * process running an import is SIGKILLed and another one finishes it; a
 * schedule's due time runs once across the instances.
 */
const LIMIT = 2;
const IMPORTS = 20;
const ROWS = 2500;
const BIG = 40_000;
const redis = redisPrefix('scale');
const { Client } = require('pg');

let drop: (() => Promise<void>) | null = null;
let dbUrl = '';
let env: Record<string, string> = {};
const processes: ServerProcess[] = [];
let enqueuer: ServerProcess;
let token = '';
let pg: any;

const csv = (n: number, p: string) => `email,firstName\n${Array.from({ length: n }, (_, i) => `${p}-${i}@example.com,N${i}`).join('\n')}\n`;
const api = () => request(enqueuer.url);
const authed = <T extends request.Test>(r: T) => r.set('Authorization', `Bearer ${token}`);
const detail = async (id: string) => (await authed(api().get(`/contacts/imports/${id}`))).body.data;
const rows = async (sql: string, params: unknown[] = []) => (await pg.query(sql, params)).rows;

const draft = async (content: string, name: string) => {
  const created = await authed(api().post('/contacts/imports')).attach('file', Buffer.from(content), `${name}.csv`);
  if (created.status !== 201) throw new Error(`upload ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.data.documentId as string;
};
const start = async (id: string) => {
  const started = await authed(api().post(`/contacts/imports/${id}/start`));
  if (started.status !== 202) throw new Error(`start ${started.status}`);
  return id;
};
const startImport = async (content: string, name: string) => start(await draft(content, name));

beforeAll(async () => {
  const db = await createTestDatabase('postgres');
  drop = db.drop;
  dbUrl = db.env.DATABASE_URL;
  env = {
    ...serverSecrets(),
    ...db.env,
    REDIS_URL,
    CONTACTS_REDIS_PREFIX: redis.prefix,
    CONTACTS_PARALLEL_IMPORT_LIMIT: String(LIMIT),
    CONTACTS_BATCH_SIZE: '500',
    CONTACTS_LEASE_SECONDS: '4',
    CONTACTS_QUEUE_TICK_SECONDS: '1',
    CONTACTS_SEGMENT_REFRESH_CRON: '*/5 * * * * *',
    STRAPI_LOG_LEVEL: 'info',
  };
  // The first instance creates the schema; the others start on it together.
  enqueuer = await startServerProcess({ ...env, CONTACTS_RUN_JOBS: 'false' }, await freePort());
  processes.push(enqueuer);
  const others = await Promise.all([
    freePort().then((port) => startServerProcess({ ...env, CONTACTS_RUN_JOBS: 'true' }, port)),
    startWorkerProcess(env),
    startWorkerProcess(env),
  ]);
  processes.push(...others);
  token = await adminLogin(enqueuer.url);
  pg = new Client({ connectionString: dbUrl });
  await pg.connect();
}, 300_000);

afterAll(async () => {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await pg?.end();
  await redis.clean();
  await drop?.();
});

describe('two workers and two Strapi instances on Postgres and Redis', () => {
  it(`process ${IMPORTS} queued imports each exactly once, counters exact, never more than ${LIMIT} at once`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < IMPORTS; i += 1) ids.push(await draft(csv(ROWS, `imp${i}`), `imp${i}`));
    // Queued together, so they compete for the slots.
    await Promise.all(ids.map(start));
    let most = 0;
    const end = Date.now() + 240_000;
    for (;;) {
      const [{ running }] = await rows(`select count(*)::int as running from contacts_imports where status = 'in_progress'`);
      most = Math.max(most, running);
      const [{ done }] = await rows(`select count(*)::int as done from contacts_imports where status in ('imported', 'failed')`);
      if (done === IMPORTS || Date.now() > end) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(most).toBeLessThanOrEqual(LIMIT);
    expect(most).toBe(LIMIT);
    for (const id of ids) {
      const d = await detail(id);
      expect(d).toMatchObject({ status: 'imported', counters: { total: ROWS, processed: ROWS, created: ROWS, updated: 0, failed: 0 } });
      expect(d.timings.runs).toBe(1);
    }
    const [{ n }] = await rows('select count(*)::int as n from contacts_contacts');
    expect(n).toBe(IMPORTS * ROWS);
    // The instance with runJobs: false only enqueued; each import ran once, somewhere else. How the others
    // shared the work is BullMQ's choice (on a loaded machine one worker sometimes took every job): the
    // killed-worker test below is the one that needs a second process.
    const ranBy = (p: ServerProcess) => (p.output().match(/\[contacts\] import \d+: run by/g) ?? []).length;
    expect(ranBy(enqueuer)).toBe(0);
    expect(processes.reduce((sum, p) => sum + ranBy(p), 0)).toBe(IMPORTS);
    // Through BullMQ: Redis numbered the jobs.
    expect(await redis.keys()).toContain(`${redis.prefix}:import:id`);
  });

  it('a process killed mid-import: another one finishes it, nothing lost or doubled', async () => {
    const id = await startImport(csv(BIG, 'big'), 'big');
    let owner = '';
    const end = Date.now() + 120_000;
    for (;;) {
      const [r] = await rows('select processed, lease_owner, status from contacts_imports where document_id = $1', [id]);
      if (r.status === 'in_progress' && r.processed >= 2000 && r.lease_owner) {
        owner = r.lease_owner;
        break;
      }
      if (r.status === 'imported' || Date.now() > end) throw new Error(`import ${r.status} before it could be killed`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const pid = Number(owner.split(':')[1]);
    const victim = processes.find((p) => p.child.pid === pid);
    expect(victim).toBeDefined();
    expect(victim).not.toBe(enqueuer);
    victim!.child.kill('SIGKILL');
    await new Promise((r) => victim!.child.once('exit', r));

    let d: any;
    const until = Date.now() + 180_000;
    for (;;) {
      d = await detail(id);
      if (['imported', 'failed'].includes(d.status) || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(d).toMatchObject({ status: 'imported', counters: { total: BIG, processed: BIG, created: BIG, updated: 0, unchanged: 0, failed: 0 } });
    expect(d.timings.runs).toBe(2);
    const [{ n }] = await rows(`select count(*)::int as n from contacts_contacts where email like 'big-%'`);
    expect(n).toBe(BIG);

    // Back to three processes that run jobs for the schedules below.
    processes.splice(processes.indexOf(victim!), 1);
    processes.push(victim!.url ? await startServerProcess({ ...env, CONTACTS_RUN_JOBS: 'true' }, Number(new URL(victim!.url).port)) : await startWorkerProcess(env));
  });

  it('runs each due time of a schedule once across the instances, and never on the one that only enqueues', async () => {
    const ran = () =>
      processes.flatMap((p) => Array.from(p.output().matchAll(/schedule segments-refresh \(due ([^)]+)\) ran/g), (m) => ({ due: m[1], p })));
    const before = new Set(ran().map((r) => r.due));
    await new Promise((r) => setTimeout(r, 16_000));
    const runs = ran();
    const fresh = runs.filter((r) => !before.has(r.due));
    expect(new Set(fresh.map((r) => r.due)).size).toBeGreaterThanOrEqual(2);
    const dues = runs.map((r) => r.due);
    expect(dues.length).toBe(new Set(dues).size);
    expect(runs.some((r) => r.p === enqueuer)).toBe(false);
  });
});
