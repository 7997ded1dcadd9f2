import type { FieldType, OptIn } from '../../shared/constants';

export interface Contact {
  id: number;
  documentId: string;
  email: string | null;
  mobile: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  /** null: consent unknown (never assumed). */
  emailOptIn: OptIn | null;
  smsOptIn: OptIn | null;
  emailStatus: string;
  mobileStatus: string;
  tags: string[] | null;
  attributes: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
}

export interface ContactField {
  id: number;
  documentId: string;
  key: string;
  label: string;
  type: FieldType;
  options: string[];
  allowUnknownValues: boolean;
  required: boolean;
  builtIn: boolean;
  position: number;
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  total: number;
}

/**
 * Query string of the list page; every value is a string because it comes from the URL.
 * The search is `_q` like Strapi's own lists, because Strapi's Table and Pagination
 * re-encode `_q` when they rewrite the URL (the API's parameter is `q`).
 */
export interface ContactsQuery {
  page?: string;
  pageSize?: string;
  sort?: string;
  _q?: string;
  /** The advanced search: criteria as base64url JSON (see utils/criteriaParam.ts). */
  criteria?: string;
}

/** Values edited by the form: built-in columns at the top level, custom fields under attributes. */
export interface ContactFormValues {
  email: string;
  mobile: string;
  firstName: string;
  lastName: string;
  company: string;
  /** Alpha-2 code, '' when unset. */
  country: string;
  emailOptIn: OptIn | null;
  smsOptIn: OptIn | null;
  emailStatus: string;
  mobileStatus: string;
  tags: string[];
  attributes: Record<string, unknown>;
}

/** Field path ("email", "attributes.birthday") → message from the API. */
export type FieldErrors = Record<string, string>;

/** GET /contacts/settings. */
export interface BaseSettings {
  uniqueKey: 'email' | 'mobile';
}

/** One entry of GET /contacts/contacts/:id/history, newest first. */
export interface ContactHistoryEntry {
  kind: 'import.created' | 'import.updated';
  at: string | null;
  /** null when the import was deleted since. */
  import: { documentId: string; name: string } | null;
}

/** One value several contacts share (GET /contacts/settings/conflicts). */
export interface KeyConflict {
  value: string;
  count: number;
  contacts: Array<Pick<Contact, 'documentId' | 'email' | 'mobile' | 'firstName' | 'lastName'>>;
}
