import type { Core } from '@strapi/strapi';
import { UID } from './constants';
import { normalizeEmail } from './fields/normalize';
import { registerGraphQL } from './graphql';
import { uploadLimitMessage } from './middlewares/upload-limit';

/**
 * Writes that bypass our services (Content Manager, other plugins' Documents
 * API calls) still store the normalized e-mail, so the unique index means
 * "one contact per address" whatever the path.
 */
const register = ({ strapi }: { strapi: Core.Strapi }) => {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid === UID.contact && (ctx.action === 'create' || ctx.action === 'update')) {
      const data = (ctx.params as { data?: Record<string, unknown> }).data;
      if (data && typeof data.email === 'string') data.email = normalizeEmail(data.email);
      if (data && data.mobile === '') data.mobile = null;
    }
    return next();
  });

  if (strapi.plugin('graphql')) registerGraphQL(strapi);
  // Registered before the app's middlewares, so it sees the answer of strapi::body.
  strapi.server.use(uploadLimitMessage(strapi));
};

export default register;
