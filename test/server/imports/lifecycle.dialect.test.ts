import http from 'http';
import { AddressInfo } from 'net';
import { PERMISSIONS } from '../../../server/src/constants';
import { auth, createAdminWithActions, startStrapi, type TestApp } from '../helpers/strapi';
import { testDb } from '../helpers/database';
import { contactsByEmail, detail, importFile, upload, waitFor } from '../helpers/imports';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi({ CONTACTS_QUEUE_TICK_SECONDS: '0.5', CONTACTS_BATCH_SIZE: '200', CONTACTS_IMPORT_HISTORY_MAX: '5' });
});
afterAll(async () => {
  await app?.stop();
});

const bigCsv = (rows: number, prefix = 'u') => `email,firstName\n${Array.from({ length: rows }, (_, i) => `${prefix}${i}@example.com,N${i}`).join('\n')}\n`;
const post = (path: string) => app.http().post(path).set(auth(app.adminToken));

describe('import lifecycle', () => {
  it('stops after the current batch and resumes from the cursor with exact counters', async () => {
    const ROWS = 60_000;
    const created = await upload(app, bigCsv(ROWS), 'big.csv');
    const id = created.body.data.documentId;
    expect((await post(`/contacts/imports/${id}/start`)).status).toBe(202);
    await waitFor(app, id, ['in_progress']);
    for (;;) {
      const d = await detail(app, id);
      if (d.counters.processed > 0) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await post(`/contacts/imports/${id}/stop`)).status).toBe(202);
    const stopped = await waitFor(app, id, ['stopped']);
    await new Promise((r) => setTimeout(r, 300));
    const still = await detail(app, id);
    expect(still.status).toBe('stopped');
    expect(still.counters.processed).toBeLessThan(ROWS);
    expect(still.counters.processed).toBe(stopped.counters.processed + (still.counters.processed - stopped.counters.processed));
    expect(still.counters.processed % 200).toBe(0);

    expect((await post(`/contacts/imports/${id}/resume`)).status).toBe(202);
    const done = await waitFor(app, id, ['imported']);
    expect(done.counters).toMatchObject({ total: ROWS, processed: ROWS, created: ROWS, failed: 0 });
    const [{ count }] = await app.strapi.db.connection('contacts_contacts').where('email', 'like', 'u%@example.com').count({ count: '*' });
    expect(Number(count)).toBe(ROWS);
    expect(done.timings.runs).toBe(2);
    // Over 1 MB: the writer thread ran it, and a stop reached it there.
    expect(done.timings.writerThread).toBe(true);
    expect(done.timings.perMinute.reduce((s: number, [, n]: [number, number]) => s + n, 0)).toBe(ROWS);
  });

  it("lets Strapi's own read-then-write transactions go on while the writer thread imports", async () => {
    const uid = 'plugin::contacts.contact';
    const edited = await app.strapi.documents(uid).create({ data: { email: 'edited@example.com', firstName: 'E0' } });
    const id = (await upload(app, bigCsv(40_000, 'rw'), 'rw.csv')).body.data.documentId;
    expect((await post(`/contacts/imports/${id}/start`)).status).toBe(202);
    await waitFor(app, id, ['in_progress']);
    // A transaction that reads, then writes: on SQLite the one a batch committed meanwhile from another connection would fail (SQLITE_BUSY_SNAPSHOT).
    let edits = 0;
    while ((await detail(app, id)).status === 'in_progress') {
      edits += 1;
      await app.strapi.db.transaction(async () => {
        const current = await app.strapi.db.query(uid).findOne({ where: { documentId: edited.documentId } });
        await new Promise((r) => setTimeout(r, 5));
        await app.strapi.db.query(uid).update({ where: { id: current.id }, data: { firstName: `E${edits}` } });
      });
    }
    const done = await waitFor(app, id, ['imported']);
    expect(done.counters).toMatchObject({ total: 40_000, processed: 40_000, created: 40_000, failed: 0 });
    expect(done.timings.writerThread).toBe(true);
    expect(edits).toBeGreaterThan(3);
    expect((await app.strapi.db.query(uid).findOne({ where: { documentId: edited.documentId } })).firstName).toBe(`E${edits}`);
  });

  it('runs one import at a time by default: the next one is delayed, then runs', async () => {
    const a = (await upload(app, bigCsv(30_000, 'pa'), 'a.csv')).body.data.documentId;
    const b = (await upload(app, bigCsv(10, 'pb'), 'b.csv')).body.data.documentId;
    await post(`/contacts/imports/${a}/start`);
    await waitFor(app, a, ['in_progress']);
    await post(`/contacts/imports/${b}/start`);
    const seen = new Set<string>();
    for (;;) {
      const d = await detail(app, b);
      seen.add(d.status);
      if (d.status === 'imported') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen.has('delayed')).toBe(true);
    expect((await detail(app, a)).status).toBe('imported');
  });

  it('takes over an import whose lease expired on another host, and leaves a live lease alone', async () => {
    const knex = app.strapi.db.connection;
    const isSqlite = app.strapi.db.dialect.client === 'sqlite';
    const at = (ms: number) => (isSqlite ? Date.now() + ms : new Date(Date.now() + ms));
    const draft = async (name: string) => (await upload(app, bigCsv(50, name), `${name}.csv`)).body.data;
    const expired = await draft('lx');
    const live = await draft('ll');
    await knex('contacts_imports').where({ id: expired.id }).update({ status: 'in_progress', lease_owner: 'other-host:1:dead', lease_expires_at: at(-5000), cursor: JSON.stringify({ rows: 0, line: 0 }) });
    app.strapi.plugin('contacts').service('queue').kick();
    const done = await waitFor(app, expired.documentId, ['imported']);
    expect(done.counters).toMatchObject({ processed: 50, created: 50 });
    // A live lease also holds the only import slot: nothing else may run meanwhile.
    await knex('contacts_imports').where({ id: live.id }).update({ status: 'in_progress', lease_owner: 'other-host:2:live', lease_expires_at: at(60_000), cursor: JSON.stringify({ rows: 0, line: 0 }) });
    app.strapi.plugin('contacts').service('queue').kick();
    await new Promise((r) => setTimeout(r, 1500));
    const untouched = await detail(app, live.documentId);
    expect(untouched).toMatchObject({ status: 'in_progress', counters: { processed: 0 } });
    await knex('contacts_imports').where({ id: live.id }).update({ status: 'stopped', lease_owner: null });
  });

  it('refuses to change, start twice, resume or delete an import in the wrong state', async () => {
    const done = await importFile(app, 'email\nstate@example.com\n');
    const id = done.documentId;
    expect((await post(`/contacts/imports/${id}/start`)).status).toBe(400);
    expect((await post(`/contacts/imports/${id}/resume`)).body.error.message).toMatch(/Only a stopped or failed import/);
    expect((await app.http().patch(`/contacts/imports/${id}`).set(auth(app.adminToken)).send({ name: 'x' })).status).toBe(400);
    const del = await app.http().delete(`/contacts/imports/${id}`).set(auth(app.adminToken));
    expect(del.status).toBe(200);
    expect((await app.http().get(`/contacts/imports/${id}`).set(auth(app.adminToken))).status).toBe(404);
  });

  it('creates fields from the mapping, fills a multiselect from X columns, and applies literals', async () => {
    const csv = 'email,Perle,Diamant,Agathe,city\nx1@example.com,x,,X,Paris\nx2@example.com,,X,,Lyon\n';
    const created = await upload(app, csv, 'x.csv');
    const id = created.body.data.documentId;
    await app.http().post('/contacts/fields').set(auth(app.adminToken)).send({ key: 'interests', label: "Centre d'intérêt", type: 'multiselect', options: ['Perle', 'Diamant', 'Agathe'] });
    const mapping = [
      { column: 'email', field: 'email' },
      { column: 'Perle', field: 'interests', option: 'Perle' },
      { column: 'Diamant', field: 'interests', option: 'Diamant' },
      { column: 'Agathe', field: 'interests', option: 'Agathe' },
      { column: 'city', newField: { key: 'city', label: 'City', type: 'text' } },
      { field: 'company', literal: 'Salon 2026' },
    ];
    const res = await app.http().patch(`/contacts/imports/${id}`).set(auth(app.adminToken)).send({ mapping });
    expect(res.status).toBe(200);
    await post(`/contacts/imports/${id}/start`);
    expect((await waitFor(app, id)).counters.created).toBe(2);
    const all = await contactsByEmail(app);
    expect(all.get('x1@example.com')).toMatchObject({ company: 'Salon 2026', attributes: { interests: ['Perle', 'Agathe'], city: 'Paris' } });
    expect(all.get('x2@example.com').attributes).toEqual({ interests: ['Diamant'], city: 'Lyon' });
    const fields = (await app.http().get('/contacts/fields').set(auth(app.adminToken))).body.data;
    expect(fields.find((f: any) => f.key === 'city')).toMatchObject({ type: 'text', builtIn: false });
  });

  it('keeps only the newest importHistoryMax finished imports; drafts do not count', async () => {
    for (let i = 0; i < 7; i += 1) await upload(app, `email\nh${i}@example.com\n`, `h${i}.csv`);
    const list = await app.http().get('/contacts/imports').query({ pageSize: 100 }).set(auth(app.adminToken));
    expect(list.status).toBe(200);
    expect(list.body.data.filter((d: any) => ['imported', 'failed', 'stopped'].includes(d.status)).length).toBeLessThanOrEqual(5);
    expect(list.body.data.filter((d: any) => /^h\d\.csv$/.test(d.name))).toHaveLength(7);
    expect(list.body.data[0].name).toBe('h6.csv');
    const drafts = await app.http().get('/contacts/imports').query({ status: 'draft' }).set(auth(app.adminToken));
    expect(drafts.body.data.every((d: any) => d.status === 'draft')).toBe(true);
    expect((await app.http().get('/contacts/imports').query({ status: 'nope' }).set(auth(app.adminToken))).status).toBe(400);
  });

  it('sends contacts.import.finished to webhooks configured in Strapi', async () => {
    const received: any[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ event: JSON.parse(body).event, body: JSON.parse(body) });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const hook = await app.http().post('/admin/webhooks').set(auth(app.adminToken)).send({ name: 'contacts', url, headers: {}, events: ['contacts.import.finished'] });
    expect(hook.status).toBe(201);
    const done = await importFile(app, 'email\nhook@example.com\n');
    for (let i = 0; i < 50 && !received.length; i += 1) await new Promise((r) => setTimeout(r, 100));
    server.close();
    expect(received[0]).toMatchObject({ event: 'contacts.import.finished', body: { import: { documentId: done.documentId, status: 'imported', counters: { created: 1 } } } });
  });

  it('a role without import rights gets 403 on every import route', async () => {
    const token = await createAdminWithActions(app, [PERMISSIONS.contacts.read]);
    const reqs = [
      () => app.http().get('/contacts/imports'),
      () => app.http().post('/contacts/imports').send({ text: 'email\na@b.co\n' }),
      () => app.http().post('/contacts/imports/abc/start'),
      () => app.http().get('/contacts/imports/abc/errors'),
    ];
    for (const r of reqs) expect((await r().set(auth(token))).status).toBe(403);
    const reader = await createAdminWithActions(app, [PERMISSIONS.imports.read]);
    expect((await app.http().get('/contacts/imports').set(auth(reader))).status).toBe(200);
    expect((await app.http().post('/contacts/imports').set(auth(reader)).send({ text: 'email\na@b.co\n' })).status).toBe(403);
  });
});
