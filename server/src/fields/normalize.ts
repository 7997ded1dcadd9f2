import validator from 'validator';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** The stored form of an e-mail: trimmed and lower-cased (the unique index is on it). */
export const normalizeEmail = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const email = String(value).trim().toLowerCase();
  return email === '' ? null : email;
};

export const isValidEmail = (email: string): boolean =>
  email.length <= 254 && validator.isEmail(email, { allow_utf8_local_part: true, require_tld: true });

/** E.164 form of a phone number, or null when it cannot be read as one. */
export const toE164 = (value: unknown, defaultCountry?: string): string | null => {
  if (value === null || value === undefined) return null;
  const raw = String(value).trim();
  if (raw === '') return null;
  const phone = parsePhoneNumberFromString(raw, (defaultCountry || undefined) as CountryCode | undefined);
  return phone && phone.isValid() ? phone.number : null;
};
