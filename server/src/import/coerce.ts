import validator from 'validator';
import type { FieldDefinition } from '../fields/validate-value';
import { isValidEmail, normalizeEmail, toE164 } from '../fields/normalize';

/** Options of an import that change how a cell's text is read. */
export interface CoerceOptions {
  dateFormat?: string | null;
  decimalComma?: boolean;
  defaultCountry?: string;
}

export type Coerced = { ok: true; value: unknown; newOption?: string } | { ok: false; reason: string };

const ok = (value: unknown, newOption?: string): Coerced => (newOption ? { ok: true, value, newOption } : { ok: true, value });
const fail = (reason: string): Coerced => ({ ok: false, reason });

const TRUE_WORDS = new Set(['true', '1', 'on', 'yes', 'y', 'oui', 'o', 'x', 'vrai', 'si', 'ja']);
const FALSE_WORDS = new Set(['false', '0', 'off', 'no', 'n', 'non', 'faux', 'nein']);

/** Yes/no words of Mautic, Excel and French files; null when the text is neither. */
export const readBoolean = (text: string): boolean | null => {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
};

// Thousands separators seen in spreadsheets: space, no-break and narrow no-break spaces, apostrophe.
const GROUPING = /[\s\u00a0\u202f']/g;

const readInteger = (text: string): number | null => {
  const t = text.replace(GROUPING, '');
  if (!/^[+-]?\d+$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
};

const readDecimal = (text: string, decimalComma: boolean): number | null => {
  let t = text.replace(GROUPING, '');
  if (decimalComma) {
    t = t.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  } else if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) {
    t = t.replace(/,/g, '');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const isoDate = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
};

const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 50 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y));

/** Order of day, month and year in a format such as DD/MM/YYYY. */
const partsOrder = (format: string) =>
  format
    .toUpperCase()
    .split(/[^DMY]+/)
    .filter(Boolean)
    .map((p) => p[0] as 'D' | 'M' | 'Y');

const DATE_PARTS = /^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Date in ISO 8601 or in the import's dateFormat → YYYY-MM-DD (and time parts when present). */
const readDateParts = (text: string, format?: string | null) => {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(t);
  if (iso && !format?.toUpperCase().startsWith('D') && !format?.toUpperCase().startsWith('M')) {
    return { date: isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])), iso: true };
  }
  const m = DATE_PARTS.exec(t);
  if (!m) return { date: null, iso: false };
  const order = partsOrder(format || (m[1].length === 4 ? 'YYYY-MM-DD' : 'DD/MM/YYYY'));
  const values: Record<string, string> = {};
  order.forEach((p, i) => (values[p] = m[i + 1]));
  if (!values.D || !values.M || !values.Y) return { date: null, iso: false };
  const date = isoDate(fullYear(values.Y), Number(values.M), Number(values.D));
  const time = m[4] !== undefined ? `${pad(Number(m[4]))}:${m[5]}:${m[6] ?? '00'}` : null;
  return { date, time, iso: false };
};

const readDate = (text: string, format?: string | null): string | null => readDateParts(text, format).date;

/** Datetime with a zone kept as given; without a zone it is read as UTC. */
const readDatetime = (text: string, format?: string | null): string | null => {
  const t = text.trim();
  if (validator.isISO8601(t, { strict: true }) && /\d{2}:\d{2}/.test(t)) {
    const d = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? t : `${t.replace(' ', 'T')}Z`);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const parts = readDateParts(t, format);
  if (!parts.date) return null;
  const d = new Date(`${parts.date}T${parts.time ?? '00:00:00'}Z`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

const matchOption = (field: FieldDefinition, text: string): string | null => {
  const wanted = text.trim().toLowerCase();
  return (field.options ?? []).find((o) => o.toLowerCase() === wanted) ?? null;
};

export const splitList = (text: string): string[] =>
  Array.from(new Set(text.split(/[|,]/).map((v) => v.trim()).filter(Boolean)));

/**
 * Reads one non-empty cell for a field. The failure reason is written for the
 * person who reads the errors file.
 */
export const coerceCell = (field: FieldDefinition, text: string, opts: CoerceOptions): Coerced => {
  const t = text.trim();
  switch (field.type) {
    case 'text':
      return t.length > 10_000 ? fail(`${field.label} is longer than 10,000 characters`) : ok(t);
    case 'integer': {
      const n = readInteger(t);
      return n === null ? fail(`${field.label}: "${t}" is not a whole number`) : ok(n);
    }
    case 'decimal': {
      const n = readDecimal(t, !!opts.decimalComma);
      return n === null
        ? fail(`${field.label}: "${t}" is not a number${opts.decimalComma ? '' : ' (set the decimal comma option for 1,5)'}`)
        : ok(n);
    }
    case 'boolean': {
      const b = readBoolean(t);
      return b === null ? fail(`${field.label}: "${t}" is not a yes/no value (yes/no, true/false, 1/0, oui/non, x)`) : ok(b);
    }
    case 'date': {
      const d = readDate(t, opts.dateFormat);
      return d === null ? fail(`${field.label}: "${t}" is not a date (${opts.dateFormat || 'YYYY-MM-DD'})`) : ok(d);
    }
    case 'datetime': {
      const d = readDatetime(t, opts.dateFormat);
      return d === null ? fail(`${field.label}: "${t}" is not a date and time (ISO 8601, e.g. 2026-01-31T14:00:00+01:00)`) : ok(d);
    }
    case 'email': {
      const e = normalizeEmail(t);
      return e && isValidEmail(e) ? ok(e) : fail(`${field.label}: "${t}" is not a valid e-mail address`);
    }
    case 'phone': {
      const p = toE164(t, opts.defaultCountry);
      return p ? ok(p) : fail(`${field.label}: "${t}" is not a valid phone number`);
    }
    case 'url': {
      const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `https://${t}`;
      return validator.isURL(url, { protocols: ['http', 'https'], require_protocol: true })
        ? ok(url)
        : fail(`${field.label}: "${t}" is not a web address`);
    }
    case 'select': {
      const option = matchOption(field, t);
      if (option !== null) return ok(option);
      return field.allowUnknownValues
        ? ok(t, t)
        : fail(`${field.label}: "${t}" is not one of the options (${(field.options ?? []).join(', ')})`);
    }
    case 'multiselect': {
      const values: string[] = [];
      for (const v of splitList(t)) {
        const option = matchOption(field, v);
        if (option !== null) values.push(option);
        else if (field.allowUnknownValues) values.push(v);
        else return fail(`${field.label}: "${v}" is not one of the options (${(field.options ?? []).join(', ')})`);
      }
      return ok(Array.from(new Set(values)));
    }
    default:
      return fail(`${field.label} has an unsupported type`);
  }
};
