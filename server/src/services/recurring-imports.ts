import fs from 'fs';
import type { Core } from '@strapi/strapi';
import { UID, type RecurringImportInput, type RunTrigger } from '../constants';
import { NotFoundError, PayloadTooLargeError, ValidationError } from '../errors';
import { limitsFromConfig } from '../import/limits';
import type { ImportOptions, MappingEntry } from '../import/types';
import { sliceRows } from '../recurring/slice';
import { iso, nextRunAt, presentRun } from '../schedules/present';
import { createRunsRepository, type RunRow } from '../schedules/runs';
import { createScheduledRows } from '../schedules/scheduled-rows';
import { mergeSecrets, openSecrets, sealSecrets, secretFlags } from '../secrets/credentials';
import { checkSource, discard, fetchLimits, fetchSource, SourceFetchError, testSource, type FetchedFile, type Secrets, type SourceDefinition } from '../sources';
import { tables } from '../database/tables';
import { getService } from '../utils/get-service';
import { parseJson } from '../utils/json';
import { AUTHOR_POPULATE, authorOf } from '../utils/author';

const RUN_KIND = 'import' as const;

/** A SourceFetchError met while saving or testing a source is the person's to fix: 400 (413 for a size). */
export const asApiError = (error: unknown): unknown => {
  if (!(error instanceof SourceFetchError)) return error;
  if (error.failure === 'too_large') return new PayloadTooLargeError(error.message, error.details);
  return new ValidationError(error.message, { code: error.failure, ...error.details });
};

const createRecurringImportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const q = () => strapi.db.query(UID.recurringImport as any);
  const knex = () => strapi.db.connection;
  const runs = createRunsRepository(knex);

  const row = async (documentId: string) => {
    const r = await q().findOne({ where: { documentId }, populate: AUTHOR_POPULATE });
    if (!r) throw new NotFoundError('Recurring import not found');
    return r as any;
  };

  /** The import each run's job is, for the runs list (it may have left the history since). */
  const jobsOf = async (list: RunRow[]) => {
    const ids = list.map((r) => r.jobId).filter((id): id is number => id !== null);
    if (!ids.length) return new Map<number, any>();
    const rows = await knex()(tables().imports).select('id', 'document_id', 'name', 'status', 'total', 'processed', 'created', 'updated', 'unchanged', 'skipped', 'failed', 'warnings').whereIn('id', ids);
    return new Map(rows.map((r: any) => [Number(r.id), r]));
  };

  const presentJob = (j: any) =>
    j
      ? {
          documentId: j.document_id,
          name: j.name,
          status: j.status,
          counters: { total: j.total, processed: j.processed, created: j.created, updated: j.updated, unchanged: j.unchanged, skipped: j.skipped, failed: j.failed, warnings: j.warnings },
        }
      : null;

  const present = (r: any, lastRun?: RunRow | null, job?: any) => ({
    id: r.id,
    documentId: r.documentId,
    name: r.name,
    enabled: !!r.enabled,
    source: r.source,
    credentials: secretFlags(strapi, r.credentials),
    template: r.template,
    mapping: r.mapping,
    options: r.options,
    schedule: r.schedule,
    perRunCap: r.perRunCap ?? null,
    allowResubscribe: !!r.allowResubscribe,
    lastRunAt: iso(r.lastRunAt),
    lastHash: r.lastHash ?? null,
    progress: r.lastHash ? { rowsDone: r.lastOffset ?? 0, rowsTotal: r.lastTotal ?? null } : null,
    nextRunAt: nextRunAt(r.schedule, !!r.enabled),
    lastRun: lastRun ? presentRun(lastRun, presentJob(job)) : null,
    createdBy: authorOf(r.createdBy),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  });

  /** The template: an import that was started (its mapping resolved, new fields created). */
  const template = async (documentId: string) => {
    const imp = await knex()(tables().imports).where({ document_id: documentId }).first('id', 'document_id', 'name', 'status', 'mapping', 'options');
    if (!imp) throw new ValidationError(`fromImport: no import "${documentId}"`, { path: 'fromImport' });
    if (imp.status === 'draft') throw new ValidationError('fromImport: this import is still a draft; start it once (its mapping and options become the template)', { path: 'fromImport' });
    return {
      template: { documentId: imp.document_id, name: imp.name },
      mapping: parseJson<MappingEntry[]>(imp.mapping, []),
      options: parseJson<ImportOptions>(imp.options, {} as ImportOptions),
    };
  };

  const check = async (source: SourceDefinition, secrets: Secrets) => {
    try {
      await checkSource(source, secrets, fetchLimits(strapi));
    } catch (error) {
      throw asApiError(error);
    }
  };

  /** One run: fetch, skip an unchanged file, take at most perRunCap rows, and start an import of them. */
  const runOnce = async (r: any, trigger: RunTrigger, dueAt: Date | null) => {
    const base = { kind: RUN_KIND, scheduleId: r.id, trigger, dueAt };
    for (const open of await runs.openOf(RUN_KIND, r.id)) await settle(open);
    if ((await runs.openOf(RUN_KIND, r.id)).length) {
      return runs.insert({ ...base, outcome: 'skipped-busy', finished: true, reason: "The previous run's import has not ended yet" });
    }
    await q().update({ where: { id: r.id }, data: { lastRunAt: new Date() } });
    let fetched: FetchedFile | null = null;
    let slicePath: string | null = null;
    try {
      fetched = await fetchSource(r.source, openSecrets(strapi, r.credentials), fetchLimits(strapi));
      const file = { hash: fetched.hash, size: fetched.size, origin: fetched.origin };
      const same = !!r.lastHash && fetched.hash === r.lastHash;
      const from = same ? r.lastOffset ?? 0 : 0;
      if (same && r.lastTotal !== null && r.lastTotal !== undefined && from >= r.lastTotal) {
        return runs.insert({ ...base, outcome: 'skipped-unchanged', finished: true, hash: fetched.hash, reason: 'The file has not changed since the last successful run', details: { file } });
      }
      const options: ImportOptions = { ...(r.options as ImportOptions), allowResubscribe: !!r.allowResubscribe };
      const limits = limitsFromConfig(strapi.config.get('plugin::contacts') as Record<string, unknown>);
      const slice = await sliceRows(fetched, { from, cap: r.perRunCap ?? null, options, limits });
      // The whole file fits in one run: import it as it is.
      const whole = !slice || (slice.from === 0 && slice.to === slice.total);
      if (slice && whole) await discard(slice.path);
      else if (slice) slicePath = slice.path;
      if (slice && slice.from >= slice.total) {
        return runs.insert({ ...base, outcome: 'skipped-unchanged', finished: true, hash: fetched.hash, reason: 'Every row of this file was imported by earlier runs', details: { file } });
      }
      const path = whole ? fetched.path : slice!.path;
      const size = whole ? fetched.size : (await fs.promises.stat(path)).size;
      const at = new Date().toISOString().slice(0, 16).replace('T', ' ');
      const imports = getService('imports');
      const runOptions = whole ? options : { ...options, ...slice!.options };
      const draft = await imports.createFromUpload(
        { filepath: path, originalFilename: fetched.name, size, mimetype: fetched.mime },
        runOptions,
        r.createdBy?.id ?? null,
        `${r.name} ${at}`,
        { source: r.source.kind, recurringId: r.id }
      );
      try {
        await imports.update(draft.documentId, { mapping: r.mapping, options: runOptions }, r.createdBy?.id ?? null);
        await imports.start(draft.documentId);
      } catch (error) {
        await imports.delete(draft.documentId).catch(() => undefined);
        throw error;
      }
      const capped = slice && !whole ? { cap: r.perRunCap, rowsLeft: slice.total - slice.to } : null;
      return runs.insert({
        ...base,
        outcome: 'running',
        jobId: draft.id,
        hash: fetched.hash,
        rowsFrom: slice ? slice.from : 0,
        rowsTo: slice ? slice.to : null,
        rowsTotal: slice ? slice.total : null,
        reason: capped ? `perRunCap: rows ${slice!.from + 1}–${slice!.to} of ${slice!.total} imported; the ${capped.rowsLeft} left wait for the next runs` : null,
        details: { file, ...(capped ? { capped } : {}) },
      });
    } catch (error) {
      const file = fetched ? { file: { hash: fetched.hash, size: fetched.size, origin: fetched.origin } } : {};
      return runs.insert({ ...base, outcome: 'failed', finished: true, hash: fetched?.hash ?? null, reason: (error as Error).message, details: file });
    } finally {
      if (fetched) await discard(fetched);
      if (slicePath) await discard(slicePath);
    }
  };

  /**
   * A run whose import ended: imported (the file's hash and the rows done
   * become the recurring import's, so an unchanged file is skipped next time)
   * or failed with the import's reason. Conditional: settled once, whichever
   * instance sees the end first.
   */
  const settle = async (run: RunRow) => {
    if (run.outcome !== 'running' || run.jobId === null) return;
    const imp = await knex()(tables().imports).where({ id: run.jobId }).first('status', 'error', 'total', 'processed', 'created', 'updated', 'unchanged', 'skipped', 'failed', 'warnings');
    if (!imp) {
      await runs.transition(run.id, ['running'], { outcome: 'failed', reason: 'The import was deleted before it ended', finished: true });
      return;
    }
    const counters = { total: imp.total, processed: imp.processed, created: imp.created, updated: imp.updated, unchanged: imp.unchanged, skipped: imp.skipped, failed: imp.failed, warnings: imp.warnings };
    if (imp.status === 'imported') {
      if (!(await runs.transition(run.id, ['running'], { outcome: 'imported', details: { ...run.details, counters }, finished: true }))) return;
      const total = run.rowsTotal ?? Number(imp.total);
      await q().update({ where: { id: run.scheduleId }, data: { lastHash: run.hash, lastOffset: run.rowsTo ?? total, lastTotal: total } });
    } else if (imp.status === 'failed' || imp.status === 'stopped') {
      const reason = imp.status === 'stopped' ? 'The import was stopped' : imp.error || 'The import failed';
      await runs.transition(run.id, ['running'], { outcome: 'failed', reason, details: { ...run.details, counters }, finished: true });
    }
  };

  const rows = createScheduledRows({ kind: RUN_KIND, keyPrefix: 'recurring-import', query: q, runs, row, present, runOnce, settle, jobsOf, presentJob });

  const service = {
    ...rows,

    async create(input: RecurringImportInput, userId: number | null) {
      const from = await template(input.fromImport!);
      const secrets = mergeSecrets({}, input.credentials);
      await check(input.source!, secrets);
      const created = await q().create({
        data: {
          name: input.name || from.template.name,
          enabled: input.enabled ?? true,
          source: input.source,
          credentials: sealSecrets(strapi, secrets),
          ...from,
          schedule: input.schedule,
          perRunCap: input.perRunCap ?? null,
          allowResubscribe: input.allowResubscribe ?? false,
          // The first due time is the first one after now.
          lastDueAt: new Date(),
          lastOffset: 0,
          createdBy: userId ?? undefined,
          updatedBy: userId ?? undefined,
        },
      });
      return rows.presentOne(await row((created as any).documentId));
    },

    async update(documentId: string, input: RecurringImportInput, userId: number | null) {
      const r = await row(documentId);
      const secrets = mergeSecrets(openSecrets(strapi, r.credentials), input.credentials);
      const source = input.source ?? r.source;
      if (input.source || input.credentials) await check(source, secrets);
      const data: Record<string, unknown> = { updatedBy: userId ?? undefined };
      if (input.name !== undefined) data.name = input.name;
      if (input.source) data.source = input.source;
      if (input.credentials) data.credentials = sealSecrets(strapi, secrets);
      if (input.perRunCap !== undefined) data.perRunCap = input.perRunCap;
      if (input.allowResubscribe !== undefined) data.allowResubscribe = input.allowResubscribe;
      if (input.enabled !== undefined) data.enabled = input.enabled;
      if (input.schedule) data.schedule = input.schedule;
      // A new schedule, or one switched back on, starts from now: no burst for the times it missed.
      if (input.schedule || (input.enabled && !r.enabled)) data.lastDueAt = new Date();
      // Another file location: the next file is new whatever its hash.
      if (input.source) Object.assign(data, { lastHash: null, lastOffset: 0, lastTotal: null });
      await q().update({ where: { id: r.id }, data });
      return rows.presentOne(await row(documentId));
    },

    /** A saved source (with its stored secrets, overridable), or an unsaved one: what a run would read now. */
    async testConnection(input: { documentId?: string; source?: SourceDefinition; credentials?: RecurringImportInput['credentials'] }) {
      const r = input.documentId ? await row(input.documentId) : null;
      const source = input.source ?? r?.source;
      if (!source) throw new ValidationError('source is required');
      const secrets = mergeSecrets(r ? openSecrets(strapi, r.credentials) : {}, input.credentials);
      await check(source, secrets);
      try {
        return await testSource(source, secrets, fetchLimits(strapi));
      } catch (error) {
        if (error instanceof SourceFetchError && error.failure === 'remote') return { ok: false, error: error.message };
        throw asApiError(error);
      }
    },
  };
  return service;
};

export default createRecurringImportsService;
export type RecurringImportsService = ReturnType<typeof createRecurringImportsService>;
