import type { Core } from '@strapi/strapi';
import { BUILT_IN_FIELDS, UID } from '../constants';
import { HISTORY_TABLE } from './history';

/**
 * Table and column names as Strapi's own metadata knows them (the content
 * types' collectionName and Strapi's snake_case rule), never literals: the
 * raw SQL of the hot path and of the segment compiler reads them from here.
 */
export interface Tables {
  contacts: string;
  imports: string;
  errors: string;
  fields: string;
  segments: string;
  exports: string;
  /** Strapi's admin users (the authors of imports, exports and schedules). */
  adminUsers: string;
  /** contact ↔ segment join table, with its two columns. */
  segmentLinks: { table: string; contact: string; segment: string };
  history: string;
  /** Built-in field key (and `attributes`) → column of the contacts table. */
  contactColumns: Record<string, string>;
  /** Strapi's own columns of the contacts table. */
  contactSystem: { documentId: string; createdAt: string; updatedAt: string; publishedAt: string; createdBy: string; updatedBy: string };
}

let cached: Tables | null = null;

const meta = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid as any) as any;

export const tables = (strapi: Core.Strapi = (globalThis as any).strapi): Tables => {
  if (cached) return cached;
  const contact = meta(strapi, UID.contact);
  const join = contact.attributes.segments.joinTable;
  const column = (key: string) => contact.attributes[key].columnName ?? key;
  cached = {
    contacts: contact.tableName,
    imports: meta(strapi, UID.import).tableName,
    errors: meta(strapi, UID.importError).tableName,
    fields: meta(strapi, UID.field).tableName,
    segments: meta(strapi, UID.segment).tableName,
    exports: meta(strapi, UID.export).tableName,
    adminUsers: meta(strapi, 'admin::user').tableName,
    segmentLinks: { table: join.name, contact: join.joinColumn.name, segment: join.inverseJoinColumn.name },
    history: HISTORY_TABLE,
    contactColumns: Object.fromEntries([...BUILT_IN_FIELDS.map((f) => f.key), 'attributes', 'folded', 'search'].map((k) => [k, column(k)])),
    contactSystem: {
      documentId: column('documentId'),
      createdAt: column('createdAt'),
      updatedAt: column('updatedAt'),
      publishedAt: column('publishedAt'),
      createdBy: relationColumnOf(UID.contact, 'createdBy', strapi),
      updatedBy: relationColumnOf(UID.contact, 'updatedBy', strapi),
    },
  };
  return cached;
};

/** Column of an attribute of any of the plugin's types (snake_case by Strapi's naming). */
export const columnOf = (uid: string, attribute: string, strapi: Core.Strapi = (globalThis as any).strapi): string =>
  meta(strapi, uid).attributes[attribute]?.columnName ?? attribute;

/** Column of a to-one relation of any of the plugin's types (createdBy → created_by_id), from Strapi's metadata. */
export const relationColumnOf = (uid: string, attribute: string, strapi: Core.Strapi = (globalThis as any).strapi): string => {
  const name = meta(strapi, uid).attributes[attribute]?.joinColumn?.name;
  if (!name) throw new Error(`${uid}.${attribute} is not a relation with a column of its own`);
  return name;
};

/** Tests boot several Strapi apps in one process: the names are the same, but never reuse another app's metadata. */
export const resetTables = () => {
  cached = null;
};
