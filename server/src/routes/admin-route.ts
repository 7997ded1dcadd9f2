type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One admin route per line: every route is authenticated and carries its RBAC
 * action, so a role without the action gets 403 before the handler runs.
 */
export const adminRoute = (method: Method, path: string, handler: string, actions: string | string[] | { any: string[] }) => ({
  method,
  path,
  handler,
  config: {
    policies: [
      'admin::isAuthenticatedAdmin',
      typeof actions === 'object' && 'any' in actions
        ? { name: 'plugin::contacts.has-any-permission', config: { actions: actions.any } }
        : { name: 'admin::hasPermissions', config: { actions: Array.isArray(actions) ? actions : [actions] } },
    ],
  },
});
