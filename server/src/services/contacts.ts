import type { Core } from '@strapi/strapi';
import { BUILT_IN_FIELDS, builtInField, UID, type FieldDefinition } from '../constants';
import { NotFoundError, ValidationError } from '../errors';
import { foldKeysOf, loadFieldDefinitions } from '../fields/definitions';
import { foldContact } from '../fields/fold';
import { readCountry, readJson, type ReadContext } from '../fields/readers';
import { renderReason } from '../import/reasons';
import { isUniqueViolation } from '../database/dialect';
import { isStopping } from '../utils/background';
import { getService } from '../utils/get-service';
import { preparedWrites } from '../middlewares/contact-writes';
import { withPermission, type Where } from '../permissions/scope';
import { createContactCount } from './contact-count';
import { tables } from '../database/tables';
import { bulkWriterFor } from '../database/bulk';
import { parseJson } from '../utils/json';
import { getDialect, type Sql } from '../database/dialect';
import { compileFor } from '../segments/context';
import { quickSearchSql } from '../segments/quick-search';

export interface ContactInput {
  email?: string | null;
  mobile?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  country?: string | null;
  ownerId?: number | null;
  emailOptIn?: string;
  smsOptIn?: string;
  emailStatus?: string;
  mobileStatus?: string;
  tags?: string[] | null;
  attributes?: Record<string, unknown> | null;
  segments?: unknown;
}

/** A condition the query engine cannot express, as SQL for a given alias of the contacts table. */
type Raw = ((alias: string) => Promise<Sql>) & { key?: string };

const extraKeys = (extra: Raw[]) => extra.map((r) => r.key);

export interface ContactQuery {
  q?: string;
  /** Segment criteria (the same compiler), as an object or its JSON text. */
  criteria?: unknown;
  /** Keyset page: contacts whose id is greater, in id order. */
  after?: number;
  page?: number;
  pageSize?: number;
  sort?: string;
  filters?: Record<string, unknown>;
}

const SORTABLE = [...BUILT_IN_FIELDS.filter((f) => f.sortable).map((f) => f.key), 'createdAt', 'updatedAt'];

/** A contact as the admin sees it: the plugin's own folded copies stay inside. */
const present = <T>(contact: T): T => {
  if (!contact || typeof contact !== 'object') return contact;
  const { folded: _f, search: _s, ...rest } = contact as Record<string, unknown>;
  return rest as T;
};

/** Contacts per transaction of a bulk action. */
const BULK_CHUNK = 2000;

const createContactsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const docs = () => strapi.documents(UID.contact as any);
  const config = () => strapi.config.get('plugin::contacts') as { defaultCountry?: string; maxLongTextLength?: number };

  /**
   * Normalizes and validates a contact write with the same readers the import
   * uses (fields/readers); throws one 400 listing every problem. The base's
   * unicity key is required and must stay unique; the other key column may
   * repeat (a family's mobile, a switchboard).
   */
  const prepare = async (input: ContactInput, { partial, current }: { partial: boolean; current?: any }) => {
    const errors: Record<string, string> = {};
    const data: Record<string, unknown> = {};
    const fields = await loadFieldDefinitions(strapi);
    const { uniqueKey } = await getService('settings').get();
    const rowCountry = typeof input.country === 'string' ? readCountry(input.country) : current?.country ?? null;
    const ctx: ReadContext = { defaultCountry: config().defaultCountry, rowCountry, maxLongTextLength: config().maxLongTextLength };
    const read = (field: FieldDefinition, value: unknown, path: string): { value: unknown } | null => {
      if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '' && field.type !== 'longtext')) return { value: null };
      const result = readJson(field, value, ctx);
      if ('code' in result) {
        errors[path] = renderReason(result.code, { label: field.label, ...result.params });
        return null;
      }
      return { value: result.value };
    };

    for (const field of fields) {
      if (!field.builtIn || field.readOnly || !(field.key in input)) continue;
      const got = read(field, (input as Record<string, unknown>)[field.key], field.key);
      if (!got) continue;
      // An empty status is "unknown", an empty list no tags; an empty opt-in stays unset: unknown, never yes.
      const builtIn = builtInField(field.key)!;
      data[field.key] = got.value === null ? (field.reader === 'tags' ? [] : builtIn.default ?? null) : got.value;
    }
    if (data.ownerId !== undefined && data.ownerId !== null && !(await strapi.db.connection(tables().adminUsers).where({ id: data.ownerId }).first('id'))) {
      errors.ownerId = `no admin user has the id ${data.ownerId}`;
    }
    // A create always goes through the attribute checks, so required fields hold without an `attributes` key.
    if (input.attributes !== undefined || !partial) {
      if (input.attributes != null && (typeof input.attributes !== 'object' || Array.isArray(input.attributes))) {
        errors.attributes = 'must be an object of custom field values by field key';
      } else {
        const custom = fields.filter((f) => !f.builtIn);
        const byKey = new Map(custom.map((f) => [f.key, f]));
        const merged: Record<string, unknown> = { ...(partial ? current?.attributes ?? {} : {}) };
        for (const [key, value] of Object.entries(input.attributes ?? {})) {
          const field = byKey.get(key);
          if (!field) {
            errors[`attributes.${key}`] = `unknown field "${key}"; create it under Contacts → Fields first`;
            continue;
          }
          const got = read(field, value, `attributes.${key}`);
          if (!got) continue;
          if (got.value === null) delete merged[key];
          else merged[key] = got.value;
        }
        if (!partial) {
          for (const f of custom) if (f.required && (merged[f.key] === undefined || merged[f.key] === null)) errors[`attributes.${f.key}`] = `${f.label} is required`;
        }
        if (input.attributes !== undefined) data.attributes = merged;
      }
    }
    if (input.segments !== undefined) data.segments = input.segments;

    const key = data[uniqueKey] !== undefined ? data[uniqueKey] : current?.[uniqueKey];
    if (!key && !errors[uniqueKey]) {
      errors[uniqueKey] = `a contact needs ${uniqueKey === 'email' ? 'an e-mail address' : 'a mobile number'}: it is the base's unicity key`;
    }
    if (Object.keys(errors).length) {
      // A body with thousands of bad keys still gets a message of readable size; details keep them all.
      const entries = Object.entries(errors);
      const message =
        entries
          .slice(0, 10)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; ') + (entries.length > 10 ? `; and ${entries.length - 10} more problem(s)` : '');
      throw new ValidationError(message, { errors });
    }
    await assertUnique(uniqueKey, data[uniqueKey], current?.documentId);
    return data;
  };

  /** Only the base's key is unique: a mobile (or e-mail, with a mobile key) may repeat. */
  const assertUnique = async (key: 'email' | 'mobile', value: unknown, documentId?: string) => {
    if (!value) return;
    const other = await strapi.db.query(UID.contact as any).findOne({ where: { [key]: value }, select: ['documentId'] });
    if (other && other.documentId !== documentId) {
      throw new ValidationError(`A contact with the ${key === 'email' ? 'e-mail' : 'mobile'} ${value} already exists`, { [key]: value, documentId: other.documentId });
    }
  };

  /** A concurrent write can still hit the unique index after our check: answer 400, not 500. */
  const uniqueGuard = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ValidationError('A contact with this key (e-mail or mobile, whichever the base is keyed on) already exists');
      throw error;
    }
  };

  /**
   * The query engine counts `count(t0.id)`, which SQLite answers by reading a
   * whole index (40 ms at 1M) where `count(*)` is served from the b-tree at once.
   */
  const counts = createContactCount();
  const table = () => strapi.db.metadata.get(UID.contact as any).tableName;

  /**
   * What the query engine cannot say: criteria (compiled to SQL, the segments'
   * compiler) and the quick search (the folded `search` column, and a phone
   * written in any form matched on its E.164 number).
   */
  const rawConditions = async (query: ContactQuery): Promise<Raw[]> => {
    const out: Raw[] = [];
    const keyed = (key: string, raw: (alias: string) => Promise<Sql>): Raw => Object.assign(raw, { key });
    if (query.criteria !== undefined) {
      out.push(keyed(`criteria:${JSON.stringify(query.criteria)}`, (alias) => compileFor(strapi, query.criteria, { alias })));
    }
    const text = query.q?.trim();
    if (text) {
      const c = tables().contactColumns;
      const d = getDialect().criteria;
      out.push(
        keyed(`q:${text}`, async (alias) => {
          const col = (name: string) => `${d.quote(alias)}.${d.quote(name)}`;
          return quickSearchSql(text, { email: col(c.email), mobile: col(c.mobile), search: col(c.search), like: d.like, defaultCountry: config().defaultCountry });
        })
      );
    }
    return out;
  };

  const apply = async (builder: any, extra: Raw[]) => {
    const knexQuery = builder.getKnexQuery();
    for (const raw of extra) {
      const { sql, bindings } = await raw(builder.alias);
      knexQuery.whereRaw(sql, bindings);
    }
    return knexQuery;
  };

  const idsOf = async (where: Where, extra: Raw[], page: { orderBy: unknown[]; offset?: number; limit: number; after?: number }): Promise<number[]> => {
    const qb = strapi.db.queryBuilder(UID.contact as any).select(['id']).where(page.after !== undefined ? { $and: [where, { id: { $gt: page.after } }] } : where);
    qb.orderBy(page.orderBy as any).limit(page.limit);
    if (page.offset) qb.offset(page.offset);
    const rows = await apply(qb, extra);
    return rows.map((r: any) => Number(r.id));
  };

  const countContacts = (where: Where, extra: Raw[] = []): Promise<number> => {
    const unfiltered = !Object.keys(where).length && !extra.length;
    return counts.total(JSON.stringify([where, extraKeys(extra)]), async () => {
      // The query engine counts `count(t0.id)`, which SQLite answers by reading a whole index
      // (40 ms at 1M) where `count(*)` is served from the b-tree at once.
      if (unfiltered) {
        const [{ n }] = await strapi.db.connection(table()).count({ n: '*' });
        return Number(n);
      }
      const [{ count }] = await apply(strapi.db.queryBuilder(UID.contact as any).count().where(where), extra);
      return Number(count);
    });
  };

  const service = {
    prepare,

    /** Tells the list's totals that contacts changed (`churn`: more batches follow, refresh lazily). */
    changed(kind: 'churn' | 'settle' = 'settle') {
      if (kind === 'churn') counts.churn();
      else counts.settle();
    },

    /**
     * The admin list. Through the query engine rather than the Documents API:
     * the latter adds a published_at filter that turns count(*) from an index
     * scan into a table scan (64 ms against 3 ms at 1M contacts on SQLite).
     * With `after`, a keyset page by id (constant cost at any depth).
     */
    async find(query: ContactQuery = {}, permission: Where | null = {}) {
      const page = Math.max(1, Number(query.page) || 1);
      const pageSize = Math.min(200, Math.max(1, Number(query.pageSize) || 25));
      const where = withPermission(query.filters ? query.filters : {}, permission);
      const extra = await rawConditions(query);
      if (query.after !== undefined) {
        if (query.sort || query.page !== undefined) throw new ValidationError('after pages by id: it cannot be combined with page or sort');
        if (where === null) return { results: [], pagination: { pageSize, after: query.after, next: null } };
        const ids = await idsOf(where, extra, { orderBy: [{ id: 'asc' }], limit: pageSize, after: query.after });
        const results = await service.byIds(ids);
        return { results, pagination: { pageSize, after: query.after, next: ids.length === pageSize ? ids[ids.length - 1] : null } };
      }
      if (where === null) return { results: [], pagination: { page, pageSize, pageCount: 0, total: 0 } };
      // A quick search lists the newest contacts first by id: walking the update index past every non-match is what costs.
      let sort: Record<string, 'asc' | 'desc'> = query.q?.trim() ? { id: 'desc' } : { updatedAt: 'desc' };
      if (query.sort) {
        const [field, dir = 'asc', ...rest] = query.sort.split(':');
        if (rest.length || !SORTABLE.includes(field) || !['asc', 'desc'].includes(dir.toLowerCase())) {
          throw new ValidationError(`sort must be one of ${SORTABLE.join(', ')} followed by :asc or :desc`);
        }
        sort = { [field]: dir.toLowerCase() as 'asc' | 'desc' };
      }
      const direction = Object.values(sort)[0];
      // Ids first, then the rows: the first query can be answered from the (updated_at, id) index alone,
      // which keeps deep pages cheap on Postgres (offset 50,000 at 1M contacts: 884 ms as one query).
      const [ids, total] = await Promise.all([
        idsOf(where, extra, { orderBy: [sort, { id: direction }], offset: (page - 1) * pageSize, limit: pageSize }),
        countContacts(where, extra),
      ]);
      return {
        results: await service.byIds(ids),
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },

    /**
     * One action on a selection (documentIds) or on every result of a search
     * (criteria), within what the caller's role conditions cover; in chunks,
     * each in its own transaction. Returns how many contacts it touched.
     */
    async bulk(
      input: { action: 'delete' | 'addTags' | 'removeTags'; ids?: string[]; criteria?: unknown; tags?: string[] },
      permission: Where | null = {}
    ): Promise<{ affected: number }> {
      const where = withPermission(input.ids ? { documentId: { $in: input.ids } } : {}, permission);
      if (where === null) return { affected: 0 };
      const extra = input.criteria !== undefined ? await rawConditions({ criteria: input.criteria }) : [];
      const t = tables();
      const knex = strapi.db.connection;
      let affected = 0;
      let after = 0;
      for (;;) {
        const ids = await idsOf(where, extra, { orderBy: [{ id: 'asc' }], limit: BULK_CHUNK, after });
        if (!ids.length) break;
        after = ids[ids.length - 1];
        await knex.transaction(async (trx) => {
          if (input.action === 'delete') {
            await trx(t.segmentLinks.table).whereIn(t.segmentLinks.contact, ids).delete();
            await trx(t.history).whereIn('contact_id', ids).delete();
            await trx(t.contacts).whereIn('id', ids).delete();
            return;
          }
          const rows = await trx(t.contacts).select('id', t.contactColumns.tags).whereIn('id', ids);
          const ts = bulkWriterFor(strapi.db.dialect.client).timestamp(new Date());
          for (const r of rows) {
            const current = parseJson<unknown>(r[t.contactColumns.tags], []);
            const list = Array.isArray(current) ? (current as unknown[]).filter((x): x is string => typeof x === 'string') : [];
            const next = input.action === 'addTags' ? Array.from(new Set([...list, ...(input.tags ?? [])])) : list.filter((x) => !(input.tags ?? []).includes(x));
            if (next.length === list.length && next.every((x, i) => x === list[i])) continue;
            await trx(t.contacts).where({ id: r.id }).update({ [t.contactColumns.tags]: JSON.stringify(next), [t.contactSystem.updatedAt]: ts as any });
          }
        });
        affected += ids.length;
        if (ids.length < BULK_CHUNK) break;
      }
      counts.settle();
      return { affected };
    },

    /** Folded copies for contacts that have none yet (written before they existed, or by raw SQL), in batches. */
    async backfillFolded(): Promise<number> {
      const t = tables();
      const c = t.contactColumns;
      const keys = foldKeysOf(await loadFieldDefinitions(strapi));
      const knex = strapi.db.connection;
      let done = 0;
      for (;;) {
        const rows = await knex(t.contacts).select('id', ...keys.builtIn.map((k) => c[k]), c.attributes).whereNull(c.folded).orderBy('id').limit(BULK_CHUNK);
        if (!rows.length) break;
        await knex.transaction(async (trx) => {
          for (const r of rows) {
            const values = Object.fromEntries(keys.builtIn.map((k) => [k, r[c[k]]]));
            const { folded, search } = foldContact(values, parseJson<Record<string, unknown>>(r[c.attributes], {}) ?? {}, keys);
            await trx(t.contacts).where({ id: r.id }).update({ [c.folded]: JSON.stringify(folded), [c.search]: search });
          }
        });
        done += rows.length;
        // The next start goes on where this one left.
        if (rows.length < BULK_CHUNK || isStopping()) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (done) counts.settle();
      return done;
    },

    /** Contacts by row id, in the order given (previews, samples). */
    async byIds(ids: number[]) {
      const rows = (await strapi.db.query(UID.contact as any).findMany({ where: { id: { $in: ids } } })) as Array<{ id: number }>;
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id)).filter(Boolean).map(present);
    },

    async findOne(documentId: string, params: Record<string, unknown> = {}) {
      const contact = await docs().findOne({ documentId, ...params });
      if (!contact) throw new NotFoundError('Contact not found');
      return present(contact);
    },

    /** `userId`: the admin who writes (createdBy/updatedBy, which "is creator" conditions read). */
    /** `activity`: the write is the contact's own doing (content API, a confirmed subscription): it counts as activity. */
    async create(input: ContactInput, userId: number | null = null, { activity = false } = {}) {
      const data = await prepare(input, { partial: false });
      if (activity) data.lastActivityAt = new Date().toISOString();
      if (userId) Object.assign(data, { createdBy: userId, updatedBy: userId });
      preparedWrites.add(data);
      return present(await uniqueGuard(() => docs().create({ data: data as any })));
    },

    async update(documentId: string, input: ContactInput, userId: number | null = null, { activity = false } = {}) {
      const current = await service.findOne(documentId);
      const data = await prepare(input, { partial: true, current });
      if (activity) data.lastActivityAt = new Date().toISOString();
      if (userId) Object.assign(data, { updatedBy: userId });
      preparedWrites.add(data);
      return present(await uniqueGuard(() => docs().update({ documentId, data: data as any })));
    },

    /** What happened to a contact (created / updated by import N), newest first. */
    async history(documentId: string, { page = 1, pageSize = 20 }: { page?: number; pageSize?: number } = {}) {
      const contact = await strapi.db.query(UID.contact as any).findOne({ where: { documentId }, select: ['id'] });
      if (!contact) throw new NotFoundError('Contact not found');
      const t = tables();
      const knex = strapi.db.connection;
      const [{ total }] = await knex(t.history).where({ contact_id: contact.id }).count({ total: '*' });
      const rows = await knex(`${t.history} as h`)
        .leftJoin(`${t.imports} as i`, 'i.id', 'h.import_id')
        .select('h.id', 'h.kind', 'h.at', 'i.document_id as import_document_id', 'i.name as import_name')
        .where('h.contact_id', contact.id)
        .orderBy([{ column: 'h.at', order: 'desc' }, { column: 'h.id', order: 'desc' }])
        .offset((page - 1) * pageSize)
        .limit(pageSize);
      return {
        results: rows.map((r: any) => ({
          kind: r.kind,
          at: r.at === null ? null : new Date(typeof r.at === 'string' && /^\d+$/.test(r.at) ? Number(r.at) : r.at).toISOString(),
          import: r.import_document_id ? { documentId: r.import_document_id, name: r.import_name } : null,
        })),
        pagination: { page, pageSize, pageCount: Math.ceil(Number(total) / pageSize), total: Number(total) },
      };
    },

    async delete(documentId: string) {
      await service.findOne(documentId);
      await docs().delete({ documentId });
    },
  };
  return service;
};

export default createContactsService;
export type ContactsService = ReturnType<typeof createContactsService>;
