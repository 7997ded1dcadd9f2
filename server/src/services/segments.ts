import type { Core } from '@strapi/strapi';
import { DEFAULT_SEGMENTS, UID } from '../constants';
import { bulkWriterFor } from '../database/bulk';
import { tables } from '../database/tables';
import { NotFoundError, ValidationError } from '../errors';
import { referencedSegments, segmentConditions } from '../segments/compile';
import { compileFor } from '../segments/context';
import { countMembers, refreshMembership, type RefreshResult } from '../segments/refresh';
import { createRefreshJobs, type RefreshJobStatus } from '../segments/refresh-jobs';
import { inBackground } from '../utils/background';
import { getService } from '../utils/get-service';
import { parseJson } from '../utils/json';

/** A refresh asked by a person: its result, or `pending` while it waits behind another refresh or for a worker. */
export type RefreshAnswer = RefreshResult | { pending: true; status: RefreshJobStatus; count: number };

export interface SegmentInput {
  name?: string;
  description?: string | null;
  kind?: 'static' | 'dynamic';
  criteria?: unknown;
}

const SAMPLE = 20;
/** A count past the budget goes on in the background; its result serves the next previews of the same criteria. */
const PREVIEW_CACHE_MS = 60_000;

const present = (s: any) => ({
  id: s.id,
  documentId: s.documentId,
  name: s.name,
  description: s.description ?? null,
  kind: s.kind,
  criteria: parseJson(s.criteria, null),
  count: s.count ?? 0,
  computedAt: s.computedAt ?? null,
  builtIn: !!s.builtIn,
  lastRefresh: parseJson(s.lastRefresh, null),
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

const createSegmentsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const q = () => strapi.db.query(UID.segment as any);
  const config = <T>(key: string) => strapi.config.get(`plugin::contacts.${key}`) as T;
  const previews = new Map<string, { at: number; count?: number; pending?: Promise<number> }>();

  const row = async (documentId: string) => {
    const s = await q().findOne({ where: { documentId } });
    if (!s) throw new NotFoundError('Segment not found');
    return s as any;
  };

  /** Ids of the contacts matching criteria (the compiler's output run as one statement). */
  const matchingIds = async (criteria: unknown, { now = new Date() }: { now?: Date } = {}): Promise<number[]> => {
    const where = await compileFor(strapi, criteria, { alias: 'c', now });
    const rows = await strapi.db.connection(`${tables().contacts} as c`).select('c.id').whereRaw(where.sql, where.bindings as any);
    return rows.map((r: any) => Number(r.id));
  };

  const countOf = async (criteria: unknown, now = new Date()): Promise<number> => {
    const where = await compileFor(strapi, criteria, { alias: 'c', now });
    const [{ n }] = await strapi.db.connection(`${tables().contacts} as c`).whereRaw(where.sql, where.bindings as any).count({ n: '*' });
    return Number(n);
  };

  /** Dynamic segments in an order where each comes after the segments its criteria read. */
  const dependencyOrder = (segments: any[]): any[] => {
    const byDoc = new Map(segments.map((s) => [s.documentId, s]));
    const done = new Set<string>();
    const out: any[] = [];
    const visit = (s: any, stack: string[]) => {
      if (done.has(s.documentId) || stack.includes(s.documentId)) return;
      for (const dep of referencedSegments(parseJson(s.criteria, null))) {
        const d = byDoc.get(dep);
        if (d) visit(d, [...stack, s.documentId]);
      }
      done.add(s.documentId);
      out.push(s);
    };
    for (const s of segments) visit(s, []);
    return out;
  };

  /** Refuses criteria that would read the segment itself, directly or through others; names the condition that closes the loop. */
  const assertNoCycle = async (documentId: string, criteria: unknown) => {
    const all = (await q().findMany({ select: ['documentId', 'name', 'criteria', 'kind'] })) as any[];
    const criteriaOf = new Map(all.map((s) => [s.documentId, s.kind === 'dynamic' ? parseJson(s.criteria, null) : null]));
    const nameOf = new Map(all.map((s) => [s.documentId, s.name]));
    /** A path of segments from `from` back to this one, through their stored criteria. */
    const back = (from: string, trail: string[]): string[] | null => {
      if (from === documentId) return trail;
      if (trail.includes(from)) return null;
      for (const dep of referencedSegments(criteriaOf.get(from))) {
        const found = back(dep, [...trail, from]);
        if (found) return found;
      }
      return null;
    };
    for (const { segment, path } of segmentConditions(criteria)) {
      const loop = back(segment, []);
      if (loop) {
        const names = [documentId, ...loop, documentId].map((id) => nameOf.get(id) ?? id);
        throw new ValidationError(`criteria.${path}: a segment cannot include itself (${names.join(' → ')})`, { path: `criteria.${path}`, cycle: [documentId, ...loop] });
      }
    }
  };

  const jobs = createRefreshJobs(strapi);

  /** Polls a refresh job's row (whichever process runs it) until it ends or `ms` have passed: the row as last read. */
  const settled = async (jobId: number, ms: number) => {
    const until = Date.now() + ms;
    for (let wait = 20; ; wait = Math.min(wait * 2, 100)) {
      const job = await jobs.load(jobId);
      if (!job || job.status === 'done' || job.status === 'failed' || Date.now() >= until) return job;
      await new Promise((resolve) => setTimeout(resolve, Math.min(wait, Math.max(1, until - Date.now()))));
    }
  };

  /**
   * Refreshes a dynamic segment through the job queue and waits for it (up to
   * `refreshWaitSeconds`): the answer is the refresh's result, or, while it
   * waits behind another refresh or for a worker, `pending` with what is stored.
   */
  const refreshThroughQueue = async (s: any): Promise<RefreshAnswer> => {
    const jobId = await jobs.request(s.id);
    getService('queue').kick();
    const job = await settled(jobId, config<number>('refreshWaitSeconds') * 1000);
    if (!job || job.status === 'queued' || job.status === 'in_progress') return { pending: true, status: job?.status ?? 'queued', count: Number(s.count ?? 0) };
    if (job.status === 'failed') throw new ValidationError(`The refresh of segment "${s.name}" failed: ${job.error}`);
    return job.result as RefreshResult;
  };

  const service = {
    matchingIds,

    async find({ page = 1, pageSize = 100, kind }: { page?: number; pageSize?: number; kind?: string } = {}) {
      const where = kind ? { kind } : {};
      const [rows, total] = await Promise.all([
        q().findMany({ where, orderBy: [{ builtIn: 'desc' }, { id: 'asc' }], offset: (page - 1) * pageSize, limit: pageSize }),
        q().count({ where }),
      ]);
      return { results: (rows as any[]).map(present), pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
    },

    async findOne(documentId: string) {
      return present(await row(documentId));
    },

    async create(input: SegmentInput) {
      const kind = input.kind ?? (input.criteria ? 'dynamic' : 'static');
      if (kind === 'dynamic') {
        if (!input.criteria) throw new ValidationError('criteria: a dynamic segment needs criteria', { path: 'criteria' });
        await compileFor(strapi, input.criteria, { alias: 'c' });
      } else if (input.criteria !== undefined && input.criteria !== null) {
        throw new ValidationError('criteria: a static segment has members, not criteria (make it dynamic)', { path: 'criteria' });
      }
      const created = (await q().create({ data: { name: input.name, description: input.description ?? null, kind, criteria: kind === 'dynamic' ? input.criteria : null, count: 0 } })) as any;
      // Saved either way: a refresh that fails says why in the segment's lastRefresh.
      if (kind === 'dynamic') await refreshThroughQueue(created).catch(() => undefined);
      return service.findOne(created.documentId);
    },

    async update(documentId: string, input: SegmentInput) {
      const s = await row(documentId);
      if (input.kind !== undefined && input.kind !== s.kind) throw new ValidationError('kind: a segment cannot change from static to dynamic or back; create another one');
      const data: Record<string, unknown> = {};
      if (input.name !== undefined) data.name = input.name;
      if (input.description !== undefined) data.description = input.description;
      if (input.criteria !== undefined) {
        if (s.builtIn) throw new ValidationError('criteria: the criteria of a default segment cannot change (its name can)', { path: 'criteria' });
        if (s.kind !== 'dynamic') throw new ValidationError('criteria: a static segment has members, not criteria', { path: 'criteria' });
        await compileFor(strapi, input.criteria, { alias: 'c' });
        await assertNoCycle(documentId, input.criteria);
        data.criteria = input.criteria;
      }
      await q().update({ where: { id: s.id }, data });
      if (data.criteria) await refreshThroughQueue(s).catch(() => undefined);
      return service.findOne(documentId);
    },

    async delete(documentId: string) {
      const s = await row(documentId);
      if (s.builtIn) throw new ValidationError('A default segment cannot be deleted');
      const users = ((await q().findMany({ where: { kind: 'dynamic' }, select: ['documentId', 'name', 'criteria'] })) as any[]).filter((o) =>
        referencedSegments(parseJson(o.criteria, null)).includes(documentId)
      );
      if (users.length) throw new ValidationError(`This segment is used by ${users.map((u) => `"${u.name}"`).join(', ')}: change their criteria first`, { usedBy: users.map((u) => u.documentId) });
      const t = tables().segmentLinks;
      await strapi.db.connection.transaction(async (trx) => {
        await trx(t.table).where(t.segment, s.id).delete();
        await trx(tables().segments).where({ id: s.id }).delete();
      });
      await jobs.forget(s.id);
      return { documentId };
    },

    async refresh(documentId: string): Promise<RefreshAnswer> {
      const s = await row(documentId);
      if (s.kind !== 'dynamic') return { count: await service.storeCount(s.id), added: 0, removed: 0, durationMs: 0, at: new Date().toISOString() };
      return refreshThroughQueue(s);
    },

    /** Queues a refresh of every dynamic segment (after imports while there are few enough of them; the schedule). */
    async requestRefreshAll({ onlyIfFewerThan }: { onlyIfFewerThan?: number } = {}) {
      if (onlyIfFewerThan === 0) return null;
      const jobId = await jobs.request(null, { onlyIfFewerThan });
      getService('queue').kick();
      return jobId;
    },

    /** Row ids of the dynamic segments, each after the segments its criteria read. */
    async dynamicInOrder(): Promise<number[]> {
      const dynamic = (await q().findMany({ where: { kind: 'dynamic' }, select: ['id', 'documentId', 'criteria'], orderBy: { id: 'asc' } })) as any[];
      return dependencyOrder(dynamic).map((s) => s.id);
    },

    /**
     * Recomputes one dynamic segment now and stores its count and last refresh
     * (or the error). Only the refresh job calls it: the queue runs one refresh at a time.
     */
    async refreshNow(segmentId: number): Promise<RefreshResult | null> {
      const s = (await q().findOne({ where: { id: segmentId } })) as any;
      if (!s || s.kind !== 'dynamic') return null;
      try {
        const result = await refreshMembership(strapi, { id: s.id, criteria: parseJson(s.criteria, null) });
        await q().update({ where: { id: s.id }, data: { count: result.count, computedAt: result.at, lastRefresh: result } });
        return result;
      } catch (error) {
        await q().update({ where: { id: s.id }, data: { lastRefresh: { error: (error as Error).message, at: new Date().toISOString() } } });
        throw error;
      }
    },

    /**
     * Count and first contacts of criteria, without saving. Past the budget,
     * answers with what it knows (`count: null`, `atLeast`) instead of holding
     * the connection; the count goes on and serves the next preview.
     */
    async preview(criteria: unknown) {
      const started = Date.now();
      const key = JSON.stringify(criteria);
      const where = await compileFor(strapi, criteria, { alias: 'c' });
      const sampleIds = (
        await strapi.db.connection(`${tables().contacts} as c`).select('c.id').whereRaw(where.sql, where.bindings as any).orderBy('c.id', 'desc').limit(SAMPLE)
      ).map((r: any) => Number(r.id));
      const sample = sampleIds.length ? await getService('contacts').byIds(sampleIds) : [];
      if (sampleIds.length < SAMPLE) return { count: sampleIds.length, sample, estimated: false, durationMs: Date.now() - started };
      const cached = previews.get(key);
      if (cached && Date.now() - cached.at < PREVIEW_CACHE_MS && cached.count !== undefined) return { count: cached.count, sample, estimated: false, durationMs: Date.now() - started };
      const pending = cached?.pending ?? countOf(criteria);
      if (!cached?.pending) {
        previews.set(key, { at: Date.now(), pending });
        void inBackground(strapi, 'segment preview count', () => pending.then((count) => previews.set(key, { at: Date.now(), count })).catch(() => previews.delete(key)));
        if (previews.size > 200) previews.delete(previews.keys().next().value as string);
      }
      const budget = Math.max(0, config<number>('previewBudgetMs') - (Date.now() - started));
      const count = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), budget).unref())]);
      if (count === null) return { count: null, atLeast: SAMPLE, estimated: true, sample, durationMs: Date.now() - started };
      return { count, sample, estimated: false, durationMs: Date.now() - started };
    },

    /** Adds contacts (documentIds, or all matching criteria) to a static segment, in one statement. */
    async addMembers(documentId: string, target: { ids?: string[]; criteria?: unknown }) {
      const s = await staticRow(documentId);
      const links = tables().segmentLinks;
      const ids = await targetIds(target);
      const bulk = bulkWriterFor(strapi.db.dialect.client);
      await strapi.db.connection.transaction(async (trx) => {
        for (let i = 0; i < ids.length; i += 5000) {
          await bulk.insertIgnore(trx, links.table, [links.contact, links.segment], ids.slice(i, i + 5000).map((id) => [id, s.id]));
        }
      });
      return service.recount(s);
    },

    async removeMembers(documentId: string, target: { ids?: string[]; criteria?: unknown }) {
      const s = await staticRow(documentId);
      const links = tables().segmentLinks;
      const ids = await targetIds(target);
      for (let i = 0; i < ids.length; i += 5000) {
        await strapi.db.connection(links.table).where(links.segment, s.id).whereIn(links.contact, ids.slice(i, i + 5000)).delete();
      }
      return service.recount(s);
    },

    async recount(s: any) {
      await service.storeCount(s.id);
      return service.findOne(s.documentId);
    },

    /** A static segment's stored count, after its members changed. */
    async storeCount(id: number) {
      const count = await countMembers(strapi, id);
      await q().update({ where: { id }, data: { count, computedAt: new Date().toISOString() } });
      return count;
    },


    /** The 11 default segments, each seeded once (a renamed one stays renamed, a deleted one does not come back). */
    async seedDefaults() {
      const seeded = new Set(((await q().findMany({ where: { builtIn: true }, select: ['builtInKey'] })) as any[]).map((s) => s.builtInKey));
      let created = 0;
      for (const d of DEFAULT_SEGMENTS(config<number>('activityDays'))) {
        if (seeded.has(d.key)) continue;
        await q().create({ data: { name: d.name, kind: 'dynamic', criteria: d.criteria, builtIn: true, builtInKey: d.key, count: 0 } });
        created += 1;
      }
      return created;
    },

    assertNoCycle,
  };

  const staticRow = async (documentId: string) => {
    const s = await row(documentId);
    if (s.kind !== 'static') throw new ValidationError('Members are added to static segments; a dynamic segment follows its criteria');
    return s;
  };

  /** Contact row ids of a selection (documentIds) or of a search (criteria). */
  const targetIds = async (target: { ids?: string[]; criteria?: unknown }): Promise<number[]> => {
    if (target.criteria !== undefined) return matchingIds(target.criteria);
    const docs = target.ids ?? [];
    const out: number[] = [];
    for (let i = 0; i < docs.length; i += 5000) {
      const rows = await strapi.db.connection(tables().contacts).select('id').whereIn(tables().contactSystem.documentId, docs.slice(i, i + 5000));
      out.push(...rows.map((r: any) => Number(r.id)));
    }
    return out;
  };

  return service;
};

export default createSegmentsService;
export type SegmentsService = ReturnType<typeof createSegmentsService>;
