/**
 * An in-memory evaluator of segment criteria, written from the contract
 * (DESIGN "Segments", the semantics the compiler also implements) and not
 * from the compiler: the dialect suite runs both on the same contacts, and a
 * difference is a bug on one side. Nothing here imports server/src.
 */
import { BUILT_IN_FIELDS } from '../../../shared/fields';
import { OPERATORS_BY_KIND, SYSTEM_CRITERIA_FIELDS, VALUELESS, type Condition, type Criteria, type OperatorKind } from '../../../shared/segments';
import type { FieldType } from '../../../shared/constants';

/** A field as criteria see it: its comparison kind and where a contact keeps it. */
export interface CriteriaField {
  key: string;
  kind: OperatorKind;
  /** `column`: a built-in field; `system`: createdAt/updatedAt; `attribute`: a key of the `attributes` JSON. */
  storage: 'column' | 'system' | 'attribute';
  type: FieldType | 'system';
  /** Options of a select or multiselect (the criteria values the builder offers). */
  options?: readonly string[];
}

export interface CustomFieldSpec {
  key: string;
  type: FieldType;
  options?: readonly string[];
}

/**
 * A contact's values: built-in and system fields by key (datetimes as epoch
 * milliseconds, tags as a list) and the custom ones in `attributes` as stored
 * (datetimes there are ISO strings, dates 'YYYY-MM-DD').
 */
export interface ContactValues {
  fields: Record<string, unknown>;
  attributes: Record<string, unknown> | null;
}
export interface EvalContact extends ContactValues {
  id: number;
}

export interface EvalContext {
  now: Date;
  fields: ReadonlyMap<string, CriteriaField>;
  /** Stored membership of each segment (documentId → contact ids). */
  segments: ReadonlyMap<string, ReadonlySet<number>>;
  /** Contacts created or updated by each import (documentId → contact ids). */
  imports: ReadonlyMap<string, ReadonlySet<number>>;
}

/** Criteria the evaluator refuses, with the path of the bad part (the server's 400 names the same). */
export class CriteriaError extends Error {
  constructor(
    message: string,
    readonly path: string
  ) {
    super(`${path}: ${message}`);
  }
}

const DAY_MS = 86_400_000;

/** The kind of a built-in or custom field, from its type and reader. */
export const kindOfField = (f: { type: FieldType; reader?: string }): OperatorKind => {
  if (f.reader === 'optIn' || f.reader === 'status' || f.reader === 'country') return 'select';
  if (f.reader === 'tags') return 'multiselect';
  switch (f.type) {
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

/** Every field criteria may name: the built-in ones, createdAt/updatedAt, then the custom ones. */
export const criteriaFields = (custom: readonly CustomFieldSpec[]): CriteriaField[] => [
  ...BUILT_IN_FIELDS.map((f) => ({
    key: f.key,
    kind: kindOfField(f),
    storage: 'column' as const,
    type: f.type,
    ...(f.options ? { options: f.options } : {}),
  })),
  ...SYSTEM_CRITERIA_FIELDS.map((f) => ({ key: f.key, kind: f.kind, storage: 'system' as const, type: 'system' as const })),
  ...custom.map((f) => ({ key: f.key, kind: kindOfField(f), storage: 'attribute' as const, type: f.type, ...(f.options ? { options: f.options } : {}) })),
];

export const fieldMap = (fields: readonly CriteriaField[]): Map<string, CriteriaField> => new Map(fields.map((f) => [f.key, f]));

// --- values -------------------------------------------------------------------

export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const valueOf = (contact: ContactValues, field: CriteriaField): unknown =>
  field.storage === 'attribute' ? contact.attributes?.[field.key] : contact.fields[field.key];

export const isEmpty = (kind: OperatorKind, v: unknown): boolean => {
  if (v === null || v === undefined) return true;
  if (kind === 'text') return v === '';
  if (kind === 'multiselect') return Array.isArray(v) && v.length === 0;
  return false;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export const isDate = (s: unknown): boolean => {
  if (typeof s !== 'string') return false;
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
};

/** An instant in criteria: an ISO string with a zone, or 'YYYY-MM-DD' (that day's 00:00:00Z). */
export const parseInstant = (s: unknown): number | null => {
  if (typeof s !== 'string') return null;
  if (isDate(s)) return Date.parse(`${s}T00:00:00.000Z`);
  if (!ISO_INSTANT.test(s) || !isDate(s.slice(0, 10))) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : t;
};

/** A stored instant: epoch milliseconds, a Date, or an ISO string (custom datetimes). */
export const instantOf = (v: unknown): number => {
  if (typeof v === 'number') return v;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'string') return Date.parse(v);
  return NaN;
};

export const addDays = (date: string, days: number): string => {
  const m = DATE.exec(date)!;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
};

export const utcDate = (now: Date): string => now.toISOString().slice(0, 10);

// --- checking -----------------------------------------------------------------

const isGroup = (c: unknown): c is Criteria => !!c && typeof c === 'object' && 'match' in (c as object);

const need = (ok: boolean, message: string, path: string) => {
  if (!ok) throw new CriteriaError(message, path);
};

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const wholeDays = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The value an operator needs on a kind, checked (the evaluator refuses what the server must refuse). */
const checkValue = (kind: OperatorKind, op: string, value: unknown, path: string) => {
  if (VALUELESS.has(op)) return;
  const at = `${path}.value`;
  need(value !== undefined && value !== null, 'a value is required', at);
  if (op === 'inLastDays' || op === 'notInLastDays' || op === 'inNextDays') return need(wholeDays(value), 'a whole number of days', at);
  const one = (v: unknown): boolean => {
    switch (kind) {
      case 'text':
        return typeof v === 'string' && v.trim() !== '';
      case 'number':
        return finite(v);
      case 'date':
        return isDate(v);
      case 'datetime':
        return parseInstant(v) !== null;
      default:
        return false;
    }
  };
  if (kind === 'select' || kind === 'multiselect') return need(Array.isArray(value) && value.every((x) => typeof x === 'string'), 'a list of texts', at);
  if (op === 'between') return need(Array.isArray(value) && value.length === 2 && value.every(one), 'a pair of values', at);
  need(one(value), `a ${kind} value`, at);
};

/** Throws a CriteriaError for criteria the contract refuses. */
export const checkCriteria = (criteria: unknown, ctx: Pick<EvalContext, 'fields' | 'segments' | 'imports'>, path = ''): void => {
  const p = (s: string) => (path ? `${path}.${s}` : s);
  need(isGroup(criteria), 'a group { match, conditions }', path || 'match');
  const g = criteria as Criteria;
  need(g.match === 'all' || g.match === 'any', 'match is all or any', p('match'));
  need(Array.isArray(g.conditions), 'conditions is a list', p('conditions'));
  g.conditions.forEach((c: Condition, i: number) => {
    const at = p(`conditions.${i}`);
    need(!!c && typeof c === 'object', 'a condition', at);
    if (isGroup(c)) return checkCriteria(c, ctx, at);
    if ('inSegment' in c) return need(ctx.segments.has(c.inSegment), 'unknown segment', `${at}.inSegment`);
    if ('inImport' in c) return need(ctx.imports.has(c.inImport), 'unknown import', `${at}.inImport`);
    if ('search' in c) throw new Error('the evaluator does not model the quick search');
    const field = ctx.fields.get((c as { field: string }).field);
    need(!!field, 'unknown field', `${at}.field`);
    need((OPERATORS_BY_KIND[field!.kind] as readonly string[]).includes(c.operator), `not an operator of ${field!.kind}`, `${at}.operator`);
    checkValue(field!.kind, c.operator, c.value, at);
  });
};

// --- evaluating ---------------------------------------------------------------

const cmp = <T>(op: string, v: T, x: unknown): boolean => {
  switch (op) {
    case 'eq':
      return v === x;
    case 'gt':
    case 'after':
      return v > (x as T);
    case 'gte':
      return v >= (x as T);
    case 'lt':
    case 'before':
      return v < (x as T);
    case 'lte':
      return v <= (x as T);
    case 'between': {
      const [a, b] = x as [T, T];
      return a <= v && v <= b;
    }
    default:
      throw new Error(`cmp: ${op}`);
  }
};

/** One field condition on one contact (the criteria were checked before). */
export const matchesField = (field: CriteriaField, op: string, x: unknown, raw: unknown, now: Date): boolean => {
  const { kind } = field;
  const empty = isEmpty(kind, raw);
  if (op === 'empty') return empty;
  if (op === 'notEmpty') return !empty;
  switch (kind) {
    case 'text': {
      const needle = fold((x as string).trim());
      const v = empty ? '' : fold(String(raw));
      switch (op) {
        case 'eq':
          return !empty && v === needle;
        case 'neq':
          return empty || v !== needle;
        case 'startsWith':
          return !empty && v.startsWith(needle);
        case 'endsWith':
          return !empty && v.endsWith(needle);
        case 'contains':
          return !empty && v.includes(needle);
        case 'notStartsWith':
          return empty || !v.startsWith(needle);
        case 'notEndsWith':
          return empty || !v.endsWith(needle);
        case 'notContains':
          return empty || !v.includes(needle);
      }
      break;
    }
    case 'number': {
      if (op === 'neq') return empty || Number(raw) !== x;
      return !empty && cmp(op, Number(raw), x);
    }
    case 'date': {
      const v = raw as string;
      const today = utcDate(now);
      switch (op) {
        case 'neq':
          return empty || v !== x;
        case 'inLastDays':
          return !empty && addDays(today, -(x as number)) <= v && v <= today;
        case 'notInLastDays':
          return !(!empty && addDays(today, -(x as number)) <= v && v <= today);
        case 'inNextDays':
          return !empty && today <= v && v <= addDays(today, x as number);
        default:
          return !empty && cmp(op, v, x);
      }
    }
    case 'datetime': {
      const v = empty ? NaN : instantOf(raw);
      const t = now.getTime();
      const inLast = (n: number) => !empty && t - n * DAY_MS <= v && v <= t;
      switch (op) {
        case 'neq':
          return empty || v !== parseInstant(x);
        case 'inLastDays':
          return inLast(x as number);
        case 'notInLastDays':
          return !inLast(x as number);
        case 'inNextDays':
          return !empty && t <= v && v <= t + (x as number) * DAY_MS;
        case 'between':
          return !empty && cmp(op, v, (x as string[]).map(parseInstant));
        default:
          return !empty && cmp(op, v, parseInstant(x));
      }
    }
    case 'boolean':
      if (op === 'isTrue') return raw === true;
      if (op === 'isFalse') return raw === false;
      break;
    case 'select': {
      const list = x as string[];
      if (op === 'in') return !empty && list.includes(raw as string);
      if (op === 'notIn') return !empty && !list.includes(raw as string);
      break;
    }
    case 'multiselect': {
      const list = x as string[];
      const items = empty ? [] : (raw as string[]);
      if (op === 'in') return items.some((i) => list.includes(i));
      if (op === 'notIn') return items.length > 0 && !items.some((i) => list.includes(i));
      break;
    }
  }
  throw new Error(`no rule for ${kind} ${op}`);
};

export const matches = (contact: EvalContact, condition: Condition, ctx: EvalContext): boolean => {
  if (isGroup(condition)) {
    const test = (c: Condition) => matches(contact, c, ctx);
    return condition.match === 'all' ? condition.conditions.every(test) : condition.conditions.some(test);
  }
  if ('inSegment' in condition) return ctx.segments.get(condition.inSegment)!.has(contact.id) !== !!condition.not;
  if ('inImport' in condition) return ctx.imports.get(condition.inImport)!.has(contact.id) !== !!condition.not;
  if ('search' in condition) throw new Error('the evaluator does not model the quick search');
  const field = ctx.fields.get(condition.field)!;
  return matchesField(field, condition.operator, condition.value, valueOf(contact, field), ctx.now);
};

/** Ids of the contacts the criteria select, ascending. Throws a CriteriaError for invalid criteria. */
export const evaluate = (criteria: Criteria, contacts: readonly EvalContact[], ctx: EvalContext): number[] => {
  checkCriteria(criteria, ctx);
  return contacts
    .filter((c) => matches(c, criteria, ctx))
    .map((c) => c.id)
    .sort((a, b) => a - b);
};

/** The field conditions of a criteria tree, with their paths (for coverage counts and for narrowing a disagreement). */
export const leaves = (criteria: Criteria, path = ''): Array<{ path: string; condition: Exclude<Condition, Criteria> }> =>
  criteria.conditions.flatMap((c, i) => {
    const at = `${path ? `${path}.` : ''}conditions.${i}`;
    return isGroup(c) ? leaves(c, at) : [{ path: at, condition: c as Exclude<Condition, Criteria> }];
  });
