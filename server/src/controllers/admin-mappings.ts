import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validate } from './validation/validate';
import { saveMappingSchema } from './validation/admin/imports';

export default {
  async find(ctx: Context) {
    const data = await getService('mappings').find();
    ctx.body = { data, meta: { pagination: { page: 1, pageSize: data.length, pageCount: 1, total: data.length } } };
  },
  async create(ctx: Context) {
    const input = await validate(saveMappingSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.status = 201;
    ctx.body = { data: await getService('mappings').saveFromImport(input.name, input.importId) };
  },
  async delete(ctx: Context) {
    ctx.body = { data: await getService('mappings').delete(ctx.params.id) };
  },
};
