import type { Core } from '@strapi/strapi';
import { BUILT_IN_FIELDS, WEBHOOK_EVENTS } from '../constants';
import { bulkWriterFor } from '../database/bulk';
import type { FieldDefinition } from '../fields/validate-value';
import { createRowMapper, type MapperInput } from './map';
import type { SourceSpec } from './rows';
import type { ImportCursor, ImportOptions, MappingEntry, Timings } from './types';
import { parseJson } from '../utils/json';

import { getService } from '../utils/get-service';
import { limitsFromConfig } from './limits';
import { startBatchSource } from './worker';
import { LeaseLostError, TABLES, writeBatch, type WriteSettings } from './write';

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
  created_by_id: number | null;
}

/** Built-in fields (as definitions) followed by the custom fields stored in the database. */
export const loadFieldDefinitions = async (strapi: Core.Strapi): Promise<FieldDefinition[]> => {
  const rows = await strapi.db.connection(TABLES.fields).select('key', 'label', 'type', 'options', 'allow_unknown_values', 'required', 'built_in');
  const stored = new Map(rows.map((r: any) => [r.key, r]));
  const builtIns: FieldDefinition[] = BUILT_IN_FIELDS.map((f) => ({
    key: f.key,
    label: (stored.get(f.key) as any)?.label ?? f.label,
    type: f.type,
    options: f.options ? [...f.options] : [],
    builtIn: true,
  }));
  const custom: FieldDefinition[] = rows
    .filter((r: any) => !r.built_in)
    .map((r: any) => ({
      key: r.key,
      label: r.label,
      type: r.type,
      options: parseJson<string[]>(r.options, []),
      allowUnknownValues: !!r.allow_unknown_values,
      required: !!r.required,
    }));
  return [...builtIns, ...custom];
};

/** Everything the read/map stage needs, from the import row; throws MappingError on a bad mapping. */
export const buildPipelineSpec = (row: ImportRow, fields: FieldDefinition[], defaults: { defaultCountry?: string }) => {
  const detected = parseJson<any>(row.detected, {});
  const options = parseJson<ImportOptions>(row.options, {} as ImportOptions);
  const file = parseJson<any>(row.file, {});
  const mapping = parseJson<MappingEntry[]>(row.mapping, []);
  const uniqueKey = options.uniqueKey ?? 'email';
  const secondary = uniqueKey === 'email' ? 'mobile' : 'email';
  const mapsSecondary = mapping.some((m) => 'field' in m && m.field === secondary);
  const hasRequired = fields.some((f) => f.required && !f.builtIn);
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
    },
    tags: options.tags ?? [],
    keepCells: mapsSecondary || hasRequired,
  };
  createRowMapper(mapper); // validates the mapping before any work starts
  const source: SourceSpec = {
    path: file.path,
    format: detected.format ?? 'csv',
    encoding: options.encoding ?? detected.encoding ?? 'utf-8',
    delimiter: options.delimiter ?? detected.delimiter ?? ',',
    hasHeader: mapper.hasHeader,
    sheet: options.sheet ?? detected.sheet,
  };
  return { mapper, source, options, mapsSecondary };
};

/** `lost`: this process no longer holds the import (lease taken over, or shutting down). */
export type RunOutcome = 'imported' | 'stopped' | 'lost';

/**
 * Runs (or resumes) one claimed import to its end: batches from the worker
 * are written one transaction each; the status is re-read between batches so
 * a stop takes effect after the current batch.
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
  const bulk = bulkWriterFor(strapi.db.dialect.client);
  await bulk.prepare(knex, { sqliteWal: strapi.config.get('plugin::contacts.sqliteWal') !== false });
  const row = (await knex(TABLES.imports).where({ id: importId }).first()) as ImportRow;
  const fields = await loadFieldDefinitions(strapi);
  const { mapper, source, options, mapsSecondary } = buildPipelineSpec(row, fields, { defaultCountry });
  const cursor = parseJson<ImportCursor>(row.cursor, { rows: 0, line: 0 });
  const segmentIds = await resolveSegmentIds(strapi, options.segmentIds ?? []);
  const settings: WriteSettings = {
    importId,
    leaseOwner,
    mode: options.mode ?? 'upsert',
    uniqueKey: options.uniqueKey ?? 'email',
    emptyClears: !!options.emptyClears,
    allowResubscribe: !!options.allowResubscribe,
    segmentIds,
    fields,
    userId: row.created_by_id ?? null,
    secondaryMapped: mapsSecondary,
  };

  const timings = parseJson<Timings>(row.timings, {});
  const runStart = Date.now();
  const firstStart = timings.startedAt ? Date.parse(timings.startedAt) : runStart;
  timings.startedAt = timings.startedAt ?? new Date(runStart).toISOString();
  timings.runs = (timings.runs ?? 0) + 1;
  const activeBefore = timings.activeSeconds ?? 0;
  const perMinute = new Map<number, number>(timings.perMinute ?? []);
  let processed = row.processed ?? 0;

  const saveTimings = () => {
    timings.perMinute = Array.from(perMinute.entries()).sort((a, b) => a[0] - b[0]);
    timings.activeSeconds = activeBefore + (Date.now() - runStart) / 1000;
    return JSON.stringify(timings);
  };

  const contacts = getService('contacts');
  const sourceBytes = Number(parseJson<any>(row.file, {})?.size) || Infinity;
  const limits = limitsFromConfig(strapi.config.get('plugin::contacts') as Record<string, unknown>);
  const batches = startBatchSource({ source, skipRows: cursor.rows, mapper, batchSize, limits }, sourceBytes);
  try {
    for (;;) {
      const next = await batches.next();
      if ('end' in next) {
        timings.finishedAt = new Date().toISOString();
        const done = await knex(TABLES.imports)
          .where({ id: importId, lease_owner: leaseOwner, status: 'in_progress' })
          .update({
            status: 'imported',
            total: next.end.total,
            timings: saveTimings(),
            lease_owner: null,
            lease_expires_at: null,
            updated_at: bulk.timestamp(new Date()) as any,
          });
        return done === 1 ? 'imported' : 'stopped';
      }
      // Every row of the batch counts as processed; its timings are saved with its counters.
      const rows = next.batch.contacts.length + next.batch.failed.length;
      const minute = Math.floor((Date.now() - firstStart) / 60000);
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + rows);
      const delta = await writeBatch(knex, bulk, settings, next.batch, { timings: saveTimings() });
      batches.ack();
      if (delta.created || delta.updated) contacts.changed('churn');
      // better-sqlite3 resolves every query in microtasks: without a macrotask
      // break the whole import would run before any HTTP request is served.
      await new Promise((resolve) => setImmediate(resolve));
      processed += delta.processed;
      const current = await knex(TABLES.imports).where({ id: importId }).first('status', 'lease_owner', 'total');
      onProgress?.({ processed, total: current?.total ?? 0 });
      if (current?.lease_owner !== leaseOwner) return 'lost';
      if (current.status !== 'in_progress') {
        await knex(TABLES.imports).where({ id: importId, lease_owner: leaseOwner }).update({ lease_owner: null, lease_expires_at: null });
        return 'stopped';
      }
      if (shouldPause?.()) return 'lost';
    }
  } catch (error) {
    if (error instanceof LeaseLostError) return 'lost';
    throw error;
  } finally {
    contacts.changed();
    await batches.close();
  }
};

/** documentIds of static segments → row ids (unknown or dynamic segments are ignored). */
const resolveSegmentIds = async (strapi: Core.Strapi, documentIds: string[]): Promise<number[]> => {
  if (!documentIds.length) return [];
  const rows = await strapi.db.connection('contacts_segments').select('id').whereIn('document_id', documentIds).andWhere({ kind: 'static' });
  return Array.from(new Set(rows.map((r: any) => r.id)));
};

export const emitImportEvent = (strapi: Core.Strapi, ok: boolean, payload: Record<string, unknown>) => {
  strapi.eventHub.emit(ok ? WEBHOOK_EVENTS.importFinished : WEBHOOK_EVENTS.importFailed, { import: payload });
};
