import { useEffect, useState } from 'react';
import { useAuth, useFetchClient, useRBAC } from '@strapi/strapi/admin';

export interface NotifyUser {
  id: number;
  firstname: string | null;
  lastname: string | null;
  email: string;
}

// Strapi's own user list: only a role allowed to read users may list them.
const READ_USERS = [{ action: 'admin::users.read', subject: null }];
/** The first page of Strapi's list (its largest page); a base with more admins picks among these. */
const PAGE_SIZE = 100;

/**
 * Who an export's end may be e-mailed to: the signed-in person, and the
 * other admin users when their role may list them (Strapi's GET /admin/users);
 * otherwise the person alone (the server's default recipient).
 */
export const useNotifyUsers = () => {
  const { get } = useFetchClient();
  const me = useAuth('useNotifyUsers', (auth) => auth.user);
  const { allowedActions, isLoading } = useRBAC(READ_USERS);
  const canList = !isLoading && !!allowedActions.canRead;
  const [users, setUsers] = useState<NotifyUser[] | null>(null);

  useEffect(() => {
    if (!canList) return;
    let current = true;
    get<{ data: { results: NotifyUser[] } }>('/admin/users', { params: { pageSize: PAGE_SIZE, page: 1 } })
      .then(({ data }) => current && setUsers(data.data.results))
      // Refused or failed: the person alone, as without the right.
      .catch(() => current && setUsers(null));
    return () => {
      current = false;
    };
  }, [canList, get]);

  const self = me?.id !== undefined ? { id: Number(me.id), firstname: me.firstname ?? null, lastname: me.lastname ?? null, email: me.email } : null;
  return { self, users: canList ? users : null, isLoading };
};
