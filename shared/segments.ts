import type { FieldType } from './constants';
import type { FieldDefinition } from './fields';

/**
 * Segment criteria, declared once: the compiler (server), the builder
 * (admin) and the tests read these lists.
 *
 *   { "match": "all" | "any", "conditions": [ … ] }
 *   condition: { "field", "operator", "value"? }
 *            | { "inSegment": documentId, "not"?: true }
 *            | { "inImport": documentId, "not"?: true }
 *            | a nested group
 */
export type Match = 'all' | 'any';

export interface FieldCondition {
  field: string;
  operator: Operator;
  value?: unknown;
}
export interface SegmentCondition {
  inSegment: string;
  not?: boolean;
}
export interface ImportCondition {
  inImport: string;
  not?: boolean;
}
/** The quick search as a condition: what the contacts list's search box finds for this text. */
export interface SearchCondition {
  search: string;
}
export interface CriteriaGroup {
  match: Match;
  conditions: Condition[];
}
export type Condition = FieldCondition | SegmentCondition | ImportCondition | SearchCondition | CriteriaGroup;
export type Criteria = CriteriaGroup;

/** How a field compares, whatever its storage (a column, a key of `attributes`). */
export type OperatorKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean' | 'select' | 'multiselect';

export const OPERATORS_BY_KIND = {
  text: ['eq', 'neq', 'startsWith', 'notStartsWith', 'endsWith', 'notEndsWith', 'contains', 'notContains', 'empty', 'notEmpty'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'empty', 'notEmpty'],
  date: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'before', 'after', 'inLastDays', 'notInLastDays', 'inNextDays', 'empty', 'notEmpty'],
  datetime: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'before', 'after', 'inLastDays', 'notInLastDays', 'inNextDays', 'empty', 'notEmpty'],
  boolean: ['isTrue', 'isFalse', 'empty'],
  select: ['in', 'notIn', 'empty', 'notEmpty'],
  multiselect: ['in', 'notIn', 'empty', 'notEmpty'],
} as const satisfies Record<OperatorKind, readonly string[]>;

export type Operator = (typeof OPERATORS_BY_KIND)[OperatorKind][number];

/** Every operator once (the DESIGN's list and the relative-date ones). */
export const SEGMENT_OPERATORS: readonly Operator[] = Array.from(new Set(Object.values(OPERATORS_BY_KIND).flat())) as Operator[];

/** Operators without a value. */
export const VALUELESS: ReadonlySet<string> = new Set(['empty', 'notEmpty', 'isTrue', 'isFalse']);
/** Operators whose value is a whole number of days, relative to the refresh time (never frozen to a date). */
export const RELATIVE_DAYS: ReadonlySet<string> = new Set(['inLastDays', 'notInLastDays', 'inNextDays']);

/**
 * Sendethic's rule for "is not" and friends: on a list field they match only
 * contacts that have a value; on text, number and date fields they also
 * match contacts whose field is empty.
 */
export const NEGATIVE: ReadonlySet<string> = new Set(['neq', 'notStartsWith', 'notEndsWith', 'notContains', 'notIn', 'notInLastDays']);
export const MATCHES_EMPTY = (kind: OperatorKind, operator: string) =>
  NEGATIVE.has(operator) && kind !== 'select' && kind !== 'multiselect';

/** The comparison kind of a field type. */
export const kindOfType = (type: FieldType): OperatorKind => {
  switch (type) {
    case 'integer':
    case 'decimal':
      return 'number';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    case 'boolean':
      return 'boolean';
    case 'select':
      return 'select';
    case 'multiselect':
      return 'multiselect';
    default:
      return 'text';
  }
};

/** The comparison kind of a contact field: opt-ins, statuses and countries are lists of codes; tags a multi-valued list. */
export const criteriaKindOf = (f: Pick<FieldDefinition, 'type' | 'reader'>): OperatorKind => {
  if (f.reader === 'optIn' || f.reader === 'status' || f.reader === 'country') return 'select';
  if (f.reader === 'tags') return 'multiselect';
  return kindOfType(f.type);
};

/** Contact fields that are Strapi's own, usable in criteria like the built-in fields. */
export const SYSTEM_CRITERIA_FIELDS = [
  { key: 'createdAt', label: 'Added on', kind: 'datetime' as const },
  { key: 'updatedAt', label: 'Modified on', kind: 'datetime' as const },
];

/** A contact is active when it showed activity (content API, imports) within `activityDays` (plugin option, default 180). */
export const ACTIVITY_FIELD = 'lastActivityAt';

/** The 11 default segments (Sendethic's), seeded once, marked builtIn; `activityDays` is filled in at seed time. */
export const DEFAULT_SEGMENTS = (activityDays: number): Array<{ key: string; name: string; criteria: Criteria }> => {
  const all = (...conditions: Condition[]): Criteria => ({ match: 'all', conditions });
  const f = (field: string, operator: Operator, value?: unknown): FieldCondition => (value === undefined ? { field, operator } : { field, operator, value });
  return [
    { key: 'all', name: 'All contacts', criteria: all() },
    { key: 'active', name: 'Active contacts', criteria: all(f(ACTIVITY_FIELD, 'inLastDays', activityDays)) },
    { key: 'inactive', name: 'Inactive contacts', criteria: all(f(ACTIVITY_FIELD, 'notInLastDays', activityDays)) },
    { key: 'emailing', name: 'All e-mailing contacts', criteria: all(f('email', 'notEmpty')) },
    { key: 'email-subscribers', name: 'E-mail subscribers', criteria: all(f('email', 'notEmpty'), f('emailOptIn', 'in', ['yes'])) },
    { key: 'email-unsubscribed', name: 'E-mail unsubscribed', criteria: all(f('email', 'notEmpty'), f('emailOptIn', 'in', ['no', 'blocklist'])) },
    { key: 'bad-emails', name: 'Bad e-mail addresses (NPAI)', criteria: all(f('email', 'notEmpty'), f('emailStatus', 'in', ['bad_alias', 'bad_domain', 'bad_syntax'])) },
    { key: 'sms', name: 'All SMS contacts', criteria: all(f('mobile', 'notEmpty')) },
    { key: 'sms-subscribers', name: 'SMS subscribers', criteria: all(f('mobile', 'notEmpty'), f('smsOptIn', 'in', ['yes'])) },
    { key: 'sms-unsubscribed', name: 'SMS unsubscribed', criteria: all(f('mobile', 'notEmpty'), f('smsOptIn', 'in', ['no', 'blocklist'])) },
    { key: 'bad-mobiles', name: 'Bad SMS numbers', criteria: all(f('mobile', 'notEmpty'), f('mobileStatus', 'in', ['number_error', 'bad_number', 'bad_format'])) },
  ];
};

/** Nesting depth and size a criteria object may have (the compiler turns it into one SQL statement). */
export const CRITERIA_MAX_DEPTH = 6;
export const CRITERIA_MAX_CONDITIONS = 200;
