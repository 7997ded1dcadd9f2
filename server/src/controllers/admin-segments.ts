import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validate } from './validation/validate';
import { createSegmentSchema, listSegmentsSchema, previewSchema, targetSchema, updateSegmentSchema } from './validation/admin/segments';

export default {
  async find(ctx: Context) {
    const query = await validate(listSegmentsSchema, ctx.query);
    const { results, pagination } = await getService('segments').find(query as any);
    ctx.body = { data: results, meta: { pagination } };
  },
  async findOne(ctx: Context) {
    ctx.body = { data: await getService('segments').findOne(ctx.params.id) };
  },
  async create(ctx: Context) {
    const input = await validate(createSegmentSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.status = 201;
    ctx.body = { data: await getService('segments').create(input as any) };
  },
  async update(ctx: Context) {
    const input = await validate(updateSegmentSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await getService('segments').update(ctx.params.id, input as any) };
  },
  async delete(ctx: Context) {
    ctx.body = { data: await getService('segments').delete(ctx.params.id) };
  },
  async preview(ctx: Context) {
    const { criteria } = await validate(previewSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await getService('segments').preview(criteria) };
  },
  async refresh(ctx: Context) {
    const answer = await getService('segments').refresh(ctx.params.id);
    // Still queued (behind another refresh, or for a worker): accepted; the segment's lastRefresh tells when it ends.
    if ('pending' in answer) ctx.status = 202;
    ctx.body = { data: answer };
  },
  async addMembers(ctx: Context) {
    const target = await validate(targetSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await getService('segments').addMembers(ctx.params.id, target as any) };
  },
  async removeMembers(ctx: Context) {
    const target = await validate(targetSchema, ctx.request.body ?? {}, { rejectUnknown: true });
    ctx.body = { data: await getService('segments').removeMembers(ctx.params.id, target as any) };
  },
};
