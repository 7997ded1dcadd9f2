import type { Context } from 'koa';
import { UID } from '../constants';
import { NotFoundError, ValidationError } from '../errors';
import { isValidEmail, normalizeEmail, toE164 } from '../fields/readers';
import { subscribeSchema } from './validation/content-api/subscribe';
import { getService } from '../utils/get-service';
import * as yup from 'yup';
import { queryInt, validate } from './validation/validate';
import { contactBodySchema } from './validation/admin/contacts';
import { assertValidFilters, assertValidPopulateFilters } from './validation/filters';

const MAX_PAGE_SIZE = 100;

/** Strapi's REST pagination: page/pageSize or start/limit. Bad values are a 400, not a silent page 1. */
const paginationSchema = yup
  .object({
    page: queryInt('pagination.page', 1, 1_000_000),
    pageSize: queryInt('pagination.pageSize', 1, MAX_PAGE_SIZE),
    start: queryInt('pagination.start', 0, 100_000_000),
    limit: queryInt('pagination.limit', 1, MAX_PAGE_SIZE),
    /** Keyset page: contacts whose id is greater, in id order, for walking the whole base at constant cost. */
    after: queryInt('pagination.after', 0, Number.MAX_SAFE_INTEGER),
    withCount: yup.mixed(),
  })
  .typeError('pagination must be an object such as pagination[page]=1&pagination[pageSize]=25')
  .noUnknown(true, (p) => `unknown pagination parameter: ${p.unknown}; use page and pageSize, or start and limit`)
  .test('one-style', 'use either pagination[page]/[pageSize] or pagination[start]/[limit], not both', (p) =>
    !p || !((p.page !== undefined || p.pageSize !== undefined) && (p.start !== undefined || p.limit !== undefined))
  )
  .test('keyset', 'pagination[after] pages by id with pagination[pageSize]: no page, start, limit or sort with it', (p) =>
    !p || p.after === undefined || (p.page === undefined && p.start === undefined && p.limit === undefined)
  )
  .default(undefined);

const schema = () => strapi.getModel(UID.contact as any);

/** Strapi's own content-API query validation and sanitization, so permissions on fields hold. */
const sanitizeQuery = async (ctx: Context) => {
  const auth = ctx.state.auth;
  // Ours first: Strapi's validator itself throws a TypeError (500) on shapes like filters[$or]=x.
  const getModel = (uid: string) => strapi.getModel(uid as any) as any;
  assertValidFilters(getModel, UID.contact, ctx.query.filters);
  assertValidPopulateFilters(getModel, UID.contact, ctx.query.populate);
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
    const p = (await validate(paginationSchema, ctx.query.pagination, { rejectUnknown: true })) ?? {};
    const query: any = await sanitizeQuery(ctx);
    const docs = strapi.documents(UID.contact as any);
    const params = { filters: query.filters, sort: query.sort, fields: query.fields, populate: query.populate };
    if (p.after !== undefined) {
      if (query.sort) throw new ValidationError('pagination[after] pages in id order: remove sort');
      const pageSize = p.pageSize ?? 25;
      const filters = query.filters ? { $and: [query.filters, { id: { $gt: p.after } }] } : { id: { $gt: p.after } };
      const results = await docs.findMany({ ...params, filters, sort: [{ id: 'asc' }], limit: pageSize } as any);
      const last = results[results.length - 1] as { id?: number } | undefined;
      ctx.body = {
        data: await sanitizeOutput(ctx, results),
        meta: { pagination: { pageSize, after: p.after, next: results.length === pageSize && last?.id ? last.id : null } },
      };
      return;
    }
    const byOffset = p.start !== undefined || p.limit !== undefined;
    const pageSize = (byOffset ? p.limit : p.pageSize) ?? 25;
    const page = p.page ?? 1;
    const start = byOffset ? p.start ?? 0 : (page - 1) * pageSize;
    const [results, total] = await Promise.all([
      docs.findMany({ ...params, start, limit: pageSize }),
      docs.count({ filters: query.filters }),
    ]);
    const pagination = byOffset
      ? { start, limit: pageSize, total }
      : { page, pageSize, pageCount: Math.ceil(total / pageSize), total };
    ctx.body = { data: await sanitizeOutput(ctx, results), meta: { pagination } };
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
    const input = await validate(contactBodySchema, bodyData(ctx), { rejectUnknown: true });
    const contact = await getService('contacts').create(input as any, null, { activity: true });
    ctx.status = 201;
    ctx.body = { data: await sanitizeOutput(ctx, contact) };
  },

  async update(ctx: Context) {
    const input = await validate(contactBodySchema, bodyData(ctx), { rejectUnknown: true });
    const contact = await getService('contacts').update(ctx.params.id, input as any, null, { activity: true });
    ctx.body = { data: await sanitizeOutput(ctx, contact) };
  },

  async delete(ctx: Context) {
    await getService('contacts').delete(ctx.params.id);
    ctx.status = 204;
  },

  /** Sign-up form endpoint: the same answer for a new and a known address, never the stored contact. */
  async subscribe(ctx: Context) {
    const input = await validate(subscribeSchema, bodyData(ctx), { rejectUnknown: true });
    const email = normalizeEmail(input.email);
    if (!email || !isValidEmail(email)) throw new ValidationError('email must be a valid e-mail address', { errors: { email: 'invalid' } });
    const names = Object.fromEntries(
      (['firstName', 'lastName', 'company'] as const).map((k) => [k, typeof input[k] === 'string' ? input[k]!.trim() || null : null])
    );
    const mobile = input.mobile ? toE164(input.mobile, strapi.config.get('plugin::contacts.defaultCountry') as string) : null;
    if (input.mobile && !mobile) throw new ValidationError('mobile must be a valid phone number such as +33612345678', { errors: { mobile: 'invalid' } });
    if (!mobile && (await getService('settings').get()).uniqueKey === 'mobile') {
      throw new ValidationError('mobile is required: this contact base identifies contacts by their mobile number', { errors: { mobile: 'required' } });
    }
    const status = await getService('subscriptions').request({ email, mobile, ...names });
    ctx.body = { data: { email, status } };
  },

  /** The link of the confirmation e-mail (public: the signed token is the credential). */
  async confirm(ctx: Context) {
    const outcome = await getService('subscriptions').confirm(ctx.query.token);
    const redirect = getService('subscriptions').redirectUrl();
    if (redirect) {
      ctx.redirect(`${redirect}${redirect.includes('?') ? '&' : '?'}status=${outcome}`);
      return;
    }
    if (outcome !== 'confirmed') {
      throw new ValidationError(
        outcome === 'expired' ? 'This confirmation link has expired: subscribe again to get a new one' : 'This confirmation link is not valid',
        { status: outcome }
      );
    }
    if (ctx.accepts('json', 'html') === 'html') {
      ctx.type = 'html';
      ctx.body = '<!doctype html><meta charset="utf-8"><title>Subscription confirmed</title><p>Your subscription is confirmed. Thank you.</p>';
      return;
    }
    ctx.body = { data: { status: outcome } };
  },
};
