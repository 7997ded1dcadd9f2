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
