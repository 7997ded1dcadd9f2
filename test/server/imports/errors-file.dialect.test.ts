import { errorsCsv, importFile } from '../helpers/imports';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * GET /contacts/imports/:id/errors on every database (it once answered 500
 * on Postgres): keyset pages past the page size, line order, original cells.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app?.stop();
});

it('streams every failed row in line order, with level and reason, past several pages', async () => {
  const rows = ['email,firstName,note'];
  for (let i = 0; i < 2600; i++) rows.push(i % 26 === 0 ? `ok${i}@x.io,Ok,fine` : `broken${i}@,Bad ${i},"=cmd, ""quoted"""`);
  const done = await importFile(app, `${rows.join('\n')}\n`);
  expect(done.status).toBe('imported');
  expect(done.counters.failed).toBe(2500);
  const csv = await errorsCsv(app, done.documentId);
  expect(csv.status).toBe(200);
  expect(csv.type).toMatch(/text\/csv/);
  const lines = csv.text.replace(/^\ufeff/, '').trim().split(/\r?\n/);
  expect(lines[0]).toBe('line,level,column,reason,email,firstName,note');
  expect(lines).toHaveLength(2501);
  const numbers = lines.slice(1).map((l) => Number(l.split(',')[0]));
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  expect(new Set(numbers).size).toBe(2500);
  expect(lines[1]).toBe(`3,error,email,"invalid_email: E-mail: ""broken1@"" is not a valid e-mail address",broken1@,Bad 1,"'=cmd, ""quoted"""`);
});

it('follows the source: a ; Windows-1252 file gets a ; Windows-1252 errors file, in French on request', async () => {
  const iconv = require('iconv-lite');
  const text = 'Courriel;Prénom\r\nbon@x.io;Zoé\r\nmauvais@;Frédéric\r\n';
  const done = await importFile(app, iconv.encode(text, 'win1252'), { filename: 'excel.csv' });
  expect(done.counters).toMatchObject({ created: 1, failed: 1 });
  const res = await app.http().get(`/contacts/imports/${done.documentId}/errors`).query({ locale: 'fr' }).set({ Authorization: `Bearer ${app.adminToken}` }).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/charset=windows-1252/);
  const body = res.body as Buffer;
  expect(body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
  const lines = iconv.decode(body, 'win1252').trim().split(/\r?\n/);
  expect(lines[0]).toBe('line;level;column;reason;Courriel;Prénom');
  expect(lines[1]).toMatch(/^3;error;Courriel;invalid_email: .*n’est pas une adresse e-mail valide;mauvais@;Frédéric$/);
});
