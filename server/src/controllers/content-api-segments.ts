import type { Context } from 'koa';
import { UID } from '../constants';
import { NotFoundError } from '../errors';
import { assertValidFilters } from './validation/filters';

const schema = () => strapi.getModel(UID.segment as any);

/** Strapi's content-API validation and sanitization, so a token's field permissions hold. */
const sanitizeQuery = async (ctx: Context) => {
  assertValidFilters((uid) => strapi.getModel(uid as any) as any, UID.segment, ctx.query.filters);
  await strapi.contentAPI.validate.query(ctx.query, schema(), { auth: ctx.state.auth });
  return strapi.contentAPI.sanitize.query(ctx.query, schema(), { auth: ctx.state.auth });
};

/** Segments, read-only for sites (closed until a role or an API token grants find/findOne). */
export default {
  async find(ctx: Context) {
    const query: any = await sanitizeQuery(ctx);
    const docs = strapi.documents(UID.segment as any);
    const pageSize = Math.min(100, Math.max(1, Number(query.pagination?.pageSize) || 25));
    const page = Math.max(1, Number(query.pagination?.page) || 1);
    const [results, total] = await Promise.all([
      docs.findMany({ filters: query.filters, sort: query.sort ?? [{ id: 'asc' }], fields: query.fields, start: (page - 1) * pageSize, limit: pageSize }),
      docs.count({ filters: query.filters }),
    ]);
    ctx.body = {
      data: await strapi.contentAPI.sanitize.output(results, schema(), { auth: ctx.state.auth }),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
    };
  },
  async findOne(ctx: Context) {
    const query: any = await sanitizeQuery(ctx);
    const segment = await strapi.documents(UID.segment as any).findOne({ documentId: ctx.params.id, fields: query.fields });
    if (!segment) throw new NotFoundError('Segment not found');
    ctx.body = { data: await strapi.contentAPI.sanitize.output(segment, schema(), { auth: ctx.state.auth }) };
  },
};
