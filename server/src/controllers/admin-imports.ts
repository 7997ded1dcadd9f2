import type { Context } from 'koa';
import { stringify } from 'csv-stringify';
import { ValidationError } from '../errors';
import { neutralizeCell } from '../export/neutralize';
import { parseJson } from '../utils/json';
import { getService } from '../utils/get-service';
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

const userId = (ctx: Context) => (ctx.state.user?.id as number | undefined) ?? null;

export default {
  async find(ctx: Context) {
    const query = await validate(listQuerySchema, ctx.query);
    const { results, pagination } = await getService('imports').find(query);
    ctx.body = { data: results, meta: { pagination } };
  },

  async findOne(ctx: Context) {
    ctx.body = { data: await getService('imports').findOne(ctx.params.id) };
  },

  /** What the upload step tells people before they pick a file. */
  async limits(ctx: Context) {
    ctx.body = { data: { maxFileSize: strapi.config.get('plugin::contacts.maxFileSize') as number, extensions: ['.csv', '.tsv', '.txt', '.xlsx'] } };
  },

  async create(ctx: Context) {
    const body = (ctx.request.body ?? {}) as Record<string, unknown>;
    const files = (ctx.request as any).files ?? {};
    const file = Array.isArray(files.file) ? files.file[0] : files.file;
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
  },

  async update(ctx: Context) {
    const input = await validate(updateImportSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await getService('imports').update(ctx.params.id, input as any, userId(ctx)) };
  },

  async preview(ctx: Context) {
    const limit = Math.min(100, Math.max(1, Number(ctx.query.limit) || 20));
    ctx.body = { data: await getService('imports').preview(ctx.params.id, limit) };
  },

  async start(ctx: Context) {
    ctx.status = 202;
    ctx.body = { data: await getService('imports').start(ctx.params.id) };
  },

  async stop(ctx: Context) {
    ctx.status = 202;
    ctx.body = { data: await getService('imports').stop(ctx.params.id) };
  },

  async resume(ctx: Context) {
    ctx.status = 202;
    ctx.body = { data: await getService('imports').resume(ctx.params.id) };
  },

  async delete(ctx: Context) {
    ctx.body = { data: await getService('imports').delete(ctx.params.id) };
  },

  /** Failed rows as CSV: line, reason, then the original cells under the file's own headers. */
  async errors(ctx: Context) {
    const { importRow, columns, stream } = await getService('imports').errorRows(ctx.params.id);
    const csv = stringify({ bom: true });
    csv.write(['line', 'reason', ...columns].map(neutralizeCell));
    stream.on('data', (e: any) => csv.write([e.line, e.reason, ...parseJson<string[]>(e.cells, [])].map(neutralizeCell)));
    stream.on('end', () => csv.end());
    stream.on('error', (error: Error) => csv.destroy(error));
    const base = String(importRow.name || 'import').replace(/[^\w.\-]+/g, '_').replace(/\.(csv|tsv|txt|xlsx)$/i, '');
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="${base}-errors.csv"`);
    ctx.body = csv;
  },
};
