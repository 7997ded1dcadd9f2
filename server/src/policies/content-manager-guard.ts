import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { PERMISSIONS as P, UID } from '../constants';

/** Content types the Content Manager may show (contentManager: true), each behind its plugin actions. */
const ACTIONS: Record<string, { read: string; create: string; manage: string }> = {
  [UID.contact]: P.contacts,
  [UID.segment]: P.segments,
};

/** Which plugin action a Content Manager request needs: reads, creations (incl. clones), the rest. */
const verbOf = (method: string, path: string): 'read' | 'create' | 'manage' => {
  if (method === 'GET' || /\/actions\/(bulkFindForValidation|countManyEntriesDraftRelations)$/.test(path)) return 'read';
  if (method === 'POST' && !/\/actions\//.test(path)) return 'create';
  return 'manage';
};

/**
 * Added to the Content Manager's routes that take a `:model`: a role with
 * Content Manager rights but none of the plugin's cannot read or write
 * contacts there, and internal types (imports, errors, fields) never open.
 */
const contentManagerGuard = (policyContext: any, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const model = policyContext.params?.model;
  if (typeof model !== 'string' || !model.startsWith('plugin::contacts.')) return true;
  const actions = ACTIONS[model];
  if (!actions || strapi.config.get('plugin::contacts.contentManager') !== true) {
    throw new errors.PolicyError('Contacts are managed on the Contacts pages of the admin (the Content Manager is off for them: plugin option contentManager)');
  }
  const needed = actions[verbOf(policyContext.request?.method ?? 'GET', policyContext.request?.path ?? '')];
  if (!policyContext.state?.userAbility?.can(needed)) {
    throw new errors.PolicyError(`Your role needs the Contacts plugin permission ${needed} for this`, { action: needed });
  }
  return true;
};

export default contentManagerGuard;
