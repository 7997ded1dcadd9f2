import { PLUGIN_ID } from '../pluginId';

/** Absolute admin paths, so links work the same from any nested route. */
export const CONTACTS_PATH = `/plugins/${PLUGIN_ID}/contacts`;
export const contactPath = (documentId: string) => `${CONTACTS_PATH}/${encodeURIComponent(documentId)}`;
export const NEW_CONTACT_PATH = `${CONTACTS_PATH}/new`;

export const IMPORTS_PATH = `/plugins/${PLUGIN_ID}/imports`;
export const NEW_IMPORT_PATH = `${IMPORTS_PATH}/new`;
/** The wizard continuing a draft import. */
export const importWizardPath = (documentId: string) => `${NEW_IMPORT_PATH}/${encodeURIComponent(documentId)}`;
export const importPath = (documentId: string) => `${IMPORTS_PATH}/${encodeURIComponent(documentId)}`;
export const FIELDS_PATH = `/plugins/${PLUGIN_ID}/fields`;
export const SETTINGS_PATH = `/plugins/${PLUGIN_ID}/settings`;
