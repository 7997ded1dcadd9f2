import type { FieldDefinition, UniqueKey } from '../constants';
import { readText, type ReadContext, type ReadResult } from '../fields/readers';
import type { ColumnRef, MappingEntry, PreparedContact, RowProblem, SourceRow } from './types';
import { isSpreadsheetError } from './xlsx-cells';
import { restoreCell } from '../export/neutralize';
import { foldContact, type FoldKeys } from '../fields/fold';

/** Mapping targets that are not stored fields but act on built-in columns. */
export const PSEUDO_FIELDS = {
  doNotContact: { key: 'doNotContact', label: 'Do not contact', type: 'boolean' as const },
};

/** Options of an import that change how a cell is read. */
export type MapOptions = Omit<ReadContext, 'rowCountry' | 'optInWords'>;

export interface MapperInput {
  columns: string[];
  hasHeader: boolean;
  mapping: MappingEntry[];
  /** Built-in and custom fields (custom fields created by the mapping included). */
  fields: FieldDefinition[];
  /** The column rows are matched on (the base's unicity key, or the other one). */
  uniqueKey: UniqueKey;
  options: MapOptions;
  /** Tags added to every row by the import options. */
  tags?: string[];
  /** Keep the original cells on prepared rows (the plan may still report them). */
  keepCells?: boolean;
  /** The source is one of our exports: undo its injection guard (a ' before = + - @ TAB CR LF) in every cell. */
  fromExport?: boolean;
  /** Fold each row here (foldedJson, search), off the writer's thread; the import sets it. */
  fold?: FoldKeys;
}

/** How a cell was read, for the preview (an ambiguous date read as DD/MM, say). */
export interface CellNote {
  column: string | null;
  code: string;
  params: Record<string, unknown>;
}

export type MapResult =
  | { ok: true; contact: PreparedContact; newOptions?: Array<[string, string]>; notes?: CellNote[] }
  | { ok: false; failed: RowProblem };

export class MappingError extends Error {}

export const resolveColumn = (columns: string[], hasHeader: boolean, ref: ColumnRef): number => {
  if (typeof ref === 'number' || (!hasHeader && /^\d+$/.test(String(ref)))) {
    const index = Number(ref);
    if (index < 0 || index >= Math.max(columns.length, 1) + 1000) throw new MappingError(`Column index ${ref} does not exist`);
    return index;
  }
  const index = columns.indexOf(ref);
  if (index === -1) throw new MappingError(`Column "${ref}" is not in the file (columns: ${columns.join(', ')})`);
  return index;
};

/** What one row's reading collects before it becomes a PreparedContact. */
interface RowState {
  out: PreparedContact;
  warnings: RowProblem[];
  notes: CellNote[];
  newOptions: Array<[string, string]>;
  /** The key cell could not be read: the row fails with this problem. */
  keyProblem: RowProblem | null;
  ctx: ReadContext;
}

type Step = (cells: string[], st: RowState) => void;

const isBlank = (text: string | undefined) => text === undefined || text.trim() === '';

const failedRow = (row: SourceRow, code: string, params: Record<string, unknown>, column: string | null = null): MapResult => ({
  ok: false,
  failed: { line: row.line, level: 'error', column, code, params, cells: row.cells },
});

/**
 * Compiles the mapping once into per-column steps, so mapping a row is a loop
 * of small closures (this runs a million times in the worker). Every cell goes
 * through the one set of readers the API uses too (fields/readers). A cell
 * that cannot be read is dropped from the contact and kept as a warning; only
 * the key cell fails the row (required fields are the plan's: it knows which
 * contacts are new).
 */
export const createRowMapper = (input: MapperInput) => {
  const { columns, hasHeader, mapping, uniqueKey } = input;
  const fields = new Map<string, FieldDefinition>(input.fields.map((f) => [f.key, f]));
  const countrySteps: Step[] = [];
  const steps: Step[] = [];
  const literals: Step[] = [];
  const optionColumns = new Map<string, Array<{ index: number; option: string }>>();
  let keyMapped = false;

  const fieldOf = (key: string): FieldDefinition => {
    if (key === 'doNotContact') return PSEUDO_FIELDS.doNotContact;
    const field = fields.get(key);
    if (!field) throw new MappingError(`Unknown field "${key}"`);
    if (field.readOnly) throw new MappingError(`${field.label} is kept by the plugin itself: a column cannot be mapped to it`);
    return field;
  };

  /** Stores a value read for `field`; unknown options of open lists are collected to be added. */
  const store = (field: FieldDefinition, value: unknown, st: RowState) => {
    const { out } = st;
    if (field.key === 'doNotContact') {
      if (value === true) out.values.emailOptIn = out.values.smsOptIn = 'no';
      return;
    }
    if (field.reader === 'tags') {
      out.tags = Array.from(new Set([...(out.tags ?? []), ...(value as string[])]));
      return;
    }
    if (field.builtIn) out.values[field.key] = value;
    else out.attributes[field.key] = value;
    if (!field.builtIn && field.allowUnknownValues && (field.type === 'select' || field.type === 'multiselect')) {
      const known = field.options ?? [];
      for (const v of Array.isArray(value) ? value : [value]) if (!known.includes(v as string)) st.newOptions.push([field.key, v as string]);
    }
  };

  const problemOf = (st: RowState, column: string | null, result: Extract<ReadResult, { ok: false }>, level: 'error' | 'warning'): RowProblem => ({
    line: st.out.line,
    level,
    column,
    code: result.code,
    params: result.params,
    cells: [],
  });

  /** Reads one non-empty cell for a field; the result lands in the row state. */
  const readInto = (field: FieldDefinition, text: string, column: string | null, st: RowState, words?: ReadContext['optInWords']) => {
    const ctx = words ? { ...st.ctx, optInWords: words } : st.ctx;
    // #N/A, #DIV/0!…: what a spreadsheet shows for a formula that failed is no value (a text field would keep it silently).
    const result: ReadResult = isSpreadsheetError(text)
      ? { ok: false, code: 'spreadsheet_error', params: { label: field.label, value: text.trim() } }
      : readText(field, text, ctx);
    if ('code' in result) {
      if (field.key === uniqueKey) {
        st.keyProblem = problemOf(st, column, result, 'error');
        return;
      }
      st.warnings.push(problemOf(st, column, result, 'warning'));
      // A number that cannot be read still tells something about the contact's mobile.
      if (field.key === 'mobile') st.out.values.mobileStatus = 'bad_format';
      return;
    }
    if (result.note) st.notes.push({ column, code: result.note.code, params: result.note.params });
    store(field, result.value, st);
  };

  for (const entry of mapping) {
    if ('ignore' in entry) continue;
    if ('newField' in entry) throw new MappingError('New fields must be created before the mapping is compiled');
    if ('literal' in entry) {
      const field = fieldOf(entry.field);
      const text = entry.literal === null || entry.literal === undefined ? '' : String(entry.literal);
      if (text.trim() === '') continue;
      const probe = readText(field, text, { ...input.options });
      if ('code' in probe) throw new MappingError(`The value "${text}" for ${field.label} cannot be read (${probe.code})`);
      if (field.key === uniqueKey) keyMapped = true;
      literals.push((_cells, st) => store(field, probe.value, st));
      continue;
    }
    const index = resolveColumn(columns, hasHeader, entry.column);
    const field = fieldOf(entry.field);
    const column = columns[index] ?? String(entry.column);
    if ('option' in entry && entry.option !== undefined) {
      if (field.type !== 'multiselect' || field.builtIn) throw new MappingError(`Column "${entry.column}" sets an option, but ${field.label} is not a multiselect field`);
      if (!field.allowUnknownValues && !(field.options ?? []).includes(entry.option)) {
        throw new MappingError(`"${entry.option}" is not an option of ${field.label} (${(field.options ?? []).join(', ')})`);
      }
      const list = optionColumns.get(field.key) ?? [];
      list.push({ index, option: entry.option });
      optionColumns.set(field.key, list);
      continue;
    }
    if (field.key === uniqueKey) keyMapped = true;
    const words = 'values' in entry && entry.values ? normalizeWords(field, entry.values) : undefined;
    const step: Step = (cells, st) => {
      const text = cells[index];
      if (isBlank(text)) st.out.empty.push(field.key);
      else readInto(field, text, column, st, words);
    };
    // The row's country is read first: it is the region of its phone numbers written without +.
    if (field.reader === 'country') countrySteps.push(step);
    else steps.push(step);
  }

  if (!keyMapped) {
    throw new MappingError(
      uniqueKey === 'email'
        ? 'No column is mapped to the e-mail field, which this import matches on: map the e-mail column (or match on mobile)'
        : 'No column is mapped to the mobile field, which this import matches on: map the mobile column'
    );
  }

  // X columns: each marked cell adds its option; the row's set replaces the field value.
  const xBoolean = { key: 'x', label: 'x', type: 'boolean' as const };
  for (const [key, list] of optionColumns) {
    const field = fields.get(key)!;
    steps.push((cells, st) => {
      const set: string[] = [];
      for (const { index, option } of list) {
        const text = cells[index];
        if (isBlank(text)) continue;
        const marked = readText(xBoolean, text, st.ctx);
        // Any mark but an explicit no counts (people write x, X, 1, oui, ✓).
        if ('value' in marked && marked.value === false) continue;
        set.push(option);
      }
      if (set.length) store(field, set, st);
      else st.out.empty.push(key);
    });
  }

  const importTags = input.tags?.length ? input.tags : null;
  // One reading context for every row (readers only read it); the row's country is set on it per row.
  const ctx: ReadContext = { ...input.options, rowCountry: null };

  return (source: SourceRow): MapResult => {
    const row = input.fromExport && !source.error ? { ...source, cells: source.cells.map(restoreCell) } : source;
    if (row.error) return failedRow(row, 'parse_error', { message: row.error });
    const out: PreparedContact = { line: row.line, match: '', values: {}, attributes: {}, empty: [] };
    ctx.rowCountry = null;
    const st: RowState = { out, warnings: [], notes: [], newOptions: [], keyProblem: null, ctx };
    for (const lit of literals) lit(row.cells, st);
    for (const step of countrySteps) step(row.cells, st);
    st.ctx.rowCountry = (out.values.country as string | undefined) ?? null;
    for (const step of steps) step(row.cells, st);
    if (st.keyProblem) return { ok: false, failed: { ...st.keyProblem, cells: row.cells } };
    const key = out.values[uniqueKey] as string | undefined;
    if (!key) return failedRow(row, 'missing_key', { key: uniqueKey }, uniqueKey);
    out.match = key;
    for (const note of row.notes ?? []) {
      st.warnings.push({ line: row.line, level: 'warning', column: null, code: note.code, params: note.params, cells: [] });
    }
    if (st.warnings.length) {
      for (const w of st.warnings) w.cells = row.cells;
      out.warnings = st.warnings;
    }
    if (input.keepCells || st.warnings.length) out.cellsJson = JSON.stringify(row.cells);
    if (importTags) out.tags = Array.from(new Set([...(out.tags ?? []), ...importTags]));
    if (input.fold) {
      const { folded, search } = foldContact(out.values, out.attributes, input.fold);
      out.foldedJson = JSON.stringify(folded);
      out.search = search;
    }
    const result: MapResult = { ok: true, contact: out };
    if (st.newOptions.length) result.newOptions = st.newOptions;
    if (st.notes.length) result.notes = st.notes;
    return result;
  };
};

/** A mapping's own words for an opt-in column ({ "Y": "yes" }), checked at compile time. */
const normalizeWords = (field: FieldDefinition, values: Record<string, string>): ReadContext['optInWords'] => {
  if (field.reader !== 'optIn') throw new MappingError(`Only an opt-in column can translate its values (not ${field.label})`);
  const out: NonNullable<ReadContext['optInWords']> = {};
  for (const [word, value] of Object.entries(values)) {
    if (!(field.options ?? []).includes(value)) throw new MappingError(`"${word}" must translate to one of ${(field.options ?? []).join(', ')} (not "${value}")`);
    out[word] = value as 'yes';
  }
  return out;
};
