import type { Context } from 'koa';
import { PERMISSIONS as P, UID } from '../constants';
import { localeOf } from '../import/reasons';
import { assertPermitted, permittedWhere } from '../permissions/scope';
import { getService } from '../utils/get-service';
import { createScheduledExportSchema, listSchedulesSchema, testDestinationSchema, updateScheduledExportSchema } from './validation/admin/schedules';
import { validate } from './validation/validate';

const userId = (ctx: Context) => (ctx.state.user?.id as number | undefined) ?? null;
const permitted = (ctx: Context, action: string) => assertPermitted(ctx, action, UID.scheduledExport, ctx.params.id, 'Scheduled export');
const service = () => getService('scheduled-exports');

export default {
  async find(ctx: Context) {
    const query = await validate(listSchedulesSchema, ctx.query);
    const { results, pagination } = await service().find(query, permittedWhere(ctx, P.exports.read, UID.scheduledExport));
    ctx.body = { data: results, meta: { pagination } };
  },

  async findOne(ctx: Context) {
    await permitted(ctx, P.exports.read);
    ctx.body = { data: await service().findOne(ctx.params.id) };
  },

  /** Each run exports what the creator's role may read now (Contacts › Read conditions), as a manual export does. */
  async create(ctx: Context) {
    const input = await validate(createScheduledExportSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.status = 201;
    ctx.body = {
      data: await service().create(input as any, {
        userId: userId(ctx),
        locale: localeOf(ctx.query.locale ?? ctx.state.user?.preferedLanguage),
        contactsWhere: permittedWhere(ctx, P.contacts.read, UID.contact),
      }),
    };
  },

  async update(ctx: Context) {
    await permitted(ctx, P.exports.manage);
    const input = await validate(updateScheduledExportSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await service().update(ctx.params.id, input as any, userId(ctx)) };
  },

  async delete(ctx: Context) {
    await permitted(ctx, P.exports.manage);
    ctx.body = { data: await service().delete(ctx.params.id) };
  },

  async run(ctx: Context) {
    await permitted(ctx, P.exports.create);
    ctx.status = 202;
    ctx.body = { data: await service().runNow(ctx.params.id) };
  },

  async test(ctx: Context) {
    if (ctx.params.id) await permitted(ctx, P.exports.create);
    const input = await validate(testDestinationSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await service().testConnection({ ...(input as any), documentId: ctx.params.id }) };
  },

  async runs(ctx: Context) {
    await permitted(ctx, P.exports.read);
    const query = await validate(listSchedulesSchema, ctx.query);
    const { results, pagination } = await service().runs(ctx.params.id, query);
    ctx.body = { data: results, meta: { pagination } };
  },
};
