import type { FieldType } from '../../../../../shared/constants';
import { BUILT_IN_FIELDS, type FieldReader } from '../../../../../shared/fields';
import { kindOfType, SYSTEM_CRITERIA_FIELDS, type OperatorKind } from '../../../../../shared/segments';
import type { ContactField } from '../../../types';

/** A field criteria may name, as the builder offers it. */
export interface CriteriaField {
  key: string;
  label: string;
  kind: OperatorKind;
  group: 'builtIn' | 'system' | 'custom';
  type: FieldType;
  reader?: FieldReader;
  /** Values a select offers; none: free entry (countries, tags, open lists). */
  options: readonly string[];
  /** Values outside `options` are accepted too. */
  openList: boolean;
}

/**
 * How a field compares. The same rule as the compiler's (server/src/segments/fields.ts):
 * opt-ins, statuses and countries are lists of values, tags a list of lists.
 */
const kindOf = (type: FieldType, reader?: FieldReader): OperatorKind => {
  if (reader === 'optIn' || reader === 'status' || reader === 'country') return 'select';
  if (reader === 'tags') return 'multiselect';
  return kindOfType(type);
};

/**
 * Every field of the builder, from the declarations: the built-in fields
 * (shared/fields.ts, with the label a person may have renamed), Strapi's
 * created/updated dates (shared/segments.ts) and the custom fields (GET /fields).
 */
export const criteriaFields = (
  stored: readonly ContactField[],
  labelOf: (f: { key: string; label: string; builtIn?: boolean }) => string,
): CriteriaField[] => {
  const storedLabel = new Map(stored.filter((f) => f.builtIn).map((f) => [f.key, f.label]));
  const builtIn = BUILT_IN_FIELDS.map<CriteriaField>((f) => ({
    key: f.key,
    label: labelOf({ key: f.key, label: storedLabel.get(f.key) ?? f.label, builtIn: true }),
    kind: kindOf(f.type, f.reader),
    group: 'builtIn',
    type: f.type,
    reader: f.reader,
    options: f.reader === 'country' || f.reader === 'tags' ? [] : (f.options ?? []),
    openList: f.reader === 'country' || f.reader === 'tags',
  }));
  const system = SYSTEM_CRITERIA_FIELDS.map<CriteriaField>((f) => ({
    key: f.key,
    label: labelOf({ key: f.key, label: f.label }),
    kind: f.kind,
    group: 'system',
    type: 'datetime',
    options: [],
    openList: false,
  }));
  const custom = stored
    .filter((f) => !f.builtIn)
    .map<CriteriaField>((f) => ({
      key: f.key,
      label: f.label,
      kind: kindOf(f.type),
      group: 'custom',
      type: f.type,
      options: f.options ?? [],
      openList: !!f.allowUnknownValues || !(f.options ?? []).length,
    }));
  return [...builtIn, ...system, ...custom];
};
