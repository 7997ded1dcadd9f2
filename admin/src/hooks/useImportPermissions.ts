import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../../shared/constants';

// Module-level so useRBAC sees the same array on every render and checks once.
const IMPORT_PERMISSIONS = [
  { action: PERMISSIONS.imports.read, subject: null },
  { action: PERMISSIONS.imports.create, subject: null },
  { action: PERMISSIONS.imports.manage, subject: null },
];

/** read: history, detail, errors file · create: the wizard and start · manage: stop, resume, delete. */
export const useImportPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(IMPORT_PERMISSIONS);
  return {
    isLoading,
    canRead: !isLoading && !!allowedActions.canRead,
    canCreate: !isLoading && !!allowedActions.canCreate,
    canManage: !isLoading && !!allowedActions.canManage,
  };
};
