import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validate } from './validation/validate';
import { conflictsQuerySchema, settingsSchema } from './validation/admin/settings';

export default {
  async find(ctx: Context) {
    ctx.body = { data: await getService('settings').get() };
  },
  async update(ctx: Context) {
    const input = await validate(settingsSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await getService('settings').update(input as any) };
  },
  /** What carries the jobs (BullMQ on Redis, or the database queue) and whether Redis answers. */
  async health(ctx: Context) {
    ctx.body = { data: getService('queue').health() };
  },
  async conflicts(ctx: Context) {
    const query = await validate(conflictsQuerySchema, ctx.query);
    const { results, pagination } = await getService('settings').conflicts(query.key as any, query as any);
    ctx.body = { data: results, meta: { pagination } };
  },
};
