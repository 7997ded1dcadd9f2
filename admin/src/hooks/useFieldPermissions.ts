import { useCapabilityPermissions } from './useCapabilityPermissions';

/** read: the list · create: new fields (also from the import mapping) · manage: edit and delete. */
export const useFieldPermissions = () => useCapabilityPermissions('fields');
