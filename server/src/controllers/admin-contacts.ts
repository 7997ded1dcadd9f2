import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validate } from './validation/validate';
import { contactBodySchema, contactQuerySchema } from './validation/admin/contacts';
import { assertValidFilters } from './validation/filters';
import { UID } from '../constants';

export default {
  async find(ctx: Context) {
    const query = await validate(contactQuerySchema, ctx.query);
    assertValidFilters((uid) => strapi.getModel(uid as any) as any, UID.contact, query.filters);
    const { results, pagination } = await getService('contacts').find(query as any);
    ctx.body = { data: results, meta: { pagination } };
  },
  async findOne(ctx: Context) {
    ctx.body = { data: await getService('contacts').findOne(ctx.params.id, { populate: ['segments'] }) };
  },
  async create(ctx: Context) {
    const input = await validate(contactBodySchema, ctx.request.body, { rejectUnknown: true });
    ctx.status = 201;
    ctx.body = { data: await getService('contacts').create(input as any) };
  },
  async update(ctx: Context) {
    const input = await validate(contactBodySchema, ctx.request.body, { rejectUnknown: true });
    ctx.body = { data: await getService('contacts').update(ctx.params.id, input as any) };
  },
  async delete(ctx: Context) {
    await getService('contacts').delete(ctx.params.id);
    ctx.body = { data: { documentId: ctx.params.id } };
  },
};
