import {
  CRITERIA_MAX_CONDITIONS,
  CRITERIA_MAX_DEPTH,
  MATCHES_EMPTY,
  OPERATORS_BY_KIND,
  RELATIVE_DAYS,
  VALUELESS,
  type Condition,
  type Criteria,
  type FieldCondition,
} from '../constants';
import type { CriteriaSql, Sql } from '../database/dialect';
import { fold } from '../fields/fold';
import { isFolded, type CriteriaField } from './fields';
import { QUICK_SEARCH_MAX } from './quick-search';

/** A criteria problem, with the path of the bad condition (`conditions.2.conditions.0.operator`). */
export class CriteriaError extends Error {
  constructor(readonly path: string, readonly detail: string) {
    super(`${path ? `${path}: ` : ''}${detail}`);
  }
}

export interface CompileContext {
  sql: CriteriaSql;
  /** Quoted column of the contacts table under the query's alias (`"c"."email"`). */
  column: (name: string) => string;
  /** Quoted id column of the contacts alias. */
  id: string;
  fields: Map<string, CriteriaField>;
  /** Columns holding the folded copies and the custom values. */
  foldedColumn: string;
  attributesColumn: string;
  /** documentId → row id of the segments and imports criteria may name. */
  segmentIds: Map<string, number>;
  importIds: Map<string, number>;
  /** Membership and history tables, quoted. */
  links: { table: string; contact: string; segment: string };
  history: { table: string; contact: string; import: string };
  /** Binding of an instant for a built-in datetime column (SQLite: epoch ms). */
  timestamp: (date: Date) => unknown;
  /** The refresh (or preview) time: relative dates are relative to it. */
  now: Date;
  /** The quick search of this text over the alias (quick-search.ts). */
  quickSearch: (text: string) => Sql;
}

const DAY = 86_400_000;
const TRUE: Sql = { sql: '(1 = 1)', bindings: [] };
const FALSE: Sql = { sql: '(1 = 0)', bindings: [] };

const and = (parts: Sql[]): Sql => (parts.length ? { sql: `(${parts.map((p) => p.sql).join(' AND ')})`, bindings: parts.flatMap((p) => p.bindings) } : TRUE);
const or = (parts: Sql[]): Sql => (parts.length ? { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, bindings: parts.flatMap((p) => p.bindings) } : FALSE);
/** NOT that reads an unknown (NULL) as false, so "not X" holds wherever X does not: SQL's NOT NULL is NULL. */
const not = (p: Sql): Sql => ({ sql: `(CASE WHEN ${p.sql} THEN 0 ELSE 1 END = 1)`, bindings: p.bindings });
const raw = (sql: string, ...bindings: unknown[]): Sql => ({ sql, bindings });
const wrap = (value: Sql, op: string, ...bindings: unknown[]): Sql => ({ sql: `(${value.sql} ${op})`, bindings: [...value.bindings, ...bindings] });

/** `!`-escaped LIKE pattern (see CriteriaSql.like). */
const likeEscape = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

const isGroup = (c: Condition): c is Criteria => typeof c === 'object' && c !== null && 'conditions' in c;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (s: string) => ISO_DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Criteria → one SQL boolean expression over the contacts alias, the same
 * answer on SQLite, Postgres and MySQL: text on folded copies, JSON read by
 * type (a value of another type is empty, never an error), a segment read
 * from its stored membership (never re-inlined), an import from the history
 * table. Every problem throws a CriteriaError naming the condition's path.
 */
export const compileCriteria = (criteria: unknown, ctx: CompileContext): Sql => {
  let count = 0;

  const group = (g: unknown, path: string, depth: number): Sql => {
    const at = (p: string) => (path ? `${path}.${p}` : p);
    if (!isObject(g)) throw new CriteriaError(path, 'a group must be an object { "match": "all" | "any", "conditions": [...] }');
    if (depth > CRITERIA_MAX_DEPTH) throw new CriteriaError(path, `groups nest at most ${CRITERIA_MAX_DEPTH} levels deep`);
    const extra = Object.keys(g).filter((k) => k !== 'match' && k !== 'conditions');
    if (extra.length) throw new CriteriaError(at(extra[0]), 'unknown property of a group (a group has match and conditions)');
    if (g.match !== 'all' && g.match !== 'any') throw new CriteriaError(at('match'), 'match must be "all" or "any"');
    if (!Array.isArray(g.conditions)) throw new CriteriaError(at('conditions'), 'conditions must be a list');
    const parts = g.conditions.map((c, i) => condition(c, at(`conditions.${i}`), depth));
    return g.match === 'all' ? and(parts) : or(parts);
  };

  const condition = (c: unknown, path: string, depth: number): Sql => {
    count += 1;
    if (count > CRITERIA_MAX_CONDITIONS) throw new CriteriaError(path, `criteria hold at most ${CRITERIA_MAX_CONDITIONS} conditions`);
    if (!isObject(c)) throw new CriteriaError(path, 'a condition must be an object');
    if (isGroup(c as unknown as Condition)) return group(c, path, depth + 1);
    if ('inSegment' in c) return membership(c, path, 'inSegment');
    if ('inImport' in c) return membership(c, path, 'inImport');
    if ('search' in c) return search(c, path);
    if ('field' in c) return fieldCondition(c as unknown as FieldCondition, path);
    throw new CriteriaError(path, 'a condition is { field, operator, value }, { inSegment }, { inImport }, { search } or a nested group');
  };

  const search = (c: Record<string, unknown>, path: string): Sql => {
    const extra = Object.keys(c).filter((k) => k !== 'search');
    if (extra.length) throw new CriteriaError(`${path}.${extra[0]}`, 'unknown property of a search condition');
    const text = typeof c.search === 'string' ? c.search.trim() : '';
    if (!text || text.length > QUICK_SEARCH_MAX) throw new CriteriaError(`${path}.search`, `search must be a text of 1 to ${QUICK_SEARCH_MAX} characters`);
    return ctx.quickSearch(text);
  };

  const membership = (c: Record<string, unknown>, path: string, kind: 'inSegment' | 'inImport'): Sql => {
    const extra = Object.keys(c).filter((k) => k !== kind && k !== 'not');
    if (extra.length) throw new CriteriaError(`${path}.${extra[0]}`, `unknown property of an ${kind} condition`);
    if (c.not !== undefined && typeof c.not !== 'boolean') throw new CriteriaError(`${path}.not`, 'not must be true or false');
    const documentId = c[kind];
    const ids = kind === 'inSegment' ? ctx.segmentIds : ctx.importIds;
    const id = typeof documentId === 'string' ? ids.get(documentId) : undefined;
    if (id === undefined) throw new CriteriaError(`${path}.${kind}`, `no ${kind === 'inSegment' ? 'segment' : 'import'} has the id ${JSON.stringify(documentId)}`);
    const exists =
      kind === 'inSegment'
        ? raw(`EXISTS (SELECT 1 FROM ${ctx.links.table} l WHERE l.${ctx.links.contact} = ${ctx.id} AND l.${ctx.links.segment} = ?)`, id)
        : raw(`EXISTS (SELECT 1 FROM ${ctx.history.table} h WHERE h.${ctx.history.contact} = ${ctx.id} AND h.${ctx.history.import} = ?)`, id);
    return c.not ? not(exists) : exists;
  };

  const fieldCondition = (c: FieldCondition, path: string): Sql => {
    const extra = Object.keys(c).filter((k) => k !== 'field' && k !== 'operator' && k !== 'value');
    if (extra.length) throw new CriteriaError(`${path}.${extra[0]}`, 'unknown property of a condition (field, operator, value)');
    const field = typeof c.field === 'string' ? ctx.fields.get(c.field) : undefined;
    if (!field) throw new CriteriaError(`${path}.field`, `unknown field ${JSON.stringify(c.field)}`);
    const allowed = OPERATORS_BY_KIND[field.kind] as readonly string[];
    if (typeof c.operator !== 'string' || !allowed.includes(c.operator)) {
      throw new CriteriaError(`${path}.operator`, `${JSON.stringify(c.operator)} does not apply to ${field.label} (${field.kind}); use one of: ${allowed.join(', ')}`);
    }
    const op = c.operator;
    const valuePath = `${path}.value`;
    if (VALUELESS.has(op)) {
      if (c.value !== undefined && c.value !== null) throw new CriteriaError(valuePath, `${op} takes no value`);
    } else if (c.value === undefined || c.value === null) {
      throw new CriteriaError(valuePath, `${op} needs a value`);
    }
    const present = presentOf(field);
    const expr = compare(field, op, c.value, valuePath);
    // Sendethic's rule: a "not" on text, numbers and dates also matches the empty ones; on lists it does not.
    if (MATCHES_EMPTY(field.kind, op)) return or([not(present), expr]);
    return expr;
  };

  /** The field holds a value (per kind: a non-empty text, a number, a non-empty list…). */
  const presentOf = (f: CriteriaField): Sql => {
    const s = ctx.sql;
    if (f.kind === 'multiselect') {
      return 'column' in f.storage ? s.jsonArrayNotEmpty(ctx.column(f.storage.column), null) : s.jsonArrayNotEmpty(ctx.attributesColumn, f.storage.attribute);
    }
    if (f.kind === 'boolean') return or([s.jsonIs(ctx.attributesColumn, keyOf(f), true), s.jsonIs(ctx.attributesColumn, keyOf(f), false)]);
    if (f.kind === 'text') return wrap(s.jsonText(ctx.foldedColumn, f.key), "<> ''");
    const value = scalar(f);
    if ('column' in f.storage && (f.kind === 'select' || f.kind === 'date')) return { sql: `(${value.sql} IS NOT NULL AND ${value.sql} <> '')`, bindings: [...value.bindings, ...value.bindings] };
    return wrap(value, 'IS NOT NULL');
  };

  const keyOf = (f: CriteriaField) => ('attribute' in f.storage ? f.storage.attribute : f.key);

  /** The comparable scalar of a field: a column, or a typed read of an attribute. */
  const scalar = (f: CriteriaField): Sql => {
    if ('column' in f.storage) return raw(f.kind === 'number' ? ctx.sql.numberColumn(ctx.column(f.storage.column)) : ctx.column(f.storage.column));
    if (f.kind === 'number') return ctx.sql.jsonNumber(ctx.attributesColumn, f.storage.attribute);
    return ctx.sql.jsonText(ctx.attributesColumn, f.storage.attribute);
  };

  const compare = (f: CriteriaField, op: string, value: unknown, path: string): Sql => {
    switch (f.kind) {
      case 'text':
        return text(f, op, value, path);
      case 'number':
        return ordered(f, op, value, path, (v) => numberValue(v, path));
      case 'date':
      case 'datetime':
        return dates(f, op, value, path);
      case 'boolean': {
        if (op === 'empty') return not(presentOf(f));
        return ctx.sql.jsonIs(ctx.attributesColumn, keyOf(f), op === 'isTrue');
      }
      case 'select':
        return select(f, op, value, path);
      case 'multiselect':
        return multi(f, op, value, path);
    }
  };

  const text = (f: CriteriaField, op: string, value: unknown, path: string): Sql => {
    const v = ctx.sql.jsonText(ctx.foldedColumn, f.key);
    if (op === 'empty') return not(presentOf(f));
    if (op === 'notEmpty') return presentOf(f);
    if (typeof value !== 'string' || value.trim() === '') throw new CriteriaError(path, `${op} needs a text`);
    if (value.length > 1000) throw new CriteriaError(path, 'the text is longer than 1,000 characters');
    const needle = fold(value.trim());
    const like = (pattern: string) => wrap(v, ctx.sql.like, pattern);
    // Equality through LIKE too: MySQL's PAD SPACE collations ignore trailing spaces with =, LIKE does not.
    switch (op) {
      case 'eq':
        return like(likeEscape(needle));
      case 'neq':
        return not(like(likeEscape(needle)));
      case 'startsWith':
        return like(`${likeEscape(needle)}%`);
      case 'notStartsWith':
        return not(like(`${likeEscape(needle)}%`));
      case 'endsWith':
        return like(`%${likeEscape(needle)}`);
      case 'notEndsWith':
        return not(like(`%${likeEscape(needle)}`));
      case 'contains':
        return like(`%${likeEscape(needle)}%`);
      case 'notContains':
        return not(like(`%${likeEscape(needle)}%`));
    }
    throw new CriteriaError(path, `unknown operator ${op}`);
  };

  /** eq, neq, gt, gte, lt, lte, between, empty, notEmpty over a comparable value. */
  const ordered = (f: CriteriaField, op: string, value: unknown, path: string, bind: (v: unknown) => unknown): Sql => {
    if (op === 'empty') return not(presentOf(f));
    if (op === 'notEmpty') return presentOf(f);
    const v = scalar(f);
    const cmp = (sym: string, x: unknown) => and([presentOf(f), wrap(v, `${sym} ?`, x)]);
    switch (op) {
      case 'eq':
        return cmp('=', bind(value));
      case 'neq':
        return not(cmp('=', bind(value)));
      case 'gt':
      case 'after':
        return cmp('>', bind(value));
      case 'gte':
        return cmp('>=', bind(value));
      case 'lt':
      case 'before':
        return cmp('<', bind(value));
      case 'lte':
        return cmp('<=', bind(value));
      case 'between': {
        if (!Array.isArray(value) || value.length !== 2) throw new CriteriaError(path, 'between takes a list of two values [from, to]');
        const [a, b] = [bind(value[0]), bind(value[1])];
        return and([cmp('>=', a), wrap(v, '<= ?', b)]);
      }
    }
    throw new CriteriaError(path, `unknown operator ${op}`);
  };

  const numberValue = (v: unknown, path: string) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new CriteriaError(path, `${JSON.stringify(v)} is not a number (send a JSON number)`);
    return v;
  };

  const dates = (f: CriteriaField, op: string, value: unknown, path: string): Sql => {
    const datetime = f.kind === 'datetime';
    // A custom date is 'YYYY-MM-DD', a custom datetime an ISO string in UTC, a built-in one the database's timestamp.
    const bind = (d: Date) => (f.timestampColumn ? ctx.timestamp(d) : datetime ? d.toISOString() : dayOf(d));
    const parse = (v: unknown): Date => {
      const s = typeof v === 'string' ? v.trim() : '';
      if (datetime) {
        const d = ISO_DATE.test(s) ? new Date(`${s}T00:00:00Z`) : new Date(s);
        if (!s || Number.isNaN(d.getTime()) || (ISO_DATE.test(s) && !realDate(s))) throw new CriteriaError(path, `${JSON.stringify(v)} is not a date and time (ISO 8601, e.g. 2026-01-31T14:00:00Z)`);
        return d;
      }
      if (!realDate(s)) throw new CriteriaError(path, `${JSON.stringify(v)} is not a date (YYYY-MM-DD)`);
      return new Date(`${s}T00:00:00Z`);
    };
    if (RELATIVE_DAYS.has(op)) {
      const n = value;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 36_500) throw new CriteriaError(path, `${op} takes a whole number of days (0 to 36500), as a JSON number`);
      const now = ctx.now;
      // Dates compare by day, datetimes by instant: "in the last 30 days" of a date field includes today.
      const from = datetime ? new Date(now.getTime() - n * DAY) : new Date(Date.parse(`${dayOf(now)}T00:00:00Z`) - n * DAY);
      const to = datetime ? new Date(now.getTime() + n * DAY) : new Date(Date.parse(`${dayOf(now)}T00:00:00Z`) + n * DAY);
      const today = datetime ? now : new Date(`${dayOf(now)}T00:00:00Z`);
      const v = scalar(f);
      const within = (a: Date, b: Date) => and([presentOf(f), wrap(v, '>= ?', bind(a)), wrap(v, '<= ?', bind(b))]);
      if (op === 'inLastDays') return within(from, today);
      if (op === 'inNextDays') return within(today, to);
      return not(within(from, today));
    }
    return ordered(f, op, value, path, (v) => bind(parse(v)));
  };

  const list = (f: CriteriaField, value: unknown, path: string): string[] => {
    if (!Array.isArray(value)) throw new CriteriaError(path, 'in/notIn take a list of values, e.g. ["yes"]');
    const values = value;
    if (!values.length || !values.every((v) => typeof v === 'string' && v !== '')) throw new CriteriaError(path, 'in/notIn take a non-empty list of texts');
    if (values.length > 1000) throw new CriteriaError(path, 'in/notIn take at most 1,000 values');
    if (f.options && !f.allowUnknownValues) {
      const unknown = (values as string[]).find((v) => !f.options!.includes(v));
      if (unknown !== undefined) throw new CriteriaError(path, `"${unknown}" is not an option of ${f.label} (${f.options.join(', ')})`);
    }
    return values as string[];
  };

  const select = (f: CriteriaField, op: string, value: unknown, path: string): Sql => {
    if (op === 'empty') return not(presentOf(f));
    if (op === 'notEmpty') return presentOf(f);
    const values = list(f, value, path);
    const inList = wrap(scalar(f), `IN (${values.map(() => '?').join(', ')})`, ...values);
    return op === 'in' ? inList : and([presentOf(f), not(inList)]);
  };

  const multi = (f: CriteriaField, op: string, value: unknown, path: string): Sql => {
    if (op === 'empty') return not(presentOf(f));
    if (op === 'notEmpty') return presentOf(f);
    const values = list(f, value, path);
    const any = 'column' in f.storage ? ctx.sql.jsonArrayHasAny(ctx.column(f.storage.column), null, values) : ctx.sql.jsonArrayHasAny(ctx.attributesColumn, f.storage.attribute, values);
    return op === 'in' ? any : and([presentOf(f), not(any)]);
  };

  return group(criteria, '', 0);
};

/** The inSegment conditions of a criteria tree, with their paths (`conditions.1.conditions.0.inSegment`). */
export const segmentConditions = (criteria: unknown): Array<{ segment: string; path: string }> => {
  const out: Array<{ segment: string; path: string }> = [];
  const walk = (c: unknown, path: string) => {
    if (!isObject(c)) return;
    if (typeof c.inSegment === 'string') out.push({ segment: c.inSegment, path: `${path}.inSegment`.replace(/^\./, '') });
    if (Array.isArray(c.conditions)) c.conditions.forEach((x, i) => walk(x, `${path ? `${path}.` : ''}conditions.${i}`));
  };
  walk(criteria, '');
  return out;
};

/** Segments a criteria tree names (for dependency order and cycle checks). */
export const referencedSegments = (criteria: unknown): string[] => Array.from(new Set(segmentConditions(criteria).map((c) => c.segment)));

/** Imports a criteria tree names. */
export const referencedImports = (criteria: unknown): string[] => {
  const out = new Set<string>();
  const walk = (c: unknown) => {
    if (!isObject(c)) return;
    if (typeof c.inImport === 'string') out.add(c.inImport);
    if (Array.isArray(c.conditions)) c.conditions.forEach(walk);
  };
  walk(criteria);
  return Array.from(out);
};

export { isFolded };
