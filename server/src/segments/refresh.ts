import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { getDialect } from '../database/dialect';
import { tables } from '../database/tables';
import { compileFor } from './context';

export interface RefreshResult {
  count: number;
  added: number;
  removed: number;
  durationMs: number;
  at: string;
}

/** Rows a raw INSERT/DELETE changed, whatever the driver's result shape. */
const affected = (result: any): number => {
  if (Array.isArray(result)) return Number(result[0]?.affectedRows ?? 0);
  return Number(result?.rowCount ?? result?.changes ?? result?.affectedRows ?? 0);
};

/**
 * One set-based refresh of a dynamic segment, in one transaction: an
 * INSERT … SELECT of the contacts that now match and are not members, a
 * DELETE of the members that no longer match (never one contact at a time in
 * JS), then the count. Readers see the old membership or the new one.
 */
export const refreshMembership = async (strapi: Core.Strapi, segment: { id: number; criteria: unknown }, now = new Date()): Promise<RefreshResult> => {
  const started = Date.now();
  const t = tables();
  const q = getDialect().criteria.quote;
  const where = await compileFor(strapi, segment.criteria, { alias: 'c', now });
  const links = q(t.segmentLinks.table);
  const lc = q(t.segmentLinks.contact);
  const ls = q(t.segmentLinks.segment);
  const contacts = `${q(t.contacts)} c`;
  let added = 0;
  let removed = 0;
  let count = 0;
  const d = getDialect();
  // The criteria are evaluated once, into a temporary table the two statements then read (half the work of evaluating twice).
  const matchedName = `contacts_refresh_${segment.id}_${Date.now().toString(36)}`;
  const matched = q(matchedName);
  await strapi.db.connection.transaction(async (trx: Knex.Transaction) => {
    await trx.raw(d.createTempIds(matched));
    try {
      await trx.raw(`INSERT INTO ${matched} (id) SELECT c.${q('id')} FROM ${contacts} WHERE ${where.sql}`, where.bindings as Knex.RawBinding[]);
      // Postgres never analyzes a temporary table by itself: the two statements below are planned on its real size.
      await d.refreshStats(trx, matchedName);
      added = affected(
        await trx.raw(
          `INSERT INTO ${links} (${lc}, ${ls}) SELECT m.id, ? FROM ${matched} m WHERE NOT EXISTS (SELECT 1 FROM ${links} x WHERE x.${lc} = m.id AND x.${ls} = ?)`,
          [segment.id, segment.id]
        )
      );
      // An anti-join, not NOT IN: Postgres runs NOT IN as a hashed subplan only while the ids fit work_mem, and
      // rescans the list once per member past that (600,000 members: minutes, against about a second).
      removed = affected(
        await trx.raw(`DELETE FROM ${links} WHERE ${ls} = ? AND NOT EXISTS (SELECT 1 FROM ${matched} m WHERE m.id = ${links}.${lc})`, [segment.id])
      );
    } finally {
      await trx.raw(`${d.dropTempTable} ${matched}`);
    }
    const [{ n }] = await trx(t.segmentLinks.table).where(t.segmentLinks.segment, segment.id).count({ n: '*' });
    count = Number(n);
  }, d.readingTransaction);
  return { count, added, removed, durationMs: Date.now() - started, at: now.toISOString() };
};

/** Members of a static segment, recounted after a change. */
export const countMembers = async (strapi: Core.Strapi, segmentId: number): Promise<number> => {
  const t = tables();
  const [{ n }] = await strapi.db.connection(t.segmentLinks.table).where(t.segmentLinks.segment, segmentId).count({ n: '*' });
  return Number(n);
};
