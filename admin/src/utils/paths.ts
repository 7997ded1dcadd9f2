import { PLUGIN_ID } from '../pluginId';

/** Absolute admin paths, so links work the same from any nested route. */
export const CONTACTS_PATH = `/plugins/${PLUGIN_ID}/contacts`;
export const contactPath = (documentId: string) => `${CONTACTS_PATH}/${encodeURIComponent(documentId)}`;
export const NEW_CONTACT_PATH = `${CONTACTS_PATH}/new`;
