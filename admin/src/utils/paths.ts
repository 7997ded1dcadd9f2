import type { Criteria } from '../../../shared/segments';
import { PLUGIN_ID } from '../pluginId';
import { encodeCriteria } from './criteriaParam';

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

export const EXPORTS_PATH = `/plugins/${PLUGIN_ID}/exports`;

export const RECURRING_IMPORTS_PATH = `/plugins/${PLUGIN_ID}/recurring-imports`;
export const SCHEDULED_EXPORTS_PATH = `/plugins/${PLUGIN_ID}/scheduled-exports`;

export const SEGMENTS_PATH = `/plugins/${PLUGIN_ID}/segments`;
export const NEW_SEGMENT_PATH = `${SEGMENTS_PATH}/new`;
export const segmentPath = (documentId: string) => `${SEGMENTS_PATH}/${encodeURIComponent(documentId)}`;

/** The contacts page searching with criteria (a link that can be shared or reloaded). */
export const contactsSearchPath = (criteria: Criteria) => `${CONTACTS_PATH}?criteria=${encodeCriteria(criteria)}`;
/** A segment's members, and the contacts an import created or updated, as searches. */
export const segmentContactsPath = (documentId: string) => contactsSearchPath({ match: 'all', conditions: [{ inSegment: documentId }] });
export const importContactsPath = (documentId: string) => contactsSearchPath({ match: 'all', conditions: [{ inImport: documentId }] });
