import type { Core } from '@strapi/strapi';
import { bulkWriterFor } from '../database/bulk';
import { tables } from '../database/tables';
import type { DryRunSummary, FieldDefinition } from '../constants';
import { getService } from '../utils/get-service';
import { limitsFromConfig } from './limits';
import { planBatch } from './plan';
import { buildPipelineSpec, planSettingsOf, type ImportRow } from './runner';
import type { RowProblem } from './types';
import { startBatchSource } from './worker';
import { readExisting } from './write';

/**
 * What the whole file would do, before anything is written, as the draft
 * stores it: the summary the API shows, plus what the server keeps to know
 * when it is stale, and its first problems before they are put into words.
 */
export interface DryRunReport extends DryRunSummary {
  /** Of the mapping and options it ran with: a changed draft needs a new run. */
  signature: string;
  problems: RowProblem[];
  startedAt: string;
  finishedAt?: string;
  error?: string;
}

const FIRST_PROBLEMS = 20;

export const dryRunSignature = (row: Pick<ImportRow, 'mapping' | 'options' | 'detected'>) => hash(JSON.stringify([row.mapping, row.options, row.detected]));

const hash = (text: string) => {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
};

/**
 * Reads the file as the import would (same worker, same mapping, same plan),
 * against the base as it is now, and writes nothing but its own report. A
 * key met again later in the file counts as an update of the contact the
 * earlier row would have created (the set of such keys is the only memory
 * that grows with the file, bounded by previewMaxRows).
 */
export const runDryRun = async (
  strapi: Core.Strapi,
  row: ImportRow,
  fields: FieldDefinition[],
  { maxRows, onReport, cancelled }: { maxRows: number; onReport: (report: DryRunReport) => Promise<void>; cancelled: () => boolean }
): Promise<void> => {
  const { uniqueKey: baseKey } = await getService('settings').get();
  const config = strapi.config.get('plugin::contacts') as Record<string, any>;
  const { mapper, source, options } = buildPipelineSpec(row, fields, { defaultCountry: config.defaultCountry, baseKey, maxLongTextLength: config.maxLongTextLength });
  const plan = planSettingsOf(options, fields, baseKey);
  const bulk = bulkWriterFor(strapi.db.dialect.client);
  const report: DryRunReport = {
    status: 'running',
    signature: dryRunSignature(row),
    counters: { total: 0, processed: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, warnings: 0 },
    rowsRead: 0,
    limited: false,
    problems: [],
    startedAt: new Date().toISOString(),
  };
  const seen = new Set<string>();
  const batches = startBatchSource({ source, skipRows: 0, mapper, batchSize: config.batchSize, limits: limitsFromConfig(config) }, Number(row.file?.size) || Infinity);
  const keep = (problems: RowProblem[]) => {
    for (const p of problems) if (report.problems.length < FIRST_PROBLEMS) report.problems.push(p);
  };
  try {
    for (;;) {
      if (cancelled()) return;
      const next = await batches.next();
      if ('end' in next) break;
      const { contacts, failed } = next.batch;
      // A read-only transaction: SQLite's cached statements run on the transaction's own connection.
      const existing = await strapi.db.connection.transaction((trx) => readExisting(trx, bulk, tables(), plan, contacts));
      // Rows whose key an earlier batch would have created are updates of that contact, not creations.
      const fresh = contacts.filter((c) => !seen.has(c.match) || existing.byMatch.has(c.match));
      const again = contacts.length - fresh.length;
      const result = planBatch(existing, fresh, plan);
      const c = report.counters;
      for (const k of ['created', 'updated', 'unchanged', 'skipped', 'failed', 'warnings'] as const) c[k] += result.delta[k];
      c.updated += again;
      c.failed += failed.length;
      c.processed += contacts.length + failed.length;
      for (const w of result.creates) if (w.values[plan.matchKey]) seen.add(w.values[plan.matchKey] as string);
      keep([...failed, ...result.problems].sort((a, b) => a.line - b.line));
      report.rowsRead = c.processed;
      batches.ack();
      if (c.processed >= maxRows) {
        report.limited = true;
        break;
      }
      await onReport(report);
      await new Promise((resolve) => setImmediate(resolve));
    }
    report.counters.total = report.rowsRead;
    report.status = 'done';
  } catch (error) {
    report.status = 'failed';
    report.error = (error as Error).message;
  } finally {
    await batches.close();
  }
  report.finishedAt = new Date().toISOString();
  if (!cancelled()) await onReport(report);
};
