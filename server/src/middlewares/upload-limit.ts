import bytes from 'bytes';
import type { Core } from '@strapi/strapi';

const formatMb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** koa-body's own defaults when strapi::body's config leaves a limit out. */
const KOA_BODY_JSON_LIMIT = '1mb';
const FORMIDABLE_MAX_FILE_SIZE = 200 * 1024 * 1024;
/** What formidable (through strapi::body) and co-body answer when a body is over their limit. */
const BODY_PARSER_413 = /^(FileTooBig|request entity too large|payload too large)$/i;

const bodyConfig = (strapi: Core.Strapi) =>
  ((strapi.config.get('middlewares') as any[]) ?? []).find?.((m) => m?.name === 'strapi::body')?.config ?? {};

/**
 * strapi::body refuses a body above its limits with a bare 413 before our
 * controller runs. For the import route the answer names the limit that
 * refused it (the file limit for an upload, the JSON limit for a paste) and
 * where to raise it.
 */
export const uploadLimitMessage = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<void>) => {
  await next();
  if (ctx.status !== 413 || ctx.method !== 'POST' || !/^\/contacts\/imports\/?$/.test(ctx.path)) return;
  // Only strapi::body's own bare answers: the plugin's 413s (a workbook over a limit) already say why.
  if (!BODY_PARSER_413.test(String(ctx.body?.error?.message ?? ''))) return;
  const config = bodyConfig(strapi);
  const pluginMax = strapi.config.get('plugin::contacts.maxFileSize') as number;
  if (ctx.is('json')) {
    const limit = bytes.parse(config.jsonLimit ?? KOA_BODY_JSON_LIMIT) ?? bytes.parse(KOA_BODY_JSON_LIMIT)!;
    ctx.body = {
      data: null,
      error: {
        status: 413,
        name: 'PayloadTooLargeError',
        message: `The pasted text is larger than the JSON body limit of ${bytes.format(limit)} (jsonLimit of strapi::body in config/middlewares). Upload it as a file instead, or raise jsonLimit.`,
        details: { limit, setting: 'strapi::body.jsonLimit' },
      },
    };
    return;
  }
  const limit = Math.min(pluginMax, config.formidable?.maxFileSize ?? FORMIDABLE_MAX_FILE_SIZE);
  ctx.body = {
    data: null,
    error: {
      status: 413,
      name: 'PayloadTooLargeError',
      message: `The file is larger than the upload limit of ${formatMb(limit)}. Split the file, or raise maxFileSize of the contacts plugin and formidable.maxFileSize of strapi::body in config/middlewares.`,
      details: { limit, setting: limit === pluginMax ? 'contacts.maxFileSize' : 'strapi::body.formidable.maxFileSize' },
    },
  };
};
