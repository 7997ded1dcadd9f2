import fs from 'fs';
import createError from 'http-errors';
import type { Core } from '@strapi/strapi';
import { UID, WEBHOOK_EVENTS, type ExportFormat, type ExportLocale, type ExportScope } from '../constants';
import { validate } from '../controllers/validation/validate';
import { tables } from '../database/tables';
import { NotFoundError, PolicyError, ValidationError } from '../errors';
import { ExportSpecError, resolveColumns } from '../export/columns';
import { presentExport, type ExportView } from '../export/present';
import { createExportRepository } from '../export/repository';
import { createExportSchema, normalizeExportRequest } from '../export/request';
import { assertScope } from '../export/scope';
import { downloadName, isOurs, removeExportFile, sweepExportFiles } from '../export/storage';
import type { ExportCursor, ExportRequest } from '../export/types';
import { loadFieldDefinitions } from '../fields/definitions';
import { sendNotice } from '../notify/email';
import { emitEvent } from '../notify/events';
import { withPermission, type Where } from '../permissions/scope';
import { parseJson } from '../utils/json';
import { formatBytes } from './imports';
import { withAuthor } from '../utils/author';

/** A file nobody points to this old is a leftover (a crash between two steps), not a run in flight. */
const ORPHAN_MIN_AGE_MS = 3600_000;

const scopeLabel = (scope: ExportScope) =>
  'all' in scope ? 'all contacts' : 'segment' in scope ? 'segment' : 'import' in scope ? 'import' : 'criteria' in scope ? 'search' : `${scope.ids.length} selected`;

const createExportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const repository = createExportRepository(strapi);
  const config = <T>(key: string) => strapi.config.get(`plugin::contacts.${key}`) as T;
  const queue = () => strapi.plugin('contacts').service('queue') as { kick(): void };

  const baseQuery = () =>
    withAuthor(knex()(`${tables().exports} as e`), 'e', UID.export);

  const row = async (documentId: string) => {
    const r = await baseQuery().where('e.document_id', documentId).first();
    if (!r) throw new NotFoundError('Export not found');
    return r;
  };

  /** Admin users an end-of-export e-mail goes to; unknown ids are the person's to fix. */
  const recipients = async (ids: number[]) => {
    if (!ids.length) return [];
    const users = await knex()(tables().adminUsers).select('id', 'email').whereIn('id', ids);
    const missing = ids.filter((id) => !users.some((u: any) => Number(u.id) === id));
    if (missing.length) throw new ValidationError(`notify: no admin user has the id ${missing.join(', ')}`, { path: 'notify' });
    return users as Array<{ id: number; email: string }>;
  };

  const removeExport = async (r: { id: number; file: unknown; cursor: unknown }) => {
    await knex()(tables().exports).where({ id: r.id }).delete();
    await removeExportFile(strapi, parseJson<any>(r.file, null)?.path);
    await removeExportFile(strapi, parseJson<ExportCursor | null>(r.cursor, null)?.part);
  };

  /** Keeps the newest `exportHistoryMax` finished exports; older ones go with their files. */
  const capHistory = async () => {
    for (const r of await repository.finishedBeyond(config<number>('exportHistoryMax'))) await removeExport(r);
  };

  const service = {
    /** The request checked (400 naming what to fix) and its columns resolved; a scheduled export saves requests that pass. */
    async prepare(input: unknown, locale: ExportLocale = 'en') {
      const valid = (await validate(createExportSchema, normalizeExportRequest(input ?? {}), { rejectUnknown: true })) as Partial<ExportRequest>;
      const request = { ...createExportSchema.getDefault(), ...valid } as ExportRequest;
      await assertScope(strapi, request.scope);
      const fields = await loadFieldDefinitions(strapi);
      const options = { delimiter: request.delimiter, bom: request.bom, headers: request.headers, multiselect: request.multiselect, locale };
      try {
        return { request, options, columns: resolveColumns(request.fields, fields, options) };
      } catch (error) {
        if (error instanceof ExportSpecError) throw new ValidationError(error.message, { path: 'fields' });
        throw error;
      }
    },

    /** Validates the request (400 naming what to fix), resolves its columns and queues it. */
    /**
     * `contactsWhere`: the contacts the caller's role may read (its RBAC
     * conditions); the export holds no other, whatever its scope. Omitted
     * (the CLI, the server's own code): every contact.
     */
    async create(
      input: unknown,
      { userId = null, locale = 'en', contactsWhere = {} }: { userId?: number | null; locale?: ExportLocale; contactsWhere?: Where | null } = {}
    ): Promise<ExportView> {
      if (contactsWhere === null) throw new PolicyError('Exporting contacts needs the permission to read them (Contacts › Read)');
      const { request, columns, options } = await service.prepare(input, locale);
      const notify = request.notify ?? (userId ? [userId] : []);
      await recipients(notify);
      const at = new Date().toISOString();
      const created = await strapi.db.query(UID.export as any).create({
        data: {
          name: request.name || `Contacts (${scopeLabel(request.scope)}) ${at.slice(0, 16).replace('T', ' ')}`,
          scope: request.scope,
          // The query engine stringifies only objects: a bare "main" is not JSON to Postgres and MySQL.
          fields: JSON.stringify(request.fields),
          columns,
          format: request.format,
          options,
          status: 'queued',
          notify,
          contactsWhere: Object.keys(contactsWhere).length ? contactsWhere : null,
          timings: { queuedAt: at },
          createdBy: userId ?? undefined,
          updatedBy: userId ?? undefined,
        } as any,
      });
      queue().kick();
      return presentExport(await row(created.documentId));
    },

    /** History, newest first, narrowed to the rows the caller's role conditions cover. */
    async find(query: { page?: number; pageSize?: number } = {}, permission: Where | null = {}) {
      const page = Math.max(1, Number(query.page) || 1);
      const pageSize = Math.min(100, Math.max(1, Number(query.pageSize) || 20));
      const where = withPermission({}, permission);
      if (where === null) return { results: [], pagination: { page, pageSize, pageCount: 0, total: 0 } };
      const q = strapi.db.query(UID.export as any);
      const [total, hits] = await Promise.all([q.count({ where }), q.findMany({ where, select: ['id'], orderBy: { id: 'desc' }, offset: (page - 1) * pageSize, limit: pageSize })]);
      const ids = (hits as Array<{ id: number }>).map((h) => h.id);
      const rows = ids.length ? await baseQuery().whereIn('e.id', ids).orderBy('e.id', 'desc') : [];
      return { results: rows.map(presentExport), pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
    },

    findOne: async (documentId: string) => presentExport(await row(documentId)),

    /** The finished file, to stream: 409 while the export runs (a part file is never offered), 404 if the file is gone. */
    async download(documentId: string) {
      const r = await row(documentId);
      if (r.status !== 'done') {
        const view = presentExport(r);
        const message =
          r.status === 'failed'
            ? `This export failed (${view.error ?? 'no reason recorded'}); create it again`
            : `This export is ${r.status === 'queued' ? 'queued' : `${Math.round(view.progress * 100)}% done`}; download it when its status is done`;
        throw createError(409, message, { expose: true, details: { status: r.status } });
      }
      const file = parseJson<{ path: string; size: number; mime: string } | null>(r.file, null);
      const stat = file && isOurs(strapi, file.path) ? await fs.promises.stat(file.path).catch(() => null) : null;
      if (!file || !stat) throw new NotFoundError('The export file is no longer on the server (removed from its directory); create the export again');
      return { path: file.path, size: stat.size, mime: file.mime, name: downloadName(r.name, r.format as ExportFormat) };
    },

    /** A running export may be deleted too: its run notices at its next page and drops its part file. */
    async delete(documentId: string) {
      const r = await row(documentId);
      await removeExport(r);
      return { documentId };
    },

    /** After an export ends: webhook event, e-mail to the chosen admins, history cap. */
    async ended(exportId: number, outcome: 'done' | 'failed') {
      const r = await baseQuery().where('e.id', exportId).first();
      if (!r) return;
      const view = presentExport(r);
      emitEvent(strapi, outcome === 'done' ? WEBHOOK_EVENTS.exportFinished : WEBHOOK_EVENTS.exportFailed, {
        export: { documentId: view.documentId, name: view.name, status: view.status, format: view.format, rowCount: view.rowCount, bytes: view.bytes, durationMs: view.durationMs, error: view.error },
      });
      const to = (await recipients(parseJson<number[]>(r.notify, [])).catch(() => [])).map((u) => u.email);
      const text =
        outcome === 'done'
          ? `${view.rowCount} contacts exported (${view.format.toUpperCase()}, ${formatBytes(view.bytes)}) in ${(view.durationMs / 1000).toFixed(1)} s.\n\nDownload it from Contacts → Exports.`
          : `The export failed: ${view.error ?? 'no reason recorded'}`;
      await sendNotice(strapi, to, `Export "${view.name}" ${outcome === 'done' ? 'finished' : 'failed'}`, text);
      await capHistory();
    },

    /** History cap and leftover files: cheap, idempotent, safe on every instance. */
    async housekeeping() {
      await capHistory();
      const known = new Set<string>();
      for (const r of await repository.files()) {
        const file = parseJson<any>(r.file, null)?.path;
        const part = parseJson<ExportCursor | null>(r.cursor, null)?.part;
        if (file) known.add(file);
        if (part) known.add(part);
      }
      await sweepExportFiles(strapi, known, ORPHAN_MIN_AGE_MS);
    },
  };
  return service;
};

export default createExportsService;
export type ExportsService = ReturnType<typeof createExportsService>;
