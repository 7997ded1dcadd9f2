import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validate } from './validation/validate';
import { bulkSchema, contactBodySchema, contactQuerySchema, historyQuerySchema } from './validation/admin/contacts';
import { assertValidFilters } from './validation/filters';
import { PERMISSIONS as P, UID } from '../constants';
import { assertPermitted, permittedWhere } from '../permissions/scope';

/** The route's action, checked against this contact (RBAC conditions such as "is creator"). */
const permitted = (ctx: Context, action: string) => assertPermitted(ctx, action, UID.contact, ctx.params.id, 'Contact');

export default {
  async find(ctx: Context) {
    const query = await validate(contactQuerySchema, ctx.query);
    assertValidFilters((uid) => strapi.getModel(uid as any) as any, UID.contact, query.filters);
    const { results, pagination } = await getService('contacts').find(query as any, permittedWhere(ctx, P.contacts.read, UID.contact));
    ctx.body = { data: results, meta: { pagination } };
  },
  async findOne(ctx: Context) {
    await permitted(ctx, P.contacts.read);
    ctx.body = { data: await getService('contacts').findOne(ctx.params.id, { populate: ['segments'] }) };
  },
  async bulk(ctx: Context) {
    const input = await validate(bulkSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await getService('contacts').bulk(input as any, permittedWhere(ctx, P.contacts.manage, UID.contact)) };
  },
  async history(ctx: Context) {
    await permitted(ctx, P.contacts.read);
    const query = await validate(historyQuerySchema, ctx.query);
    const { results, pagination } = await getService('contacts').history(ctx.params.id, query as any);
    ctx.body = { data: results, meta: { pagination } };
  },
  async create(ctx: Context) {
    const input = await validate(contactBodySchema, ctx.request.body, { rejectUnknown: true });
    ctx.status = 201;
    ctx.body = { data: await getService('contacts').create(input as any, ctx.state.user?.id ?? null) };
  },
  async update(ctx: Context) {
    await permitted(ctx, P.contacts.manage);
    const input = await validate(contactBodySchema, ctx.request.body, { rejectUnknown: true });
    ctx.body = { data: await getService('contacts').update(ctx.params.id, input as any, ctx.state.user?.id ?? null) };
  },
  async delete(ctx: Context) {
    await permitted(ctx, P.contacts.manage);
    await getService('contacts').delete(ctx.params.id);
    ctx.body = { data: { documentId: ctx.params.id } };
  },
};
