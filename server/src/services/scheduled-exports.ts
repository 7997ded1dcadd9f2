import type { Core } from '@strapi/strapi';
import { UID, type Destination, type ExportLocale, type RunTrigger, type ScheduledExportInput } from '../constants';
import { tables } from '../database/tables';
import { NotFoundError, ValidationError } from '../errors';
import type { Where } from '../permissions/scope';
import { iso, nextRunAt, presentRun } from '../schedules/present';
import { createRunsRepository, type RunRow } from '../schedules/runs';
import { createScheduledRows } from '../schedules/scheduled-rows';
import { mergeSecrets, openSecrets, sealSecrets, secretFlags } from '../secrets/credentials';
import { checkSource, fetchLimits, SourceFetchError, testSftpDirectory, uploadSftp, type Secrets } from '../sources';
import { getService } from '../utils/get-service';
import { parseJson } from '../utils/json';
import { asApiError } from './recurring-imports';
import { AUTHOR_POPULATE, authorOf } from '../utils/author';

const RUN_KIND = 'export' as const;
/** A delivery that has not ended this long died with its process: it is tried again. */
const DELIVERY_STALE_MS = 15 * 60_000;
export const DEFAULT_FILE_NAME = '{name}-{datetime}.{ext}';

/** `{name}` (the schedule's, made safe), `{date}` YYYY-MM-DD, `{datetime}` YYYYMMDD-HHMMSS (UTC), `{ext}` csv or xlsx. */
export const remoteFileName = (template: string | null | undefined, name: string, format: string, at: Date) => {
  const stamp = at.toISOString();
  const safe = name.replace(/[^\w.-]+/g, '_').replace(/^[._-]+/, '') || 'contacts';
  return (template || DEFAULT_FILE_NAME)
    .replace(/\{name\}/g, safe)
    .replace(/\{date\}/g, stamp.slice(0, 10))
    .replace(/\{datetime\}/g, `${stamp.slice(0, 10).replace(/-/g, '')}-${stamp.slice(11, 19).replace(/:/g, '')}`)
    .replace(/\{ext\}/g, format);
};

const createScheduledExportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const q = () => strapi.db.query(UID.scheduledExport as any);
  const knex = () => strapi.db.connection;
  const runs = createRunsRepository(knex);

  const row = async (documentId: string) => {
    const r = await q().findOne({ where: { documentId }, populate: AUTHOR_POPULATE });
    if (!r) throw new NotFoundError('Scheduled export not found');
    return r as any;
  };

  const jobsOf = async (list: RunRow[]) => {
    const ids = list.map((r) => r.jobId).filter((id): id is number => id !== null);
    if (!ids.length) return new Map<number, any>();
    const rows = await knex()(tables().exports).select('id', 'document_id', 'name', 'status', 'row_count', 'bytes', 'error').whereIn('id', ids);
    return new Map(rows.map((r: any) => [Number(r.id), r]));
  };
  const presentJob = (j: any) => (j ? { documentId: j.document_id, name: j.name, status: j.status, rowCount: Number(j.row_count) || 0, bytes: Number(j.bytes) || 0 } : null);

  const present = (r: any, lastRun?: RunRow | null, job?: any) => ({
    id: r.id,
    documentId: r.documentId,
    name: r.name,
    enabled: !!r.enabled,
    request: r.request,
    locale: r.locale,
    destination: r.destination,
    credentials: secretFlags(strapi, r.credentials),
    schedule: r.schedule,
    lastRunAt: iso(r.lastRunAt),
    nextRunAt: nextRunAt(r.schedule, !!r.enabled),
    lastRun: lastRun ? presentRun(lastRun, presentJob(job)) : null,
    createdBy: authorOf(r.createdBy),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  });

  /** The request of an earlier export, as POST /contacts/exports would take it again. */
  const requestOf = async (documentId: string) => {
    const e = await knex()(tables().exports).where({ document_id: documentId }).first('name', 'scope', 'fields', 'format', 'options');
    if (!e) throw new ValidationError(`fromExport: no export "${documentId}"`, { path: 'fromExport' });
    const options = parseJson<Record<string, any>>(e.options, {});
    const fields = typeof e.fields === 'string' && (e.fields === 'main' || e.fields === 'all') ? e.fields : parseJson(e.fields, 'main');
    return {
      name: e.name as string,
      locale: (options.locale ?? 'en') as ExportLocale,
      request: { scope: parseJson(e.scope, null), fields, format: e.format, delimiter: options.delimiter, bom: options.bom, headers: options.headers, multiselect: options.multiselect },
    };
  };

  const checkDestination = async (destination: Destination, secrets: Secrets) => {
    if (destination.kind !== 'sftp') return;
    try {
      await checkSource(destination, secrets, fetchLimits(strapi));
    } catch (error) {
      throw asApiError(error);
    }
  };

  const runOnce = async (r: any, trigger: RunTrigger, dueAt: Date | null) => {
    const base = { kind: RUN_KIND, scheduleId: r.id, trigger, dueAt };
    await q().update({ where: { id: r.id }, data: { lastRunAt: new Date() } });
    try {
      const at = new Date().toISOString().slice(0, 16).replace('T', ' ');
      const created = await getService('exports').create(
        { ...r.request, name: `${r.name} ${at}`, notify: [] },
        { userId: r.createdBy?.id ?? null, locale: r.locale ?? 'en', contactsWhere: r.contactsWhere ?? {} }
      );
      return runs.insert({ ...base, outcome: 'running', jobId: created.id, details: { destination: r.destination.kind } });
    } catch (error) {
      return runs.insert({ ...base, outcome: 'failed', finished: true, reason: (error as Error).message });
    }
  };

  /** An ended export: kept (history), or delivered to SFTP by the one instance that claims the delivery. */
  const settle = async (run: RunRow) => {
    if (run.jobId === null) return;
    if (run.outcome === 'delivering') {
      const since = Number(run.details.deliveringAt) || 0;
      if (Date.now() - since < DELIVERY_STALE_MS) return;
      if (!(await runs.transition(run.id, ['delivering'], { outcome: 'running' }))) return;
      run = { ...run, outcome: 'running' };
    }
    if (run.outcome !== 'running') return;
    const e = await knex()(tables().exports).where({ id: run.jobId }).first('document_id', 'status', 'error', 'format', 'row_count');
    if (!e) {
      await runs.transition(run.id, ['running'], { outcome: 'failed', reason: 'The export was deleted before it ended', finished: true });
      return;
    }
    if (e.status === 'failed') {
      await runs.transition(run.id, ['running'], { outcome: 'failed', reason: e.error || 'The export failed', finished: true });
      return;
    }
    if (e.status !== 'done') return;
    const s = await q().findOne({ where: { id: run.scheduleId } });
    const destination = (s as any)?.destination as Destination | undefined;
    if (!destination || destination.kind !== 'sftp') {
      await runs.transition(run.id, ['running'], { outcome: 'done', details: { ...run.details, rowCount: Number(e.row_count) || 0 }, finished: true });
      return;
    }
    const details = { ...run.details, deliveringAt: Date.now() };
    if (!(await runs.transition(run.id, ['running'], { outcome: 'delivering', details }))) return;
    try {
      const file = await getService('exports').download(e.document_id);
      const name = remoteFileName(destination.fileName, (s as any).name, e.format, run.startedAt);
      const remotePath = await uploadSftp(destination, openSecrets(strapi, (s as any).credentials), fetchLimits(strapi), file.path, destination.directory, name);
      await runs.transition(run.id, ['delivering'], { outcome: 'delivered', details: { ...details, remotePath, bytes: file.size, rowCount: Number(e.row_count) || 0 }, finished: true });
    } catch (error) {
      // The export stays in the history: it can be downloaded by hand.
      await runs.transition(run.id, ['delivering'], { outcome: 'failed', reason: `Delivery to SFTP failed: ${(error as Error).message}`, details, finished: true });
    }
  };

  const rows = createScheduledRows({ kind: RUN_KIND, keyPrefix: 'scheduled-export', query: q, runs, row, present, runOnce, settle, jobsOf, presentJob });

  const service = {
    ...rows,

    /** `contactsWhere`: what the creator's role may read (Contacts › Read conditions); every run exports within it. */
    async create(input: ScheduledExportInput, { userId = null, locale = 'en', contactsWhere = {} }: { userId?: number | null; locale?: ExportLocale; contactsWhere?: Where | null } = {}) {
      if (contactsWhere === null) throw new ValidationError('Exporting contacts needs the permission to read them (Contacts › Read)');
      const from = input.fromExport ? await requestOf(input.fromExport) : null;
      const raw = from?.request ?? input.request;
      if (!raw) throw new ValidationError('Give fromExport (an export to repeat) or request (the body of POST /contacts/exports)', { path: 'request' });
      const runLocale = from?.locale ?? locale;
      const { request } = await getService('exports').prepare(Object.fromEntries(Object.entries(raw).filter(([k, v]) => v !== undefined && k !== 'name' && k !== 'notify')), runLocale);
      const secrets = mergeSecrets({}, input.credentials);
      await checkDestination(input.destination!, secrets);
      const created = await q().create({
        data: {
          name: input.name || from?.name || 'Scheduled export',
          enabled: input.enabled ?? true,
          request: { ...request, name: undefined, notify: undefined },
          locale: runLocale,
          contactsWhere: Object.keys(contactsWhere).length ? contactsWhere : null,
          destination: input.destination,
          credentials: sealSecrets(strapi, secrets),
          schedule: input.schedule,
          lastDueAt: new Date(),
          createdBy: userId ?? undefined,
          updatedBy: userId ?? undefined,
        },
      });
      return rows.presentOne(await row((created as any).documentId));
    },

    async update(documentId: string, input: ScheduledExportInput, userId: number | null) {
      const r = await row(documentId);
      const data: Record<string, unknown> = { updatedBy: userId ?? undefined };
      if (input.request) data.request = (await getService('exports').prepare(input.request, r.locale ?? 'en')).request;
      const secrets = mergeSecrets(openSecrets(strapi, r.credentials), input.credentials);
      if (input.destination || input.credentials) await checkDestination(input.destination ?? r.destination, secrets);
      if (input.destination) data.destination = input.destination;
      if (input.credentials) data.credentials = sealSecrets(strapi, secrets);
      if (input.name !== undefined) data.name = input.name;
      if (input.enabled !== undefined) data.enabled = input.enabled;
      if (input.schedule) data.schedule = input.schedule;
      if (input.schedule || (input.enabled && !r.enabled)) data.lastDueAt = new Date();
      await q().update({ where: { id: r.id }, data });
      return rows.presentOne(await row(documentId));
    },

    /** SFTP: the directory can be listed with these credentials. History: nothing to reach. */
    async testConnection(input: { documentId?: string; destination?: Destination; credentials?: ScheduledExportInput['credentials'] }) {
      const r = input.documentId ? await row(input.documentId) : null;
      const destination = input.destination ?? r?.destination;
      if (!destination) throw new ValidationError('destination is required');
      if (destination.kind !== 'sftp') return { ok: true };
      const secrets = mergeSecrets(r ? openSecrets(strapi, r.credentials) : {}, input.credentials);
      await checkDestination(destination, secrets);
      try {
        return await testSftpDirectory(destination, destination.directory, secrets, fetchLimits(strapi));
      } catch (error) {
        if (error instanceof SourceFetchError && error.failure === 'remote') return { ok: false, error: error.message };
        throw asApiError(error);
      }
    },
  };
  return service;
};

export default createScheduledExportsService;
export type ScheduledExportsService = ReturnType<typeof createScheduledExportsService>;
