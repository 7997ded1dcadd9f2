import { auth, type TestApp } from './strapi';

export const TERMINAL = ['imported', 'failed', 'stopped'];

/** Uploads a file (multipart `file`) and returns the draft import. */
export const upload = async (app: TestApp, content: string | Buffer, filename = 'contacts.csv', options?: Record<string, unknown>) => {
  const req = app.http().post('/contacts/imports').set(auth(app.adminToken)).attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), filename);
  if (options) req.field('options', JSON.stringify(options));
  return req;
};

export const paste = (app: TestApp, text: string, options?: Record<string, unknown>) =>
  app.http().post('/contacts/imports').set(auth(app.adminToken)).send({ text, options });

export const patch = (app: TestApp, id: string, body: Record<string, unknown>) =>
  app.http().patch(`/contacts/imports/${id}`).set(auth(app.adminToken)).send(body);

export const detail = async (app: TestApp, id: string) => (await app.http().get(`/contacts/imports/${id}`).set(auth(app.adminToken))).body.data;

/** Polls the import until it reaches one of `statuses`. */
export const waitFor = async (app: TestApp, id: string, statuses = TERMINAL, timeoutMs = 60_000) => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const d = await detail(app, id);
    if (statuses.includes(d.status)) return d;
    if (Date.now() > until) throw new Error(`import ${id} still ${d.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** Upload (or paste), optionally patch, start, and wait for the end. */
export const importFile = async (
  app: TestApp,
  content: string | Buffer,
  { filename = 'contacts.csv', options, mapping }: { filename?: string; options?: Record<string, unknown>; mapping?: unknown[] } = {}
) => {
  const created = await upload(app, content, filename);
  if (created.status !== 201) throw new Error(`upload failed: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.data.documentId as string;
  if (options || mapping) {
    const res = await patch(app, id, { ...(options ? { options } : {}), ...(mapping ? { mapping } : {}) });
    if (res.status !== 200) throw new Error(`patch failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const started = await app.http().post(`/contacts/imports/${id}/start`).set(auth(app.adminToken));
  if (started.status !== 202) throw new Error(`start failed: ${started.status} ${JSON.stringify(started.body)}`);
  return waitFor(app, id);
};

/** All contacts, keyed by e-mail, straight from the table. */
export const contactsByEmail = async (app: TestApp) => {
  const rows = await app.strapi.db.connection('contacts_contacts').select('*');
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return new Map(rows.map((r: any) => [r.email, { ...r, tags: parse(r.tags), attributes: parse(r.attributes) }]));
};

export const errorsCsv = async (app: TestApp, id: string) => {
  const res = await app.http().get(`/contacts/imports/${id}/errors`).set(auth(app.adminToken)).buffer(true).parse((r, cb) => {
    let data = '';
    r.setEncoding('utf8');
    r.on('data', (c: string) => (data += c));
    r.on('end', () => cb(null, data));
  });
  return { status: res.status, text: res.body as string, type: res.headers['content-type'] };
};
