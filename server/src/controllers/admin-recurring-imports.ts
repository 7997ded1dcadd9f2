import type { Context } from 'koa';
import { PERMISSIONS as P, UID } from '../constants';
import { assertPermitted, permittedWhere } from '../permissions/scope';
import { getService } from '../utils/get-service';
import { createRecurringImportSchema, listSchedulesSchema, testSourceSchema, updateRecurringImportSchema } from './validation/admin/schedules';
import { validate } from './validation/validate';

const userId = (ctx: Context) => (ctx.state.user?.id as number | undefined) ?? null;
const permitted = (ctx: Context, action: string) => assertPermitted(ctx, action, UID.recurringImport, ctx.params.id, 'Recurring import');
const service = () => getService('recurring-imports');

export default {
  async find(ctx: Context) {
    const query = await validate(listSchedulesSchema, ctx.query);
    const { results, pagination } = await service().find(query, permittedWhere(ctx, P.imports.read, UID.recurringImport));
    ctx.body = { data: results, meta: { pagination } };
  },

  async findOne(ctx: Context) {
    await permitted(ctx, P.imports.read);
    ctx.body = { data: await service().findOne(ctx.params.id) };
  },

  async create(ctx: Context) {
    const input = await validate(createRecurringImportSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.status = 201;
    ctx.body = { data: await service().create(input as any, userId(ctx)) };
  },

  async update(ctx: Context) {
    await permitted(ctx, P.imports.manage);
    const input = await validate(updateRecurringImportSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await service().update(ctx.params.id, input as any, userId(ctx)) };
  },

  async delete(ctx: Context) {
    await permitted(ctx, P.imports.manage);
    ctx.body = { data: await service().delete(ctx.params.id) };
  },

  async run(ctx: Context) {
    await permitted(ctx, P.imports.create);
    ctx.status = 202;
    ctx.body = { data: await service().runNow(ctx.params.id) };
  },

  /** A saved source (`:id`, with its stored secrets unless the body gives others), or an unsaved one. */
  async test(ctx: Context) {
    if (ctx.params.id) await permitted(ctx, P.imports.create);
    const input = await validate(testSourceSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await service().testConnection({ ...(input as any), documentId: ctx.params.id }) };
  },

  async runs(ctx: Context) {
    await permitted(ctx, P.imports.read);
    const query = await validate(listSchedulesSchema, ctx.query);
    const { results, pagination } = await service().runs(ctx.params.id, query);
    ctx.body = { data: results, meta: { pagination } };
  },
};
