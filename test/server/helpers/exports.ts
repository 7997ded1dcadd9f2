import fs from 'fs';
import os from 'os';
import path from 'path';
import { auth, type TestApp } from './strapi';

/** A private export directory per suite (suites run side by side on one playground). */
export const exportDirEnv = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-exports-'));
  return { env: { CONTACTS_EXPORT_DIR: dir }, dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
};

export const EXPORT_TERMINAL = ['done', 'failed'];

/** POST /contacts/exports (as the super admin unless a token is given). */
export const createExport = (app: TestApp, body: unknown, { token = app.adminToken, locale }: { token?: string; locale?: string } = {}) =>
  app
    .http()
    .post(`/contacts/exports${locale ? `?locale=${locale}` : ''}`)
    .set(auth(token))
    .send(body as object);

export const exportDetail = async (app: TestApp, id: string) => (await app.http().get(`/contacts/exports/${id}`).set(auth(app.adminToken))).body.data;

/** Polls the export until it reaches one of `statuses`. */
export const waitForExport = async (app: TestApp, id: string, statuses = EXPORT_TERMINAL, timeoutMs = 60_000) => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const d = await exportDetail(app, id);
    if (statuses.includes(d.status)) return d;
    if (Date.now() > until) throw new Error(`export ${id} still ${d.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

/** GET /download as raw bytes. */
export const download = (app: TestApp, id: string, token = app.adminToken) =>
  app
    .http()
    .get(`/contacts/exports/${id}/download`)
    .set(auth(token))
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });

/** Creates an export, waits for it to be done and returns its detail and file. */
export const runExport = async (app: TestApp, body: unknown, opts: { locale?: string; token?: string } = {}) => {
  const created = await createExport(app, body, opts);
  if (created.status !== 201) throw new Error(`export create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const detail = await waitForExport(app, created.body.data.documentId);
  if (detail.status !== 'done') throw new Error(`export ${detail.status}: ${detail.error}`);
  const file = await download(app, detail.documentId, opts.token);
  if (file.status !== 200) throw new Error(`download failed: ${file.status}`);
  return { detail, file: file.body as Buffer, headers: file.headers };
};

/** CSV text → rows of cells (the test's own reader: csv-parse, the reference parser). */
export const parseCsv = (buffer: Buffer, delimiter = ','): string[][] => {
  const { parse } = require('csv-parse/sync');
  return parse(buffer.toString('utf8').replace(/^\ufeff/, ''), { delimiter, relax_column_count: false });
};

/** XLSX → rows of exceljs cells (values typed as exceljs reads them). */
export const readXlsx = async (buffer: Buffer) => {
  const ExcelJS = require('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  return workbook;
};
