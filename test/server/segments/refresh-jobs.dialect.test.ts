import { REFRESH_JOBS_TABLE, createRefreshJobs } from '../../../server/src/segments/refresh-jobs';
import { importFile } from '../helpers/imports';
import { auth, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Segment refreshes are jobs on the plugin's queue, like imports and exports:
 * a refresh asked by hand, by a saved criteria, after an import or by the
 * schedule is a row in contacts_segment_refreshes that a process claims under
 * a lease; the request answers with its result, or 202 while it waits.
 */
let app: TestApp;
const admin = () => auth(app.adminToken);
const post = (path: string, body: object = {}) => app.http().post(path).set(admin()).send(body);
const get = (path: string) => app.http().get(path).set(admin());
const knex = () => app.strapi.db.connection;
const jobsOf = (segmentId: number | null) => (segmentId === null ? knex()(REFRESH_JOBS_TABLE).whereNull('segment_id') : knex()(REFRESH_JOBS_TABLE).where({ segment_id: segmentId })).orderBy('id');
const setConfig = (key: string, value: unknown) => app.strapi.config.set(`plugin::contacts.${key}`, value);

const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    v = await read();
  }
  return v;
};

const paris = (name: string) => ({ name, kind: 'dynamic', criteria: { match: 'all', conditions: [{ field: 'lastName', operator: 'eq', value: 'Paris' }] } });

beforeAll(async () => {
  app = await startStrapi({ CONTACTS_QUEUE_TICK_SECONDS: '0.5' });
  await importFile(app, 'email,lastName\na@x.io,Paris\nb@x.io,Paris\nc@x.io,Lyon\n', {
    mapping: [
      { column: 'email', field: 'email' },
      { column: 'lastName', field: 'lastName' },
    ],
  });
});
afterAll(async () => {
  await app?.stop();
});

describe('segment refresh jobs', () => {
  it('a refresh by hand runs as a job and answers with its result', async () => {
    const created = await post('/contacts/segments', paris('Paris by hand'));
    expect(created.status).toBe(201);
    // Saving a dynamic segment refreshes it through the queue too.
    expect(created.body.data).toMatchObject({ count: 2, lastRefresh: { added: 2, removed: 0 } });
    const res = await post(`/contacts/segments/${created.body.data.documentId}/refresh`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ count: 2, added: 0, removed: 0 });
    const jobs = await jobsOf(created.body.data.id);
    expect(jobs.map((j: any) => j.status)).toEqual(['done', 'done']);
    expect(JSON.parse(jobs[1].result)).toMatchObject({ count: 2, added: 0, removed: 0 });
    expect(jobs[1].lease_owner).toBeNull();
  });

  it('answers 202 while the refresh waits, and the segment tells when it ended', async () => {
    const s = (await post('/contacts/segments', paris('Paris later'))).body.data;
    const before = s.lastRefresh.at;
    setConfig('refreshWaitSeconds', 0);
    try {
      const res = await post(`/contacts/segments/${s.documentId}/refresh`);
      expect(res.status).toBe(202);
      expect(res.body.data).toMatchObject({ pending: true, count: 2 });
      expect(['queued', 'in_progress']).toContain(res.body.data.status);
    } finally {
      setConfig('refreshWaitSeconds', 20);
    }
    const after = await until(
      async () => (await get(`/contacts/segments/${s.documentId}`)).body.data,
      (v) => v.lastRefresh?.at !== before
    );
    expect(after.lastRefresh).toMatchObject({ added: 0, removed: 0 });
  });

  it('a request joins the one of the same segment that still waits', async () => {
    const s = (await post('/contacts/segments', paris('Paris twice'))).body.data;
    const jobs = createRefreshJobs(app.strapi);
    // Inserted without a kick: the queue's next tick takes the one row.
    const first = await jobs.request(s.id);
    const second = await jobs.request(s.id);
    expect(second).toBe(first);
    const all = await jobs.request(null, { onlyIfFewerThan: 5 });
    // A condition-free request of every segment lifts the waiting one's condition.
    expect(await jobs.request(null)).toBe(all);
    expect((await knex()(REFRESH_JOBS_TABLE).where({ id: all }).first()).only_if_fewer_than).toBeNull();
    const done = await until(
      () => knex()(REFRESH_JOBS_TABLE).whereIn('id', [first, all]),
      (rows: any[]) => rows.every((r) => r.status === 'done'),
      30_000
    );
    expect(done.map((r: any) => r.status)).toEqual(['done', 'done']);
  });

  it('a refresh that fails says why (400) and the segment keeps the error', async () => {
    const s = (await post('/contacts/segments', paris('Broken later'))).body.data;
    // Criteria that no longer compile (stored by hand: the API refuses them).
    await knex()('contacts_segments').where({ id: s.id }).update({ criteria: JSON.stringify({ match: 'all', conditions: [{ field: 'nope', operator: 'eq', value: 1 }] }) });
    const res = await post(`/contacts/segments/${s.documentId}/refresh`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/The refresh of segment "Broken later" failed: .*nope/);
    expect((await get(`/contacts/segments/${s.documentId}`)).body.data.lastRefresh.error).toMatch(/nope/);
    const [job] = (await jobsOf(s.id)).slice(-1);
    expect(job).toMatchObject({ status: 'failed', lease_owner: null });
    await knex()('contacts_segments').where({ id: s.id }).delete();
  });

  it('an import queues one refresh of every dynamic segment', async () => {
    const before = (await jobsOf(null)).length;
    await importFile(app, 'email,lastName\nd@x.io,Paris\n', {
      mapping: [
        { column: 'email', field: 'email' },
        { column: 'lastName', field: 'lastName' },
      ],
    });
    const rows = await until(
      () => jobsOf(null),
      (r: any[]) => r.length > before && r[r.length - 1].status === 'done'
    );
    const last = rows[rows.length - 1];
    const result = JSON.parse(last.result);
    const dynamic = await knex()('contacts_segments').where({ kind: 'dynamic' }).count({ n: '*' });
    expect(result.refreshed).toBe(Number(dynamic[0].n));
    expect(result.done).toHaveLength(result.refreshed);
    expect((await get('/contacts/segments')).body.data.find((x: any) => x.name === 'Paris by hand').count).toBe(3);
  });

  it('a refresh of every segment left by a dead process is taken over and goes on where it stopped', async () => {
    const segments = (await knex()('contacts_segments').where({ kind: 'dynamic' }).orderBy('id').select('id', 'last_refresh')) as any[];
    const [first, ...rest] = segments;
    const at = (row: any) => JSON.parse(row.last_refresh ?? 'null')?.at;
    const [{ id }] = await knex()(REFRESH_JOBS_TABLE).insert(
      {
        segment_id: null,
        status: 'in_progress',
        lease_owner: 'gone-host:1:dead',
        lease_expires_at: app.strapi.db.dialect.client === 'sqlite' ? Date.now() - 1000 : new Date(Date.now() - 1000),
        result: JSON.stringify({ refreshed: 1, skipped: 0, done: [first.id] }),
        requested_at: Date.now(),
      },
      ['id']
    ).then((r: any[]) => r.map((x) => (typeof x === 'object' ? x : { id: x })));
    const job = await until(
      () => knex()(REFRESH_JOBS_TABLE).where({ id }).first(),
      (r: any) => r.status === 'done'
    );
    const result = JSON.parse(job.result);
    expect(result.refreshed).toBe(segments.length);
    expect([...result.done].sort((a, b) => a - b)).toEqual(segments.map((s) => s.id));
    const now = (await knex()('contacts_segments').whereIn('id', segments.map((s) => s.id)).orderBy('id').select('id', 'last_refresh')) as any[];
    // The one done before the takeover is not refreshed again; the others are.
    expect(at(now[0])).toBe(at(first));
    now.slice(1).forEach((row, i) => expect(at(row)).not.toBe(at(rest[i])));
  });

  it('an import while segments refresh over and over: every batch once, counters exact', async () => {
    const csv = `email,lastName\n${Array.from({ length: 20_000 }, (_, i) => `busy${i}@x.io,${i % 2 ? 'Paris' : 'Lyon'}`).join('\n')}\n`;
    const draft = await app.http().post('/contacts/imports').set(admin()).attach('file', Buffer.from(csv), 'busy.csv');
    const id = draft.body.data.documentId;
    await app.http().put(`/contacts/imports/${id}`).set(admin()).send({ mapping: [{ column: 'email', field: 'email' }, { column: 'lastName', field: 'lastName' }] });
    expect((await post(`/contacts/imports/${id}/start`)).status).toBe(202);
    const jobs = createRefreshJobs(app.strapi);
    let ended: any = null;
    while (!ended) {
      await jobs.request(null);
      app.strapi.plugin('contacts').service('queue').kick();
      await new Promise((r) => setTimeout(r, 150));
      const d = (await get(`/contacts/imports/${id}`)).body.data;
      if (['imported', 'failed'].includes(d.status)) ended = d;
    }
    expect(ended).toMatchObject({ status: 'imported', counters: { processed: 20_000, created: 20_000, failed: 0 } });
    const [{ n }] = await knex()('contacts_contacts').where('email', 'like', 'busy%').count({ n: '*' });
    expect(Number(n)).toBe(20_000);
  });

  it('a deleted segment takes its waiting refreshes with it', async () => {
    const s = (await post('/contacts/segments', paris('Gone'))).body.data;
    const jobs = createRefreshJobs(app.strapi);
    const waiting = await jobs.request(s.id);
    expect((await app.http().delete(`/contacts/segments/${s.documentId}`).set(admin())).status).toBe(200);
    const row = await knex()(REFRESH_JOBS_TABLE).where({ id: waiting }).first();
    // Unless the queue ran it first.
    expect(['failed', 'done']).toContain(row.status);
    if (row.status === 'failed') expect(row.error).toMatch(/deleted/);
  });
});
