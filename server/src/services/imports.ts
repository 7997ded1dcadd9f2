import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { UID, WEBHOOK_EVENTS, type DryRun, type FieldDefinition, type FieldType, type ImportPatch, type ImportPreview, type ImportSource, type ImportView } from '../constants';
import { withPermission, type Where } from '../permissions/scope';
import { NotFoundError, PayloadTooLargeError, ValidationError } from '../errors';
import { createRowMapper, MappingError } from '../import/map';
import { presentImport } from '../import/present';
import { limitsFromConfig } from '../import/limits';
import { readPreviewRows } from '../import/preview';
import { buildPipelineSpec, loadFieldDefinitions } from '../import/runner';
import { emitEvent } from '../notify/events';
import { parseJson } from '../utils/json';
import { renderReason, type Locale } from '../import/reasons';
import { dryRunSignature, runDryRun, type DryRunReport } from '../import/dry-run';
import { sniffFile } from '../import/sniff';
import { SourceError } from '../import/source-error';
import { newFolderName, removeFile, removeSourceFolder, storeSource, storeText, sweepOrphanFolders } from '../import/storage';
import { guessDateFormat } from '../import/date-format';
import { suggestMapping } from '../import/suggest';
import type { Detected, ImportOptions, MappingEntry } from '../import/types';
import { relationColumnOf, tables } from '../database/tables';
import { pruneClaims } from '../database/locks';
import { createImportRepository } from '../import/repository';
import { inBackground, isStopping } from '../utils/background';
import { getService } from '../utils/get-service';
import { CONSENT_REQUIRED, consentIsRecorded, literalConsent } from '../import/consent';
import { optionsProblem } from '../import/options';
import { sendNotice } from '../notify/email';
import { exportedFileMapping } from '../import/from-export';
import { withAuthor } from '../utils/author';

export interface UploadedFile {
  filepath: string;
  originalFilename?: string | null;
  mimetype?: string | null;
  size: number;
}

type Overrides = Partial<Pick<ImportOptions, 'encoding' | 'delimiter' | 'hasHeader' | 'sheet'>> & { fileName?: string };

const PREVIEW_ROWS = 20;
/** Error rows per read of the errors CSV. */
const ERROR_PAGE = 1000;
/** A folder without an import row this old is a leftover (a crash mid-upload), not an upload in flight. */
const ORPHAN_MIN_AGE_MS = 3600_000;

const createImportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const repository = createImportRepository(strapi);
  const T = () => tables();
  const config = <T>(key: string) => strapi.config.get(`plugin::contacts.${key}`) as T;
  const queue = () => strapi.plugin('contacts').service('queue') as { kick(): void };

  const baseQuery = () =>
    withAuthor(knex()(`${T().imports} as i`), 'i', UID.import);

  const row = async (documentId: string) => {
    const r = await baseQuery().where('i.document_id', documentId).first();
    if (!r) throw new NotFoundError('Import not found');
    return r;
  };

  /** What reading a file needs besides the import row: the base's key and the configured limits. */
  const specDefaults = async () => ({
    defaultCountry: config<string>('defaultCountry'),
    baseKey: (await getService('settings').get()).uniqueKey,
    maxLongTextLength: config<number>('maxLongTextLength'),
  });

  const limits = () => limitsFromConfig(strapi.config.get('plugin::contacts') as Record<string, unknown>);

  const sniff = (filePath: string, overrides: Overrides): Promise<Detected> =>
    asUserError(() => sniffFile(filePath, { ...overrides, limits: limits() }));

  /** uniqueKey unset: the import matches on the base's unicity key (Settings) as it is when it starts. */
  const defaultOptions = (): ImportOptions => ({
    mode: 'upsert',
    segmentIds: [],
    tags: [],
    defaultCountry: config<string>('defaultCountry'),
    emptyClears: false,
    allowResubscribe: false,
  });

  const createDraft = async (args: {
    source: ImportSource;
    recurringId?: number | null;
    name: string;
    storeInto: (folder: string) => Promise<string>;
    file: { name: string; size: number; mime: string | null };
    options: Partial<ImportOptions>;
    userId: number | null;
  }) => {
    // The controller checked them already; the CLI and other callers come through here too.
    const problem = optionsProblem(args.options);
    if (problem) throw new ValidationError(problem);
    const folder = newFolderName();
    let created: { documentId: string };
    try {
      const filePath = await args.storeInto(folder);
      const overrides: Overrides = pickOverrides(args.options);
      const detected = await sniff(filePath, { ...overrides, fileName: args.file.name });
      const fields = await loadFieldDefinitions(strapi);
      const earlier = await earlierMapping(detected, fields, args.options);
      const mapping = suggestMapping(detected.columns, mappable(fields), earlier?.mapping, { hasHeader: detected.hasHeader, sample: detected.sample });
      // The date order the sample shows, unless the person already chose one.
      const options = { ...defaultOptions(), dateFormat: guessDateFormat(detected.sample), ...args.options };
      // One row per import, through the query engine (document id and timestamps filled by Strapi).
      created = await strapi.db.query(UID.import as any).create({
        data: {
          name: args.name,
          source: args.source,
          recurringId: args.recurringId ?? null,
          status: 'draft',
          file: { ...args.file, path: filePath, folder },
          detected,
          options,
          mapping,
          mappingSource: earlier?.source ?? null,
          total: detected.rowEstimate,
          timings: { createdAt: new Date().toISOString() },
          createdBy: args.userId ?? undefined,
          updatedBy: args.userId ?? undefined,
        } as any,
      });
    } catch (error) {
      await removeSourceFolder(strapi, folder);
      throw error;
    }
    await housekeeping().catch((error) => strapi.log.warn(`[contacts] import housekeeping: ${(error as Error).message}`));
    return presentImport(await row(created.documentId));
  };

  /** History cap, expired drafts, orphan source folders: cheap, idempotent, safe on every instance. */
  const housekeeping = async () => {
    await capHistory();
    await expireDrafts();
    const files = await knex()(T().imports).select('file');
    const known = new Set<string>(files.map((r: any) => parseJson<any>(r.file, {})?.folder).filter(Boolean));
    await sweepOrphanFolders(strapi, known, ORPHAN_MIN_AGE_MS);
    await pruneClaims(knex(), 7 * 24 * 3600_000);
    await getService('contacts').backfillFolded();
  };

  /**
   * Keeps the newest `importHistoryMax` finished imports (drafts do not count:
   * a hundred abandoned uploads must not purge real history); older ones go
   * with their files and failed rows.
   */
  const capHistory = async () => {
    const max = config<number>('importHistoryMax');
    for (const r of await repository.finishedBeyond(max)) await removeImport(r);
  };

  /** Drafts nobody started within `draftMaxAgeHours`, with their files. */
  const expireDrafts = async () => {
    const hours = config<number>('draftMaxAgeHours');
    const before = new Date(Date.now() - hours * 3600_000);
    const old = await strapi.db.query(UID.import as any).findMany({ where: { status: 'draft', updatedAt: { $lt: before } }, select: ['id', 'file'], limit: 1000 });
    for (const r of old as Array<{ id: number; file: unknown }>) await removeImport(r);
    return old.length;
  };

  const removeImport = async (r: { id: number; file: unknown }) => {
    await knex().transaction(async (trx) => {
      await trx(T().errors).where({ import_id: r.id }).delete();
      await trx(T().history).where({ import_id: r.id }).delete();
      await trx(T().imports).where({ id: r.id }).delete();
    });
    const folder = parseJson<any>(r.file, {})?.folder;
    if (folder) await removeSourceFolder(strapi, folder);
  };

  /** Creates the fields a mapping asks for (`newField`), and returns the mapping pointing at them. */
  const createNewFields = async (mapping: MappingEntry[]): Promise<MappingEntry[]> => {
    const out: MappingEntry[] = [];
    for (const entry of mapping) {
      if (!('newField' in entry)) {
        out.push(entry);
        continue;
      }
      const existing = await knex()(T().fields).where({ key: entry.newField.key }).first();
      if (!existing) await getService('fields').create({ ...entry.newField, allowUnknownValues: ['select', 'multiselect'].includes(entry.newField.type) && !entry.newField.options?.length });
      out.push({ column: entry.column, field: entry.newField.key });
    }
    return out;
  };

  /** Fields plus the ones `newField` entries would create, to validate a mapping before anything is written. */
  const fieldsWithNew = async (mapping: MappingEntry[]): Promise<FieldDefinition[]> => {
    const fields = await loadFieldDefinitions(strapi);
    const keys = new Set(fields.map((f) => f.key));
    for (const entry of mapping) {
      if (!('newField' in entry)) continue;
      const { key, label, type, options } = entry.newField;
      const existing = fields.find((f) => f.key === key);
      if (existing && existing.type !== type) {
        throw new ValidationError(`A field "${key}" already exists with the type ${existing.type}; map the column to it or choose another key`);
      }
      if (!keys.has(key)) {
        fields.push({ key, label, type: type as FieldType, options: options ?? [], allowUnknownValues: ['select', 'multiselect'].includes(type) && !options?.length });
        keys.add(key);
      }
    }
    return fields;
  };

  const validateMapping = async (r: any, mapping: MappingEntry[], options: ImportOptions) => {
    const fields = await fieldsWithNew(mapping);
    asMappingError(await specDefaults(), (d) => buildPipelineSpec({ ...r, mapping, options }, fields, d));
  };

  /** Dry runs this process runs, by import id: a changed draft cancels its run (the token no longer matches). */
  const dryRuns = new Map<number, number>();
  let dryRunToken = 0;

  const startDryRun = async (r: any, fields: FieldDefinition[]): Promise<DryRunReport> => {
    const token = ++dryRunToken;
    dryRuns.set(r.id, token);
    const first: DryRunReport = {
      status: 'running',
      signature: dryRunSignature(r),
      counters: { total: 0, processed: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, warnings: 0 },
      rowsRead: 0,
      limited: false,
      problems: [],
      startedAt: new Date().toISOString(),
    };
    const save = (report: DryRunReport) => knex()(T().imports).where({ id: r.id, status: 'draft' }).update({ dry_run: JSON.stringify(report) });
    await save(first);
    const row = { ...r, file: parseJson(r.file, {}) };
    void inBackground(strapi, `dry run of import ${r.id}`, () =>
      runDryRun(strapi, row, fields, {
        maxRows: config<number>('previewMaxRows'),
        onReport: async (report) => {
          await save(report);
        },
        cancelled: () => dryRuns.get(r.id) !== token || isStopping(),
      }).finally(() => {
        if (dryRuns.get(r.id) === token) dryRuns.delete(r.id);
      })
    );
    return first;
  };

  const cancelDryRun = (id: number) => dryRuns.delete(id);

  const renderDryRun = (d: DryRunReport, locale: Locale): DryRun => ({
    ...d,
    problems: d.problems.map((p) => ({ ...p, reason: `${p.code}: ${renderReason(p.code, p.params, locale)}` })),
  });

  const service = {
    housekeeping,

    /** History, newest first, narrowed to the rows the caller's role conditions cover. */
    async find(query: { page?: number; pageSize?: number; status?: string } = {}, permission: Where | null = {}) {
      const page = Math.max(1, Number(query.page) || 1);
      const pageSize = Math.min(100, Math.max(1, Number(query.pageSize) || 20));
      const where = withPermission(query.status ? { status: query.status } : {}, permission);
      if (where === null) return { results: [], pagination: { page, pageSize, pageCount: 0, total: 0 } };
      const q = strapi.db.query(UID.import as any);
      const [total, hits] = await Promise.all([
        q.count({ where }),
        q.findMany({ where, select: ['id'], orderBy: { id: 'desc' }, offset: (page - 1) * pageSize, limit: pageSize }),
      ]);
      const ids = (hits as Array<{ id: number }>).map((h) => h.id);
      const rows = ids.length ? await baseQuery().whereIn('i.id', ids).orderBy('i.id', 'desc') : [];
      return { results: rows.map(presentImport), pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
    },

    async findOne(documentId: string, locale: Locale = 'en'): Promise<ImportView> {
      const r = await row(documentId);
      const firstErrors = await knex()(T().errors).select('line', 'level', 'column', 'code', 'params', 'cells').where({ import_id: r.id }).orderBy('line').limit(20);
      return {
        ...presentImport(r),
        firstErrors: firstErrors.map((e: any) => ({
          line: e.line,
          level: e.level ?? 'error',
          column: e.column ?? null,
          code: e.code,
          reason: `${e.code}: ${renderReason(e.code, parseJson(e.params, {}), locale)}`,
          cells: parseJson(e.cells, []),
        })),
      };
    },

    /** `origin`: a file a recurring import fetched (source url or sftp, and the recurring import's id). */
    async createFromUpload(
      file: UploadedFile,
      options: Partial<ImportOptions>,
      userId: number | null,
      name?: string,
      origin: { source: ImportSource; recurringId: number | null } = { source: 'upload', recurringId: null }
    ) {
      const maxFileSize = config<number>('maxFileSize');
      if (file.size > maxFileSize) {
        await removeFile(file.filepath);
        throw new PayloadTooLargeError(`The file is ${formatBytes(file.size)}; the limit is ${formatBytes(maxFileSize)} (plugin option maxFileSize)`, {
          limit: maxFileSize,
          setting: 'contacts.maxFileSize',
        });
      }
      const original = String(file.originalFilename || 'upload.csv').slice(-255);
      try {
        return await createDraft({
          ...origin,
          name: name || original,
          storeInto: (folder) => storeSource(strapi, folder, file.filepath, original),
          file: { name: original, size: file.size, mime: file.mimetype ?? null },
          options,
          userId,
        });
      } finally {
        // Moved into the import's folder on success; on any error path it must not stay in the OS temp dir.
        await removeFile(file.filepath);
      }
    },

    async createFromText(text: string, options: Partial<ImportOptions>, userId: number | null, name?: string) {
      if (!text.trim()) throw new ValidationError('The pasted text is empty: paste rows with a header line, e.g. "email,firstName"');
      const maxFileSize = config<number>('maxFileSize');
      const size = Buffer.byteLength(text);
      if (size > maxFileSize) throw new PayloadTooLargeError(`The pasted text is ${formatBytes(size)}; the limit is ${formatBytes(maxFileSize)}`);
      return createDraft({
        source: 'paste',
        name: name || `Pasted text ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`,
        storeInto: (folder) => storeText(strapi, folder, text),
        file: { name: 'pasted.txt', size, mime: 'text/plain' },
        options: { ...options, encoding: 'utf-8' },
        userId,
      });
    },

    /** `useMapping`: a saved mapping's documentId, applied to the columns of this file that it covers. */
    async update(
      documentId: string,
      input: ImportPatch,
      userId: number | null
    ) {
      const r = await row(documentId);
      if (r.status !== 'draft') throw new ValidationError(`Only a draft import can change (this one is ${r.status})`);
      const current = parseJson<ImportOptions>(r.options, defaultOptions());
      const owner = input.options?.owner;
      if (owner !== undefined && owner !== null && !(await knex()(T().adminUsers).where({ id: Number(owner) }).first('id'))) {
        throw new ValidationError(`owner: no admin user has the id ${owner}`);
      }
      const options: ImportOptions = { ...current, ...(input.options ?? {}) };
      if (!consentIsRecorded(options)) throw new ValidationError(CONSENT_REQUIRED, { option: 'consentRecorded' });
      if (input.options?.segmentIds?.length) await assertStaticSegments(input.options.segmentIds);
      const patch: Record<string, unknown> = { options: JSON.stringify(options), [relationColumnOf(UID.import, 'updatedBy')]: userId };
      if (input.name !== undefined) patch.name = input.name;
      let detected = parseJson<Detected>(r.detected, null as any);
      // fromExport changes what the columns map to: the suggestion is made again, like after a re-sniff.
      const resniff = ['encoding', 'delimiter', 'hasHeader', 'sheet', 'fromExport'].some(
        (k) => input.options && k in input.options && (input.options as any)[k] !== (current as any)[k]
      );
      if (resniff) {
        const file = parseJson<any>(r.file, {});
        detected = await sniff(file.path, { ...pickOverrides(options), fileName: file.name });
        patch.detected = JSON.stringify(detected);
        patch.total = detected.rowEstimate;
      }
      let mapping = input.mapping ?? parseJson<MappingEntry[]>(r.mapping, []);
      if (input.useMapping && !input.mapping) {
        const saved = await getService('mappings').findOne(input.useMapping);
        const fields = await loadFieldDefinitions(strapi);
        const adapted = getService('mappings').adapt(saved.mapping, detected.columns);
        mapping = suggestMapping(detected.columns, mappable(fields), adapted, { hasHeader: detected.hasHeader, sample: detected.sample });
        const matched = adapted.filter((e) => 'column' in e).length;
        patch.mapping_source = JSON.stringify({ kind: 'saved', documentId: saved.documentId, name: saved.name, matched, columns: detected.columns.length });
      } else if (resniff && !input.mapping) {
        const fields = await loadFieldDefinitions(strapi);
        const earlier = await earlierMapping(detected, fields, options);
        mapping = suggestMapping(detected.columns, mappable(fields), earlier?.mapping, { hasHeader: detected.hasHeader, sample: detected.sample });
        patch.mapping_source = JSON.stringify(earlier?.source ?? null);
      }
      if (input.mapping) await validateMapping({ ...r, detected: JSON.stringify(detected) }, mapping, options);
      patch.mapping = JSON.stringify(mapping);
      // What the whole file would do depends on all of this: the next preview checks it again.
      patch.dry_run = null;
      cancelDryRun(r.id);
      await knex()(T().imports).where({ id: r.id }).update(patch);
      return presentImport(await row(documentId));
    },

    /**
     * First rows as they would be stored, with what would fail a row
     * (`errors`), what would be dropped from a contact (`warnings`) and how
     * ambiguous cells were read (`notes`); writes nothing.
     */
    async preview(documentId: string, limit = PREVIEW_ROWS, locale: Locale = 'en'): Promise<ImportPreview> {
      const r = await row(documentId);
      const mapping = parseJson<MappingEntry[]>(r.mapping, []);
      const fields = await fieldsWithNew(mapping);
      const spec = asMappingError(await specDefaults(), (d) => buildPipelineSpec(r, fields, d));
      const map = createRowMapper(spec.mapper);
      const columns: string[] = spec.mapper.columns;
      const say = (p: { column: string | null; code: string; params: Record<string, unknown> }) => ({
        column: p.column,
        code: p.code,
        reason: `${p.code}: ${renderReason(p.code, p.params, locale)}`,
      });
      // Bounded read (rows, characters, time; XLSX in a worker): a hostile file cannot hold the request.
      const source = await asUserError(() => readPreviewRows(spec.source, { limit, limits: limits() }));
      const rows = source.rows.map((sourceRow) => {
        const result = map(sourceRow);
        if (result.ok) {
          const { values, tags, attributes, warnings = [] } = result.contact;
          return {
            line: sourceRow.line,
            cells: sourceRow.cells,
            contact: { ...values, tags, attributes },
            errors: [],
            warnings: warnings.map(say),
            notes: (result.notes ?? []).map(say),
          };
        }
        const failed = (result as Extract<typeof result, { ok: false }>).failed;
        return { line: sourceRow.line, cells: sourceRow.cells, contact: null, errors: [say(failed)], warnings: [], notes: [] };
      });
      // The whole file is checked in the background; the first rows answer at once.
      const current = parseJson<DryRunReport | null>(r.dry_run, null);
      // A report left `running` by a process that stopped is started again.
      const live = current?.status !== 'running' || dryRuns.has(r.id);
      let dryRun = current && current.signature === dryRunSignature(r) && live ? current : null;
      if (!dryRun && !dryRuns.has(r.id)) dryRun = await startDryRun(r, fields);
      return { columns, rows, ...(source.truncated ? { truncated: source.truncated } : {}), dryRun: dryRun && renderDryRun(dryRun, locale) };
    },

    async start(documentId: string) {
      const r = await row(documentId);
      if (r.status !== 'draft') throw new ValidationError(`This import was already started (status ${r.status}); use resume for a stopped import`);
      const options = parseJson<ImportOptions>(r.options, defaultOptions());
      const mapping = parseJson<MappingEntry[]>(r.mapping, []);
      if (!consentIsRecorded(options) || (literalConsent(mapping as any) && !options.consentRecorded)) {
        throw new ValidationError(CONSENT_REQUIRED, { option: 'consentRecorded' });
      }
      await validateMapping(r, mapping, options);
      const resolved = await createNewFields(mapping);
      const timings = { ...parseJson<any>(r.timings, {}), queuedAt: new Date().toISOString() };
      cancelDryRun(r.id);
      // The whole-file check counted the rows exactly: progress is then against that, not the sniffer's estimate.
      const dry = parseJson<DryRunReport | null>(r.dry_run, null);
      if (dry?.status === 'done' && !dry.limited && dry.signature === dryRunSignature(r)) {
        await knex()(T().imports).where({ id: r.id }).update({ total: dry.rowsRead });
      }
      if (!(await repository.queue(r.id, { mapping: JSON.stringify(resolved), timings: JSON.stringify(timings) }))) {
        throw new ValidationError('This import was started by someone else in the meantime');
      }
      queue().kick();
      return presentImport(await row(documentId));
    },

    async stop(documentId: string) {
      const r = await row(documentId);
      if (!(await repository.stop(r.id))) throw new ValidationError(`Only a queued, delayed or running import can stop (this one is ${r.status})`);
      return presentImport(await row(documentId));
    },

    async resume(documentId: string) {
      const r = await row(documentId);
      if (!(await repository.resume(r.id))) throw new ValidationError(`Only a stopped or failed import can resume (this one is ${r.status})`);
      queue().kick();
      return presentImport(await row(documentId));
    },

    async delete(documentId: string) {
      const r = await row(documentId);
      if (repository.isActive(r.status)) throw new ValidationError('Stop the import before deleting it');
      await removeImport(r);
      return { documentId };
    },

    /**
     * Failed rows of an import in line order, read in keyset pages: the same
     * code on the three databases (knex's .stream() needs pg-query-stream on
     * Postgres) and flat memory whatever the number of rows.
     */
    async errorRows(documentId: string, locale: Locale = 'en') {
      const r = await row(documentId);
      const detected = parseJson<Detected>(r.detected, null as any);
      async function* pages(db: Knex) {
        let after: { line: number; id: number } | null = null;
        for (;;) {
          const q = db(T().errors).select('id', 'line', 'level', 'column', 'code', 'params', 'cells').where({ import_id: r.id });
          if (after) {
            const { line, id } = after;
            q.andWhere((w) => w.where('line', '>', line).orWhere((x) => x.where('line', line).andWhere('id', '>', id)));
          }
          const rows = await q.orderBy([{ column: 'line' }, { column: 'id' }]).limit(ERROR_PAGE);
          for (const e of rows) {
            yield { ...e, reason: `${e.code}: ${renderReason(e.code, parseJson(e.params, {}), locale)}`, cells: parseJson<string[]>(e.cells, []) };
          }
          if (rows.length < ERROR_PAGE) return;
          const last = rows[rows.length - 1];
          after = { line: last.line, id: last.id };
        }
      }
      const source = parseJson<ImportOptions>(r.options, {} as ImportOptions);
      // The errors file opens like the source did: same delimiter, same encoding (a BOM for UTF-8, for Excel).
      const format = {
        delimiter: detected?.format === 'csv' ? source.delimiter ?? detected.delimiter ?? ',' : ',',
        encoding: detected?.format === 'csv' ? source.encoding ?? detected.encoding ?? 'utf-8' : 'utf-8',
      };
      return { importRow: r, columns: detected?.columns ?? [], rows: pages(knex()), format };
    },

    /** After an import ends: webhook event and e-mail to its creator. */
    async finished(importId: number, outcome: 'imported' | 'failed' | 'stopped') {
      if (outcome === 'stopped') return;
      const r = await baseQuery().where('i.id', importId).first();
      if (!r) return;
      const view = presentImport(r);
      emitEvent(strapi, outcome === 'imported' ? WEBHOOK_EVENTS.importFinished : WEBHOOK_EVENTS.importFailed, {
        import: { documentId: view.documentId, name: view.name, status: view.status, counters: view.counters, error: view.error },
      });
      await notifyByEmail(strapi, view, view.createdBy?.email);
      // Dynamic segments follow the new data, while there are few enough of them to refresh every time (Sendethic's rule).
      await getService('segments').requestRefreshAll({ onlyIfFewerThan: config<number>('segmentAutoRefreshMax') });
    },
  };
  return service;
};

/** An import adds its contacts to static segments only: name the ones that are not. */
const assertStaticSegments = async (documentIds: string[]) => {
  const rows = await strapi.db.connection(tables().segments).select('document_id', 'name', 'kind').whereIn('document_id', documentIds);
  const byDoc = new Map(rows.map((r: any) => [r.document_id, r]));
  for (const id of documentIds) {
    const s = byDoc.get(id) as { name: string; kind: string } | undefined;
    if (!s) throw new ValidationError(`segmentIds: no segment "${id}"`, { option: 'segmentIds' });
    if (s.kind !== 'static') throw new ValidationError(`segmentIds: "${s.name}" is a dynamic segment; an import adds its contacts to static segments`, { option: 'segmentIds' });
  }
};

/** What the suggestion starts from: our own export's headers (option fromExport), else the best saved or earlier mapping. */
const earlierMapping = async (detected: Detected, fields: FieldDefinition[], options: Partial<ImportOptions>) => {
  if (options.fromExport) return { mapping: exportedFileMapping(detected.columns, fields), source: null };
  return detected.hasHeader ? getService('mappings').best(detected.columns) : null;
};

/** Fields a column may be mapped to (not the ones the plugin keeps itself). */
const mappable = (fields: FieldDefinition[]) => fields.filter((f) => !f.readOnly);

/**
 * A SourceError (an unreadable or hostile file) is the person's to fix: 400,
 * or 413 when the file exceeds a limit, with the source's message and details.
 */
/** A bad mapping is the person's to fix: 400 with its message. */
const asMappingError = <D, T>(defaults: D, build: (d: D) => T): T => {
  try {
    return build(defaults);
  } catch (error) {
    if (error instanceof MappingError) throw new ValidationError(error.message);
    throw error;
  }
};

const asUserError = async <T>(read: () => Promise<T>): Promise<T> => {
  try {
    return await read();
  } catch (error) {
    if (error instanceof SourceError) {
      throw error.status === 413 ? new PayloadTooLargeError(error.message, error.details) : new ValidationError(error.message, error.details);
    }
    throw error;
  }
};

const pickOverrides = (options: Partial<ImportOptions>): Overrides => {
  const o: Overrides = {};
  for (const k of ['encoding', 'delimiter', 'hasHeader', 'sheet'] as const) if (options[k] !== undefined) (o as any)[k] = options[k];
  return o;
};

export const formatBytes = (n: number) => {
  if (n >= 1024 ** 3) return `${(n / 1024 ** 3).toFixed(1)} GB`;
  if (n >= 1024 ** 2) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
};

/** The import's creator is told how it ended (notify/email.ts says when a notice is sent at all). */
const notifyByEmail = async (strapi: Core.Strapi, view: ImportView, to: string | null) => {
  const c = view.counters;
  const summary = `${c.processed} lines processed, ${c.created} created, ${c.updated} updated, ${c.skipped} skipped, ${c.failed} failed`;
  await sendNotice(strapi, to ? [to] : [], `Import "${view.name}" ${view.status === 'imported' ? 'finished' : 'failed'}`, `${summary}${view.error ? `\n\n${view.error}` : ''}`);
};

export default createImportsService;
export type ImportsService = ReturnType<typeof createImportsService>;
