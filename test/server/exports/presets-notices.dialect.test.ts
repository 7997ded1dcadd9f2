import http from 'http';
import { CONTACTS, CUSTOM_FIELDS } from '../../fixtures/exports';
import { createExport, download, exportDirEnv, parseCsv, runExport, waitForExport } from '../helpers/exports';
import { mailSubject, mailText, startSmtp } from '../helpers/smtp';
import { auth, createAdminUser, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * What the main exports suite leaves out, on the three databases: the "all"
 * preset column by column, a dynamic segment as scope, the e-mail notice to
 * chosen admins (a real SMTP server), and an export that fails at run time
 * (its segment deleted meanwhile) with its webhook event and no file.
 */
let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const admin = () => auth(app.adminToken);
const exportDir = exportDirEnv();
const queue = () => app.strapi.plugin('contacts').service('queue');

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startStrapi({ CONTACTS_QUEUE_TICK_SECONDS: '0.5', CONTACTS_EXPORT_CHUNK_SIZE: '3', SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), ...exportDir.env });
  for (const f of CUSTOM_FIELDS) expect((await app.http().post('/contacts/fields').set(admin()).send(f)).status).toBe(201);
  for (const c of CONTACTS) expect((await app.http().post('/contacts/contacts').set(admin()).send(c)).status).toBe(201);
});
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
  exportDir.remove();
});

/** A webhook receiver on 127.0.0.1, registered in Strapi for both export events. */
const webhook = async () => {
  const received: any[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
  const hook = await app.http().post('/admin/webhooks').set(admin()).send({ name: `exports-${Date.now()}`, url, headers: {}, events: ['contacts.export.finished', 'contacts.export.failed'] });
  expect(hook.status).toBe(201);
  return { received, close: () => server.close() };
};

const mailTo = async (email: string, subject: RegExp) => {
  for (let i = 0; i < 100; i++) {
    const mail = smtp.mails.find((m) => m.to.includes(email) && subject.test(mailSubject(m.raw)));
    if (mail) return mailText(mail.raw);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail to ${email} with a subject matching ${subject}`);
};

describe('the "all" preset', () => {
  it('writes every built-in field, then the custom ones, then added on, modified on and the activity degree', async () => {
    const fields = (await app.http().get('/contacts/fields').set(admin())).body.data as Array<{ key: string; label: string; builtIn: boolean }>;
    const builtIn = fields.filter((f) => f.builtIn);
    const custom = fields.filter((f) => !f.builtIn);
    expect(custom.map((f) => f.key)).toEqual(CUSTOM_FIELDS.map((f) => f.key));
    const { file, detail } = await runExport(app, { scope: { all: true }, fields: 'all', headers: 'keys' });
    expect(detail.fields).toBe('all');
    const rows = parseCsv(file);
    expect(rows[0]).toEqual([...builtIn.map((f) => f.key), ...custom.map((f) => f.key), 'createdAt', 'updatedAt', 'activity']);
    expect(rows).toHaveLength(CONTACTS.length + 1);
    const cell = (email: string, key: string) => rows.find((r) => r[rows[0].indexOf('email')] === email)![rows[0].indexOf(key)];
    expect(cell('ana@example.com', 'country')).toBe('FR');
    expect(cell('ana@example.com', 'tags')).toBe('vip|Paris, France');
    expect(cell('ana@example.com', 'score')).toBe('-42');
    expect(cell('chloe@example.com', 'emailOptIn')).toBe('orange');
    expect(cell('dan@example.com', 'company')).toBe('');
    // With labels, a header row in the person's language, the formula-like label guarded.
    const labels = parseCsv((await runExport(app, { scope: { all: true }, fields: 'all' })).file)[0];
    expect(labels).toEqual([...builtIn.map((f) => f.label), ...custom.map((f) => (/^[=+\-@]/.test(f.label) ? `'${f.label}` : f.label)), 'Added on', 'Modified on', 'Activity degree']);
  });
});

describe('a dynamic segment as scope', () => {
  it('exports its members as of its last refresh', async () => {
    const segment = await app.http().post('/contacts/segments').set(admin()).send({ name: 'Pro plan', kind: 'dynamic', criteria: { match: 'all', conditions: [{ field: 'plan', operator: 'in', value: ['pro'] }] } });
    expect(segment.status).toBe(201);
    const { file } = await runExport(app, { scope: { segment: segment.body.data.documentId }, fields: ['email'], headers: 'keys' });
    expect(parseCsv(file).slice(1)).toEqual([['ana@example.com']]);
  });
});

describe('the end of an export', () => {
  it('e-mails the chosen admin users when it is done', async () => {
    const reader = await createAdminUser(app, []);
    const { detail } = await runExport(app, { scope: { all: true }, fields: ['email'], name: 'For the team', notify: [reader.id] });
    expect(detail.notify).toEqual([reader.id]);
    const text = await mailTo(reader.email, /Export "For the team" finished/);
    expect(text).toMatch(new RegExp(`${CONTACTS.length} contacts exported \\(CSV, `));
  });

  it('fails with a reason, a webhook event and a notice when its segment is gone before it runs; no file', async () => {
    const hook = await webhook();
    try {
      const segment = await app.http().post('/contacts/segments').set(admin()).send({ name: 'Soon gone', kind: 'static' });
      await queue().stop();
      const created = await createExport(app, { scope: { segment: segment.body.data.documentId }, name: 'Orphan' });
      expect(created.status).toBe(201);
      expect((await app.http().delete(`/contacts/segments/${segment.body.data.documentId}`).set(admin())).status).toBe(200);
      queue().start();
      const failed = await waitForExport(app, created.body.data.documentId);
      expect(failed).toMatchObject({ status: 'failed', file: null });
      expect(failed.error).toMatch(/scope can no longer be read: .*no segment has the id/);
      const res = await download(app, failed.documentId);
      expect(res.status).toBe(409);
      expect(JSON.parse(res.body.toString()).error.message).toMatch(/This export failed/);
      for (let i = 0; i < 50 && !hook.received.length; i++) await new Promise((r) => setTimeout(r, 100));
      expect(hook.received[0]).toMatchObject({ event: 'contacts.export.failed', export: { documentId: failed.documentId, status: 'failed' } });
      // The creator (the super admin) is told by default.
      expect(await mailTo('admin@contacts.test', /Export "Orphan" failed/)).toMatch(/no segment has the id/);
    } finally {
      hook.close();
    }
  });
});
