import { BUILT_IN_FIELDS, EMAIL_STATUSES, MOBILE_STATUSES, OPT_IN_VALUES, type UniqueKey } from '../constants';
import type { FieldDefinition } from '../fields/validate-value';
import { isValidEmail, normalizeEmail, toE164 } from '../fields/normalize';
import { coerceCell, readBoolean, splitList, type CoerceOptions } from './coerce';
import type { ColumnRef, FailedRow, MappingEntry, PreparedContact, SourceRow } from './types';

/** Mapping targets that are not stored fields but act on built-in columns. */
export const PSEUDO_FIELDS = {
  doNotContact: { key: 'doNotContact', label: 'Do not contact', type: 'boolean' as const },
};

const BUILT_IN_KEYS = new Set(BUILT_IN_FIELDS.map((f) => f.key));

const OPT_IN_WORDS: Record<string, (typeof OPT_IN_VALUES)[number]> = {
  yes: 'yes', oui: 'yes', true: 'yes', '1': 'yes', x: 'yes', 'opt-in': 'yes', optin: 'yes', subscribed: 'yes', abonne: 'yes', inscrit: 'yes',
  no: 'no', non: 'no', false: 'no', '0': 'no', 'opt-out': 'no', optout: 'no', unsubscribed: 'no', desabonne: 'no', desinscrit: 'no',
  orange: 'orange', 'liste orange': 'orange',
  blocklist: 'blocklist', blacklist: 'blocklist', blocked: 'blocklist', 'liste noire': 'blocklist', bloque: 'blocklist', 'liste rouge': 'blocklist',
};

const fold = (s: string) => s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

export interface MapperInput {
  columns: string[];
  hasHeader: boolean;
  mapping: MappingEntry[];
  /** Built-in and custom fields (custom fields created by the mapping included). */
  fields: FieldDefinition[];
  uniqueKey: UniqueKey;
  options: CoerceOptions;
  /** Tags added to every row by the import options. */
  tags?: string[];
  /** Keep the original cells on prepared rows (when the write stage may still fail them). */
  keepCells?: boolean;
}

/** A problem with one cell (index = 0-based column; absent for row-level problems). */
export interface CellProblem {
  index?: number;
  field?: string;
  reason: string;
}

export type MapResult =
  | { ok: true; contact: PreparedContact; newOptions?: Array<[string, string]> }
  | { ok: false; failed: FailedRow; problems: CellProblem[] };

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

type Step = (cells: string[], out: PreparedContact, newOptions: Array<[string, string]>) => CellProblem | null;

/**
 * Compiles the mapping once into per-column steps, so mapping a row is a
 * loop of small closures (this runs a million times in the worker).
 */
export const createRowMapper = (input: MapperInput) => {
  const { columns, hasHeader, mapping, uniqueKey, options } = input;
  const fields = new Map<string, FieldDefinition>(input.fields.map((f) => [f.key, f]));
  const steps: Step[] = [];
  const literals: Array<(out: PreparedContact, newOptions: Array<[string, string]>) => void> = [];
  const optionColumns = new Map<string, Array<{ index: number; option: string }>>();
  let keyMapped = false;

  const fieldOf = (key: string): FieldDefinition => {
    if (key === 'doNotContact') return PSEUDO_FIELDS.doNotContact;
    const field = fields.get(key);
    if (!field) throw new MappingError(`Unknown field "${key}"`);
    return field;
  };

  /** Applies a non-empty cell text to the prepared contact; returns a failure reason or null. */
  const assign = (field: FieldDefinition, text: string, out: PreparedContact, newOptions: Array<[string, string]>): string | null => {
    const key = field.key;
    if (key === 'email') {
      const email = normalizeEmail(text);
      if (!email || !isValidEmail(email)) return `invalid_email: "${text.trim()}" is not a valid e-mail address`;
      out.values.email = email;
      return null;
    }
    if (key === 'mobile') {
      const mobile = toE164(text, options.defaultCountry);
      if (!mobile) {
        if (uniqueKey === 'mobile') return `invalid_mobile: "${text.trim()}" is not a valid phone number`;
        out.values.mobileStatus = 'bad_format';
        return null;
      }
      out.values.mobile = mobile;
      return null;
    }
    if (key === 'emailOptIn' || key === 'smsOptIn') {
      const value = OPT_IN_WORDS[fold(text)];
      if (!value) return `${field.label}: "${text.trim()}" is not an opt-in value (${OPT_IN_VALUES.join(', ')}, oui, non)`;
      out.values[key] = value;
      return null;
    }
    if (key === 'emailStatus' || key === 'mobileStatus') {
      const allowed: readonly string[] = key === 'emailStatus' ? EMAIL_STATUSES : MOBILE_STATUSES;
      const value = fold(text).replace(/[\s-]+/g, '_');
      if (!allowed.includes(value)) return `${field.label}: "${text.trim()}" is not one of ${allowed.join(', ')}`;
      out.values[key] = value;
      return null;
    }
    if (key === 'tags') {
      out.tags = Array.from(new Set([...(out.tags ?? []), ...splitList(text)]));
      return null;
    }
    if (key === 'doNotContact') {
      const b = readBoolean(text);
      if (b === null) return `Do not contact: "${text.trim()}" is not a yes/no value`;
      if (b) {
        out.values.emailOptIn = 'no';
        out.values.smsOptIn = 'no';
      }
      return null;
    }
    if (BUILT_IN_KEYS.has(key) && field.type === 'integer') {
      const result = coerceCell(field, text, options);
      if ('reason' in result) return result.reason;
      out.values[key] = result.value;
      return null;
    }
    if (BUILT_IN_KEYS.has(key)) {
      const value = text.trim();
      if (value.length > 255) return `${field.label} is longer than 255 characters`;
      out.values[key] = value;
      return null;
    }
    const result = coerceCell(field, text, options);
    if ('reason' in result) return result.reason;
    out.attributes[key] = result.value;
    if (field.type === 'select' || field.type === 'multiselect') {
      const known = field.options ?? [];
      const values = Array.isArray(result.value) ? (result.value as string[]) : [result.value as string];
      for (const v of values) if (!known.includes(v)) newOptions.push([key, v]);
    }
    return null;
  };

  for (const entry of mapping) {
    if ('ignore' in entry) continue;
    if ('newField' in entry) throw new MappingError('New fields must be created before the mapping is compiled');
    if ('literal' in entry) {
      const field = fieldOf(entry.field);
      const text = entry.literal === null || entry.literal === undefined ? '' : String(entry.literal);
      if (text.trim() === '') continue;
      const probe: PreparedContact = { line: 0, key: '', values: {}, attributes: {}, empty: [] };
      const reason = assign(field, text, probe, []);
      if (reason) throw new MappingError(`Literal value for ${field.label} is not valid: ${reason}`);
      literals.push((out, newOptions) => {
        assign(field, text, out, newOptions);
      });
      if (field.key === uniqueKey) keyMapped = true;
      continue;
    }
    const index = resolveColumn(columns, hasHeader, entry.column);
    const field = fieldOf(entry.field);
    if ('option' in entry && entry.option !== undefined) {
      if (field.type !== 'multiselect') throw new MappingError(`Column "${entry.column}" sets an option, but ${field.label} is not a multiselect field`);
      if (!field.allowUnknownValues && !(field.options ?? []).includes(entry.option)) {
        throw new MappingError(`"${entry.option}" is not an option of ${field.label} (${(field.options ?? []).join(', ')})`);
      }
      const list = optionColumns.get(field.key) ?? [];
      list.push({ index, option: entry.option });
      optionColumns.set(field.key, list);
      continue;
    }
    if (field.key === uniqueKey) keyMapped = true;
    const attr = field.key;
    steps.push((cells, out, newOptions) => {
      const text = cells[index];
      if (text === undefined || text.trim() === '') {
        out.empty.push(attr);
        return null;
      }
      const reason = assign(field, text, out, newOptions);
      return reason ? { index, field: attr, reason } : null;
    });
  }

  if (!keyMapped) {
    throw new MappingError(
      uniqueKey === 'email'
        ? 'No column is mapped to the e-mail field, which is the unique key of this import: map the e-mail column (or choose mobile as the unique key)'
        : 'No column is mapped to the mobile field, which is the unique key of this import: map the mobile column'
    );
  }

  // X columns: each marked cell adds its option; the row's set replaces the field value.
  for (const [key, list] of optionColumns) {
    const field = fields.get(key)!;
    steps.push((cells, out, newOptions) => {
      const set: string[] = [];
      for (const { index, option } of list) {
        const text = cells[index];
        if (text === undefined || text.trim() === '' || readBoolean(text) === false) continue;
        set.push(option);
        if (!(field.options ?? []).includes(option)) newOptions.push([key, option]);
      }
      if (set.length) out.attributes[key] = set;
      else out.empty.push(key);
      return null;
    });
  }

  const importTags = input.tags?.length ? input.tags : null;

  const failure = (row: SourceRow, problems: CellProblem[]): MapResult => ({
    ok: false,
    failed: { line: row.line, reason: problems.map((p) => p.reason).join('; '), cells: row.cells },
    problems,
  });

  return (row: SourceRow): MapResult => {
    if (row.error) return failure(row, [{ reason: `parse_error: ${row.error}` }]);
    const out: PreparedContact = { line: row.line, key: '', values: {}, attributes: {}, empty: [] };
    const newOptions: Array<[string, string]> = [];
    for (const lit of literals) lit(out, newOptions);
    const problems: CellProblem[] = [];
    for (const step of steps) {
      const problem = step(row.cells, out, newOptions);
      if (problem) problems.push(problem);
    }
    if (problems.length) return failure(row, problems);
    const key = out.values[uniqueKey] as string | undefined;
    if (!key) {
      const reason = uniqueKey === 'email' ? 'missing_email: the e-mail cell is empty' : 'missing_mobile: the mobile cell is empty';
      return failure(row, [{ field: uniqueKey, reason }]);
    }
    out.key = key;
    if (input.keepCells) out.cells = row.cells;
    if (importTags) out.tags = Array.from(new Set([...(out.tags ?? []), ...importTags]));
    return newOptions.length ? { ok: true, contact: out, newOptions } : { ok: true, contact: out };
  };
};
