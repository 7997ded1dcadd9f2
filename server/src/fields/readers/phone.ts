import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';
import { kindOf, shown } from './fold';
import { fail, ok, type FieldSpec, type ReadContext, type ReadNote, type ReadResult } from './types';

/**
 * Phone numbers → E.164 with libphonenumber-js (its default "min" metadata and
 * isValid(), as before: the stricter "max" metadata rejects numbers from ranges
 * opened after the package was built, and a dropped number is a lost channel).
 *
 * Region of a national number: the row's country, else the import's default.
 * On top of libphonenumber:
 * - "00" is the international prefix: "0033 6…" is +33 6… even where the
 *   region's own prefix differs (and with no region at all); it is tried
 *   before the national reading, the region's own prefixes (011 in the US,
 *   0011 in Australia) after it;
 * - Mexico's pre-2019 mobile forms (044/045/01 + 10 digits, +52 1 + 10
 *   digits) are read as today's 10-digit numbers;
 * - digits only, no leading 0, not valid in the region but valid with a '+'
 *   in front (Excel drops the '+' of numeric cells): read as international,
 *   with a note;
 * - an extension is dropped (E.164 has none), with a note.
 */
export interface PhoneReading {
  e164: string;
  /** Read as international although written without '+' or 00. */
  guessedInternational?: boolean;
  extension?: string;
}

const regionOf = (country?: string | null): CountryCode | undefined => {
  if (!country) return undefined;
  const c = country.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(c) && isSupportedCountry(c) ? (c as CountryCode) : undefined;
};

const parse = (text: string, region?: CountryCode): PhoneNumber | undefined => {
  try {
    return parsePhoneNumberFromString(text, region);
  } catch {
    return undefined;
  }
};

const reading = (p: PhoneNumber, guessed = false): PhoneReading => {
  const r: PhoneReading = { e164: p.number };
  if (guessed) r.guessedInternational = true;
  if (p.ext) r.extension = p.ext;
  return r;
};

const MX_LEGACY = /^(?:1|01|044|045)(\d{10})$/;

const valid = (p: PhoneNumber | undefined): PhoneNumber | undefined => {
  if (!p) return undefined;
  if (p.isValid()) return p;
  if (p.countryCallingCode === '52') {
    const m = MX_LEGACY.exec(p.nationalNumber);
    const q = m ? parse(`+52${m[1]}`) : undefined;
    if (q?.isValid()) return q;
  }
  return undefined;
};

const HAS_DIGIT = /\d/;
const INTERNATIONAL = /^[\s(]*[+\uff0b]/;
const DOUBLE_ZERO = /^[\s(]*00\s*/;
const BARE_DIGITS = /^[1-9]\d{7,14}$/;

/** The number in E.164 (and how it was read), or null. */
export const readPhoneNumber = (text: string, country?: string | null): PhoneReading | null => {
  const t = text.trim().replace(/\uff0b/g, '+');
  if (!HAS_DIGIT.test(t) || t.length > 64) return null;
  if (INTERNATIONAL.test(t)) {
    const p = valid(parse(t));
    return p ? reading(p) : null;
  }
  const region = regionOf(country);
  // 00 first: some regions accept "00…" as national digits (Japan's carrier prefixes).
  const zeroZero = DOUBLE_ZERO.test(t);
  if (zeroZero) {
    const p = valid(parse(t.replace(DOUBLE_ZERO, '+')));
    if (p) return reading(p);
  }
  if (region) {
    // The region's own international prefixes (011, 0011, 8~10…) are libphonenumber's.
    const p = valid(parse(t, region));
    if (p) return reading(p);
  }
  if (zeroZero) return null;
  const digits = t.replace(/[\s.\-/]/g, '');
  if (BARE_DIGITS.test(digits)) {
    const p = valid(parse(`+${digits}`));
    if (p) return reading(p, true);
  }
  return null;
};

/** E.164 form of a phone number, or null when it cannot be read as one. */
export const toE164 = (value: unknown, country?: string | null): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'bigint') return null;
  return readPhoneNumber(String(value), country)?.e164 ?? null;
};

const phoneCountry = (ctx: ReadContext): string | undefined => regionOf(ctx.rowCountry) ?? regionOf(ctx.defaultCountry);

export const readPhoneText = (field: FieldSpec, text: string, ctx: ReadContext): ReadResult => {
  const country = phoneCountry(ctx);
  const r = readPhoneNumber(text, country);
  const label = field.label;
  if (!r) {
    const value = shown(text);
    if (INTERNATIONAL.test(text) || DOUBLE_ZERO.test(text)) return fail('invalid_international_phone', { label, value });
    return country ? fail('invalid_phone', { label, value, country }) : fail('phone_without_country', { label, value });
  }
  let note: ReadNote | undefined;
  if (r.guessedInternational) note = { code: 'phone_read_as_international', params: { label, value: shown(text), phone: r.e164 } };
  else if (r.extension)
    note = { code: 'phone_extension_dropped', params: { label, value: shown(text), phone: r.e164, extension: r.extension } };
  return ok(r.e164, note);
};

export const readPhoneJson = (field: FieldSpec, value: unknown, ctx: ReadContext): ReadResult => {
  if (typeof value === 'string') return readPhoneText(field, value, ctx);
  if ((typeof value === 'number' && Number.isSafeInteger(value) && value > 0) || typeof value === 'bigint')
    return readPhoneText(field, String(value), ctx);
  return fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });
};

const E164 = /^\+[1-9]\d{1,14}$/;

/** The stored form: E.164 that libphonenumber reads back as itself and finds valid. */
export const checkPhone = (field: FieldSpec, value: unknown): ReadResult => {
  if (typeof value !== 'string') return fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });
  if (!E164.test(value)) return fail('invalid_international_phone', { label: field.label, value: shown(value) });
  const p = valid(parse(value));
  return p && p.number === value ? ok(value) : fail('invalid_international_phone', { label: field.label, value: shown(value) });
};
