import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import type { ContactInput } from '../services/contacts';
import { getService } from '../utils/get-service';

/** Attributes a contact write may carry that the contacts service validates. */
const CHECKED: Array<keyof ContactInput> = [
  'email', 'mobile', 'firstName', 'lastName', 'company', 'ownerId',
  'emailOptIn', 'smsOptIn', 'emailStatus', 'mobileStatus', 'tags', 'attributes',
];

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
    try {
      return (await checked(ctx, next)) as Awaited<ReturnType<typeof next>>;
    } finally {
      getService('contacts').changed();
    }
  });

  const checked = async (ctx: { action: string; params: unknown }, next: () => Promise<unknown>) => {
    if (!['create', 'update', 'clone'].includes(ctx.action)) return next();
    const params = ctx.params as { data?: Record<string, unknown>; documentId?: string };
    const data = params.data;
    if (!data || typeof data !== 'object' || preparedWrites.has(data)) return next();
    const contacts = getService('contacts');
    const current = params.documentId
      ? await strapi.db.query(UID.contact as any).findOne({ where: { documentId: params.documentId } })
      : null;
    let prepared: Record<string, unknown>;
    if (ctx.action === 'update' && current) {
      prepared = await contacts.prepare(pick(data), { partial: true, current });
    } else {
      // A clone is a new contact made of the source and the changes: checked like a creation.
      prepared = await contacts.prepare({ ...(ctx.action === 'clone' && current ? pick(current) : {}), ...pick(data) }, { partial: false });
    }
    for (const key of CHECKED) if (key in prepared) data[key] = prepared[key];
    return next();
  };
};
