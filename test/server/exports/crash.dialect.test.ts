import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { createTestDatabase } from '../helpers/database';
import { adminLogin, freePort, serverSecrets, startServerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * A server writing an export is killed with SIGKILL mid-file: nothing
 * downloadable is left behind, and the next server takes the abandoned
 * export over and completes it, every contact once (on the suite's database).
 */
const ROWS = 30_000;

describe('export crash safety', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-export-crash-'));
  const exportDir = path.join(dir, 'exports');
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  const settings = {
    CONTACTS_LEASE_SECONDS: '3',
    CONTACTS_QUEUE_TICK_SECONDS: '0.5',
    CONTACTS_EXPORT_CHUNK_SIZE: '50',
    CONTACTS_EXPORT_DIR: exportDir,
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    env = { ...serverSecrets(), ...database.env, ...settings };
  });
  let server: ServerProcess | null = null;
  const api = (token: string) => ({
    get: (p: string) => request(server!.url).get(p).set('Authorization', `Bearer ${token}`),
    post: (p: string) => request(server!.url).post(p).set('Authorization', `Bearer ${token}`),
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await new Promise((r) => server!.child.once('exit', r));
    }
    await database?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('completes a SIGKILLed CSV export after a restart; no partial file is ever downloadable', async () => {
    const csv = path.join(dir, 'base.csv');
    fs.writeFileSync(csv, `email,firstName\n${Array.from({ length: ROWS }, (_, i) => `p${i}@example.com,P${i}`).join('\n')}\n`);
    const port = await freePort();
    server = await startServerProcess(env, port);
    let http = api(await adminLogin(server.url));
    const draft = await http.post('/contacts/imports').attach('file', csv);
    await http.post(`/contacts/imports/${draft.body.data.documentId}/start`);
    for (;;) {
      const d = (await http.get(`/contacts/imports/${draft.body.data.documentId}`)).body.data;
      if (d.status === 'imported') break;
      await new Promise((r) => setTimeout(r, 200));
    }

    const created = await http.post('/contacts/exports').send({ scope: { all: true }, fields: ['email', 'firstName'], headers: 'keys' });
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    for (;;) {
      const d = (await http.get(`/contacts/exports/${id}`)).body.data;
      expect(d.status).not.toBe('done');
      if (d.rowCount >= 3000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    server.child.kill('SIGKILL');
    await new Promise((r) => server!.child.once('exit', r));
    // Only the part file, which no route serves.
    expect(fs.readdirSync(exportDir).every((n) => n.endsWith('.part'))).toBe(true);

    server = await startServerProcess(env, port);
    http = api(await adminLogin(server.url));
    let detail: any;
    const until = Date.now() + 60_000;
    for (;;) {
      detail = (await http.get(`/contacts/exports/${id}`)).body.data;
      if (['done', 'failed'].includes(detail.status) || Date.now() > until) break;
      if (detail.status !== 'done') {
        const res = await http.get(`/contacts/exports/${id}/download`);
        // It may finish between the two requests: a 200 only once it is done.
        if (res.status === 200) expect((await http.get(`/contacts/exports/${id}`)).body.data.status).toBe('done');
        else expect(res.status).toBe(409);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(detail).toMatchObject({ status: 'done', rowCount: ROWS, total: ROWS, timings: { runs: 2 } });
    const file = await http.get(`/contacts/exports/${id}/download`).buffer(true).parse((res, cb) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => cb(null, text));
    });
    const lines = (file.body as string).replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('email,firstName');
    expect(lines).toHaveLength(ROWS + 1);
    expect(new Set(lines.slice(1)).size).toBe(ROWS);
    expect(lines.slice(1).every((l) => /^p\d+@example\.com,P\d+$/.test(l))).toBe(true);
    expect(fs.readdirSync(exportDir).filter((n) => n.endsWith('.part'))).toEqual([]);
    server.child.kill('SIGTERM');
  });
});
