import { useCapabilityPermissions } from './useCapabilityPermissions';

/** read: the history, its files and their progress · create: the export dialog · manage: delete an export. */
export const useExportPermissions = () => useCapabilityPermissions('exports');
