import validator from 'validator';
import { kindOf, shown } from './fold';
import { EMAIL_MAX } from './limits';
import { fail, ok, type FieldSpec, type ReadResult } from './types';

/** The stored form of an e-mail: trimmed and lower-cased (the unique index is on it). */
export const normalizeEmail = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const email = String(value).trim().toLowerCase();
  return email === '' ? null : email;
};

const VALIDATOR_OPTIONS = { allow_utf8_local_part: true, require_tld: true } as const;

/**
 * The common shape, which validator.isEmail (with the options above) accepts
 * every time: dot-atoms of RFC 5322 atext in the local part; LDH labels of 1–63
 * characters not starting or ending with '-'; an alphabetic TLD of 2–63. Lengths
 * (local ≤ 64, whole ≤ 254) are checked before the test. Anything else (quoted
 * local parts, IDN, IP literals, xn-- TLDs, underscores…) goes to validator, so
 * the verdicts are validator's own. Measured in the tests' bench: see the report.
 */
const FAST_EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const isValidEmail = (email: string): boolean => {
  if (email.length > EMAIL_MAX) return false;
  const at = email.indexOf('@');
  if (at > 0 && at <= 64 && FAST_EMAIL.test(email)) return true;
  return validator.isEmail(email, VALIDATOR_OPTIONS);
};

/** Only validator, for the agreement tests and the bench. */
export const isValidEmailSlow = (email: string): boolean => email.length <= EMAIL_MAX && validator.isEmail(email, VALIDATOR_OPTIONS);

export const readEmailText = (field: FieldSpec, text: string): ReadResult => checkEmail(field, text, text);

export const readEmailJson = (field: FieldSpec, value: unknown): ReadResult =>
  typeof value === 'string'
    ? readEmailText(field, value)
    : fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });

/** Checks the stored form (normalizing it first, so a value that skipped normalizeEmail still ends lower-cased). */
export const checkEmail = (field: FieldSpec, value: unknown, raw: unknown = value): ReadResult => {
  if (typeof value !== 'string') return fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });
  const email = normalizeEmail(value) ?? '';
  if (email.length > EMAIL_MAX) return fail('too_long', { label: field.label, value: shown(raw), length: email.length, max: EMAIL_MAX });
  return isValidEmail(email) ? ok(email) : fail('invalid_email', { label: field.label, value: shown(raw) });
};
