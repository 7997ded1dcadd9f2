import type { Core } from '@strapi/strapi';
import { BUILT_IN_FIELDS, UID } from '../constants';
import type { ContactInput } from '../services/contacts';
import { getService } from '../utils/get-service';
import { tables } from '../database/tables';
import { foldKeysOf, loadFieldDefinitions } from '../fields/definitions';
import { foldContact } from '../fields/fold';
import { applySegmentLinks, planSegmentLinks } from '../segments/contact-links';

/** Attributes a contact write may carry that the contacts service validates: every built-in field and `attributes`. */
const CHECKED = [...BUILT_IN_FIELDS.map((f) => f.key), 'attributes'] as Array<keyof ContactInput>;

/** Data objects the contacts service already prepared: validating them twice would only cost queries. */
export const preparedWrites = new WeakSet<object>();

const pick = (data: Record<string, unknown>): ContactInput => {
  const input: Record<string, unknown> = {};
  for (const key of CHECKED) if (key in data) input[key] = data[key];
  return input as ContactInput;
};

const WRITES = ['create', 'update', 'clone', 'delete', 'publish', 'unpublish', 'discardDraft'];

/**
 * A Document Service middleware: whatever writes a contact (the Content
 * Manager, another plugin, a site's own code through strapi.documents) goes
 * through the contacts service's validation, so the base never holds a value
 * an import or the admin cannot read. Invalid data is a 400 (ValidationError).
 * Every write also tells the list's totals that contacts changed.
 */
export const guardContactWrites = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== UID.contact || !WRITES.includes(ctx.action)) return next();
    // A deleted contact's history goes with it (a plain table: no relation for Strapi to clean).
    const gone = ctx.action === 'delete' ? await idOf((ctx.params as { documentId?: string }).documentId) : null;
    try {
      const result = (await checked(ctx, next)) as Awaited<ReturnType<typeof next>>;
      if (gone) await strapi.db.connection(tables().history).where({ contact_id: gone }).delete();
      return result;
    } finally {
      getService('contacts').changed();
    }
  });

  const idOf = async (documentId?: string): Promise<number | null> =>
    documentId ? ((await strapi.db.query(UID.contact as any).findOne({ where: { documentId }, select: ['id'] })) as { id: number } | null)?.id ?? null : null;

  const checked = async (ctx: { action: string; params: unknown }, next: () => Promise<unknown>) => {
    if (!['create', 'update', 'clone'].includes(ctx.action)) return next();
    const params = ctx.params as { data?: Record<string, unknown>; documentId?: string };
    const data = params.data;
    if (!data || typeof data !== 'object') return next();
    const current = params.documentId
      ? await strapi.db.query(UID.contact as any).findOne({ where: { documentId: params.documentId } })
      : null;
    if (!preparedWrites.has(data)) {
      const contacts = getService('contacts');
      let prepared: Record<string, unknown>;
      if (ctx.action === 'update' && current) {
        prepared = await contacts.prepare(pick(data), { partial: true, current });
      } else {
        // A clone is a new contact made of the source and the changes: checked like a creation.
        prepared = await contacts.prepare({ ...(ctx.action === 'clone' && current ? pick(current) : {}), ...pick(data) }, { partial: false });
      }
      for (const key of CHECKED) if (key in prepared) data[key] = prepared[key];
    }
    // Checked before anything is written; written by us after the contact (static segments only, counts kept).
    const links = 'segments' in data ? await planSegmentLinks(strapi, data.segments) : null;
    delete data.segments;
    // The folded copies follow every write, whoever makes it (criteria and the quick search read them).
    const merged = { ...(current ?? {}), ...data } as Record<string, unknown>;
    const { folded, search } = foldContact(merged, (merged.attributes as Record<string, unknown>) ?? {}, foldKeysOf(await loadFieldDefinitions(strapi)));
    data.folded = folded;
    data.search = search;
    const result = (await next()) as { id?: number } | null;
    if (links && result?.id) await applySegmentLinks(strapi, result.id, links);
    return result;
  };
};
