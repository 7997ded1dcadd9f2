import { useCapabilityPermissions } from './useCapabilityPermissions';

/** read: the list and a segment · create: new segments (and refresh) · manage: edit, delete, refresh, members. */
export const useSegmentPermissions = () => useCapabilityPermissions('segments');
