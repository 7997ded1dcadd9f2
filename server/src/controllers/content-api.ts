import type { Context } from 'koa';
import { UID } from '../constants';
import { NotFoundError } from '../errors';
import { getService } from '../utils/get-service';
import { validate } from './validation/validate';
import { contactBodySchema } from './validation/admin/contacts';

const schema = () => strapi.getModel(UID.contact as any);

/** Strapi's own content-API query validation and sanitization, so permissions on fields hold. */
const sanitizeQuery = async (ctx: Context) => {
  const auth = ctx.state.auth;
  await strapi.contentAPI.validate.query(ctx.query, schema(), { auth });
  return strapi.contentAPI.sanitize.query(ctx.query, schema(), { auth });
};
const sanitizeOutput = (ctx: Context, data: unknown) =>
  strapi.contentAPI.sanitize.output(data, schema(), { auth: ctx.state.auth });

/** `{ data: {...} }` or the bare object, as Strapi's REST API accepts both. */
const bodyData = (ctx: Context) => {
  const body = (ctx.request.body ?? {}) as Record<string, unknown>;
  return body.data && typeof body.data === 'object' ? body.data : body;
};

export default {
  async find(ctx: Context) {
    const query: any = await sanitizeQuery(ctx);
    const page = Math.max(1, Number(query.pagination?.page) || 1);
    const pageSize = Math.min(100, Math.max(1, Number(query.pagination?.pageSize) || 25));
    const docs = strapi.documents(UID.contact as any);
    const params = { filters: query.filters, sort: query.sort, fields: query.fields, populate: query.populate };
    const [results, total] = await Promise.all([
      docs.findMany({ ...params, start: (page - 1) * pageSize, limit: pageSize }),
      docs.count({ filters: query.filters }),
    ]);
    ctx.body = {
      data: await sanitizeOutput(ctx, results),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
    };
  },

  async findOne(ctx: Context) {
    const query: any = await sanitizeQuery(ctx);
    const contact = await strapi
      .documents(UID.contact as any)
      .findOne({ documentId: ctx.params.id, fields: query.fields, populate: query.populate });
    if (!contact) throw new NotFoundError('Contact not found');
    ctx.body = { data: await sanitizeOutput(ctx, contact) };
  },

  async create(ctx: Context) {
    const input = await validate(contactBodySchema, bodyData(ctx));
    const contact = await getService('contacts').create(input as any);
    ctx.status = 201;
    ctx.body = { data: await sanitizeOutput(ctx, contact) };
  },

  async update(ctx: Context) {
    const input = await validate(contactBodySchema, bodyData(ctx));
    const contact = await getService('contacts').update(ctx.params.id, input as any);
    ctx.body = { data: await sanitizeOutput(ctx, contact) };
  },

  async delete(ctx: Context) {
    await getService('contacts').delete(ctx.params.id);
    ctx.status = 204;
  },

  /** Sign-up form endpoint: answers that the address is subscribed, never with the stored contact. */
  async subscribe(ctx: Context) {
    const input = await validate(contactBodySchema, bodyData(ctx));
    await getService('contacts').subscribe(input as any);
    // Same answer for a new and a known address, so the endpoint cannot be used to probe the base.
    ctx.body = { data: { email: String(input.email).trim().toLowerCase(), subscribed: true } };
  },
};
