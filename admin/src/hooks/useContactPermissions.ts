import { useCapabilityPermissions } from './useCapabilityPermissions';

/** read: the list and a contact · create: new contacts · manage: edit, delete and bulk actions. */
export const useContactPermissions = () => useCapabilityPermissions('contacts');
