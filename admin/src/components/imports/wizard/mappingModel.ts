import type { FieldType, OptIn } from '../../../../../shared/constants';
import type { Detected, MappingEntry } from '../../../../../shared/imports';

/** What one source column does, as the mapping table edits it. */
export type ColumnChoice =
  | { kind: 'ignore' }
  /** `values`: an opt-in column's own words ({ "Y": "yes" }). */
  | { kind: 'field'; field: string; option?: string; values?: Record<string, OptIn> }
  | { kind: 'new'; key: string; label: string; type: FieldType };

/** A value written on every row ({field, literal}). */
export interface LiteralRow {
  id: number;
  field: string;
  value: string;
}

export const NEW_FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;

const columnIndex = (entry: { column: string | number }, detected: Detected) => {
  if (typeof entry.column === 'number') return entry.column;
  if (!detected.hasHeader && /^\d+$/.test(entry.column)) return Number(entry.column);
  return detected.columns.indexOf(entry.column);
};

/** One choice per column (ignore when the mapping says nothing about it) and the literal rows. */
export const fromMapping = (mapping: MappingEntry[], detected: Detected) => {
  const choices: ColumnChoice[] = detected.columns.map(() => ({ kind: 'ignore' }));
  const literals: LiteralRow[] = [];
  mapping.forEach((entry, n) => {
    if ('literal' in entry) {
      literals.push({
        id: n,
        field: entry.field,
        value: entry.literal === null || entry.literal === undefined ? '' : String(entry.literal),
      });
      return;
    }
    const i = columnIndex(entry, detected);
    if (i < 0 || i >= choices.length) return;
    if ('ignore' in entry) choices[i] = { kind: 'ignore' };
    else if ('newField' in entry)
      choices[i] = { kind: 'new', key: entry.newField.key, label: entry.newField.label, type: entry.newField.type };
    else
      choices[i] =
        entry.option !== undefined
          ? { kind: 'field', field: entry.field, option: entry.option }
          : entry.values && Object.keys(entry.values).length
            ? { kind: 'field', field: entry.field, values: entry.values }
            : { kind: 'field', field: entry.field };
  });
  return { choices, literals };
};

export const toMapping = (choices: ColumnChoice[], literals: LiteralRow[], detected: Detected): MappingEntry[] => {
  const ref = (i: number) => (detected.hasHeader ? detected.columns[i] : i);
  const entries: MappingEntry[] = choices.map((choice, i) => {
    if (choice.kind === 'ignore') return { column: ref(i), ignore: true };
    if (choice.kind === 'new')
      return { column: ref(i), newField: { key: choice.key.trim(), label: choice.label.trim(), type: choice.type } };
    if (choice.option !== undefined) return { column: ref(i), field: choice.field, option: choice.option };
    return choice.values && Object.keys(choice.values).length
      ? { column: ref(i), field: choice.field, values: choice.values }
      : { column: ref(i), field: choice.field };
  });
  for (const l of literals) if (l.field && l.value.trim() !== '') entries.push({ field: l.field, literal: l.value });
  return entries;
};

export const sameChoice = (a: ColumnChoice | undefined, b: ColumnChoice | undefined) => JSON.stringify(a) === JSON.stringify(b);

/** "Centre d'intérêt" → "centreDInteret": a key the server accepts, from a header. */
export const keyFromHeader = (header: string) => {
  const words = header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0].toUpperCase() + w.slice(1).toLowerCase())).join('');
  return (/^[A-Za-z]/.test(key) ? key : `field${key}`).slice(0, 63) || 'field';
};

/** The distinct non-empty values of a column in the sample, in order of appearance. */
export const distinctSampleValues = (detected: Detected, i: number) => [
  ...new Set(detected.sample.map((row) => (row[i] ?? '').trim()).filter((v) => v !== '')),
];

/** Opt-in fields: their columns may bring their own words for yes / no. */
export const OPT_IN_KEYS = new Set(['emailOptIn', 'smsOptIn']);

/** Up to three non-empty sample values of a column. */
export const sampleValues = (detected: Detected, i: number) =>
  detected.sample
    .map((row) => (row[i] ?? '').trim())
    .filter((v) => v !== '')
    .slice(0, 3);
