import fs from 'fs';
import type { Context } from 'koa';
import { PERMISSIONS as P, UID } from '../constants';
import { localeOf } from '../import/reasons';
import { assertPermitted, permittedWhere } from '../permissions/scope';
import { getService } from '../utils/get-service';
import { listExportsSchema } from './validation/admin/exports';
import { validate } from './validation/validate';

/** The person's language for the headers: `?locale=`, else the admin user's preferred language. */
const localeFor = (ctx: Context) => localeOf(ctx.query.locale ?? ctx.state.user?.preferedLanguage);

/** The route's action, checked against this export's row (RBAC conditions such as "is creator"). */
const permitted = (ctx: Context, action: string) => assertPermitted(ctx, action, UID.export, ctx.params.id, 'Export');

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
const disposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export default {
  async find(ctx: Context) {
    const query = await validate(listExportsSchema, ctx.query);
    const { results, pagination } = await getService('exports').find(query, permittedWhere(ctx, P.exports.read, UID.export));
    ctx.body = { data: results, meta: { pagination } };
  },

  async findOne(ctx: Context) {
    await permitted(ctx, P.exports.read);
    ctx.body = { data: await getService('exports').findOne(ctx.params.id) };
  },

  async create(ctx: Context) {
    const data = await getService('exports').create(ctx.request.body, {
      userId: (ctx.state.user?.id as number | undefined) ?? null,
      locale: localeFor(ctx),
      contactsWhere: permittedWhere(ctx, P.contacts.read, UID.contact),
    });
    ctx.status = 201;
    ctx.body = { data };
  },

  /** The finished file, streamed (never read into memory), with its type and name. */
  async download(ctx: Context) {
    await permitted(ctx, P.exports.read);
    const file = await getService('exports').download(ctx.params.id);
    ctx.set('Content-Type', file.mime);
    ctx.set('Content-Disposition', disposition(file.name));
    ctx.set('Content-Length', String(file.size));
    ctx.set('Cache-Control', 'private, no-store');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.body = fs.createReadStream(file.path);
  },

  async delete(ctx: Context) {
    await permitted(ctx, P.exports.manage);
    ctx.body = { data: await getService('exports').delete(ctx.params.id) };
  },
};
