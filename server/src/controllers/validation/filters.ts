import { ValidationError } from '../../errors';

/**
 * Strapi's query engine turns many malformed filters into SQL errors or JS
 * exceptions (500), and some only on one database (e.g. `id = 'abc'` on
 * Postgres, `$contains` on a jsonb column). This walks a filters object against
 * the model before it reaches the database and answers 400 naming the problem.
 */

const COMPARE = ['$eq', '$eqi', '$ne', '$nei', '$gt', '$gte', '$lt', '$lte'];
const TEXT = ['$startsWith', '$endsWith', '$startsWithi', '$endsWithi', '$contains', '$notContains', '$containsi', '$notContainsi'];
const PRESENCE = ['$null', '$notNull'];
const LIST = ['$in', '$notIn'];
const OPERATORS = [...COMPARE, ...TEXT, ...PRESENCE, ...LIST, '$between', '$not', '$and', '$or'];

const NUMERIC = ['integer', 'biginteger', 'float', 'decimal', 'increments'];
const DATES = ['date', 'datetime', 'timestamp', 'time'];
const MAX_DEPTH = 6;
const MAX_VALUE_LENGTH = 1000;

type Model = { uid: string; attributes: Record<string, any> };
type GetModel = (uid: string) => Model | undefined;

const fail = (path: string, message: string): never => {
  throw new ValidationError(`filters${path ? `.${path}` : ''}: ${message}`, { path: `filters.${path}`.replace(/\.$/, '') });
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** qs turns long lists into objects keyed '0', '1', ...: accept both shapes. */
const asList = (v: unknown): unknown[] | null => {
  if (Array.isArray(v)) return v;
  if (isPlainObject(v) && Object.keys(v).every((k) => /^\d+$/.test(k))) return Object.values(v);
  return null;
};

const BOOLEAN_LIKE = [true, false, 'true', 'false', '1', '0', 1, 0];

const checkScalar = (attr: any, value: unknown, path: string, op: string) => {
  if (value instanceof Date) return; // GraphQL's DateTime scalar arrives parsed
  if (value === null && (op === '$eq' || op === '$ne')) return;
  if (!['string', 'number', 'boolean'].includes(typeof value)) fail(path, `${op} needs a single value, not ${Array.isArray(value) ? 'a list' : typeof value}`);
  if (typeof value === 'string' && value.length > MAX_VALUE_LENGTH) fail(path, `value is longer than ${MAX_VALUE_LENGTH} characters`);
  const type = attr.type;
  if (NUMERIC.includes(type) && (value === '' || !Number.isFinite(Number(value)))) fail(path, `"${String(value)}" is not a number`);
  if (type === 'boolean' && !BOOLEAN_LIKE.includes(value as any)) fail(path, `"${String(value)}" is not true or false`);
  if (DATES.includes(type) && typeof value !== 'number' && Number.isNaN(Date.parse(String(value)))) {
    fail(path, `"${String(value)}" is not a date (use an ISO date such as 2024-05-31 or 2024-05-31T12:00:00Z)`);
  }
  if (TEXT.includes(op) && !['string', 'email', 'text', 'richtext', 'uid', 'enumeration', 'password'].includes(type)) {
    fail(path, `${op} only applies to text fields`);
  }
};

/** Operators applied to one scalar attribute: `{ $eq: 'x' }`, `'x'` (implicit $eq) or a list (implicit $in). */
const checkAttributeCondition = (attr: any, condition: unknown, path: string, depth: number) => {
  if (depth > MAX_DEPTH) fail(path, `filters nest deeper than ${MAX_DEPTH} levels`);
  // JSON columns: comparisons behave differently on each database (and fail on Postgres); only presence is portable.
  const json = attr.type === 'json';
  if (!isPlainObject(condition)) {
    if (json) fail(path, 'JSON fields only support $null and $notNull');
    const list = asList(condition);
    if (list) return list.forEach((v, i) => checkScalar(attr, v, `${path}.${i}`, '$in'));
    return checkScalar(attr, condition, path, '$eq');
  }
  for (const [op, value] of Object.entries(condition)) {
    const at = `${path}.${op}`;
    if (!OPERATORS.includes(op)) fail(at, `unknown operator; use one of ${OPERATORS.join(', ')}`);
    if (json && !PRESENCE.includes(op)) fail(at, 'JSON fields only support $null and $notNull');
    if (PRESENCE.includes(op)) {
      if (!BOOLEAN_LIKE.includes(value as any)) fail(at, `${op} takes true or false`);
    } else if (LIST.includes(op)) {
      const list = asList(value) ?? [value];
      list.forEach((v, i) => checkScalar(attr, v, `${at}.${i}`, op));
    } else if (op === '$between') {
      const list = asList(value);
      if (!list || list.length !== 2) fail(at, '$between takes a list of two values');
      list!.forEach((v, i) => checkScalar(attr, v, `${at}.${i}`, op));
    } else if (op === '$not') {
      checkAttributeCondition(attr, value, at, depth + 1);
    } else if (op === '$and' || op === '$or') {
      const list = asList(value);
      if (!list) fail(at, `${op} takes a list of conditions`);
      list!.forEach((v, i) => checkAttributeCondition(attr, v, `${at}.${i}`, depth + 1));
    } else {
      checkScalar(attr, value, at, op);
    }
  }
};

const checkFilters = (getModel: GetModel, model: Model, filters: unknown, path: string, depth: number): void => {
  if (depth > MAX_DEPTH) fail(path, `filters nest deeper than ${MAX_DEPTH} levels`);
  if (!isPlainObject(filters)) fail(path, 'must be an object such as { "email": { "$containsi": "doe" } }');
  for (const [key, value] of Object.entries(filters as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    if (key === '$and' || key === '$or') {
      const list = asList(value);
      if (!list) fail(at, `${key} takes a list of filter objects`);
      list!.forEach((v, i) => checkFilters(getModel, model, v, `${at}.${i}`, depth + 1));
      continue;
    }
    if (key === '$not') {
      checkFilters(getModel, model, value, at, depth + 1);
      continue;
    }
    // documentId is Strapi's own identifier: filterable (a segment's contacts, `segments.documentId`) though not an attribute.
    const attr = key === 'id' ? { type: 'increments' } : key === 'documentId' ? { type: 'string' } : model.attributes[key];
    const filterable = ['id', 'documentId', ...Object.keys(model.attributes).filter((k) => !isHiddenRelation(model.attributes[k]) && !model.attributes[k].private)];
    if (!attr || isHiddenRelation(attr) || attr.private) {
      fail(at, `unknown field; filterable fields: ${filterable.join(', ')}`);
    }
    if (attr.type === 'relation') {
      const target = getModel(attr.target);
      if (!target) fail(at, 'unknown relation');
      // `segments: { id: 3 }` style nested filters on the related type.
      if (!isPlainObject(value)) fail(at, 'filter a relation by its fields, e.g. { "documentId": "..." }');
      checkFilters(getModel, target!, value, at, depth + 1);
      continue;
    }
    if (['component', 'dynamiczone', 'media'].includes(attr.type)) fail(at, `${attr.type} fields cannot be filtered`);
    checkAttributeCondition(attr, value, at, depth + 1);
  }
};

/** Relations leaving the plugin (createdBy/updatedBy admin users, localizations) are not filterable. */
const isHiddenRelation = (attr: any) =>
  attr?.type === 'relation' && !(typeof attr.target === 'string' && attr.target.startsWith('plugin::contacts.'));

export const assertValidFilters = (getModel: GetModel, uid: string, filters: unknown) => {
  if (filters === undefined || filters === null || filters === '') return;
  const model = getModel(uid);
  if (!model) throw new Error(`unknown model ${uid}`);
  checkFilters(getModel, model, filters, '', 0);
};

/** `populate[segments][filters]…` reaches the database the same way as top-level filters. */
export const assertValidPopulateFilters = (getModel: GetModel, uid: string, populate: unknown, depth = 0): void => {
  const model = getModel(uid);
  if (!model || !isPlainObject(populate) || depth > MAX_DEPTH) return;
  for (const [key, value] of Object.entries(populate)) {
    const attr = model.attributes[key];
    if (attr?.type !== 'relation' || isHiddenRelation(attr) || !isPlainObject(value)) continue;
    if (value.filters !== undefined) {
      try {
        assertValidFilters(getModel, attr.target, value.filters);
      } catch (error) {
        if (error instanceof ValidationError) throw new ValidationError(`populate.${key}.${error.message}`, error.details);
        throw error;
      }
    }
    if (value.populate !== undefined) assertValidPopulateFilters(getModel, attr.target, value.populate, depth + 1);
  }
};
