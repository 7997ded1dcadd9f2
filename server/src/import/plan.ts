import { NEW_CONTACT_DEFAULTS, type ImportMode } from '../constants';
import type { CounterDelta, PreparedContact, RowProblem } from './types';

/**
 * What one batch does to the base, decided without a database: which rows
 * create a contact, which update one (and how), which leave it unchanged,
 * which are skipped by the mode, which fail and why, which cells become
 * warnings. The executor (write.ts) only carries the plan out in SQL, so
 * these rules are unit-tested on their own.
 */

export type KeyField = 'email' | 'mobile';

export interface StoredContact {
  id: number;
  documentId: string;
  /** Built-in values by field key. */
  values: Record<string, unknown>;
  tags: string[];
  attributes: Record<string, unknown>;
  /** Stored values that could not be read (written around the plugin), already read as empty. */
  damaged?: string[];
}

export interface ExistingContacts {
  /** Contacts by the value of the column the import matches on (several when it is not the base's key). */
  byMatch: Map<string, StoredContact[]>;
  /** Contacts by the base's key, when the import matches on the other column. */
  byKey: Map<string, StoredContact>;
}

export interface PlanSettings {
  mode: ImportMode;
  /** The base's unicity key (Settings). */
  baseKey: KeyField;
  /** What rows are matched on: the base key by default, or the other column. */
  matchKey: KeyField;
  emptyClears: boolean;
  allowResubscribe: boolean;
  /** Custom fields a new contact must have. */
  required: Array<{ key: string; label: string }>;
  /** Values a new contact starts with (statuses; opt-ins only from the import's explicit defaults). */
  defaults: Record<string, unknown>;
}

export interface PlannedWrite {
  /** Set for a known contact. */
  id?: number;
  documentId?: string;
  values: Record<string, unknown>;
  tags: string[];
  attributes: Record<string, unknown>;
  /** A new contact made of one row alone: the row it came from (its folded text is already computed). */
  source?: PreparedContact;
}

export interface BatchPlan {
  creates: PlannedWrite[];
  updates: PlannedWrite[];
  /** Known contacts the batch touched (changed or not): static segment links. */
  touchedIds: number[];
  problems: RowProblem[];
  delta: CounterDelta;
}

const OPTED_OUT = new Set(['no', 'blocklist']);
const OPT_INS = new Set(['emailOptIn', 'smsOptIn']);

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Cheap equality: primitives directly, arrays and objects by their JSON. */
const same = (a: unknown, b: unknown) =>
  a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));

interface State extends PlannedWrite {
  known: boolean;
  changed: boolean;
}

const fromStored = (c: StoredContact): State => ({
  id: c.id,
  documentId: c.documentId,
  values: { ...c.values },
  tags: [...c.tags],
  attributes: { ...c.attributes },
  known: true,
  changed: false,
});

/** Applies a row to a contact, following the mode; true when something changed. */
const applyRow = (state: State, row: PreparedContact, s: PlanSettings): boolean => {
  const fillOnly = s.mode === 'fill-empty';
  let changed = false;
  const set = (target: Record<string, unknown>, key: string, value: unknown) => {
    if (fillOnly && !isEmpty(target[key])) return;
    if (same(target[key], value)) return;
    target[key] = value;
    changed = true;
  };
  for (const key in row.values) {
    const value = row.values[key];
    // No silent resubscribe: a file does not turn a no or a blocklist back into yes.
    if (OPT_INS.has(key) && value === 'yes' && OPTED_OUT.has(state.values[key] as string) && !s.allowResubscribe) continue;
    set(state.values, key, value);
  }
  for (const key in row.attributes) set(state.attributes, key, row.attributes[key]);
  if (s.emptyClears && !fillOnly) {
    for (const key of row.empty) {
      if (key === s.baseKey || key === s.matchKey) continue;
      if (key === 'tags') {
        if (state.tags.length) (state.tags = []), (changed = true);
      } else if (key in state.attributes) {
        delete state.attributes[key];
        changed = true;
      } else if (key in state.values && !isEmpty(state.values[key]) && !(key in NEW_CONTACT_DEFAULTS)) {
        state.values[key] = null;
        changed = true;
      }
    }
  }
  if (row.tags?.length) {
    const merged = Array.from(new Set([...state.tags, ...row.tags]));
    if (merged.length !== state.tags.length) (state.tags = merged), (changed = true);
  }
  return changed;
};

const problem = (row: PreparedContact, code: string, params: Record<string, unknown>, column: string | null = null): RowProblem => ({
  line: row.line,
  level: 'error',
  column,
  code,
  params,
  cells: row.cellsJson ? (JSON.parse(row.cellsJson) as string[]) : [],
});

export const planBatch = (existing: ExistingContacts, rows: readonly PreparedContact[], s: PlanSettings): BatchPlan => {
  const delta: CounterDelta = { processed: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, warnings: 0 };
  const problems: RowProblem[] = [];
  const byMatch = new Map<string, State>();
  const byKey = new Map<string, State>();
  const states: State[] = [];
  const byId = new Map<number, State>();
  const damagedById = new Map<number, string[]>();
  for (const list of existing.byMatch.values()) for (const c of list) if (c.damaged?.length) damagedById.set(c.id, c.damaged);
  for (const c of existing.byKey.values()) if (c.damaged?.length) damagedById.set(c.id, c.damaged);
  const touched = new Set<number>();
  const otherColumn = s.matchKey !== s.baseKey;
  const stateOf = (c: StoredContact): State => {
    let st = byId.get(c.id);
    if (!st) {
      st = fromStored(c);
      states.push(st);
      byId.set(c.id, st);
    }
    return st;
  };

  for (const row of rows) {
    delta.processed += 1;
    let state = byMatch.get(row.match);
    if (!state) {
      const candidates = existing.byMatch.get(row.match) ?? [];
      if (candidates.length > 1) {
        problems.push(problem(row, 'ambiguous_key', { key: s.matchKey, value: row.match, count: candidates.length }, s.matchKey));
        delta.failed += 1;
        continue;
      }
      if (candidates.length === 1) state = stateOf(candidates[0]);
    }
    const warnings = row.warnings ? [...row.warnings] : [];
    if (otherColumn) {
      // The base's key must stay unique: a row found (or not) by the other column may carry a key that is someone else's.
      const key = row.values[s.baseKey] as string | undefined;
      if (key) {
        const holder = byKey.get(key) ?? (existing.byKey.get(key) ? stateOf(existing.byKey.get(key)!) : undefined);
        if (holder && holder !== state) {
          if (!state) {
            state = holder;
          } else {
            delete row.values[s.baseKey];
            warnings.push({ ...problem(row, 'key_taken', { key: s.baseKey, value: key }, s.baseKey), level: 'warning' });
          }
        }
      }
    }

    if (!state) {
      if (s.mode === 'update') {
        delta.skipped += 1;
        continue;
      }
      if (otherColumn && isEmpty(row.values[s.baseKey])) {
        problems.push(problem(row, 'missing_key', { key: s.baseKey }, s.baseKey));
        delta.failed += 1;
        continue;
      }
      const missing = s.required.filter((f) => isEmpty(row.attributes[f.key]));
      if (missing.length) {
        problems.push(problem(row, 'missing_required', { fields: missing.map((f) => f.label) }, missing[0].key));
        delta.failed += 1;
        continue;
      }
      // A new contact takes the row as it is (no merge, no opt-in guard) over the defaults.
      const fresh: State = {
        values: Object.assign({}, s.defaults, row.values),
        tags: row.tags ? [...row.tags] : [],
        attributes: row.attributes,
        known: false,
        changed: true,
        source: row,
      };
      states.push(fresh);
      byMatch.set(row.match, fresh);
      if (fresh.values[s.baseKey]) byKey.set(fresh.values[s.baseKey] as string, fresh);
      delta.created += 1;
    } else {
      byMatch.set(row.match, state);
      if (state.values[s.baseKey]) byKey.set(state.values[s.baseKey] as string, state);
      if (state.id !== undefined) touched.add(state.id);
      if (s.mode === 'create' && state.known) {
        delta.skipped += 1;
        continue;
      }
      const damaged = state.id !== undefined ? damagedById.get(state.id) : undefined;
      if (damaged && !state.changed) {
        warnings.push({ ...problem(row, 'stored_value', { values: damaged.join(', ') }), level: 'warning' });
      }
      // Rewriting a damaged contact replaces what could not be read with what the row and the defaults give.
      // A second row on the contact: what the first row folded is no longer the contact.
      state.source = undefined;
      const changed = applyRow(state, row, s) || (!!damaged && !state.changed);
      if (changed) {
        state.changed = true;
        delta.updated += 1;
      } else {
        delta.unchanged += 1;
      }
    }
    for (const w of warnings) problems.push(w);
    delta.warnings += warnings.length;
  }

  const creates: PlannedWrite[] = [];
  const updates: PlannedWrite[] = [];
  for (const st of states) {
    if (!st.changed) continue;
    const write: PlannedWrite = { id: st.id, documentId: st.documentId, values: st.values, tags: st.tags, attributes: st.attributes, source: st.source };
    (st.known ? updates : creates).push(write);
  }
  return { creates, updates, touchedIds: Array.from(touched), problems, delta };
};
