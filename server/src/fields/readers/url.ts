import validator from 'validator';
import { exceeds, kindOf, shown } from './fold';
import { URL_MAX } from './limits';
import { fail, ok, type FieldSpec, type ReadResult } from './types';

/**
 * One rule for files and the API: http or https only; a bare host
 * ("example.com/page") gets https://; at most 2048 characters; validator.isURL.
 */
const SCHEME = /^([a-z][a-z0-9+.-]*):(?!\d)/i;
const URL_OPTIONS: validator.IsURLOptions = { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true };

export const readUrlText = (field: FieldSpec, text: string): ReadResult => {
  const t = text.trim();
  const scheme = SCHEME.exec(t);
  if (scheme) {
    const protocol = scheme[1].toLowerCase();
    if (protocol !== 'http' && protocol !== 'https') return fail('url_protocol', { label: field.label, value: shown(t), protocol });
    return checkUrl(field, t);
  }
  return checkUrl(field, t.startsWith('//') ? `https:${t}` : `https://${t}`, t);
};

export const readUrlJson = (field: FieldSpec, value: unknown): ReadResult =>
  typeof value === 'string'
    ? readUrlText(field, value)
    : fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });

export const checkUrl = (field: FieldSpec, value: unknown, raw: unknown = value): ReadResult => {
  if (typeof value !== 'string') return fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });
  const max = Math.min(field.maxLength ?? URL_MAX, URL_MAX);
  if (exceeds(value, max)) return fail('too_long', { label: field.label, value: shown(raw), length: Array.from(value).length, max });
  if (!/^https?:\/\//i.test(value)) {
    const scheme = SCHEME.exec(value);
    const protocol = scheme?.[1].toLowerCase();
    return protocol && protocol !== 'http' && protocol !== 'https'
      ? fail('url_protocol', { label: field.label, value: shown(raw), protocol })
      : fail('invalid_url', { label: field.label, value: shown(raw) });
  }
  return validator.isURL(value, URL_OPTIONS) ? ok(value) : fail('invalid_url', { label: field.label, value: shown(raw) });
};
