import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../../shared/constants';

const FIELD_PERMISSIONS = [
  { action: PERMISSIONS.fields.read, subject: null },
  { action: PERMISSIONS.fields.create, subject: null },
  { action: PERMISSIONS.fields.manage, subject: null },
];

/** read: the list · create: new fields (also from the import mapping) · manage: edit and delete. */
export const useFieldPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(FIELD_PERMISSIONS);
  return {
    isLoading,
    canRead: !isLoading && !!allowedActions.canRead,
    canCreate: !isLoading && !!allowedActions.canCreate,
    canManage: !isLoading && !!allowedActions.canManage,
  };
};
