import { exceeds, fold, kindOf, shown, tooLong } from './fold';
import { MULTISELECT_MAX_ITEMS, OPTION_MAX, OPTIONS_SHOWN, TAG_MAX, TAGS_MAX_ITEMS } from './limits';
import { fail, ok, type FieldSpec, type ReadNote, type ReadResult } from './types';

interface OptionIndex {
  exact: Set<string>;
  lower: Map<string, string>;
  folded: Map<string, string | null>;
  status: Map<string, string>;
}

const indexes = new WeakMap<readonly string[], OptionIndex>();

/** Lookup tables of a field's options, built once per options array. */
const indexOf = (options: readonly string[]): OptionIndex => {
  let idx = indexes.get(options);
  if (!idx) {
    idx = { exact: new Set(options), lower: new Map(), folded: new Map(), status: new Map() };
    for (const o of options) {
      const lower = o.toLowerCase();
      if (!idx.lower.has(lower)) idx.lower.set(lower, o);
      const f = fold(o);
      // Two options that differ only by accents: a folded match would be a guess.
      idx.folded.set(f, idx.folded.has(f) && idx.folded.get(f) !== o ? null : o);
      idx.status.set(statusKey(o), o);
    }
    indexes.set(options, idx);
  }
  return idx;
};

const NO_OPTIONS: readonly string[] = [];
const optionsOf = (field: FieldSpec) => field.options ?? NO_OPTIONS;

/** The option a text names (its own spelling): exact, then case-insensitive, then accent-insensitive. */
export const matchOption = (options: readonly string[], text: string): string | null => {
  const idx = indexOf(options);
  if (idx.exact.has(text)) return text;
  return idx.lower.get(text.toLowerCase()) ?? idx.folded.get(fold(text)) ?? null;
};

/** The options as a message lists them (the list is cut after OPTIONS_SHOWN). */
export const optionsParam = (options: readonly string[]): string[] =>
  options.length > OPTIONS_SHOWN ? [...options.slice(0, OPTIONS_SHOWN), `… (${options.length})`] : [...options];

const unknownOption = (field: FieldSpec, value: string | string[]): ReadResult =>
  fail('unknown_option', {
    label: field.label,
    value: Array.isArray(value) ? value.map(shown) : shown(value),
    options: optionsParam(optionsOf(field)),
  });

const newOptionsNote = (field: FieldSpec, values: string[]): ReadNote => ({ code: 'new_options', params: { label: field.label, values } });

// --- select -----------------------------------------------------------------

export const readSelectText = (field: FieldSpec, text: string): ReadResult => {
  const t = text.trim();
  const option = matchOption(optionsOf(field), t);
  if (option !== null) return ok(option);
  if (!field.allowUnknownValues) return unknownOption(field, t);
  return checkSelect(field, t);
};

export const checkSelect = (field: FieldSpec, value: unknown): ReadResult => {
  if (typeof value !== 'string') return fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });
  const options = optionsOf(field);
  if (indexOf(options).exact.has(value)) return ok(value);
  if (!field.allowUnknownValues) return unknownOption(field, value);
  if (value.trim() === '') return fail('empty_value', { label: field.label });
  const max = Math.min(field.maxLength ?? OPTION_MAX, OPTION_MAX);
  if (exceeds(value, max)) return tooLong(field, value, max);
  return ok(value, newOptionsNote(field, [value]));
};

// --- status (emailStatus, mobileStatus) ----------------------------------------

/** "Bad alias", "BAD-ALIAS", "bad_alias" meet. */
const statusKey = (text: string) => fold(text).replace(/[\s-]+/g, '_');

export const readStatusText = (field: FieldSpec, text: string): ReadResult => {
  const options = optionsOf(field);
  const v = indexOf(options).status.get(statusKey(text));
  return v === undefined ? fail('invalid_status', { label: field.label, value: shown(text), options: optionsParam(options) }) : ok(v);
};

export const checkStatus = (field: FieldSpec, value: unknown): ReadResult => {
  if (typeof value !== 'string') return fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });
  const options = optionsOf(field);
  return indexOf(options).exact.has(value)
    ? ok(value)
    : fail('invalid_status', { label: field.label, value: shown(value), options: optionsParam(options) });
};

// --- lists: multiselect and tags ----------------------------------------------

/**
 * A list cell: "a | b | c" or "a, b, c" (tags also "a; b"). When the cell has
 * a pipe, only pipes split it, so options holding commas ("Paris, France")
 * survive in a pipe-separated column.
 */
export const splitList = (text: string, tags = false): string[] => {
  const parts = text.includes('|') ? text.split('|') : text.split(tags ? /[,;]/ : ',');
  const out: string[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    const v = p.trim();
    if (v !== '' && !seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
};

export const readMultiselectText = (field: FieldSpec, text: string): ReadResult => {
  const options = optionsOf(field);
  // A whole cell that names one option ("Paris, France") is that option.
  const whole = matchOption(options, text.trim());
  const items = whole !== null ? [whole] : splitList(text);
  return matchItems(field, items);
};

const matchItems = (field: FieldSpec, items: string[]): ReadResult => {
  if (items.length > MULTISELECT_MAX_ITEMS)
    return fail('too_many_items', { label: field.label, count: items.length, max: MULTISELECT_MAX_ITEMS });
  const options = optionsOf(field);
  const values: string[] = [];
  const unknown: string[] = [];
  for (const item of items) {
    const option = matchOption(options, item);
    if (option !== null) values.push(option);
    else if (field.allowUnknownValues) values.push(item);
    else unknown.push(item);
  }
  if (unknown.length) return unknownOption(field, unknown);
  return checkMultiselect(field, values);
};

export const checkMultiselect = (field: FieldSpec, value: unknown): ReadResult => {
  if (!Array.isArray(value)) return fail('invalid_shape', { label: field.label, expected: 'list', got: kindOf(value) });
  if (value.length > MULTISELECT_MAX_ITEMS)
    return fail('too_many_items', { label: field.label, count: value.length, max: MULTISELECT_MAX_ITEMS });
  const idx = indexOf(optionsOf(field));
  const max = Math.min(field.maxLength ?? OPTION_MAX, OPTION_MAX);
  const out: string[] = [];
  const added: string[] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  for (const v of value) {
    if (typeof v !== 'string') return fail('invalid_shape', { label: field.label, expected: 'list_of_text', got: kindOf(v) });
    if (seen.has(v)) continue;
    seen.add(v);
    if (!idx.exact.has(v)) {
      if (!field.allowUnknownValues) {
        unknown.push(v);
        continue;
      }
      if (v.trim() === '') return fail('empty_value', { label: field.label });
      if (exceeds(v, max)) return tooLong(field, v, max);
      added.push(v);
    }
    out.push(v);
  }
  if (unknown.length) return unknownOption(field, unknown);
  return ok(out, added.length ? newOptionsNote(field, added) : undefined);
};

/** A JSON list's items, trimmed, empty ones left out; numbers taken as their text. */
const listJson = (field: FieldSpec, value: unknown): string[] | ReadResult => {
  if (!Array.isArray(value)) return fail('invalid_shape', { label: field.label, expected: 'list', got: kindOf(value) });
  const items: string[] = [];
  for (const v of value) {
    if (typeof v === 'string') {
      if (v.trim() !== '') items.push(v.trim());
    } else if (typeof v === 'number' && Number.isFinite(v)) items.push(String(v));
    else return fail('invalid_shape', { label: field.label, expected: 'list_of_text', got: kindOf(v) });
  }
  return items;
};

export const readMultiselectJson = (field: FieldSpec, value: unknown): ReadResult => {
  if (typeof value === 'string') return readMultiselectText(field, value);
  const items = listJson(field, value);
  if (!Array.isArray(items)) return items;
  return matchItems(field, Array.from(new Set(items)));
};

// Tags: free words, no option list.

export const readTagsText = (field: FieldSpec, text: string): ReadResult => checkTags(field, splitList(text, true));

export const readTagsJson = (field: FieldSpec, value: unknown): ReadResult => {
  if (typeof value === 'string') return readTagsText(field, value);
  const items = listJson(field, value);
  if (!Array.isArray(items)) return items;
  return checkTags(field, Array.from(new Set(items)));
};

export const checkTags = (field: FieldSpec, value: unknown): ReadResult => {
  if (!Array.isArray(value)) return fail('invalid_shape', { label: field.label, expected: 'list', got: kindOf(value) });
  const max = Math.min(field.maxLength ?? TAG_MAX, TAG_MAX);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of value) {
    if (typeof v !== 'string') return fail('invalid_shape', { label: field.label, expected: 'list_of_text', got: kindOf(v) });
    if (v.trim() === '') return fail('empty_value', { label: field.label });
    if (exceeds(v, max)) return tooLong(field, v, max);
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  if (out.length > TAGS_MAX_ITEMS) return fail('too_many_items', { label: field.label, count: out.length, max: TAGS_MAX_ITEMS });
  return ok(out);
};
