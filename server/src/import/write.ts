import crypto from 'crypto';
import type { Knex } from 'knex';
import { EMAIL_STATUSES, MOBILE_STATUSES, OPT_IN_VALUES, type ImportMode, type UniqueKey } from '../constants';
import type { BulkWriter } from '../database/bulk';
import { HISTORY_TABLE } from '../database/history';
import type { FieldDefinition } from '../fields/validate-value';
import type { FailedRow, ImportCounters, ImportCursor, PreparedContact, RowWarning } from './types';
import { parseJson } from '../utils/json';

export const TABLES = {
  contacts: 'contacts_contacts',
  imports: 'contacts_imports',
  errors: 'contacts_import_errors',
  history: HISTORY_TABLE,
  segmentLinks: 'contacts_contacts_segments_lnk',
  fields: 'contacts_fields',
} as const;

/** Contact attribute → column, for the columns an import writes. */
const COLUMNS: Record<string, string> = {
  email: 'email',
  mobile: 'mobile',
  firstName: 'first_name',
  lastName: 'last_name',
  company: 'company',
  ownerId: 'owner_id',
  emailOptIn: 'email_opt_in',
  smsOptIn: 'sms_opt_in',
  emailStatus: 'email_status',
  mobileStatus: 'mobile_status',
};
const VALUE_KEYS = Object.keys(COLUMNS);
const DEFAULTS: Record<string, string> = { emailOptIn: 'yes', smsOptIn: 'yes', emailStatus: 'unknown', mobileStatus: 'unknown' };
const WRITE_COLUMNS = ['document_id', ...VALUE_KEYS.map((k) => COLUMNS[k]), 'tags', 'attributes', 'created_at', 'updated_at', 'published_at', 'created_by_id', 'updated_by_id'];
const UPDATE_COLUMNS = [...VALUE_KEYS.map((k) => COLUMNS[k]), 'tags', 'attributes', 'updated_at', 'updated_by_id'];
const OPTED_OUT = new Set(['no', 'blocklist']);
const E164 = /^\+[1-9]\d{6,14}$/;
const ENUMS: Record<string, readonly string[]> = { emailOptIn: OPT_IN_VALUES, smsOptIn: OPT_IN_VALUES, emailStatus: EMAIL_STATUSES, mobileStatus: MOBILE_STATUSES };

export interface WriteSettings {
  importId: number;
  /** Lease held by this worker: the counters update checks it, so a worker that lost its lease rolls back. */
  leaseOwner: string;
  mode: ImportMode;
  uniqueKey: UniqueKey;
  emptyClears: boolean;
  allowResubscribe: boolean;
  segmentIds: number[];
  /** Custom fields (for `required` on new contacts). */
  fields: FieldDefinition[];
  userId: number | null;
  /** Whether the file maps the other unique column (e-mail when the key is mobile, and vice versa). */
  secondaryMapped: boolean;
}

export interface Batch {
  contacts: PreparedContact[];
  failed: FailedRow[];
  /** Cells the mapper dropped from rows that are still written. */
  warnings?: RowWarning[];
  /** [field key, option] pairs seen for fields that accept unknown values. */
  newOptions: Array<[string, string]>;
  cursor: ImportCursor;
}

export type CounterDelta = Omit<ImportCounters, 'total'>;

export class LeaseLostError extends Error {
  constructor() {
    super('The import lease was taken over by another worker');
  }
}

interface Stored {
  id?: number;
  documentId?: string;
  values: Record<string, unknown>;
  tags: string[];
  attributes: Record<string, unknown>;
  fromDb: boolean;
  changed: boolean;
}

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

/** Cheap equality: primitives directly, arrays and objects by their JSON. */
const same = (a: unknown, b: unknown) =>
  a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Applies one prepared row to the stored state of its contact, following the
 * mode; returns whether something changed.
 */
const applyRow = (state: Stored, row: PreparedContact, s: WriteSettings): boolean => {
  const fillOnly = s.mode === 'fill-empty';
  let changed = false;
  const set = (target: Record<string, unknown>, key: string, value: unknown) => {
    if (fillOnly && !isEmpty(target[key])) return;
    if (same(target[key], value)) return;
    target[key] = value;
    changed = true;
  };
  for (const [key, value] of Object.entries(row.values)) {
    if ((key === 'emailOptIn' || key === 'smsOptIn') && value === 'yes' && OPTED_OUT.has(state.values[key] as string) && !s.allowResubscribe) {
      continue;
    }
    set(state.values, key, value);
  }
  for (const [key, value] of Object.entries(row.attributes)) set(state.attributes, key, value);
  if (s.emptyClears && !fillOnly) {
    for (const key of row.empty) {
      if (key === s.uniqueKey) continue;
      if (key in COLUMNS) {
        if (!isEmpty(state.values[key]) && !(key in DEFAULTS)) {
          state.values[key] = null;
          changed = true;
        }
      } else if (key === 'tags') {
        if (state.tags.length) {
          state.tags = [];
          changed = true;
        }
      } else if (key in state.attributes) {
        delete state.attributes[key];
        changed = true;
      }
    }
  }
  if (row.tags?.length) {
    const merged = Array.from(new Set([...state.tags, ...row.tags]));
    if (merged.length !== state.tags.length) {
      state.tags = merged;
      changed = true;
    }
  }
  return changed;
};

const missingRequired = (state: Stored, s: WriteSettings): string[] =>
  s.fields.filter((f) => f.required && !f.builtIn && isEmpty(state.attributes[f.key])).map((f) => f.label);

/**
 * Writes one batch in one transaction: contacts (multi-row upsert), history
 * events, static segment links, failed rows, new select options, counters and
 * cursor. A crash before the commit leaves nothing of the batch; after it,
 * the cursor says exactly where to resume.
 */
export const writeBatch = async (
  knex: Knex,
  bulk: BulkWriter,
  s: WriteSettings,
  batch: Batch,
  progress: { timings?: string } = {}
): Promise<CounterDelta> => {
  const delta: CounterDelta = { processed: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, warnings: 0 };
  const failed: FailedRow[] = [...batch.failed];
  const warnings: RowWarning[] = [...(batch.warnings ?? [])];
  const keyColumn = COLUMNS[s.uniqueKey];
  const secondary = s.uniqueKey === 'email' ? 'mobile' : 'email';

  await knex.transaction(async (trx) => {
    const keys = Array.from(new Set(batch.contacts.map((c) => c.key)));
    const selectCols = ['id', 'document_id', ...VALUE_KEYS.map((k) => COLUMNS[k]), 'tags', 'attributes'];
    const existing = new Map<string, Stored>();
    /** Stored values this import would trip over (written around the plugin) are read as empty, with a warning. */
    const damaged = new Map<string, string[]>();
    const toStored = (r: any): Stored => {
      const problems: string[] = [];
      const tags = parseJson<unknown>(r.tags, []);
      const attributes = parseJson<unknown>(r.attributes, {});
      const values = Object.fromEntries(VALUE_KEYS.map((k) => [k, r[COLUMNS[k]] ?? null]));
      for (const [key, allowed] of Object.entries(ENUMS)) {
        if (values[key] !== null && !allowed.includes(values[key] as string)) {
          problems.push(`${key} "${String(values[key])}"`);
          values[key] = null;
        }
      }
      if (values.mobile !== null && !E164.test(String(values.mobile))) {
        problems.push(`mobile "${String(values.mobile)}"`);
        values.mobile = null;
      }
      const tagList = Array.isArray(tags) && tags.every((t) => typeof t === 'string') ? (tags as string[]) : null;
      if (!tagList) problems.push('tags (not a list of texts)');
      const plain = attributes !== null && typeof attributes === 'object' && !Array.isArray(attributes);
      if (!plain) problems.push('attributes (not an object)');
      if (problems.length) damaged.set(r[keyColumn], problems);
      return {
        id: r.id,
        documentId: r.document_id,
        values,
        tags: tagList ?? [],
        attributes: plain ? (attributes as Record<string, unknown>) : {},
        fromDb: true,
        changed: false,
      };
    };
    for (let i = 0; i < keys.length; i += 5000) {
      const rows = await trx(TABLES.contacts).select(selectCols).whereIn(keyColumn, keys.slice(i, i + 5000));
      for (const r of rows) existing.set(r[keyColumn], toStored(r));
    }

    // The other unique column must not collide with another contact's value.
    const owners = new Map<string, string>();
    if (s.secondaryMapped) {
      const values = Array.from(new Set(batch.contacts.map((c) => c.values[secondary] as string).filter(Boolean)));
      for (let i = 0; i < values.length; i += 5000) {
        const rows = await trx(TABLES.contacts).select(keyColumn, COLUMNS[secondary]).whereIn(COLUMNS[secondary], values.slice(i, i + 5000));
        for (const r of rows) owners.set(r[COLUMNS[secondary]], r[keyColumn]);
      }
    }

    const states = new Map<string, Stored>();
    for (const row of batch.contacts) {
      delta.processed += 1;
      const other = row.values[secondary] as string | undefined;
      if (other) {
        const owner = owners.get(other);
        if (owner !== undefined && owner !== row.key) {
          failed.push({
            line: row.line,
            reason: `duplicate_${secondary}: ${other} already belongs to the contact ${owner}`,
            cells: row.cells ?? [],
          });
          continue;
        }
      }
      let state = states.get(row.key) ?? existing.get(row.key);
      if (!state) {
        if (s.mode === 'update') {
          delta.skipped += 1;
          continue;
        }
        // A new contact takes the row as it is: no merge, no opt-in guard.
        const fresh: Stored = {
          values: { ...DEFAULTS, ...row.values },
          tags: row.tags ?? [],
          attributes: row.attributes,
          fromDb: false,
          changed: true,
        };
        const missing = missingRequired(fresh, s);
        if (missing.length) {
          failed.push({ line: row.line, reason: `missing_required: ${missing.join(', ')} required for a new contact`, cells: row.cells ?? [] });
          continue;
        }
        fresh.values[s.uniqueKey] = row.key;
        states.set(row.key, fresh);
        if (other) owners.set(other, row.key);
        delta.created += 1;
        continue;
      }
      states.set(row.key, state);
      if (s.mode === 'create') {
        delta.skipped += 1;
        continue;
      }
      // Rewriting a damaged contact replaces what could not be read with what the row and the defaults give.
      const problems = damaged.get(row.key);
      if (problems) {
        damaged.delete(row.key);
        warnings.push({ line: row.line, column: null, reason: `stored_value: this contact held values the plugin cannot read (${problems.join(', ')}); they were treated as empty`, cells: row.cells ?? [] });
      }
      const changed = applyRow(state, row, s) || !!problems;
      if (changed) {
        state.changed = true;
        if (other) owners.set(other, row.key);
        delta.updated += 1;
      } else {
        delta.unchanged += 1;
      }
    }
    delta.processed += batch.failed.length;
    delta.failed = failed.length;
    delta.warnings = warnings.length;

    const now = new Date();
    const ts = bulk.timestamp(now);
    const ids = documentIdFactory();
    const writes: unknown[][] = [];
    const updatedIds: number[] = [];
    const existingIds: number[] = [];
    let createdCount = 0;
    for (const st of states.values()) {
      if (st.fromDb) existingIds.push(st.id!);
      if (!st.changed) continue;
      if (st.fromDb) updatedIds.push(st.id!);
      else createdCount += 1;
      writes.push([
        st.documentId ?? ids.next(),
        ...VALUE_KEYS.map((k) => (st.values[k] ?? null) as unknown),
        JSON.stringify(st.tags),
        JSON.stringify(st.attributes),
        ts,
        ts,
        ts,
        s.userId,
        s.userId,
      ]);
    }
    if (writes.length) {
      await bulk.upsert(trx, TABLES.contacts, WRITE_COLUMNS, writes, { column: keyColumn, whereNotNull: s.uniqueKey === 'mobile' }, UPDATE_COLUMNS);
    }

    // History and segment links: new contacts are found by their document-id range, known ones by id.
    const newRows = `FROM ${TABLES.contacts} WHERE document_id >= ? AND document_id <= ?`;
    if (createdCount) {
      await bulk.insertFromSelect(trx, TABLES.history, ['contact_id', 'import_id', 'kind', 'at'], `SELECT id, ?, 'import.created', ? ${newRows}`, [
        s.importId,
        ts,
        ...ids.range,
      ]);
    }
    if (updatedIds.length) {
      await bulk.insert(trx, TABLES.history, ['contact_id', 'import_id', 'kind', 'at'], updatedIds.map((id) => [id, s.importId, 'import.updated', ts]));
    }
    for (const segmentId of s.segmentIds) {
      if (createdCount) {
        await bulk.insertFromSelect(trx, TABLES.segmentLinks, ['contact_id', 'segment_id'], `SELECT id, ? ${newRows}`, [segmentId, ...ids.range], {
          ignoreConflicts: true,
        });
      }
      if (existingIds.length) {
        await bulk.insertIgnore(trx, TABLES.segmentLinks, ['contact_id', 'segment_id'], existingIds.map((id) => [id, segmentId]));
      }
    }
    const problemRows = [
      ...failed.map((f) => [s.importId, f.line, 'error', null, f.reason.slice(0, 255), JSON.stringify(f.cells), ts, ts]),
      ...warnings.map((w) => [s.importId, w.line, 'warning', w.column ? String(w.column).slice(0, 255) : null, w.reason.slice(0, 255), JSON.stringify(w.cells), ts, ts]),
    ];
    if (problemRows.length) {
      await bulk.insert(trx, TABLES.errors, ['import_id', 'line', 'level', 'column', 'reason', 'cells', 'created_at', 'updated_at'], problemRows);
    }
    if (batch.newOptions.length) await addOptions(trx, batch.newOptions);

    const updated = await trx(TABLES.imports)
      .where({ id: s.importId, lease_owner: s.leaseOwner })
      .update({
        processed: trx.raw('processed + ?', [delta.processed]),
        created: trx.raw('created + ?', [delta.created]),
        updated: trx.raw('updated + ?', [delta.updated]),
        unchanged: trx.raw('unchanged + ?', [delta.unchanged]),
        skipped: trx.raw('skipped + ?', [delta.skipped]),
        failed: trx.raw('failed + ?', [delta.failed]),
        warnings: trx.raw('warnings + ?', [delta.warnings]),
        cursor: JSON.stringify(batch.cursor),
        ...(progress.timings ? { timings: progress.timings } : {}),
        updated_at: ts as any,
      });
    if (updated !== 1) throw new LeaseLostError();
  });
  return delta;
};

/** Options met in the file for fields that allow unknown values, appended in order of appearance. */
const addOptions = async (trx: Knex.Transaction, pairs: Array<[string, string]>) => {
  const byField = new Map<string, string[]>();
  for (const [key, option] of pairs) byField.set(key, [...(byField.get(key) ?? []), option]);
  const rows = await trx(TABLES.fields).select('id', 'key', 'options').whereIn('key', Array.from(byField.keys()));
  for (const r of rows) {
    const options = parseJson<string[]>(r.options, []) ?? [];
    const merged = Array.from(new Set([...options, ...byField.get(r.key)!]));
    if (merged.length !== options.length) await trx(TABLES.fields).where({ id: r.id }).update({ options: JSON.stringify(merged) });
  }
};
