import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import { createTestDatabase, testDb } from '../helpers/database';
import { adminLogin, freePort, serverSecrets, startServerProcess, type ServerProcess } from '../helpers/server-process';

/**
 * A server importing a file is killed with SIGKILL mid-file; a new server
 * takes the abandoned import over and finishes it. The counters must be exact
 * and every contact present once. On Postgres and MySQL the batches of this
 * 6 MB file are written by the writer thread on its own connection.
 */
const ROWS = 120_000;

const makeFile = (file: string) => {
  const lines = ['email,firstName,lastName,company'];
  const expected = new Set<string>();
  let invalid = 0;
  for (let i = 0; i < ROWS; i += 1) {
    if (i % 200 === 7) {
      lines.push(`broken-${i}@,Bad,Row,X`);
      invalid += 1;
      continue;
    }
    // Every 50th row repeats an earlier address in another case.
    const n = i % 50 === 49 ? i - 40 : i;
    const email = `user${n}@example.com`;
    lines.push(`${i % 50 === 49 ? email.toUpperCase() : email},First${i},Last${i},Company ${i % 97}`);
    expected.add(email);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return { expected, invalid };
};

describe('crash safety', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-crash-'));
  const csv = path.join(dir, 'big.csv');
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let env: Record<string, string>;
  const settings = {
    CONTACTS_BATCH_SIZE: '1000',
    CONTACTS_LEASE_SECONDS: '3',
    CONTACTS_QUEUE_TICK_SECONDS: '0.5',
  };
  let server: ServerProcess | null = null;

  beforeAll(async () => {
    db = await createTestDatabase();
    env = { ...serverSecrets(), ...db.env, ...settings };
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await new Promise((r) => server!.child.once('exit', r));
    }
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finishes a SIGKILLed import after a restart with exact counters, no duplicate and no missing contact', async () => {
    const { expected, invalid } = makeFile(csv);
    const port = await freePort();
    server = await startServerProcess(env, port);
    let token = await adminLogin(server.url);
    const created = await request(server.url).post('/contacts/imports').set('Authorization', `Bearer ${token}`).attach('file', csv);
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    expect((await request(server.url).post(`/contacts/imports/${id}/start`).set('Authorization', `Bearer ${token}`)).status).toBe(202);

    // Kill once a few batches are committed, well before the end.
    let killedAt = 0;
    for (;;) {
      const d = (await request(server.url).get(`/contacts/imports/${id}`).set('Authorization', `Bearer ${token}`)).body.data;
      if (d.counters.processed >= 3000) {
        server.child.kill('SIGKILL');
        killedAt = d.counters.processed;
        break;
      }
      expect(d.status).not.toBe('imported');
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => server!.child.once('exit', r));
    expect(killedAt).toBeLessThan(ROWS);

    server = await startServerProcess(env, port);
    token = await adminLogin(server.url);
    let detail: any;
    const until = Date.now() + 120_000;
    for (;;) {
      detail = (await request(server.url).get(`/contacts/imports/${id}`).set('Authorization', `Bearer ${token}`)).body.data;
      if (['imported', 'failed'].includes(detail.status) || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(detail.status).toBe('imported');
    const c = detail.counters;
    expect(c.total).toBe(ROWS);
    expect(c.processed).toBe(ROWS);
    expect(c.failed).toBe(invalid);
    expect(c.created).toBe(expected.size);
    expect(c.created + c.updated + c.unchanged + c.skipped + c.failed).toBe(c.processed);
    expect(detail.timings.runs).toBe(2);
    expect(detail.timings.writerThread).toBe(true);

    const contacts = await request(server.url).get('/contacts/contacts').query({ pageSize: 1 }).set('Authorization', `Bearer ${token}`);
    expect(contacts.body.meta.pagination.total).toBe(expected.size);
    const errors = await request(server.url).get(`/contacts/imports/${id}/errors`).set('Authorization', `Bearer ${token}`);
    // header + one line per invalid row, none twice
    expect(errors.text.trim().split('\n')).toHaveLength(invalid + 1);
    server.child.kill('SIGTERM');
  });
});
