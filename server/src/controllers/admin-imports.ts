import type { Context } from 'koa';
import { Readable } from 'stream';
import { stringify } from 'csv-stringify';
import iconv from 'iconv-lite';
import { localeOf } from '../import/reasons';
import { IMPORT_EXTENSIONS, PERMISSIONS as P, UID, type ImportLimits } from '../constants';
import { ValidationError } from '../errors';
import { assertPermitted, permittedWhere } from '../permissions/scope';
import { neutralizeCell } from '../export/neutralize';
import { getService } from '../utils/get-service';
import { removeFile } from '../import/storage';
import type { UploadedFile } from '../services/imports';
import { validate } from './validation/validate';
import { importOptionsSchema, listQuerySchema, updateImportSchema } from './validation/admin/imports';

/** Multipart text fields arrive as strings: `options` may be JSON text. */
const readOptions = async (raw: unknown) => {
  if (raw === undefined || raw === null || raw === '') return {};
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new ValidationError('options must be a JSON object');
    }
  }
  return validate(importOptionsSchema, value, { rejectUnknown: true });
};

/** Every file part of a multipart request, whatever its field name. */
const uploadedFiles = (ctx: Context): Array<{ field: string; file: UploadedFile }> => {
  const files = ((ctx.request as any).files ?? {}) as Record<string, UploadedFile | UploadedFile[]>;
  return Object.entries(files).flatMap(([field, value]) => (Array.isArray(value) ? value : [value]).map((file) => ({ field, file })));
};

/** The person's language: `?locale=`, else the admin user's preferred language. */
const localeFor = (ctx: Context) => localeOf(ctx.query.locale ?? ctx.state.user?.preferedLanguage);

const userId = (ctx: Context) => (ctx.state.user?.id as number | undefined) ?? null;

/** The route's action, checked against this import's row (RBAC conditions such as "is creator"). */
const permitted = (ctx: Context, action: string) => assertPermitted(ctx, action, UID.import, ctx.params.id, 'Import');

export default {
  async find(ctx: Context) {
    const query = await validate(listQuerySchema, ctx.query);
    const { results, pagination } = await getService('imports').find(query, permittedWhere(ctx, P.imports.read, UID.import));
    ctx.body = { data: results, meta: { pagination } };
  },

  async findOne(ctx: Context) {
    await permitted(ctx, P.imports.read);
    ctx.body = { data: await getService('imports').findOne(ctx.params.id, localeFor(ctx)) };
  },

  /** What the upload step tells people before they pick a file. */
  async limits(ctx: Context) {
    const data: ImportLimits = { maxFileSize: strapi.config.get('plugin::contacts.maxFileSize') as number, extensions: IMPORT_EXTENSIONS };
    ctx.body = { data };
  },

  async create(ctx: Context) {
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const uploaded = uploadedFiles(ctx);
    try {
      const file = uploaded.find((f) => f.field === 'file')?.file;
      const options = await readOptions(body.options);
      const name = typeof body.name === 'string' ? body.name.slice(0, 255) : undefined;
      const service = getService('imports');
      let data;
      if (file) {
        data = await service.createFromUpload(file, options, userId(ctx), name);
      } else if (typeof body.text === 'string') {
        data = await service.createFromText(body.text, options, userId(ctx), name);
      } else {
        throw new ValidationError('Send a file (multipart field "file") or pasted text (JSON { "text": "..." })');
      }
      ctx.status = 201;
      ctx.body = { data };
    } finally {
      // formidable left every part in the OS temp dir; the one we kept was moved already.
      await Promise.all(uploaded.map((f) => removeFile(f.file.filepath)));
    }
  },

  async update(ctx: Context) {
    await permitted(ctx, P.imports.create);
    const input = await validate(updateImportSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await getService('imports').update(ctx.params.id, input as any, userId(ctx)) };
  },

  async preview(ctx: Context) {
    await permitted(ctx, P.imports.create);
    const limit = Math.min(100, Math.max(1, Number(ctx.query.limit) || 20));
    ctx.body = { data: await getService('imports').preview(ctx.params.id, limit, localeFor(ctx)) };
  },

  async start(ctx: Context) {
    await permitted(ctx, P.imports.create);
    ctx.status = 202;
    ctx.body = { data: await getService('imports').start(ctx.params.id) };
  },

  async stop(ctx: Context) {
    await permitted(ctx, P.imports.manage);
    ctx.status = 202;
    ctx.body = { data: await getService('imports').stop(ctx.params.id) };
  },

  async resume(ctx: Context) {
    await permitted(ctx, P.imports.manage);
    ctx.status = 202;
    ctx.body = { data: await getService('imports').resume(ctx.params.id) };
  },

  async delete(ctx: Context) {
    await permitted(ctx, P.imports.manage);
    ctx.body = { data: await getService('imports').delete(ctx.params.id) };
  },

  /** Failed rows and warnings as CSV: line, level, column, reason, then the original cells under the file's own headers. */
  async errors(ctx: Context) {
    await permitted(ctx, P.imports.read);
    const { importRow, columns, rows, format } = await getService('imports').errorRows(ctx.params.id, localeFor(ctx));
    const records = Readable.from(
      (async function* () {
        yield ['line', 'level', 'column', 'reason', ...columns].map(neutralizeCell);
        for await (const e of rows) yield [e.line, e.level ?? 'error', e.column ?? '', e.reason, ...e.cells].map(neutralizeCell);
      })()
    );
    const utf8 = /^utf-?8$/i.test(format.encoding);
    const csv = stringify({ bom: utf8, delimiter: format.delimiter });
    records.on('error', (error) => csv.destroy(error));
    records.pipe(csv);
    const base = String(importRow.name || 'import').replace(/[^\w.\-]+/g, '_').replace(/\.(csv|tsv|txt|xlsx)$/i, '');
    ctx.set('Content-Type', `text/csv; charset=${utf8 ? 'utf-8' : format.encoding}`);
    ctx.set('Content-Disposition', `attachment; filename="${base}-errors.csv"`);
    // A Windows-1252 file gets a Windows-1252 errors file: Excel opens both the same way.
    // csv-stringify emits Buffers; iconv-lite's encoder wants strings.
    ctx.body = utf8 ? csv : csv.setEncoding('utf8').pipe(iconv.encodeStream(format.encoding));
  },
};
