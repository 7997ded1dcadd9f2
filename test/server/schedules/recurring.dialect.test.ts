import fs from 'fs';
import http from 'http';
import path from 'path';
import type { AddressInfo } from 'net';
import { PERMISSIONS as P } from '../../../server/src/constants';
import { download, exportDirEnv, parseCsv, runExport } from '../helpers/exports';
import { importFile } from '../helpers/imports';
import { startSftpServer, type SftpTestServer } from '../helpers/sftp-server';
import { auth, createAdminWithActions, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Recurring imports and scheduled exports against real servers the suite
 * starts on 127.0.0.1 (allowed by CONTACTS_SOURCE_ALLOW_LIST): an HTTP server
 * with basic auth and redirects, and an SFTP server (ssh2's) with password
 * and key logins. Runs are started with "run now"; the schedule's own claim
 * is in schedule-once.dialect.test.ts.
 */
let app: TestApp;
let sftp: SftpTestServer;
let web: http.Server;
let base = '';
const served = new Map<string, string>();
const hits = new Map<string, number>();
const exportDir = exportDirEnv();
const admin = () => auth(app.adminToken);
const MAX_FILE = 64 * 1024;

const startWeb = async () => {
  web = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    if (url.pathname === '/to-private') return res.writeHead(302, { location: 'http://10.20.30.40/contacts.csv' }).end();
    if (url.pathname === '/to-metadata') return res.writeHead(301, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (url.pathname === '/hop') return res.writeHead(302, { location: '/five.csv' }).end();
    if (url.pathname === '/big.csv') return res.end(`email\n${'x@example.com\n'.repeat(MAX_FILE / 10)}`);
    if (url.pathname.startsWith('/auth/') && req.headers.authorization !== `Basic ${Buffer.from('feed:pa55word').toString('base64')}`) {
      return res.writeHead(401).end();
    }
    if (url.pathname.startsWith('/key/') && req.headers['x-api-key'] !== 'k-123') return res.writeHead(403).end();
    const body = served.get(url.pathname.replace(/^\/(auth|key)/, ''));
    if (body === undefined) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/csv' }).end(body);
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
};

const post = (p: string, body: unknown) => app.http().post(`/contacts${p}`).set(admin()).send(body as object);
const runs = async (kind: string, id: string) => (await app.http().get(`/contacts/${kind}/${id}/runs`).set(admin())).body.data;

/** Run now, then wait for the run's job to end (its outcome settled). */
const runAndSettle = async (kind: 'recurring-imports' | 'scheduled-exports', id: string) => {
  const res = await post(`/${kind}/${id}/run`, {});
  expect(res.status).toBe(202);
  const run = res.body.data;
  const until = Date.now() + 60_000;
  for (;;) {
    const found = (await runs(kind, id)).find((r: any) => r.id === run.id);
    if (!['running', 'delivering'].includes(found.outcome)) return found;
    if (Date.now() > until) throw new Error(`run still ${found.outcome}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};

const contacts = async () => new Map((await app.strapi.db.connection('contacts_contacts').select('email', 'first_name', 'email_opt_in')).map((r: any) => [r.email, r]));

let template = '';
/** A second template without the opt-in column (a run's file must have the template's columns). */
let plain = '';

beforeAll(async () => {
  await startWeb();
  sftp = await startSftpServer();
  app = await startStrapi({
    ...exportDir.env,
    CONTACTS_SOURCE_ALLOW_LIST: '127.0.0.1',
    CONTACTS_QUEUE_TICK_SECONDS: '0.5',
    // Runs here are started by hand; the schedule's claim has its own suite.
    CONTACTS_SCHEDULE_TICK_SECONDS: '3600',
    CONTACTS_MAX_FILE_SIZE: String(MAX_FILE),
  });
  const done = await importFile(app, 'email,firstName,emailOptIn\ntemplate@example.com,Tem,yes\n', { filename: 'template.csv' });
  expect(done.status).toBe('imported');
  template = done.documentId;
  plain = (await importFile(app, 'email,firstName\nplain@example.com,Pl\n', { filename: 'plain.csv' })).documentId;
});

afterAll(async () => {
  await app?.stop();
  await sftp?.stop();
  web?.close();
  exportDir.remove();
});

describe('recurring imports from a URL', () => {
  let id = '';

  it('saves the source with its password encrypted, never answered back', async () => {
    served.set('/feed.csv', 'email,firstName,emailOptIn\nann@example.com,Ann,yes\nbob@example.com,Bob,no\n');
    const res = await post('/recurring-imports', {
      name: 'Shop feed',
      fromImport: template,
      source: { kind: 'url', url: `${base}/auth/feed.csv`, username: 'feed' },
      credentials: { password: 'pa55word' },
      schedule: { everyMinutes: 30 },
    });
    expect(res.status).toBe(201);
    id = res.body.data.documentId;
    expect(JSON.stringify(res.body)).not.toContain('pa55word');
    expect(res.body.data.credentials).toMatchObject({ hasPassword: true, hasHeaderValue: false });
    expect(res.body.data.allowResubscribe).toBe(false);
    expect(res.body.data.nextRunAt).toEqual(expect.any(String));
    const raw = await app.strapi.db.connection('contacts_recurring_imports').where({ document_id: id }).first();
    expect(raw.credentials).toMatch(/^v1:/);
    expect(raw.credentials).not.toContain('pa55word');
    const list = await app.http().get('/contacts/recurring-imports').set(admin());
    expect(JSON.stringify(list.body)).not.toContain('pa55word');
    expect(list.body.data.map((r: any) => r.documentId)).toContain(id);
    // Who made it, in the list and in the answer of one.
    const author = { id: expect.any(Number), email: 'admin@contacts.test' };
    expect(list.body.data.find((r: any) => r.documentId === id).createdBy).toMatchObject(author);
    expect(res.body.data.createdBy).toMatchObject(author);
  });

  it('tests the connection: what a run would read now', async () => {
    const res = await post(`/recurring-imports/${id}/test`, {});
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ok: true, file: { name: 'feed.csv' } });
    const wrong = await post(`/recurring-imports/${id}/test`, { credentials: { password: 'nope' } });
    expect(wrong.body.data).toMatchObject({ ok: false, error: expect.stringMatching(/401/) });
  });

  it('imports the file as an import of the history linked to the recurring import, then skips it unchanged', async () => {
    const run = await runAndSettle('recurring-imports', id);
    expect(run).toMatchObject({ outcome: 'imported', trigger: 'manual', job: { status: 'imported', counters: { created: 2 } } });
    const imp = (await app.http().get(`/contacts/imports/${run.job.documentId}`).set(admin())).body.data;
    expect(imp).toMatchObject({ source: 'url', recurringId: expect.any(Number), options: { allowResubscribe: false } });
    expect((await contacts()).get('ann@example.com')).toMatchObject({ first_name: 'Ann' });

    const again = await runAndSettle('recurring-imports', id);
    expect(again).toMatchObject({ outcome: 'skipped-unchanged', job: null, reason: expect.stringMatching(/not changed/) });
    const detail = (await app.http().get(`/contacts/recurring-imports/${id}`).set(admin())).body.data;
    expect(detail.lastRun.outcome).toBe('skipped-unchanged');
    expect(detail.lastHash).toBe(run.hash);
  });

  it('imports a changed file, and never sets an opt-out back to yes', async () => {
    await app.strapi.db.connection('contacts_contacts').where({ email: 'ann@example.com' }).update({ email_opt_in: 'no' });
    served.set('/feed.csv', 'email,firstName,emailOptIn\nann@example.com,Annie,yes\ncid@example.com,Cid,yes\n');
    const run = await runAndSettle('recurring-imports', id);
    expect(run).toMatchObject({ outcome: 'imported', job: { counters: { created: 1, updated: 1 } } });
    const all = await contacts();
    expect(all.get('ann@example.com')).toMatchObject({ first_name: 'Annie', email_opt_in: 'no' });
    expect(all.get('cid@example.com')).toMatchObject({ email_opt_in: 'yes' });
  });

  it('takes at most perRunCap rows a run, says so, and the next runs continue until the file is done', async () => {
    served.set('/five.csv', `email,firstName\n${[1, 2, 3, 4, 5].map((n) => `cap${n}@example.com,N${n}`).join('\n')}\n`);
    const res = await post('/recurring-imports', { name: 'Capped', fromImport: plain, source: { kind: 'url', url: `${base}/hop` }, schedule: { dailyAt: '06:00', timezone: 'Europe/Paris' }, perRunCap: 2 });
    expect(res.status).toBe(201);
    const capped = res.body.data.documentId;
    const first = await runAndSettle('recurring-imports', capped);
    expect(first).toMatchObject({ outcome: 'imported', rows: { from: 0, to: 2, total: 5 }, reason: expect.stringMatching(/perRunCap.*3 left/), job: { counters: { created: 2, processed: 2 } } });
    // Reached through a redirect: the run names the file it read.
    expect(first.details.file.origin).toBe(`${base}/five.csv`);
    const second = await runAndSettle('recurring-imports', capped);
    expect(second).toMatchObject({ outcome: 'imported', rows: { from: 2, to: 4, total: 5 }, job: { counters: { created: 2 } } });
    const third = await runAndSettle('recurring-imports', capped);
    expect(third).toMatchObject({ outcome: 'imported', rows: { from: 4, to: 5, total: 5 }, job: { counters: { created: 1 } } });
    expect((await runAndSettle('recurring-imports', capped)).outcome).toBe('skipped-unchanged');
    const all = await contacts();
    for (const n of [1, 2, 3, 4, 5]) expect(all.get(`cap${n}@example.com`)).toMatchObject({ first_name: `N${n}` });
  });

  it('sends one custom header instead of basic auth', async () => {
    served.set('/keyed.csv', 'email,firstName\nkeyed@example.com,Key\n');
    const res = await post('/recurring-imports', { fromImport: plain, source: { kind: 'url', url: `${base}/key/keyed.csv`, headerName: 'X-Api-Key' }, credentials: { headerValue: 'k-123' }, schedule: { everyMinutes: 60 } });
    expect(res.status).toBe(201);
    expect(res.body.data.credentials).toMatchObject({ hasHeaderValue: true });
    expect(await runAndSettle('recurring-imports', res.body.data.documentId)).toMatchObject({ outcome: 'imported' });
  });

  it('refuses private addresses without the allow-list, before and after redirects', async () => {
    for (const url of ['http://10.1.2.3/contacts.csv', 'http://169.254.169.254/latest/', 'http://[::ffff:192.168.0.1]/x.csv', 'http://[::1]:8080/x.csv', 'http://0.0.0.0/x.csv']) {
      const res = await post('/recurring-imports', { fromImport: template, source: { kind: 'url', url }, schedule: { everyMinutes: 30 } });
      expect([url, res.status]).toEqual([url, 400]);
      expect(res.body.error.message).toMatch(/sourceAllowList/);
      expect(res.body.error.details).toMatchObject({ code: 'refused' });
    }
    const test = await post('/recurring-imports/test', { source: { kind: 'url', url: `${base}/to-metadata` } });
    expect(test.status).toBe(400);
    expect(test.body.error.message).toMatch(/metadata.*sourceAllowList/);
    const saved = await post('/recurring-imports', { fromImport: template, source: { kind: 'url', url: `${base}/to-private` }, schedule: { everyMinutes: 30 } });
    expect(saved.status).toBe(201);
    const run = await runAndSettle('recurring-imports', saved.body.data.documentId);
    expect(run).toMatchObject({ outcome: 'failed', job: null, reason: expect.stringMatching(/10\.20\.30\.40 is a private address.*sourceAllowList/) });
    expect(hits.get('/to-private')).toBe(1);
  });

  it('fails a run whose file lost a column of the template, naming it', async () => {
    const saved = await post('/recurring-imports', { fromImport: template, source: { kind: 'url', url: `${base}/key/keyed.csv`, headerName: 'X-Api-Key' }, credentials: { headerValue: 'k-123' }, schedule: { everyMinutes: 30 } });
    const run = await runAndSettle('recurring-imports', saved.body.data.documentId);
    expect(run).toMatchObject({ outcome: 'failed', job: null, reason: expect.stringMatching(/Column "emailOptIn" is not in the file/), details: { file: { hash: expect.any(String) } } });
  });

  it('stops a file past maxFileSize and says which limit', async () => {
    const saved = await post('/recurring-imports', { fromImport: template, source: { kind: 'url', url: `${base}/big.csv` }, schedule: { everyMinutes: 30 } });
    const run = await runAndSettle('recurring-imports', saved.body.data.documentId);
    expect(run).toMatchObject({ outcome: 'failed', reason: expect.stringMatching(/maxFileSize/) });
  });

  it('answers 400 for bad sources, schedules and templates, and 403 without the action', async () => {
    const bad = async (body: Record<string, unknown>, pattern: RegExp) => {
      const res = await post('/recurring-imports', { fromImport: template, source: { kind: 'url', url: `${base}/feed.csv` }, schedule: { everyMinutes: 30 }, ...body });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(res.body.error.message).toMatch(pattern);
    };
    await bad({ schedule: { everyMinutes: 0 } }, /at least 1/);
    await bad({ schedule: { cron: 'every day' } }, /cron/);
    await bad({ schedule: { dailyAt: '7h' } }, /HH:MM/);
    await bad({ schedule: {} }, /exactly one/);
    await bad({ source: { kind: 'url', url: 'ftp://files.example.com/a.csv' } }, /https:\/\//);
    await bad({ source: { kind: 'url', url: `http://u:p@127.0.0.1/a.csv` } }, /authentication fields/);
    await bad({ source: { kind: 'url', url: 'not a url' } }, /not a URL/);
    await bad({ source: { kind: 'gopher' } }, /source.kind/);
    await bad({ source: { kind: 'sftp', host: '127.0.0.1', username: 'x', path: '/a.csv' } }, /password or credentials.privateKey/);
    await bad({ source: { kind: 'sftp', host: '127.0.0.1', username: 'x', path: '/a.csv' }, credentials: { privateKey: 'garbage' } }, /privateKey cannot be read/);
    await bad({ perRunCap: 0 }, /perRunCap/);
    await bad({ fromImport: 'nope' }, /no import/);
    const user = await createAdminWithActions(app, [P.imports.read]);
    const res = await app.http().post('/contacts/recurring-imports').set(auth(user)).send({});
    expect(res.status).toBe(403);
    expect((await app.http().get('/contacts/recurring-imports').set(auth(user))).status).toBe(200);
  });
});

describe('recurring imports from SFTP', () => {
  const inbox = () => path.join(sftp.root, 'in');

  it('picks up the newest file matching the pattern, then skips it unchanged', async () => {
    fs.mkdirSync(inbox(), { recursive: true });
    fs.writeFileSync(path.join(inbox(), 'contacts-01.csv'), 'email,firstName\nold@example.com,Old\n');
    fs.utimesSync(path.join(inbox(), 'contacts-01.csv'), new Date('2026-01-01'), new Date('2026-01-01'));
    fs.writeFileSync(path.join(inbox(), 'contacts-02.csv'), 'email,firstName\nsftp1@example.com,Sf\nsftp2@example.com,Tp\n');
    fs.writeFileSync(path.join(inbox(), 'other.txt'), 'email\nnot-me@example.com\n');
    const source = { kind: 'sftp', host: '127.0.0.1', port: sftp.port, username: sftp.user, path: '/in/contacts-*.csv' };
    const res = await post('/recurring-imports', { name: 'SFTP drop', fromImport: plain, source, credentials: { password: sftp.password }, schedule: { cron: '15 2 * * *' } });
    expect(res.status).toBe(201);
    const id = res.body.data.documentId;
    expect(JSON.stringify(res.body)).not.toContain(sftp.password);
    const run = await runAndSettle('recurring-imports', id);
    expect(run).toMatchObject({ outcome: 'imported', details: { file: { origin: '/in/contacts-02.csv' } }, job: { counters: { created: 2 } } });
    const imp = (await app.http().get(`/contacts/imports/${run.job.documentId}`).set(admin())).body.data;
    expect(imp.source).toBe('sftp');
    const all = await contacts();
    expect(all.has('sftp1@example.com') && !all.has('old@example.com') && !all.has('not-me@example.com')).toBe(true);
    expect((await runAndSettle('recurring-imports', id)).outcome).toBe('skipped-unchanged');
  });

  it('logs in with a private key (and its passphrase) and pins the host key', async () => {
    const source = { kind: 'sftp', host: '127.0.0.1', port: sftp.port, username: sftp.user, path: '/in/contacts-02.csv' };
    const plain = await post('/recurring-imports/test', { source, credentials: { privateKey: sftp.privateKey } });
    expect(plain.body.data).toMatchObject({ ok: true, hostFingerprint: sftp.hostFingerprint, file: { name: 'contacts-02.csv' } });
    const encrypted = await post('/recurring-imports/test', { source, credentials: { privateKey: sftp.encryptedKey.key, passphrase: sftp.encryptedKey.passphrase } });
    expect(encrypted.body.data).toMatchObject({ ok: true });
    const noPassphrase = await post('/recurring-imports/test', { source, credentials: { privateKey: sftp.encryptedKey.key } });
    expect(noPassphrase.status).toBe(400);
    expect(noPassphrase.body.error.message).toMatch(/passphrase/);
    const pinned = await post('/recurring-imports/test', { source: { ...source, hostFingerprint: `SHA256:${'A'.repeat(43)}` }, credentials: { privateKey: sftp.privateKey } });
    expect(pinned.body.data).toMatchObject({ ok: false, error: expect.stringMatching(/host key/) });
    const wrong = await post('/recurring-imports/test', { source, credentials: { password: 'wrong' } });
    expect(wrong.body.data).toMatchObject({ ok: false, error: expect.stringMatching(/refused the user name/) });
  });
});

describe('scheduled exports', () => {
  let manual = '';

  beforeAll(async () => {
    const { detail } = await runExport(app, { scope: { all: true }, fields: ['email', 'firstName'], format: 'csv', headers: 'keys', bom: false, name: 'Base' });
    manual = detail.documentId;
  });

  it('delivers each run to the SFTP directory with the export\'s content', async () => {
    fs.mkdirSync(path.join(sftp.root, 'out'), { recursive: true });
    const res = await post('/scheduled-exports', {
      fromExport: manual,
      destination: { kind: 'sftp', host: '127.0.0.1', port: sftp.port, username: sftp.user, directory: '/out', fileName: 'base-{date}.{ext}' },
      credentials: { privateKey: sftp.privateKey },
      schedule: { dailyAt: '03:00' },
    });
    expect(res.status).toBe(201);
    const id = res.body.data.documentId;
    expect(JSON.stringify(res.body)).not.toContain('PRIVATE KEY');
    expect(res.body.data).toMatchObject({ name: 'Base', credentials: { hasPrivateKey: true }, request: { fields: ['email', 'firstName'], headers: 'keys' } });
    expect((await post(`/scheduled-exports/${id}/test`, {})).body.data).toMatchObject({ ok: true, hostFingerprint: sftp.hostFingerprint });
    const run = await runAndSettle('scheduled-exports', id);
    expect(run).toMatchObject({ outcome: 'delivered', job: { status: 'done' }, details: { remotePath: `/out/base-${new Date().toISOString().slice(0, 10)}.csv` } });
    const delivered = fs.readFileSync(path.join(sftp.root, run.details.remotePath));
    const file = (await download(app, run.job.documentId)).body as Buffer;
    expect(delivered.equals(file)).toBe(true);
    const rows = parseCsv(delivered);
    expect(rows[0]).toEqual(['email', 'firstName']);
    const emails = rows.slice(1).map((r) => r[0]);
    const all = await contacts();
    expect(emails.sort()).toEqual([...all.keys()].sort());
    expect(fs.readdirSync(path.join(sftp.root, 'out')).some((f) => f.endsWith('.part'))).toBe(false);
  });

  it('keeps a run in the history only, and says why a delivery failed', async () => {
    const kept = await post('/scheduled-exports', { name: 'Kept', request: { scope: { all: true }, fields: 'main' }, destination: { kind: 'history' }, schedule: { everyMinutes: 1440 } });
    expect(kept.body.data.createdBy).toMatchObject({ id: expect.any(Number), email: 'admin@contacts.test' });
    expect(kept.status).toBe(201);
    expect(await runAndSettle('scheduled-exports', kept.body.data.documentId)).toMatchObject({ outcome: 'done', job: { status: 'done' } });
    const missing = await post('/scheduled-exports', {
      request: { scope: { all: true } },
      destination: { kind: 'sftp', host: '127.0.0.1', port: sftp.port, username: sftp.user, directory: '/nowhere' },
      credentials: { password: sftp.password },
      schedule: { everyMinutes: 1440 },
    });
    const run = await runAndSettle('scheduled-exports', missing.body.data.documentId);
    expect(run).toMatchObject({ outcome: 'failed', job: { status: 'done' }, reason: expect.stringMatching(/Delivery to SFTP failed/) });
  });

  it('answers 400 for bad requests and destinations, and 403 without the action', async () => {
    const bad = async (body: Record<string, unknown>, pattern: RegExp) => {
      const res = await post('/scheduled-exports', { request: { scope: { all: true } }, destination: { kind: 'history' }, schedule: { everyMinutes: 60 }, ...body });
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(res.body.error.message).toMatch(pattern);
    };
    await bad({ request: { scope: { nope: 1 } } }, /scope/);
    await bad({ request: { scope: { all: true }, format: 'pdf' } }, /format/);
    await bad({ destination: { kind: 'ftp' } }, /destination.kind/);
    await bad({ destination: { kind: 'sftp', host: '10.0.0.5', username: 'x', directory: '/out' }, credentials: { password: 'x' } }, /private address.*sourceAllowList/);
    await bad({ destination: { kind: 'sftp', host: '127.0.0.1', username: 'x', directory: 'out' }, credentials: { password: 'x' } }, /absolute/);
    await bad({ fromExport: manual }, /not both/);
    await bad({ schedule: { cron: '* * *' } }, /5 fields/);
    const user = await createAdminWithActions(app, [P.exports.read]);
    expect((await app.http().post('/contacts/scheduled-exports').set(auth(user)).send({})).status).toBe(403);
  });
});
