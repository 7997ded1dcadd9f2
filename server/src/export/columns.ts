import {
  ACTIVITY_COLUMN,
  builtInField,
  EXPORT_EXTRA_COLUMNS,
  MAIN_EXPORT_FIELDS,
  X_COLUMN_SEPARATOR,
  type ExportLocale,
  type FieldDefinition,
  type FieldType,
} from '../constants';
import french from '../../../admin/src/translations/fr.json';

/**
 * The columns of one export, resolved when it is created (and stored with
 * it), so a run resumed later writes the same columns under the same header
 * even if fields changed in between.
 */
export interface ExportColumn {
  /** Field key, `createdAt` / `updatedAt`, or `activity`. */
  key: string;
  header: string;
  /** Where the value lives: a contacts column (built-in fields, Strapi's timestamps), a key of `attributes`, or the activity rule. */
  source: 'column' | 'attribute' | 'activity';
  type: FieldType;
  /** A list kept as a JSON column (tags) or attribute (custom multiselects). */
  list?: boolean;
  /** An X column: holds X when the contact's list has this option. */
  option?: string;
  /** The other options of an X-column field are X columns too; values outside the list cannot be shown that way. */
  options?: string[];
}

export interface ColumnChoice {
  headers: 'labels' | 'keys';
  locale: ExportLocale;
  multiselect: 'joined' | 'columns';
}

/** A request the person can fix (unknown or repeated field key): the service answers 400 with it. */
export class ExportSpecError extends Error {}

const EXTRA = new Map(EXPORT_EXTRA_COLUMNS.map((c) => [c.key, c]));
/** French headers are the admin's own words for the fields (`field.<key>`): one translation for both. */
const FRENCH: Readonly<Record<string, string>> = french;

/** The header a column shows: the key, a renamed label, or the label in the admin's language. */
export const headerOf = (key: string, label: string, choice: Pick<ColumnChoice, 'headers' | 'locale'>): string => {
  if (choice.headers === 'keys') return key;
  const declared = builtInField(key)?.label ?? EXTRA.get(key)?.label;
  // A built-in field a person renamed keeps its new name in every language.
  if (declared === undefined || label !== declared) return label;
  return choice.locale === 'fr' ? FRENCH[`field.${key}`] ?? label : label;
};

const keysOf = (spec: 'main' | 'all' | readonly string[], fields: readonly FieldDefinition[]): string[] => {
  if (spec === 'main') return [...MAIN_EXPORT_FIELDS];
  if (spec === 'all') {
    const builtIn = fields.filter((f) => f.builtIn).map((f) => f.key);
    const custom = fields.filter((f) => !f.builtIn).map((f) => f.key);
    return [...builtIn, ...custom, ...EXPORT_EXTRA_COLUMNS.map((c) => c.key)];
  }
  return [...spec];
};

/** "main", "all" or an ordered list of keys → the export's columns; throws ExportSpecError naming a bad key. */
export const resolveColumns = (spec: 'main' | 'all' | readonly string[], fields: readonly FieldDefinition[], choice: ColumnChoice): ExportColumn[] => {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const keys = keysOf(spec, fields);
  if (!keys.length) throw new ExportSpecError('fields: choose at least one field, or "main" / "all"');
  const seen = new Set<string>();
  const out: ExportColumn[] = [];
  for (const key of keys) {
    if (seen.has(key)) throw new ExportSpecError(`fields: "${key}" is listed twice`);
    seen.add(key);
    const extra = EXTRA.get(key);
    if (extra) {
      const source = key === ACTIVITY_COLUMN.key ? 'activity' : 'column';
      out.push({ key, header: headerOf(key, extra.label, choice), source, type: extra.type });
      continue;
    }
    const field = byKey.get(key);
    if (!field) {
      const known = [...fields.map((f) => f.key), ...EXTRA.keys()];
      throw new ExportSpecError(`fields: unknown field "${key}" (fields: ${known.join(', ')}; or "main" / "all")`);
    }
    const header = headerOf(key, field.label, choice);
    const list = field.type === 'multiselect';
    const column: ExportColumn = { key, header, source: field.builtIn ? 'column' : 'attribute', type: field.type, ...(list ? { list: true } : {}) };
    const options = field.options ?? [];
    // Tags have no option list: they stay one cell whatever the choice.
    if (list && choice.multiselect === 'columns' && !field.builtIn && options.length) {
      for (const option of options) out.push({ ...column, header: `${header}${X_COLUMN_SEPARATOR}${option}`, option, options: [...options] });
      continue;
    }
    out.push(column);
  }
  return uniqueHeaders(out);
};

/** Two columns may not share a header (a custom field labelled like a built-in one): the import could not tell them apart. */
const uniqueHeaders = (columns: ExportColumn[]): ExportColumn[] => {
  const count = new Map<string, number>();
  for (const c of columns) count.set(c.header, (count.get(c.header) ?? 0) + 1);
  return columns.map((c) => (count.get(c.header)! > 1 && !c.option ? { ...c, header: `${c.header} (${c.key})` } : c));
};

/** Headers an export of these fields may carry, by field key (labels in both languages and keys): what the import recognises. */
export const knownHeaders = (fields: readonly FieldDefinition[]): Map<string, string> => {
  const out = new Map<string, string>();
  const add = (key: string, label: string) => {
    for (const headers of ['keys', 'labels'] as const) {
      for (const locale of ['en', 'fr'] as const) {
        const h = headerOf(key, label, { headers, locale });
        if (!out.has(h)) out.set(h, key);
      }
    }
    out.set(`${label} (${key})`, key);
  };
  for (const f of fields) add(f.key, f.label);
  for (const c of EXPORT_EXTRA_COLUMNS) add(c.key, c.label);
  return out;
};
