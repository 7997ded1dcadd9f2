import fs from 'fs';
import os from 'os';
import path from 'path';
import { download, exportDetail, exportDirEnv, createExport, parseCsv, readXlsx, waitForExport } from '../helpers/exports';
import { startStrapi, type TestApp } from '../helpers/strapi';

const { fillContacts } = require('../../../bench/fill');

/**
 * An export interrupted mid-run (its process stops, or dies and leaves its
 * lease behind) is never offered half-written, and the next run finishes
 * it: a CSV continues after its last committed page, an XLSX starts over.
 */
const ROWS = 6000;
let app: TestApp;
const exportDir = exportDirEnv();
const queue = () => app.strapi.plugin('contacts').service('queue');
const knex = () => app.strapi.db.connection;
const row = (documentId: string) => knex()('contacts_exports').where({ document_id: documentId }).first();
const FIELDS = ['email', 'firstName', 'lastName', 'mobile', 'createdAt', 'tags'];

beforeAll(async () => {
  // Pages of 20 rows: 300 pages, so the run can be caught in the middle.
  app = await startStrapi({ CONTACTS_QUEUE_TICK_SECONDS: '0.5', CONTACTS_LEASE_SECONDS: '2', CONTACTS_EXPORT_CHUNK_SIZE: '20', CONTACTS_EXPORT_SHEET_ROWS: '2500', ...exportDir.env });
  const fields = app.strapi.plugin('contacts').service('fields');
  await fields.create({ key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro', 'team'] });
  await fillContacts(app.strapi, ROWS);
});
afterAll(async () => {
  await app?.stop();
  exportDir.remove();
});

/** Starts an export and stops the queue once some pages (not all) are in its part file. */
const interrupted = async (body: object) => {
  const id = (await createExport(app, body)).body.data.documentId;
  for (;;) {
    const r = await row(id);
    if (r.status === 'done') throw new Error('the export finished before it could be interrupted');
    if (r.row_count >= 500) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  await queue().stop();
  return id;
};

const filesIn = () => fs.readdirSync(exportDir.dir);

describe('an interrupted export', () => {
  it('CSV: offers no partial file, then continues after its last committed page and gives the same file', async () => {
    const reference = await createExport(app, { scope: { all: true }, fields: FIELDS });
    const done = await waitForExport(app, reference.body.data.documentId);
    const expected = (await download(app, done.documentId)).body as Buffer;
    expect(parseCsv(expected)).toHaveLength(ROWS + 1);

    const id = await interrupted({ scope: { all: true }, fields: FIELDS });
    const stopped = await exportDetail(app, id);
    expect(stopped.status).toBe('in_progress');
    expect(stopped.rowCount).toBeGreaterThan(0);
    expect(stopped.rowCount).toBeLessThan(ROWS);
    expect(stopped.file).toBeNull();
    const res = await download(app, id);
    expect(res.status).toBe(409);
    expect(JSON.parse(res.body.toString()).error.message).toMatch(/% done; download it when its status is done/);
    const cursor = JSON.parse((await row(id)).cursor);
    // Only a part file for this export, as long as its cursor says; a crash mid-write would leave more: add some.
    const parts = filesIn().filter((n) => n.endsWith('.part'));
    expect(parts).toEqual([path.basename(cursor.part)]);
    expect(fs.statSync(cursor.part).size).toBe(cursor.bytes);
    fs.appendFileSync(cursor.part, 'half-written,row\r\ncontact.99');

    queue().start();
    const finished = await waitForExport(app, id);
    expect(finished).toMatchObject({ status: 'done', rowCount: ROWS, total: ROWS, timings: { runs: 2 } });
    expect((await download(app, id)).body.equals(expected)).toBe(true);
    expect(filesIn().filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('XLSX: starts over cleanly and completes, sheets split at the sheet size', async () => {
    const id = await interrupted({ scope: { all: true }, fields: FIELDS, format: 'xlsx' });
    expect((await download(app, id)).status).toBe(409);
    queue().start();
    const finished = await waitForExport(app, id);
    expect(finished).toMatchObject({ status: 'done', rowCount: ROWS, timings: { runs: 2 } });
    const workbook = await readXlsx((await download(app, id)).body);
    expect(workbook.worksheets.map((s: any) => s.name)).toEqual(['Contacts', 'Contacts 2', 'Contacts 3']);
    const emails = new Set<string>();
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).getCell(1).value).toBe('E-mail');
      sheet.eachRow((r: any, n: number) => n > 1 && emails.add(r.getCell(1).value));
    }
    expect(emails.size).toBe(ROWS);
    expect(filesIn().filter((n) => n.endsWith('.part'))).toEqual([]);
  });

  it('is taken over at once when the process holding its lease died on this host', async () => {
    await queue().stop();
    const id = (await createExport(app, { scope: { criteria: { match: 'all', conditions: [{ field: 'plan', operator: 'in', value: ['pro'] }] } }, fields: ['email'] })).body.data.documentId;
    // What a SIGKILLed worker leaves: in progress, a lease that has not expired yet, an owner that no longer runs.
    const at = app.strapi.db.dialect.client === 'sqlite' ? Date.now() + 3600_000 : new Date(Date.now() + 3600_000);
    await knex()('contacts_exports').where({ document_id: id }).update({ status: 'in_progress', lease_owner: `${os.hostname()}:999999:dead`, lease_expires_at: at });
    queue().start();
    const finished = await waitForExport(app, id, ['done', 'failed'], 10_000);
    expect(finished).toMatchObject({ status: 'done', rowCount: ROWS / 3 });
  });

  it('deleted while running: the run stops and leaves no file behind', async () => {
    const id = (await createExport(app, { scope: { all: true }, fields: FIELDS })).body.data.documentId;
    for (;;) {
      const r = await row(id);
      if (r.row_count > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await app.http().delete(`/contacts/exports/${id}`).set({ Authorization: `Bearer ${app.adminToken}` })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    expect(queue().running('export')).toEqual([]);
    expect(filesIn().filter((n) => n.startsWith(id.toLowerCase()))).toEqual([]);
  });
});
