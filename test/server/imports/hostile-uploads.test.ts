import http from 'http';
import type { AddressInfo } from 'net';
import { emptyRowsWorkbook, entityWorkbook, newlineFreeText, sharedStringsBomb, sheetBomb, wideCsv } from '../../fixtures/hostile';
import { patch, upload } from '../helpers/imports';
import { auth, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Hostile files through the HTTP API of a booted Strapi (the worker threads
 * of the built bundle): every one gets a 4xx with a message, fast, and the
 * server keeps serving.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
  const server = app.strapi.server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await app?.stop();
});

const alive = async () => expect((await app.http().get('/contacts/imports').set(auth(app.adminToken))).status).toBe(200);

it('refuses four parallel 1.2 GB shared-strings bombs at once, in bounded memory', async () => {
  const bomb = sharedStringsBomb(1.2 * 1024 ** 3);
  const before = process.memoryUsage().rss;
  const started = Date.now();
  const results = await Promise.all([1, 2, 3, 4].map((i) => upload(app, bomb, `bomb${i}.xlsx`)));
  expect(Date.now() - started).toBeLessThan(10_000);
  for (const res of results) {
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/maxXlsxInflatedSize|maxXlsxCompressionRatio/);
  }
  expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  await alive();
});

it('stops a sheet whose header lies about its size, and a sheet bomb', async () => {
  const lying = await upload(app, sheetBomb(64 * 1024 * 1024, 1024), 'lying.xlsx');
  expect([400, 413]).toContain(lying.status);
  expect(lying.body.error.message).toBeTruthy();
  const bomb = await upload(app, sheetBomb(2 * 1024 ** 3), 'sheet-bomb.xlsx');
  expect(bomb.status).toBe(413);
  await alive();
});

it.each(['laughs', 'system', 'public'] as const)('refuses XML entities (%s) with a 400, fetching nothing', async (kind) => {
  let fetched = 0;
  const trap = http.createServer((_req, res) => {
    fetched += 1;
    res.end('x');
  });
  await new Promise<void>((r) => trap.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(trap.address() as AddressInfo).port}/evil`;
  for (const part of ['sheet', 'sharedStrings'] as const) {
    const res = await upload(app, entityWorkbook(kind, part, url), `${kind}-${part}.xlsx`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/not a plain spreadsheet/i);
  }
  await new Promise<void>((r) => trap.close(() => r()));
  expect(fetched).toBe(0);
});

it('answers a sheet of empty rows quickly, in sniff and in preview', async () => {
  const started = Date.now();
  const empty = await upload(app, emptyRowsWorkbook(300_000), 'empty.xlsx');
  expect(empty.status).toBe(400);
  expect(empty.body.error.message).toMatch(/no data|hold no/i);
  const late = await upload(app, emptyRowsWorkbook(200_000, { dataRows: 1 }), 'late.xlsx');
  expect(late.status).toBe(201);
  const preview = await app.http().get(`/contacts/imports/${late.body.data.documentId}/preview`).set(auth(app.adminToken));
  expect(preview.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(30_000);
});

it('refuses a 100,000-column CSV and 50 MB without a line break with the real reason', async () => {
  const wide = await upload(app, wideCsv(100_000), 'wide.csv');
  expect(wide.status).toBe(400);
  expect(wide.body.error.message).toMatch(/columns/);
  const flat = await upload(app, newlineFreeText(50 * 1024 * 1024), 'flat.csv');
  expect([400, 413]).toContain(flat.status);
  expect(flat.body.error.message).toMatch(/line break/i);
  expect(flat.body.error.message).not.toMatch(/quote/i);
  await alive();
});

it('a 50 MB line without quotes fails its row with the real reason during an import', async () => {
  const text = `email,note\nok@x.io,fine\nlong@x.io,${'x'.repeat(20 * 1024 * 1024)}\n`;
  const created = await upload(app, text, 'long-line.csv');
  expect(created.status).toBe(201);
  const res = await patch(app, created.body.data.documentId, { name: 'long line' });
  expect(res.status).toBe(200);
  const preview = await app.http().get(`/contacts/imports/${created.body.data.documentId}/preview`).set(auth(app.adminToken));
  expect(preview.status).toBe(400);
  expect(preview.body.error.message).toMatch(/longer than|line break/i);
  expect(preview.body.error.message).not.toMatch(/quote/i);
});
