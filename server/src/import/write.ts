import crypto from 'crypto';
import type { Knex } from 'knex';
import { ACTIVITY_FIELD, BUILT_IN_FIELDS } from '../constants';
import type { BulkWriter } from '../database/bulk';
import type { Tables } from '../database/tables';
import { parseJson } from '../utils/json';
import { foldContact, type FoldKeys } from '../fields/fold';
import type { BatchRows } from './batch-rows';
import { planBatch, type ExistingContacts, type PlanSettings, type PlannedWrite, type StoredContact } from './plan';
import type { CounterDelta, ImportCursor, PreparedContact, RowProblem } from './types';

export interface WriteSettings {
  importId: number;
  /** Lease held by this worker: the counters update checks it, so a worker that lost its lease rolls back. */
  leaseOwner: string;
  plan: PlanSettings;
  segmentIds: number[];
  userId: number | null;
  /** The import row's counters (on the connection that writes the batch). */
  rows: BatchRows;
  tables: Tables;
  /** What the folded copies and the search text keep. */
  fold: FoldKeys;
}

export interface Batch {
  contacts: PreparedContact[];
  /** Rows the read/map stage failed (key missing or unreadable, parse error). */
  failed: RowProblem[];
  /** [field key, option] pairs seen for fields that accept unknown values. */
  newOptions: Array<[string, string]>;
  cursor: ImportCursor;
}

export class LeaseLostError extends Error {
  constructor() {
    super('The import lease was taken over by another worker');
  }
}

/** Built-in fields stored in their own column (tags are a JSON column of their own). */
const VALUE_FIELDS = BUILT_IN_FIELDS.filter((f) => f.reader !== 'tags');
/** Built-in datetime columns: ISO strings in the plan, the database's own form in SQL (SQLite: epoch ms, like Strapi). */
const DATETIME_KEYS = new Set(VALUE_FIELDS.filter((f) => f.type === 'datetime').map((f) => f.key));
const isoOf = (v: unknown): string | null => {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as any));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
const E164 = /^\+[1-9]\d{6,14}$/;
const SELECT_CHUNK = 5000;

/**
 * Document ids look like Strapi's (24 lower-case alphanumerics) but cost one
 * random call per batch; the shared prefix also lets SQL find the batch's new
 * rows by an index range (history, segment links) without sending their ids.
 */
const documentIdFactory = () => {
  const prefix = crypto.randomBytes(7).toString('hex');
  let n = 0;
  return {
    next: () => `${prefix}${(n++).toString(36).padStart(10, '0')}`,
    range: [`${prefix}0000000000`, `${prefix}zzzzzzzzzz`] as const,
  };
};

/**
 * A stored contact as the plan sees it. Values written around the plugin
 * (an option that does not exist, a mobile that is not E.164, tags that are
 * not a list) are read as empty and named, so the batch goes on and the
 * person is told (a warning), instead of the whole batch failing.
 */
const toStored = (t: Tables, r: Record<string, any>): StoredContact => {
  const damaged: string[] = [];
  const values: Record<string, unknown> = {};
  for (const f of VALUE_FIELDS) {
    let v = r[t.contactColumns[f.key]] ?? null;
    if (DATETIME_KEYS.has(f.key)) v = isoOf(v);
    if (v !== null && ((f.options && !f.options.includes(v)) || (f.key === 'mobile' && !E164.test(String(v))))) {
      damaged.push(`${f.key} "${String(v)}"`);
      v = null;
    }
    values[f.key] = v;
  }
  const tags = parseJson<unknown>(r[t.contactColumns.tags], []);
  const attributes = parseJson<unknown>(r[t.contactColumns.attributes], {});
  const tagList = tags === null ? [] : Array.isArray(tags) && tags.every((x) => typeof x === 'string') ? (tags as string[]) : null;
  if (!tagList) damaged.push('tags (not a list of texts)');
  const plain = attributes === null || (typeof attributes === 'object' && !Array.isArray(attributes));
  if (!plain) damaged.push('attributes (not an object)');
  return {
    id: r.id,
    documentId: r[t.contactSystem.documentId],
    values,
    tags: tagList ?? [],
    attributes: plain && attributes ? (attributes as Record<string, unknown>) : {},
    ...(damaged.length ? { damaged } : {}),
  };
};

/** The stored contacts a batch may touch (by the matched column, and by the base's key when they differ), and their stored rows by id. */
export const readExisting = async (
  trx: Knex.Transaction,
  bulk: BulkWriter,
  t: Tables,
  s: PlanSettings,
  rows: readonly PreparedContact[]
): Promise<ExistingContacts & { stored: Map<number, Record<string, unknown>> }> => {
  const c = t.contactColumns;
  // The columns an update writes besides these, for a writer that sets only what changed.
  const compared = bulk.comparesUpdates ? [c.folded, c.search, t.contactSystem.updatedBy] : [];
  const select = ['id', t.contactSystem.documentId, ...VALUE_FIELDS.map((f) => c[f.key]), c.tags, c.attributes, ...compared];
  const byMatch = new Map<string, StoredContact[]>();
  const byKey = new Map<string, StoredContact>();
  const stored = new Map<number, Record<string, unknown>>();
  const matchColumn = c[s.matchKey];
  const fetch = async (column: string, values: string[], add: (c: StoredContact, value: string) => void) => {
    for (let i = 0; i < values.length; i += SELECT_CHUNK) {
      const found = await bulk.selectIn(trx, t.contacts, select, column, values.slice(i, i + SELECT_CHUNK));
      for (const r of found) {
        stored.set(r.id, r);
        add(toStored(t, r), r[column]);
      }
    }
  };
  await fetch(matchColumn, Array.from(new Set(rows.map((r) => r.match))), (c, value) => {
    const list = byMatch.get(value);
    if (list) list.push(c);
    else byMatch.set(value, [c]);
  });
  if (s.matchKey !== s.baseKey) {
    const keys = Array.from(new Set(rows.map((r) => r.values[s.baseKey] as string).filter(Boolean)));
    await fetch(t.contactColumns[s.baseKey], keys, (c, value) => byKey.set(value, c));
  }
  return { byMatch, byKey, stored };
};

/**
 * The row of values in `valueColumns` order, then `tail`. Written slot by
 * slot: spreading arrays per row measured several µs a row, and its garbage
 * was much of the import's memory growth.
 */
const valueRow = (w: PlannedWrite, bulk: BulkWriter, activity: unknown, keys: FoldKeys, head: unknown[], tail: unknown[], preFolded = false): unknown[] => {
  const out = new Array<unknown>(head.length + VALUE_FIELDS.length + 4 + tail.length);
  let i = 0;
  for (const v of head) out[i++] = v;
  for (const f of VALUE_FIELDS) {
    if (f.key === ACTIVITY_FIELD) {
      out[i++] = activity;
      continue;
    }
    const v = w.values[f.key] ?? null;
    out[i++] = DATETIME_KEYS.has(f.key) && v !== null ? bulk.timestamp(new Date(v as string)) : v;
  }
  out[i++] = JSON.stringify(w.tags);
  out[i++] = JSON.stringify(w.attributes);
  const pre = w.source;
  if (preFolded && pre?.foldedJson !== undefined) {
    out[i++] = pre.foldedJson;
    out[i++] = pre.search;
  } else {
    const { folded, search } = foldContact(w.values, w.attributes, keys);
    out[i++] = JSON.stringify(folded);
    out[i++] = search;
  }
  for (const v of tail) out[i++] = v;
  return out;
};

/**
 * Writes one batch in one transaction: reads the contacts it touches, plans
 * (plan.ts), then carries the plan out: new contacts (multi-row insert keyed
 * on the base's key), known ones by id, history events, static segment
 * links, problems, new select options, counters and cursor. A crash before
 * the commit leaves nothing of the batch; after it, the cursor says exactly
 * where to resume.
 */
export const writeBatch = async (
  knex: Knex,
  bulk: BulkWriter,
  s: WriteSettings,
  batch: Batch,
  progress: { timings?: string } = {}
): Promise<CounterDelta> => {
  const t = s.tables;
  const c = t.contactColumns;
  const sys = t.contactSystem;
  const valueColumns = [...VALUE_FIELDS.map((f) => c[f.key]), c.tags, c.attributes, c.folded, c.search];
  let delta!: CounterDelta;

  await knex.transaction(async (trx) => {
    await bulk.beginBatch(trx);
    const existing = await readExisting(trx, bulk, t, s.plan, batch.contacts);
    const plan = planBatch(existing, batch.contacts, s.plan);
    delta = { ...plan.delta, processed: plan.delta.processed + batch.failed.length, failed: plan.delta.failed + batch.failed.length };

    const ts = bulk.timestamp(new Date());
    const ids = documentIdFactory();
    if (plan.creates.length) {
      const columns = [sys.documentId, ...valueColumns, sys.createdAt, sys.updatedAt, sys.publishedAt, sys.createdBy, sys.updatedBy];
      // Being in an import is activity (the "active contacts" segment): created and updated contacts get it now.
      const tail = [ts, ts, ts, s.userId, s.userId];
      // What the worker folded is the new contact's, unless a default fills a folded field.
      const preFolded = !Object.keys(s.plan.defaults).some((k) => s.fold.builtIn.includes(k));
      const rows = plan.creates.map((w) => valueRow(w, bulk, ts, s.fold, [ids.next()], tail, preFolded));
      // Keyed on the base's key: a contact created meanwhile by another writer is updated, not duplicated.
      await bulk.insertNew(trx, t.contacts, columns, rows, { column: c[s.plan.baseKey], whereNotNull: s.plan.baseKey === 'mobile' }, [...valueColumns, sys.updatedAt, sys.updatedBy]);
    }
    if (plan.updates.length) {
      const columns = ['id', ...valueColumns, sys.updatedAt, sys.updatedBy];
      const tail = [ts, s.userId];
      const rows = plan.updates.map((w) => valueRow(w, bulk, ts, s.fold, [w.id], tail));
      // What is stored, in the same columns: the writer may set only what changed.
      const previous = bulk.comparesUpdates
        ? plan.updates.map((w) => {
            const r = existing.stored.get(w.id);
            return r ? columns.map((col) => r[col]) : null;
          })
        : undefined;
      // Known contacts by id: matching on a column that is not the key must not lean on a unique index.
      await bulk.updateById(trx, t.contacts, columns, rows, previous);
    }

    // History and segment links: new contacts are found by their document-id range, known ones by id.
    const newRows = `FROM ${t.contacts} WHERE ${sys.documentId} >= ? AND ${sys.documentId} <= ?`;
    const historyColumns = ['contact_id', 'import_id', 'kind', 'at'];
    if (plan.creates.length) {
      await bulk.insertFromSelect(trx, t.history, historyColumns, `SELECT id, ?, 'import.created', ? ${newRows}`, [s.importId, ts, ...ids.range]);
    }
    if (plan.updates.length) {
      await bulk.insert(trx, t.history, historyColumns, plan.updates.map((w) => [w.id, s.importId, 'import.updated', ts]));
    }
    const links = t.segmentLinks;
    for (const segmentId of s.segmentIds) {
      if (plan.creates.length) {
        await bulk.insertFromSelect(trx, links.table, [links.contact, links.segment], `SELECT id, ? ${newRows}`, [segmentId, ...ids.range], { ignoreConflicts: true });
      }
      if (plan.touchedIds.length) {
        await bulk.insertIgnore(trx, links.table, [links.contact, links.segment], plan.touchedIds.map((id) => [id, segmentId]));
      }
    }
    const problems = [...batch.failed, ...plan.problems];
    if (problems.length) {
      await bulk.insert(
        trx,
        t.errors,
        ['import_id', 'line', 'level', 'column', 'code', 'params', 'cells', 'created_at', 'updated_at'],
        problems.map((p) => [s.importId, p.line, p.level, p.column ? String(p.column).slice(0, 255) : null, p.code, JSON.stringify(p.params), JSON.stringify(p.cells), ts, ts])
      );
    }
    if (batch.newOptions.length) await addOptions(trx, t, batch.newOptions);

    if (!(await s.rows.recordBatch(trx, s.importId, s.leaseOwner, delta, batch.cursor, progress.timings))) throw new LeaseLostError();
  });
  return delta;
};

/** Options met in the file for fields that allow unknown values, appended in order of appearance. */
const addOptions = async (trx: Knex.Transaction, t: Tables, pairs: Array<[string, string]>) => {
  const byField = new Map<string, string[]>();
  for (const [key, option] of pairs) byField.set(key, [...(byField.get(key) ?? []), option]);
  const rows = await trx(t.fields).select('id', 'key', 'options').whereIn('key', Array.from(byField.keys()));
  for (const r of rows) {
    const options = parseJson<string[]>(r.options, []) ?? [];
    const merged = Array.from(new Set([...options, ...byField.get(r.key)!]));
    if (merged.length !== options.length) await trx(t.fields).where({ id: r.id }).update({ options: JSON.stringify(merged) });
  }
};
