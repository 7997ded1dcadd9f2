/**
 * Contacts straight into and out of the table, with the column names from
 * Strapi's metadata and each database's shapes (SQLite: epoch milliseconds
 * and JSON text; PostgreSQL/MySQL: Date objects and JSON). Reading decodes
 * back to the evaluator's ContactValues.
 */
import crypto from 'crypto';
import { BUILT_IN_FIELDS } from '../../../shared/fields';
import { UID } from '../../../shared/constants';
import type { TestApp } from '../helpers/strapi';
import type { ContactValues, EvalContact } from './evaluator';

const DATETIMES = ['lastActivityAt', 'createdAt', 'updatedAt', 'publishedAt'];
const JSONS = ['tags', 'attributes'];
const FIELD_KEYS = [...BUILT_IN_FIELDS.map((f) => f.key), 'createdAt', 'updatedAt'];

export const contactTable = (app: TestApp): { table: string; column: (key: string) => string } => {
  const meta = app.strapi.db.metadata.get(UID.contact as any) as any;
  return {
    table: meta.tableName,
    column: (key: string) => {
      const a = meta.attributes[key];
      if (!a?.columnName) throw new Error(`no column for ${key}`);
      return a.columnName;
    },
  };
};

export const isSqlite = (app: TestApp) => app.strapi.db.dialect.client === 'sqlite';

/** 24 lower-case alphanumerics, like Strapi's own document ids. */
export const documentId = () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.randomBytes(24), (b) => alphabet[b % alphabet.length]).join('');
};

/** Inserts the contacts in one go; returns their document ids in order. */
export const insertContacts = async (app: TestApp, contacts: readonly ContactValues[]): Promise<string[]> => {
  const { table, column } = contactTable(app);
  const sqlite = isSqlite(app);
  const time = (ms: unknown) => (ms === null || ms === undefined ? null : sqlite ? Number(ms) : new Date(Number(ms)));
  const ids: string[] = [];
  const rows = contacts.map((c) => {
    const id = documentId();
    ids.push(id);
    const row: Record<string, unknown> = { [column('documentId')]: id };
    for (const key of FIELD_KEYS) {
      const v = c.fields[key];
      row[column(key)] = DATETIMES.includes(key) ? time(v) : JSONS.includes(key) ? (v === null || v === undefined ? null : JSON.stringify(v)) : v ?? null;
    }
    row[column('publishedAt')] = time(c.fields.createdAt);
    row[column('attributes')] = c.attributes === null ? null : JSON.stringify(c.attributes);
    return row;
  });
  await app.strapi.db.connection.batchInsert(table, rows, 50);
  return ids;
};

const instant = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (/^\d+$/.test(v)) return Number(v);
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(v) ? v : `${v.replace(' ', 'T')}Z`;
    return Date.parse(zoned);
  }
  throw new Error(`not an instant: ${String(v)}`);
};

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v ?? null);

export interface StoredContact extends EvalContact {
  documentId: string;
}

/** Every contact of the table, decoded, in id order. */
export const readContacts = async (app: TestApp): Promise<StoredContact[]> => {
  const { table, column } = contactTable(app);
  const rows = await app.strapi.db.connection(table).select('*').orderBy('id');
  return rows.map((r: Record<string, unknown>) => {
    const fields: Record<string, unknown> = {};
    for (const key of FIELD_KEYS) {
      const v = r[column(key)];
      fields[key] = DATETIMES.includes(key) ? instant(v) : JSONS.includes(key) ? json(v) : v ?? null;
    }
    if (fields.ownerId !== null) fields.ownerId = Number(fields.ownerId);
    return { id: Number(r.id), documentId: String(r[column('documentId')]), fields, attributes: json(r[column('attributes')]) };
  });
};
