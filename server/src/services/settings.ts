import createError from 'http-errors';
import type { Core } from '@strapi/strapi';
import { IMPORT_ACTIVE_STATUSES, KEY_FIELDS, UID, type UniqueKey } from '../constants';
import { getDialect, isUniqueViolation } from '../database/dialect';
import { tables } from '../database/tables';

/** Settings of the contact base (Settings page, GET/PUT /contacts/settings). */
export interface BaseSettings {
  /** The base's unicity key (Sendethic's "clé d'unicité"): the only column with a unique index. */
  uniqueKey: UniqueKey;
}

const DEFAULTS: BaseSettings = { uniqueKey: 'email' };
/** Settings are read by every contact write and import: a short cache, refreshed by any change here. */
const CACHE_MS = 5000;

export const uniqueIndexName = (table: string, key: string) => `${table}_${key}_uq`;
export const plainIndexName = (table: string, key: string) => `${table}_${key}_idx`;

/** 409 with the number of contacts in the way, and where to list them. */
const conflict = (message: string, details: Record<string, unknown>) => createError(409, message, { details, expose: true });

const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'contacts' });
  let cached: { value: BaseSettings; at: number } | null = null;
  const knex = () => strapi.db.connection;

  /** Contacts whose value of `key` is shared with another contact (what a unique index on it would refuse). */
  const duplicates = async (key: UniqueKey) => {
    const t = tables();
    const column = t.contactColumns[key];
    const repeated = knex()(t.contacts).select(column).whereNotNull(column).groupBy(column).havingRaw('count(*) > 1');
    const [{ contacts }] = await knex()(t.contacts).whereIn(column, repeated).count({ contacts: '*' });
    const [{ values }] = await knex().from(repeated.clone().as('r')).count({ values: '*' });
    return { contacts: Number(contacts), values: Number(values) };
  };

  /**
   * The key column unique, the other one indexed but free to repeat. The new
   * unique index is created before the old one goes, so a failure (duplicates
   * that appeared meanwhile) leaves the previous state whole.
   */
  const applyIndexes = async (key: UniqueKey) => {
    const d = getDialect();
    const t = tables();
    await d.ensureUniqueIndex(knex(), t.contacts, uniqueIndexName(t.contacts, key), t.contactColumns[key], { whereNotNull: key === 'mobile' });
    for (const other of KEY_FIELDS.filter((k) => k !== key)) {
      await d.ensureIndex(knex(), t.contacts, plainIndexName(t.contacts, other), [t.contactColumns[other]]);
      await d.dropIndex(knex(), t.contacts, uniqueIndexName(t.contacts, other));
    }
  };

  const service = {
    async get(): Promise<BaseSettings> {
      if (cached && Date.now() - cached.at < CACHE_MS) return cached.value;
      const stored = ((await store().get({ key: 'settings' })) ?? {}) as Partial<BaseSettings>;
      const value: BaseSettings = { ...DEFAULTS, ...stored };
      cached = { value, at: Date.now() };
      return value;
    },

    /** At start: indexes as the saved key wants them (also heals a change that stopped half-way). */
    async ensureIndexes() {
      cached = null;
      await applyIndexes((await service.get()).uniqueKey);
    },

    async update(input: Partial<BaseSettings>): Promise<BaseSettings> {
      const current = await service.get();
      const next: BaseSettings = { ...current, ...input };
      if (next.uniqueKey !== current.uniqueKey) {
        const running = await strapi.db.query(UID.import as any).count({ where: { status: { $in: IMPORT_ACTIVE_STATUSES } } });
        if (running) {
          throw conflict(`The unicity key cannot change while ${running} import(s) are queued or running: wait for them to end, or stop them`, { imports: running });
        }
        const dup = await duplicates(next.uniqueKey);
        if (dup.contacts) {
          throw conflict(
            `${dup.contacts} contacts share ${dup.values} ${next.uniqueKey === 'email' ? 'e-mail address(es)' : 'mobile number(s)'}: merge or correct them before making ${next.uniqueKey} the unicity key (GET /contacts/settings/conflicts?key=${next.uniqueKey} lists them)`,
            { conflicts: dup.contacts, values: dup.values, key: next.uniqueKey }
          );
        }
        try {
          await applyIndexes(next.uniqueKey);
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // Duplicates written between the check and the index: nothing changed, say so.
          await applyIndexes(current.uniqueKey).catch(() => undefined);
          throw conflict(`Contacts sharing a ${next.uniqueKey} were written meanwhile: try again`, { key: next.uniqueKey });
        }
      }
      await store().set({ key: 'settings', value: next });
      cached = { value: next, at: Date.now() };
      return next;
    },

    /** The values of `key` several contacts share, with those contacts (what blocks a change of the key). */
    async conflicts(key: UniqueKey, { page = 1, pageSize = 20 } = {}) {
      const t = tables();
      const column = t.contactColumns[key];
      const base = () => knex()(t.contacts).whereNotNull(column).groupBy(column).havingRaw('count(*) > 1');
      const [{ total }] = await knex().from(base().select(column).as('r')).count({ total: '*' });
      const groups = await base().select(column).count({ n: '*' }).orderBy(column).offset((page - 1) * pageSize).limit(pageSize);
      const values = groups.map((g: any) => g[column]);
      const contacts = values.length
        ? await strapi.db.query(UID.contact as any).findMany({
            where: { [key]: { $in: values } },
            select: ['documentId', 'email', 'mobile', 'firstName', 'lastName', 'updatedAt'],
            orderBy: { id: 'asc' },
          })
        : [];
      return {
        results: groups.map((g: any) => ({
          value: g[column],
          count: Number(g.n),
          contacts: (contacts as any[]).filter((c) => c[key] === g[column]),
        })),
        pagination: { page, pageSize, pageCount: Math.ceil(Number(total) / pageSize), total: Number(total) },
      };
    },
  };
  return service;
};

export default createSettingsService;
export type SettingsService = ReturnType<typeof createSettingsService>;
