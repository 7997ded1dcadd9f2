import { useRBAC } from '@strapi/strapi/admin';
import { CAPABILITIES, PERMISSIONS, type Capability } from '../../../shared/constants';

// Module-level, one array per capability, so useRBAC sees the same array on every render and checks once.
const ACTIONS = Object.fromEntries(
  CAPABILITIES.map((c) => [
    c,
    [
      { action: PERMISSIONS[c].read, subject: null },
      { action: PERMISSIONS[c].create, subject: null },
      { action: PERMISSIONS[c].manage, subject: null },
    ],
  ]),
) as Record<Capability, Array<{ action: string; subject: null }>>;

/** The read / create / manage triple of one capability for the signed-in role; everything is false while loading. */
export const useCapabilityPermissions = (capability: Capability) => {
  const { allowedActions, isLoading } = useRBAC(ACTIONS[capability]);
  return {
    isLoading,
    canRead: !isLoading && !!allowedActions.canRead,
    canCreate: !isLoading && !!allowedActions.canCreate,
    canManage: !isLoading && !!allowedActions.canManage,
  };
};
