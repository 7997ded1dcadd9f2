import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../../shared/constants';

// Module-level so useRBAC sees the same array on every render and checks once.
const CONTACT_PERMISSIONS = [
  { action: PERMISSIONS.contacts.read, subject: null },
  { action: PERMISSIONS.contacts.create, subject: null },
  { action: PERMISSIONS.contacts.manage, subject: null },
];

/** What the signed-in role may do with contacts; everything is false while loading. */
export const useContactPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(CONTACT_PERMISSIONS);
  return {
    isLoading,
    canRead: !isLoading && !!allowedActions.canRead,
    canCreate: !isLoading && !!allowedActions.canCreate,
    canManage: !isLoading && !!allowedActions.canManage,
  };
};
