import { criteriaKindOf, SYSTEM_CRITERIA_FIELDS, type FieldDefinition, type OperatorKind } from '../constants';
import { OPT_IN_VALUES } from '../constants';

/** Where a criteria field's value lives, and how it compares. */
export interface CriteriaField {
  key: string;
  label: string;
  kind: OperatorKind;
  /** A column of the contacts table, or a key of the `attributes` JSON (custom fields). */
  storage: { column: string } | { attribute: string };
  /** Built-in datetime columns store the database's own timestamps; custom ones ISO strings. */
  timestampColumn?: boolean;
  /** Allowed values of a select (open lists accept any). */
  options?: readonly string[] | null;
  allowUnknownValues?: boolean;
}

/** Text fields are compared on their folded copy (the `folded` JSON column), the same way on every database. */
export const isFolded = (f: CriteriaField) => f.kind === 'text';

const kindOf = criteriaKindOf;

/**
 * Every field criteria may name: the built-in ones (columns), Strapi's
 * createdAt/updatedAt, and the custom ones (keys of `attributes`).
 */
export const criteriaFields = (defs: readonly FieldDefinition[], columns: Record<string, string>, system: { createdAt: string; updatedAt: string }) => {
  const out = new Map<string, CriteriaField>();
  for (const f of defs) {
    const kind = kindOf(f);
    out.set(f.key, {
      key: f.key,
      label: f.label,
      kind,
      storage: f.builtIn ? { column: columns[f.key] } : { attribute: f.key },
      timestampColumn: !!f.builtIn && f.type === 'datetime',
      options: f.reader === 'country' ? null : f.reader === 'optIn' ? OPT_IN_VALUES : f.options ?? null,
      allowUnknownValues: f.reader === 'country' || f.reader === 'tags' || !!f.allowUnknownValues,
    });
  }
  for (const s of SYSTEM_CRITERIA_FIELDS) {
    out.set(s.key, { key: s.key, label: s.label, kind: s.kind, storage: { column: system[s.key as 'createdAt' | 'updatedAt'] }, timestampColumn: true });
  }
  return out;
};

/** Field keys whose text values the `folded` column keeps. */
export const foldedKeys = (defs: readonly FieldDefinition[]) => defs.filter((f) => kindOf(f) === 'text').map((f) => f.key);
