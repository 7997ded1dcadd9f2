import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { bulkWriterFor } from '../database/bulk';
import { getDialect, type Sql } from '../database/dialect';
import { tables } from '../database/tables';
import { ValidationError } from '../errors';
import { loadFieldDefinitions } from '../fields/definitions';
import { compileCriteria, CriteriaError, referencedImports, type CompileContext } from './compile';
import { criteriaFields } from './fields';
import { quickSearchSql } from './quick-search';

/**
 * Everything the compiler needs from the database (fields, segment and
 * import ids, table names), for one alias of the contacts table.
 */
export const compileFor = async (strapi: Core.Strapi, criteria: unknown, { alias, now = new Date() }: { alias: string; now?: Date }): Promise<Sql> => {
  const t = tables();
  const sql = getDialect().criteria;
  const q = sql.quote;
  const defs = await loadFieldDefinitions(strapi);
  const segments = (await strapi.db.query(UID.segment as any).findMany({ select: ['id', 'documentId'] })) as Array<{ id: number; documentId: string }>;
  const wantedImports = referencedImports(criteria);
  const imports = wantedImports.length
    ? ((await strapi.db.connection(t.imports).select('id', 'document_id').whereIn('document_id', wantedImports)) as Array<{ id: number; document_id: string }>)
    : [];
  const column = (name: string) => `${q(alias)}.${q(name)}`;
  const ctx: CompileContext = {
    sql,
    column,
    id: column('id'),
    fields: criteriaFields(defs, t.contactColumns, t.contactSystem),
    foldedColumn: column(t.contactColumns.folded),
    attributesColumn: column(t.contactColumns.attributes),
    segmentIds: new Map(segments.map((s) => [s.documentId, s.id])),
    importIds: new Map(imports.map((i) => [i.document_id, i.id])),
    links: { table: q(t.segmentLinks.table), contact: q(t.segmentLinks.contact), segment: q(t.segmentLinks.segment) },
    history: { table: q(t.history), contact: q('contact_id'), import: q('import_id') },
    timestamp: (d) => bulkWriterFor(strapi.db.dialect.client).timestamp(d),
    now,
    quickSearch: (text) =>
      quickSearchSql(text, {
        email: column(t.contactColumns.email),
        mobile: column(t.contactColumns.mobile),
        search: column(t.contactColumns.search),
        like: sql.like,
        defaultCountry: (strapi.config.get('plugin::contacts.defaultCountry') as string | undefined) ?? undefined,
      }),
  };
  try {
    return compileCriteria(criteria, ctx);
  } catch (error) {
    if (error instanceof CriteriaError) {
      const path = error.path ? `criteria.${error.path}` : 'criteria';
      throw new ValidationError(`${path}: ${error.detail}`, { path });
    }
    throw error;
  }
};
