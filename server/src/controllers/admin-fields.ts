import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validate } from './validation/validate';
import { createFieldSchema, updateFieldSchema } from './validation/admin/fields';

export default {
  async find(ctx: Context) {
    const fields = await getService('fields').list();
    ctx.body = { data: fields, meta: { pagination: { page: 1, pageSize: fields.length, pageCount: 1, total: fields.length } } };
  },
  async findOne(ctx: Context) {
    ctx.body = { data: await getService('fields').findOne(ctx.params.id) };
  },
  async create(ctx: Context) {
    const input = await validate(createFieldSchema, ctx.request.body, { rejectUnknown: true });
    ctx.status = 201;
    ctx.body = { data: await getService('fields').create(input as any) };
  },
  async update(ctx: Context) {
    const input = await validate(updateFieldSchema, ctx.request.body, { rejectUnknown: true });
    ctx.body = { data: await getService('fields').update(ctx.params.id, input as any) };
  },
  async delete(ctx: Context) {
    const confirm = ctx.query.confirm === 'true' || ctx.query.confirm === '1';
    ctx.body = { data: await getService('fields').delete(ctx.params.id, { confirm }) };
  },
};
