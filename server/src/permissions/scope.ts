import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { NotFoundError } from '../errors';

/**
 * RBAC conditions ("is creator", "has same role as creator", custom ones) on
 * the plugin's actions. The route policy only checks that the role holds the
 * action; which rows it covers is the condition's query, built by Strapi's own
 * permissions manager and run through the query engine, so any condition a
 * site defines applies without us knowing its shape.
 */
export type Where = Record<string, unknown>;

/** Query of the rows of `uid` the caller may act on with `action`: `{}` for all, `null` for none. */
export const permittedWhere = (ctx: Context, action: string, uid: string): Where | null => {
  const ability = ctx.state.userAbility;
  if (!ability) return null;
  const manager = strapi.service('admin::permission').createPermissionsManager({ ability, action, model: uid });
  const query = manager.getQuery();
  return query === null || query === undefined ? null : (query as Where);
};

const unconditional = (where: Where | null): where is Where => !!where && Object.keys(where).length === 0;

/** `where` narrowed to what the caller may see (null: nothing). */
export const withPermission = (where: Where, permission: Where | null): Where | null => {
  if (permission === null) return null;
  if (unconditional(permission)) return where;
  return Object.keys(where).length ? { $and: [where, permission] } : permission;
};

/**
 * 404 when the document does not exist, 403 when a condition of the caller's
 * role excludes it (or the role lacks the action altogether).
 */
export const assertPermitted = async (ctx: Context, action: string, uid: string, documentId: string, label = 'Item'): Promise<void> => {
  const permission = permittedWhere(ctx, action, uid);
  const query = strapi.db.query(uid as any);
  if (!(await query.count({ where: { documentId } }))) throw new NotFoundError(`${label} not found`);
  if (unconditional(permission)) return;
  if (permission && (await query.count({ where: { $and: [{ documentId }, permission] } }))) return;
  // A PolicyError: Strapi's authorize step turns any other 403 thrown past it into a bare "Forbidden".
  throw new errors.PolicyError('A condition of your role does not let you do this on this item (e.g. "is creator")', { action });
};
