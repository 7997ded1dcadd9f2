import type { Core } from '@strapi/strapi';
import { EXPORT_IDS_MAX, UID, type ExportScope } from '../constants';
import { getDialect, type Sql } from '../database/dialect';
import { tables } from '../database/tables';
import { ValidationError } from '../errors';
import { compileFor } from '../segments/context';

/**
 * Which contacts an export holds, as one SQL condition over the contacts
 * alias: the segment and import scopes are the criteria compiler's own
 * inSegment / inImport conditions (a segment's stored membership, an
 * import's history rows), a search is its criteria, a selection its ids.
 */
const TRUE: Sql = { sql: '(1 = 1)', bindings: [] };

const scopeCriteria = (scope: ExportScope): unknown => {
  if ('segment' in scope) return { match: 'all', conditions: [{ inSegment: scope.segment }] };
  if ('import' in scope) return { match: 'all', conditions: [{ inImport: scope.import }] };
  if ('criteria' in scope) return scope.criteria;
  return null;
};

/** Criteria problems name the scope: `scope.criteria.conditions.0.field: unknown field "x"`. */
const underScope = async <T>(compile: () => Promise<T>): Promise<T> => {
  try {
    return await compile();
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(`scope.${error.message}`, error.details);
    throw error;
  }
};

export const scopeWhere = async (strapi: Core.Strapi, scope: ExportScope, { alias, now }: { alias: string; now: Date }): Promise<Sql> => {
  if ('ids' in scope) {
    const q = getDialect().criteria.quote;
    if (!scope.ids.length) return { sql: '(1 = 0)', bindings: [] };
    return { sql: `${q(alias)}.${q(tables().contactSystem.documentId)} IN (${scope.ids.map(() => '?').join(', ')})`, bindings: [...scope.ids] };
  }
  const criteria = scopeCriteria(scope);
  return criteria === null ? TRUE : underScope(() => compileFor(strapi, criteria, { alias, now }));
};

/**
 * The scope narrowed to the contacts the export's creator could read (their
 * role's RBAC conditions, as the query engine writes them into SQL).
 */
export const readableWhere = (strapi: Core.Strapi, scope: Sql, contactsWhere: Record<string, unknown> | null, alias: string): Sql => {
  if (!contactsWhere || !Object.keys(contactsWhere).length) return scope;
  const readable = (strapi.db.queryBuilder(UID.contact as any).select(['id']).where(contactsWhere) as any).getKnexQuery().toSQL();
  const q = getDialect().criteria.quote;
  return { sql: `(${scope.sql}) AND ${q(alias)}.id IN (${readable.sql})`, bindings: [...scope.bindings, ...readable.bindings] };
};

/** The scope names things that exist: a 400 naming what does not (checked when the export is created). */
export const assertScope = async (strapi: Core.Strapi, scope: ExportScope): Promise<void> => {
  if ('segment' in scope && !(await strapi.db.query(UID.segment as any).count({ where: { documentId: scope.segment } }))) {
    throw new ValidationError(`scope.segment: no segment has the id "${scope.segment}"`, { path: 'scope.segment' });
  }
  if ('import' in scope && !(await strapi.db.query(UID.import as any).count({ where: { documentId: scope.import } }))) {
    throw new ValidationError(`scope.import: no import has the id "${scope.import}"`, { path: 'scope.import' });
  }
  if ('ids' in scope) {
    if (scope.ids.length > EXPORT_IDS_MAX) {
      throw new ValidationError(`scope.ids: at most ${EXPORT_IDS_MAX.toLocaleString('en-US')} ids; export a segment or a search (criteria) instead`, { path: 'scope.ids' });
    }
    const t = tables();
    const found = new Set<string>();
    for (let i = 0; i < scope.ids.length; i += 1000) {
      const rows = await strapi.db.connection(t.contacts).select(t.contactSystem.documentId).whereIn(t.contactSystem.documentId, scope.ids.slice(i, i + 1000));
      for (const r of rows) found.add(r[t.contactSystem.documentId]);
    }
    const missing = scope.ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new ValidationError(`scope.ids: ${missing.length} id(s) name no contact (first: "${missing[0]}")`, { path: 'scope.ids', missing: missing.slice(0, 100) });
    }
  }
  if ('criteria' in scope) await scopeWhere(strapi, scope, { alias: 'c', now: new Date() });
};
