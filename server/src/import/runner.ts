import type { Core } from '@strapi/strapi';
import { NEW_CONTACT_DEFAULTS, UID, type FieldDefinition, type UniqueKey } from '../constants';
import { bulkWriterFor } from '../database/bulk';
import { getDialect } from '../database/dialect';
import { relationColumnOf, tables } from '../database/tables';
import { foldKeysOf, loadFieldDefinitions } from '../fields/definitions';
import { getService } from '../utils/get-service';
import { parseJson } from '../utils/json';
import { limitsFromConfig } from './limits';
import { createRowMapper, type MapperInput } from './map';
import type { PlanSettings } from './plan';
import { createImportRepository } from './repository';
import type { SourceSpec } from './rows';
import type { CounterDelta, ImportCursor, ImportOptions, ImportTimings, MappingEntry } from './types';
import type { PipelineInput } from './pipeline';
import { readsInWorker, startBatchSource } from './worker';
import { workerScript } from './worker-script';
import type { WriteSettings } from './write';
import { writeAll, type LoopResult } from './write-loop';
import { writeWithThread, writerDatabase } from './writer-thread';

export { loadFieldDefinitions };

export interface ImportRow {
  id: number;
  document_id: string;
  name: string;
  status: string;
  file: any;
  detected: any;
  options: any;
  mapping: any;
  cursor: any;
  timings: any;
  total: number;
  processed: number;
}

/** Everything the read/map stage needs, from the import row; throws MappingError on a bad mapping. */
export const buildPipelineSpec = (
  row: ImportRow,
  fields: FieldDefinition[],
  defaults: { defaultCountry?: string; baseKey: UniqueKey; maxLongTextLength?: number }
) => {
  const detected = parseJson<any>(row.detected, {});
  const options = parseJson<ImportOptions>(row.options, {} as ImportOptions);
  const file = parseJson<any>(row.file, {});
  const mapping = parseJson<MappingEntry[]>(row.mapping, []);
  const uniqueKey = options.uniqueKey ?? defaults.baseKey;
  const mapper: MapperInput = {
    columns: detected.columns ?? [],
    hasHeader: options.hasHeader ?? detected.hasHeader ?? true,
    mapping: [
      ...mapping.map((m) => ('newField' in m ? { column: m.column, field: m.newField.key } : m)),
      // The import's owner option acts as a literal for every row.
      ...(options.owner ? [{ field: 'ownerId', literal: String(options.owner) }] : []),
    ],
    fields,
    uniqueKey,
    options: {
      dateFormat: options.dateFormat,
      decimalComma: options.decimalComma,
      defaultCountry: options.defaultCountry ?? defaults.defaultCountry,
      timezone: options.timezone ?? 'UTC',
      maxLongTextLength: defaults.maxLongTextLength,
    },
    tags: options.tags ?? [],
    // The plan may still fail a row (required fields, ambiguous or missing key) and must show its cells.
    keepCells: true,
    fromExport: !!options.fromExport,
  };
  createRowMapper(mapper); // validates the mapping before any work starts
  const source: SourceSpec = {
    path: file.path,
    format: detected.format ?? 'csv',
    encoding: options.encoding ?? detected.encoding ?? 'utf-8',
    // Bytes that are not in the file's encoding are read in this one (a Windows-1252 tail of a UTF-8 file).
    fallbackEncoding: options.encoding ? undefined : detected.fallbackEncoding,
    delimiter: options.delimiter ?? detected.delimiter ?? ',',
    hasHeader: mapper.hasHeader,
    sheet: options.sheet ?? detected.sheet,
  };
  return { mapper, source, options };
};

/** How the plan treats the rows of this import. */
export const planSettingsOf = (options: ImportOptions, fields: FieldDefinition[], baseKey: UniqueKey): PlanSettings => {
  const defaults: Record<string, unknown> = { ...NEW_CONTACT_DEFAULTS };
  // Consent is never invented: a new contact's opt-in is what the import explicitly says, or unset.
  if (options.defaultEmailOptIn) defaults.emailOptIn = options.defaultEmailOptIn;
  if (options.defaultSmsOptIn) defaults.smsOptIn = options.defaultSmsOptIn;
  return {
    mode: options.mode ?? 'upsert',
    baseKey,
    matchKey: options.uniqueKey ?? baseKey,
    emptyClears: !!options.emptyClears,
    allowResubscribe: !!options.allowResubscribe,
    required: fields.filter((f) => f.required && !f.builtIn).map((f) => ({ key: f.key, label: f.label })),
    defaults,
  };
};

/** Rows an import writes before the planner's statistics are worth refreshing at its end. */
const STATS_AFTER_ROWS = 10_000;

/** `lost`: this process no longer holds the import (lease taken over, or shutting down). */
export type RunOutcome = 'imported' | 'stopped' | 'lost';

/**
 * Runs (or resumes) one claimed import to its end: the batch loop
 * (write-loop.ts) on Strapi's connection, or for a big source on Postgres and
 * MySQL in a writer thread with a connection of its own; then the import is
 * marked finished or released here.
 */
export const runImport = async (
  strapi: Core.Strapi,
  importId: number,
  leaseOwner: string,
  {
    batchSize,
    defaultCountry,
    onProgress,
    shouldPause,
  }: {
    batchSize: number;
    defaultCountry?: string;
    onProgress?: (p: { processed: number; total: number }) => void;
    /** True when this process is shutting down: leave after the current batch, keeping the import in progress. */
    shouldPause?: () => boolean;
  }
): Promise<RunOutcome> => {
  const knex = strapi.db.connection;
  const repository = createImportRepository(strapi);
  const row = (await repository.byId(importId)) as ImportRow;
  const fields = await loadFieldDefinitions(strapi);
  const { uniqueKey: baseKey } = await getService('settings').get();
  const { mapper, source, options } = buildPipelineSpec(row, fields, {
    defaultCountry,
    baseKey,
    maxLongTextLength: strapi.config.get('plugin::contacts.maxLongTextLength') as number,
  });
  const cursor = parseJson<ImportCursor>(row.cursor, { rows: 0, line: 0 });
  const segmentIds = await resolveSegmentIds(strapi, options.segmentIds ?? []);
  const settings: Omit<WriteSettings, 'rows'> = {
    importId,
    leaseOwner,
    plan: planSettingsOf(options, fields, baseKey),
    segmentIds,
    // Who ran the import is on the import row itself; the contacts' creator columns cost a foreign-key check per row.
    userId: strapi.config.get('plugin::contacts.importSetsAuthor') === true ? (((row as any)[relationColumnOf(UID.import, 'createdBy')] as number | null) ?? null) : null,
    fold: foldKeysOf(fields),
    tables: tables(),
  };
  const sourceBytes = Number(parseJson<any>(row.file, {})?.size) || Infinity;
  const limits = limitsFromConfig(strapi.config.get('plugin::contacts') as Record<string, unknown>);
  // Rows are folded in the read/map worker: the writer only copies the text.
  const pipeline: PipelineInput = { source, skipRows: cursor.rows, mapper: { ...mapper, fold: settings.fold }, batchSize, limits };
  const job = {
    processed: row.processed ?? 0,
    timings: parseJson<ImportTimings>(row.timings, {}),
    sqliteWal: strapi.config.get('plugin::contacts.sqliteWal') !== false,
  };
  const contacts = getService('contacts');
  const hooks = {
    onBatch: (p: { delta: CounterDelta; processed: number; total: number }) => {
      if (p.delta.created || p.delta.updated) contacts.changed('churn');
      onProgress?.({ processed: p.processed, total: p.total });
    },
    shouldPause: () => shouldPause?.() === true,
  };

  // A big source gets a writer thread of its own; otherwise the batches are written here.
  const script = workerScript();
  const db = script && readsInWorker(pipeline, sourceBytes) ? writerDatabase(knex, (strapi.db as any).getSchemaName?.() ?? null) : null;
  job.timings.writerThread = !!db;
  let result: LoopResult;
  try {
    result = db
      ? await writeWithThread(knex, script!, { db, settings, pipeline, sourceBytes, ...job }, hooks)
      : await writeAll({
          knex,
          bulk: bulkWriterFor(strapi.db.dialect.client),
          dialect: getDialect(),
          settings: { ...settings, rows: repository },
          batches: startBatchSource(pipeline, sourceBytes),
          ...job,
          ...hooks,
        });
  } finally {
    contacts.changed();
  }

  // The static segments this import fills show their size when it ends (or stops), not only after a refresh.
  const recountTargets = async () => {
    for (const id of segmentIds) await getService('segments').storeCount(id);
  };
  if (result.outcome === 'end') {
    await recountTargets();
    // The searches that follow a big import are planned on the table's new size.
    if (result.processed >= STATS_AFTER_ROWS) await getDialect().refreshStats(knex, tables().contacts);
    return (await repository.finish(importId, leaseOwner, { total: result.total ?? 0, timings: result.timings })) ? 'imported' : 'stopped';
  }
  if (result.outcome === 'stopped') {
    await recountTargets();
    await repository.release(importId, leaseOwner);
    return 'stopped';
  }
  return 'lost';
};

/** documentIds of static segments → row ids (unknown or dynamic segments are ignored). */
const resolveSegmentIds = async (strapi: Core.Strapi, documentIds: string[]): Promise<number[]> => {
  if (!documentIds.length) return [];
  const rows = await strapi.db.connection(tables().segments).select('id').whereIn('document_id', documentIds).andWhere({ kind: 'static' });
  return Array.from(new Set(rows.map((r: any) => r.id)));
};

