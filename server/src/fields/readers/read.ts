import { OPT_IN_VALUES, readBooleanJson, readBooleanText, readOptInJson, readOptInText } from './boolean';
import { checkCountry, readCountryJson, readCountryText } from './country';
import { isStoredDate, isStoredDatetime, readDate, readDatetime } from './date';
import { checkEmail, readEmailJson, readEmailText } from './email';
import { isEmptyCell, kindOf, shown } from './fold';
import { checkDecimal, checkInteger, readNumberJson, readNumberText } from './number';
import {
  checkMultiselect,
  checkSelect,
  checkStatus,
  checkTags,
  readMultiselectJson,
  readMultiselectText,
  readSelectText,
  readStatusText,
  readTagsJson,
  readTagsText,
} from './options';
import { checkPhone, readPhoneJson, readPhoneText } from './phone';
import { checkText, readTextJson, readTextText } from './text';
import { fail, ok, type FieldSpec, type OptInValue, type ReadContext, type ReadResult } from './types';
import { checkUrl, readUrlJson, readUrlText } from './url';

/**
 * The two entry points and the final check. Each kind's reader ends in that
 * kind's check (the one checkValue runs), so a value read from a file cell and
 * the same value sent as JSON meet the same limits, options and shapes.
 * None of them throws: a bug or a hostile value becomes `unreadable_value`.
 */
type Kind = FieldSpec['type'] | NonNullable<FieldSpec['reader']>;

const kindOfField = (field: FieldSpec): Kind => field.reader ?? field.type;

type TextReader = (field: FieldSpec, text: string, ctx: ReadContext) => ReadResult;
type JsonReader = (field: FieldSpec, value: unknown, ctx: ReadContext) => ReadResult;
type Check = (field: FieldSpec, value: unknown, ctx: ReadContext) => ReadResult;

const TEXT_READERS: Record<Kind, TextReader> = {
  text: readTextText,
  longtext: readTextText,
  integer: readNumberText,
  decimal: readNumberText,
  boolean: readBooleanText,
  date: readDate,
  datetime: readDatetime,
  email: readEmailText,
  phone: readPhoneText,
  url: readUrlText,
  select: readSelectText,
  multiselect: readMultiselectText,
  optIn: readOptInText,
  status: readStatusText,
  country: readCountryText,
  tags: readTagsText,
};

const dateJson = (field: FieldSpec, value: unknown, ctx: ReadContext, datetime: boolean): ReadResult => {
  if (typeof value === 'string') return datetime ? readDatetime(field, value, ctx) : readDate(field, value, ctx);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      return fail(datetime ? 'invalid_datetime' : 'invalid_date', { label: field.label, value: 'Invalid Date', format: 'YYYY-MM-DD' });
    const iso = value.toISOString();
    return datetime ? check(field, iso, ctx) : check(field, iso.slice(0, 10), ctx);
  }
  return fail('invalid_shape', { label: field.label, expected: datetime ? 'datetime' : 'date', got: kindOf(value) });
};

const JSON_READERS: Record<Kind, JsonReader> = {
  text: readTextJson,
  longtext: readTextJson,
  integer: readNumberJson,
  decimal: readNumberJson,
  boolean: readBooleanJson,
  date: (f, v, c) => dateJson(f, v, c, false),
  datetime: (f, v, c) => dateJson(f, v, c, true),
  email: readEmailJson,
  phone: readPhoneJson,
  url: readUrlJson,
  select: (f, v) =>
    typeof v === 'string'
      ? readSelectText(f, v)
      : typeof v === 'number' && Number.isFinite(v)
        ? readSelectText(f, String(v))
        : fail('invalid_shape', { label: f.label, expected: 'text', got: kindOf(v) }),
  multiselect: readMultiselectJson,
  optIn: readOptInJson,
  status: (f, v) =>
    typeof v === 'string' ? readStatusText(f, v) : fail('invalid_shape', { label: f.label, expected: 'text', got: kindOf(v) }),
  country: readCountryJson,
  tags: readTagsJson,
};

const CHECKS: Record<Kind, Check> = {
  text: checkText,
  longtext: checkText,
  integer: (f, v) => checkInteger(f, v),
  decimal: (f, v) => checkDecimal(f, v),
  boolean: (f, v) => (typeof v === 'boolean' ? ok(v) : fail('invalid_shape', { label: f.label, expected: 'boolean', got: kindOf(v) })),
  date: (f, v) => (isStoredDate(v) ? ok(v) : fail('invalid_date', { label: f.label, value: shown(v), format: 'YYYY-MM-DD' })),
  datetime: (f, v) =>
    isStoredDatetime(v) ? ok(v) : fail('invalid_datetime', { label: f.label, value: shown(v), format: 'YYYY-MM-DDTHH:mm:ss.sssZ' }),
  email: (f, v) => checkEmail(f, v),
  phone: checkPhone,
  url: (f, v) => checkUrl(f, v),
  select: checkSelect,
  multiselect: checkMultiselect,
  optIn: (f, v) =>
    typeof v === 'string' && (OPT_IN_VALUES as readonly string[]).includes(v)
      ? ok(v as OptInValue)
      : fail('invalid_opt_in', { label: f.label, value: shown(v), values: OPT_IN_VALUES.join(', ') }),
  status: checkStatus,
  country: checkCountry,
  tags: checkTags,
};

/** What a reader that threw (a bug, a hostile value) returns instead. */
const unreadable = (field: FieldSpec, value: unknown, error: unknown): ReadResult =>
  fail('unreadable_value', {
    label: field?.label ?? '',
    value: shown(value),
    error: error instanceof Error ? error.message : String(error),
  });

const unknownType = (field: FieldSpec) => fail('unknown_field_type', { label: field.label, type: String(field.reader ?? field.type) });

// The entry points catch in place, without a closure per call: the import reads millions of cells.

/** A non-empty cell from a file (CSV/TSV/XLSX/pasted text). */
export const readText = (field: FieldSpec, text: string, ctx: ReadContext = {}): ReadResult => {
  try {
    if (typeof text !== 'string') return readJson(field, text, ctx);
    if (isEmptyCell(text)) return fail('empty_value', { label: field.label });
    const reader = TEXT_READERS[kindOfField(field)];
    return reader ? reader(field, text, ctx) : unknownType(field);
  } catch (error) {
    return unreadable(field, text, error);
  }
};

/** A value from a JSON body (null and '' are the caller's "empty"; they come back as empty_value). */
export const readJson = (field: FieldSpec, value: unknown, ctx: ReadContext = {}): ReadResult => {
  try {
    if (value === null || value === undefined || (typeof value === 'string' && isEmptyCell(value))) return fail('empty_value', { label: field.label });
    const reader = JSON_READERS[kindOfField(field)];
    return reader ? reader(field, value, ctx) : unknownType(field);
  } catch (error) {
    return unreadable(field, value, error);
  }
};

const check = (field: FieldSpec, value: unknown, ctx: ReadContext): ReadResult => {
  if (value === null || value === undefined) return fail('empty_value', { label: field.label });
  const c = CHECKS[kindOfField(field)];
  return c ? c(field, value, ctx) : unknownType(field);
};

/** The stored shape of a value: size limits, options, formats. Both readers end in these checks. */
export const checkValue = (field: FieldSpec, value: unknown, ctx: ReadContext = {}): ReadResult => {
  try {
    return check(field, value, ctx);
  } catch (error) {
    return unreadable(field, value, error);
  }
};
