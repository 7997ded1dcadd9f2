import type { FieldType } from '../../server/src/constants';

export interface Contact {
  id: number;
  documentId: string;
  email: string | null;
  mobile: string | null;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
  emailOptIn: string;
  smsOptIn: string;
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
}

/** Values edited by the form: built-in columns at the top level, custom fields under attributes. */
export interface ContactFormValues {
  email: string;
  mobile: string;
  firstName: string;
  lastName: string;
  company: string;
  emailOptIn: string;
  smsOptIn: string;
  emailStatus: string;
  mobileStatus: string;
  tags: string[];
  attributes: Record<string, unknown>;
}

/** Field path ("email", "attributes.birthday") → message from the API. */
export type FieldErrors = Record<string, string>;
