import { useCapabilityPermissions } from './useCapabilityPermissions';

/** read: history, detail, errors file · create: the wizard and start · manage: stop, resume, delete. */
export const useImportPermissions = () => useCapabilityPermissions('imports');
