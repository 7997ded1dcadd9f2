import { useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../../../shared/constants';

// Module-level so useRBAC sees the same array on every render and checks once.
const SETTINGS_PERMISSIONS = [{ action: PERMISSIONS.settings, subject: null }];

/** canManage: change the base's settings (the unicity key) and list what blocks a change. */
export const useSettingsPermissions = () => {
  const { allowedActions, isLoading } = useRBAC(SETTINGS_PERMISSIONS);
  return { isLoading, canManage: !isLoading && !!allowedActions.canSettings };
};
