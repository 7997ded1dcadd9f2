import { detail, importFile, upload, waitFor } from '../helpers/imports';
import { Queue } from 'bullmq';
import { nextDue, parseScheduleRule } from '../../../server/src/schedules/rule';
import { REDIS_URL, redisPrefix, redisRelay } from '../helpers/redis';
import { auth, createAdminWithActions, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Redis unreachable at start or during work: the database queue takes the
 * jobs meanwhile (nothing waits, nothing is lost), the health route and one
 * log line say so, and BullMQ carries the jobs again once Redis is back.
 * The "Redis" is a relay to the machine's Redis that the test cuts.
 */
let app: TestApp;
let relay: Awaited<ReturnType<typeof redisRelay>>;
const redis = redisPrefix('fallback');
const csv = (n: number, p: string) => `email,firstName\n${Array.from({ length: n }, (_, i) => `${p}${i}@example.com,N${i}`).join('\n')}\n`;

const health = async () => (await app.http().get('/contacts/settings/health').set(auth(app.adminToken))).body.data;
const until = async (check: () => Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
};
/** Whether BullMQ ever carried a job of this kind (its id counter exists). */
const jobsAdded = async (kind = 'import') => {
  const keys = await redis.keys();
  return keys.includes(`${redis.prefix}:${kind}:id`);
};
const refreshAllContacts = async () => {
  const segment = (await app.http().get('/contacts/segments').set(auth(app.adminToken))).body.data.find((s: any) => s.name === 'All contacts');
  return app.http().post(`/contacts/segments/${segment.documentId}/refresh`).set(auth(app.adminToken));
};

beforeAll(async () => {
  relay = await redisRelay();
  app = await startStrapi({ REDIS_URL: relay.url, CONTACTS_REDIS_PREFIX: redis.prefix, CONTACTS_QUEUE_TICK_SECONDS: '0.5', CONTACTS_LEASE_SECONDS: '4', CONTACTS_BATCH_SIZE: '500' });
});
afterAll(async () => {
  await app?.stop();
  await relay?.down();
  await redis.clean();
});

describe('Redis unreachable', () => {
  it('at start: the database queue runs the jobs and the health says why', async () => {
    await until(async () => (await health()).redis?.error !== null);
    const h = await health();
    expect(h).toMatchObject({ queue: 'database', runsJobs: true, redis: { ok: false } });
    expect(h.redis.error).toMatch(/ECONNREFUSED|closed|connect/i);
    const done = await importFile(app, csv(1200, 'down'));
    expect(done).toMatchObject({ status: 'imported', counters: { processed: 1200, created: 1200 } });
    expect(await jobsAdded()).toBe(false);
    // Segment refreshes too.
    const refreshed = await refreshAllContacts();
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.data.count).toBe(1200);
    expect(await jobsAdded('refresh')).toBe(false);
  });

  it('the health route needs the settings action', async () => {
    const token = await createAdminWithActions(app, ['plugin::contacts.contacts.read']);
    expect((await app.http().get('/contacts/settings/health').set(auth(token))).status).toBe(403);
    expect((await app.http().get('/contacts/settings/health')).status).toBe(401);
  });

  it('back: jobs go through BullMQ again', async () => {
    await relay.up();
    await until(async () => (await health()).queue === 'redis');
    expect((await health()).redis).toMatchObject({ ok: true, error: null });
    const done = await importFile(app, csv(800, 'up'));
    expect(done).toMatchObject({ status: 'imported', counters: { processed: 800, created: 800 } });
    expect(await jobsAdded()).toBe(true);
    const refreshed = await refreshAllContacts();
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.data.count).toBe(2000);
    expect(await jobsAdded('refresh')).toBe(true);
  });

  it('named schedules fire on the clock-aligned due times the database timers use (one claim per due time, whoever carries it)', async () => {
    const schedules = app.strapi.plugin('contacts').service('schedules');
    schedules.register('test-every-7', 'every 7 minutes', async () => undefined);
    const queue = new Queue('schedules', { connection: { url: REDIS_URL } as any, prefix: redis.prefix });
    try {
      let next: number | undefined;
      await until(async () => {
        next = (await queue.getJobScheduler('test-every-7'))?.next;
        return next !== undefined;
      });
      expect(next).toBe(nextDue(parseScheduleRule('every 7 minutes'), new Date()).getTime());
    } finally {
      await queue.close();
    }
  });

  it('during work: a running import finishes with exact counters, one log line says it, and the database queue takes new jobs', async () => {
    const errors: string[] = [];
    const log = app.strapi.log.error.bind(app.strapi.log);
    (app.strapi.log as any).error = (message: string, ...rest: unknown[]) => {
      errors.push(String(message));
      return log(message, ...rest);
    };
    try {
      const created = await upload(app, csv(20_000, 'cut'), 'cut.csv');
      const id = created.body.data.documentId;
      await app.http().post(`/contacts/imports/${id}/start`).set(auth(app.adminToken));
      await waitFor(app, id, ['in_progress']);
      await relay.down();
      await until(async () => (await health()).queue === 'database');
      // Several reconnect attempts while down: still one line.
      await new Promise((r) => setTimeout(r, 3000));
      expect(errors.filter((m) => /Redis at .* is unreachable/.test(m))).toHaveLength(1);
      const next = await importFile(app, csv(300, 'meanwhile'));
      expect(next).toMatchObject({ status: 'imported', counters: { processed: 300, created: 300 } });
      const cut = await waitFor(app, id, ['imported', 'failed'], 120_000);
      expect(cut).toMatchObject({ status: 'imported', counters: { processed: 20_000, created: 20_000, failed: 0 } });
      expect(cut.timings.runs).toBe(1);
    } finally {
      (app.strapi.log as any).error = log;
    }
    await relay.up();
    await until(async () => (await health()).queue === 'redis');
    const after = await importFile(app, csv(200, 'after'));
    expect(after).toMatchObject({ status: 'imported', counters: { created: 200 } });
    expect((await detail(app, after.documentId)).counters.processed).toBe(200);
  });
});
