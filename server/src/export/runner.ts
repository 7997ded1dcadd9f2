import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { tables } from '../database/tables';
import { parseJson } from '../utils/json';
import { csvRecordOf, selectedColumns, xlsxValuesOf, type CellNotes, type RowContext } from './cells';
import type { ExportColumn } from './columns';
import { openCsvFile } from './csv-file';
import { keysetPages } from './read';
import { createExportRepository } from './repository';
import { readableWhere, scopeWhere } from './scope';
import type { ExportSink } from './sink';
import { MIME, removeExportFile, runFiles } from './storage';
import type { ExportCursor, ExportOptions, ExportTimings } from './types';
import { openXlsxFile } from './xlsx-file';

const DAY = 86_400_000;
/**
 * An XLSX page takes several times longer to write than a CSV one, so its
 * rows outlive more young-generation collections and V8 moves them to the
 * old one: half the default page keeps a 1M-row export ~35 MB lower (measured).
 */
const XLSX_PAGE_MAX = 1000;

export interface RunSettings {
  chunkSize: number;
  activityDays: number;
  /** True when this process is shutting down: leave after the current page, keeping the export in progress. */
  shouldPause?: () => boolean;
  /** After each page's cursor is saved: the rows written so far and the pass's total. */
  onProgress?: (p: { processed: number; total: number }) => void;
  /** XLSX sheet size (tests make it small). */
  sheetRows?: number;
}

/** `lost`: this process no longer holds the export (taken over, deleted, or shutting down). */
export type ExportOutcome = 'done' | 'lost';

/** A problem the person can act on (the scope's segment was deleted…): the export fails with this message. */
export class ExportRunError extends Error {}

/**
 * Runs (or resumes) one claimed export: pages of contacts in id order, up to
 * the highest id when it first started, into a part file; each page's cursor
 * is saved once the page is in the file. At the end the part file is renamed
 * and the export is done; a download never sees a file still being written.
 */
export const runExport = async (strapi: Core.Strapi, exportId: number, owner: string, settings: RunSettings): Promise<ExportOutcome> => {
  const repository = createExportRepository(strapi);
  const row = await repository.byId(exportId);
  if (!row) return 'lost';
  const t = tables();
  const knex = strapi.db.connection;
  const columns = parseJson<ExportColumn[]>(row.columns, []);
  const options = parseJson<ExportOptions>(row.options, {} as ExportOptions);
  const timings = parseJson<ExportTimings>(row.timings, {});
  const runStart = Date.now();
  const activeBefore = Number(row.duration_ms) || 0;
  let cursor = parseJson<ExportCursor | null>(row.cursor, null);
  let total = Number(row.total) || 0;
  timings.runs = (timings.runs ?? 0) + 1;

  const scope = parseJson<any>(row.scope, { all: true });
  const now = cursor ? new Date(cursor.now) : new Date();
  const inScope = await scopeWhere(strapi, scope, { alias: 'c', now }).catch((error) => {
    throw new ExportRunError(`The export's scope can no longer be read: ${(error as Error).message}`);
  });
  const where = readableWhere(strapi, inScope, parseJson<Record<string, unknown> | null>(row.contacts_where, null), 'c');
  if (!cursor) {
    const [{ maxId }] = await knex(t.contacts).max({ maxId: 'id' });
    cursor = { after: 0, rows: 0, bytes: 0, maxId: Number(maxId) || 0, now: now.toISOString(), part: null, notes: { truncated: 0, unlisted: 0 } };
    const [{ n }] = await knex(`${t.contacts} as c`).whereRaw(where.sql, where.bindings as any).andWhere('c.id', '<=', cursor.maxId).count({ n: '*' });
    timings.startedAt = new Date(runStart).toISOString();
    total = Number(n);
    if (!(await repository.begin(exportId, owner, { total, cursor, timings: JSON.stringify(timings) }))) return 'lost';
  }

  const files = await runFiles(strapi, row.document_id, row.format);
  const ctx: RowContext = {
    columnOf: (key) => (key === 'createdAt' || key === 'updatedAt' ? t.contactSystem[key] : t.contactColumns[key]),
    activeSince: new Date(now.getTime() - settings.activityDays * DAY),
  };
  const previous = cursor;
  let sink: ExportSink;
  if (row.format === 'xlsx') {
    sink = await openXlsxFile({ part: files.part, columns, sheetRows: settings.sheetRows });
  } else {
    sink = await openCsvFile({
      part: files.part,
      header: columns.map((c) => c.header),
      delimiter: options.delimiter ?? ',',
      bom: options.bom !== false,
      resume: previous.part ? { file: previous.part, bytes: previous.bytes } : null,
    });
  }
  // The earlier run's part file is ours now (copied, or started over).
  if (previous.part && previous.part !== files.part) await removeExportFile(strapi, previous.part);
  const notes: CellNotes = sink.resumed ? { ...previous.notes } : { truncated: 0, unlisted: 0 };
  let position = sink.resumed ? { after: previous.after, rows: previous.rows } : { after: 0, rows: 0 };
  const toRecord = row.format === 'xlsx' ? xlsxValuesOf(columns, ctx, notes) : csvRecordOf(columns, ctx, notes);
  const active = () => activeBefore + (Date.now() - runStart);

  const leave = async (): Promise<ExportOutcome> => {
    await sink.abandon();
    // Deleted while running: nobody will resume it.
    if (!(await repository.byId(exportId))) await removeExportFile(strapi, files.part);
    return 'lost';
  };

  try {
    const save = (next: Partial<ExportCursor>) => {
      cursor = { ...cursor!, ...next, part: files.part, bytes: sink.bytes(), notes: { ...notes } };
      return repository.progress(exportId, owner, { rowCount: cursor.rows, bytes: cursor.bytes, cursor, durationMs: active(), timings: JSON.stringify(timings) });
    };
    if (!(await save(position))) return await leave();
    const size = row.format === 'xlsx' ? Math.min(settings.chunkSize, XLSX_PAGE_MAX) : settings.chunkSize;
    const pages = keysetPages(knex, t.contacts, selectedColumns(columns, ctx), where, { after: position.after, maxId: previous.maxId, size });
    for await (const page of pages) {
      await sink.write(page.map(toRecord));
      position = { after: Number(page[page.length - 1].id), rows: position.rows + page.length };
      if (!(await save(position))) return await leave();
      settings.onProgress?.({ processed: position.rows, total });
      if (settings.shouldPause?.()) return await leave();
      // better-sqlite3 answers in microtasks: let HTTP requests in between pages.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await sink.finish();
  } catch (error) {
    await sink.abandon();
    await removeExportFile(strapi, files.part);
    throw error;
  }

  await fs.promises.rename(files.part, files.final);
  const size = (await fs.promises.stat(files.final)).size;
  timings.finishedAt = new Date().toISOString();
  const file = { path: files.final, size, mime: MIME[row.format as 'csv' | 'xlsx'] };
  const done = await repository.finish(exportId, owner, {
    file: JSON.stringify(file),
    rowCount: position.rows,
    bytes: size,
    durationMs: active(),
    timings: JSON.stringify(timings),
    notes: JSON.stringify(notes),
  });
  if (!done) {
    // Another run owns the export now (or it was deleted): its own file wins.
    await removeExportFile(strapi, files.final);
    return 'lost';
  }
  return 'done';
};
