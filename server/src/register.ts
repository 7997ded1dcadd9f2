import type { Core } from '@strapi/strapi';
import { UID } from './constants';
import { registerGraphQL } from './graphql';
import { guardContactWrites } from './middlewares/contact-writes';
import { uploadLimitMessage } from './middlewares/upload-limit';

/** Types a site may open in the Content Manager when `contentManager: true`; the others are bookkeeping. */
const CONTENT_MANAGER_TYPES = [UID.contact, UID.segment];

/**
 * Hidden by default: the Content Manager would let any editor with its
 * generic rights read and write contacts around the plugin's own RBAC.
 */
const setContentManagerVisibility = (strapi: Core.Strapi, visible: boolean) => {
  for (const uid of CONTENT_MANAGER_TYPES) {
    strapi.get('content-types').extend(uid, (ct: any) => {
      ct.pluginOptions = { ...ct.pluginOptions, 'content-manager': { ...ct.pluginOptions?.['content-manager'], visible } };
    });
  }
};

/** Content Manager routes that take a `:model` get our guard (routes are mounted after register). */
const guardContentManagerRoutes = (strapi: Core.Strapi) => {
  const cm = strapi.plugin('content-manager');
  if (!cm) return;
  for (const router of Object.values(cm.routes as Record<string, { routes?: any[] }>)) {
    for (const route of router?.routes ?? []) {
      if (!/:model\b/.test(route.path)) continue;
      route.config = { ...route.config, policies: [...(route.config?.policies ?? []), 'plugin::contacts.content-manager-guard'] };
    }
  }
};

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  setContentManagerVisibility(strapi, strapi.config.get('plugin::contacts.contentManager') === true);
  guardContentManagerRoutes(strapi);
  guardContactWrites(strapi);
  if (strapi.plugin('graphql')) registerGraphQL(strapi);
  // Registered before the app's middlewares, so it sees the answer of strapi::body.
  strapi.server.use(uploadLimitMessage(strapi));
};

export default register;
