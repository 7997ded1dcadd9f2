import validator from 'validator';
import type { FieldType } from '../constants';
import { isValidEmail, normalizeEmail, toE164 } from './normalize';

export interface FieldDefinition {
  key: string;
  label: string;
  type: FieldType;
  options?: string[] | null;
  allowUnknownValues?: boolean;
  required?: boolean;
  builtIn?: boolean;
}

export type ValueResult = { ok: true; value: unknown } | { ok: false; reason: string };

const ok = (value: unknown): ValueResult => ({ ok: true, value });
const fail = (reason: string): ValueResult => ({ ok: false, reason });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Caps on API values: attributes live in one JSON column read with every contact. */
export const TEXT_VALUE_MAX = 10_000;
const OPTION_MAX = 255;
const URL_MAX = 2048;
const MULTISELECT_MAX = 1000;

const isRealDate = (s: string) => {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * Validates one custom-field value sent through the API (JSON, already typed).
 * The import has its own, more lenient coercion from text cells.
 */
export const validateValue = (field: FieldDefinition, value: unknown, ctx: { defaultCountry?: string } = {}): ValueResult => {
  if (value === null || value === undefined || value === '') return ok(null);
  switch (field.type) {
    case 'text': {
      if (typeof value !== 'string' && typeof value !== 'number') return fail('must be text');
      const text = String(value);
      return text.length <= TEXT_VALUE_MAX ? ok(text) : fail(`must be at most ${TEXT_VALUE_MAX} characters`);
    }
    case 'integer': {
      const n = typeof value === 'string' ? Number(value.trim()) : value;
      return typeof n === 'number' && Number.isSafeInteger(n) ? ok(n) : fail('must be a whole number');
    }
    case 'decimal': {
      const n = typeof value === 'string' ? Number(value.trim()) : value;
      return typeof n === 'number' && Number.isFinite(n) ? ok(n) : fail('must be a number');
    }
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : fail('must be true or false');
    case 'date':
      return typeof value === 'string' && isRealDate(value) ? ok(value) : fail('must be a date as YYYY-MM-DD');
    case 'datetime': {
      if (typeof value !== 'string' || !validator.isISO8601(value, { strict: true })) {
        return fail('must be an ISO 8601 date and time');
      }
      return ok(new Date(value).toISOString());
    }
    case 'email': {
      const email = normalizeEmail(value);
      return email && isValidEmail(email) ? ok(email) : fail('must be a valid e-mail address');
    }
    case 'phone': {
      const phone = toE164(value, ctx.defaultCountry);
      return phone ? ok(phone) : fail('must be a valid phone number');
    }
    case 'url':
      return typeof value === 'string' && value.length <= URL_MAX && validator.isURL(value, { require_protocol: true })
        ? ok(value)
        : fail('must be a URL starting with http:// or https://');
    case 'select': {
      if (typeof value !== 'string') return fail('must be one of the options');
      if (value.length > OPTION_MAX) return fail(`must be at most ${OPTION_MAX} characters`);
      const options = field.options ?? [];
      return field.allowUnknownValues || options.includes(value)
        ? ok(value)
        : fail(`must be one of: ${options.join(', ')}`);
    }
    case 'multiselect': {
      const list = Array.isArray(value) ? value : [value];
      if (!list.every((v) => typeof v === 'string' && v.length <= OPTION_MAX)) return fail('must be a list of options');
      if (list.length > MULTISELECT_MAX) return fail(`holds at most ${MULTISELECT_MAX} options`);
      const options = field.options ?? [];
      const unknown = list.filter((v) => !options.includes(v as string));
      if (unknown.length && !field.allowUnknownValues) {
        return fail(`unknown option(s) ${unknown.join(', ')}; allowed: ${options.join(', ')}`);
      }
      return ok(Array.from(new Set(list)));
    }
    default:
      return fail(`has an unknown type ${String(field.type)}`);
  }
};
