import type { Core } from '@strapi/strapi';

const formatMb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * strapi::body (formidable) refuses an upload above its own maxFileSize with a
 * bare "FileTooBig" 413 before our controller runs. For the import route the
 * answer names the limit and where to raise it.
 */
export const uploadLimitMessage = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<void>) => {
  await next();
  if (ctx.status !== 413 || ctx.method !== 'POST' || !/^\/contacts\/imports\/?$/.test(ctx.path)) return;
  const pluginMax = strapi.config.get('plugin::contacts.maxFileSize') as number;
  const bodyConfig = (strapi.config.get('middlewares') as any[])?.find?.((m) => m?.name === 'strapi::body')?.config;
  const bodyMax = bodyConfig?.formidable?.maxFileSize ?? 200 * 1024 * 1024;
  const limit = Math.min(pluginMax, bodyMax);
  ctx.body = {
    data: null,
    error: {
      status: 413,
      name: 'PayloadTooLargeError',
      message: `The file is larger than the upload limit of ${formatMb(limit)}. Split the file, or raise maxFileSize of the contacts plugin and formidable.maxFileSize of strapi::body in config/middlewares.`,
      details: { limit },
    },
  };
};
