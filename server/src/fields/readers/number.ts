import { kindOf, shown } from './fold';
import { fail, ok, type FieldSpec, type ReadContext, type ReadResult } from './types';

/**
 * Numbers as spreadsheets write them. The decimal separator is the one the
 * import chose (dot by default, comma with decimalComma); the other mark is a
 * thousands separator only, in groups of three. So "1,5" without the option is
 * a problem rather than a silent 1.5 next to "1,250" read as 1250: a column is
 * read one way, or the person is told which option to change.
 */
const GROUP_CHARS = " \\u00a0\\u202f\\u2009'\\u2019";

const numberPattern = (decimal: string, other: string) =>
  new RegExp(`^(\\d+|\\d{1,3}(?:([${GROUP_CHARS}\\${other}])\\d{3})(?:\\2\\d{3})*)?(?:\\${decimal}(\\d*))?(?:e([+-]?\\d+))?$`, 'i');

const DOT_DECIMAL = numberPattern('.', ',');
const COMMA_DECIMAL = numberPattern(',', '.');
const GROUPING = /[^\d]/g;

/** NaN when the text is not a number. */
export const parseNumberText = (text: string, decimalComma: boolean): number => {
  let s = text.trim();
  let negative = false;
  const c = s.charCodeAt(0);
  if (c === 43 /* + */ || c === 45 /* - */ || c === 0x2212) {
    negative = c !== 43;
    s = s.slice(1);
  }
  const m = (decimalComma ? COMMA_DECIMAL : DOT_DECIMAL).exec(s);
  if (!m) return NaN;
  const int = m[1] ?? '';
  const frac = m[3] ?? '';
  if (int === '' && frac === '') return NaN;
  const digits = m[2] === undefined ? int : int.replace(GROUPING, '');
  const n = Number(`${digits || '0'}.${frac || '0'}${m[4] === undefined ? '' : `e${m[4]}`}`);
  return negative ? (n === 0 ? 0 : -n) : n;
};

const MIN = Number.MIN_SAFE_INTEGER;
const MAX = Number.MAX_SAFE_INTEGER;

export const checkInteger = (field: FieldSpec, n: unknown, raw: unknown = n): ReadResult => {
  if (typeof n !== 'number' || Number.isNaN(n)) return fail('invalid_shape', { label: field.label, expected: 'integer', got: kindOf(n) });
  if (!Number.isFinite(n) || n < MIN || n > MAX)
    return fail('number_out_of_range', { label: field.label, value: shown(raw), min: MIN, max: MAX });
  if (!Number.isInteger(n)) return fail('not_an_integer', { label: field.label, value: shown(raw) });
  return ok(n === 0 ? 0 : n);
};

export const checkDecimal = (field: FieldSpec, n: unknown, raw: unknown = n): ReadResult => {
  if (typeof n !== 'number' || Number.isNaN(n)) return fail('invalid_shape', { label: field.label, expected: 'number', got: kindOf(n) });
  if (!Number.isFinite(n))
    return fail('number_out_of_range', { label: field.label, value: shown(raw), min: -Number.MAX_VALUE, max: Number.MAX_VALUE });
  return ok(n === 0 ? 0 : n);
};

export const readNumberText = (field: FieldSpec, text: string, ctx: ReadContext): ReadResult => {
  const n = parseNumberText(text, !!ctx.decimalComma);
  if (Number.isNaN(n)) return fail('not_a_number', { label: field.label, value: shown(text), decimal: ctx.decimalComma ? ',' : '.' });
  return field.type === 'integer' ? checkInteger(field, n, text) : checkDecimal(field, n, text);
};

export const readNumberJson = (field: FieldSpec, value: unknown, ctx: ReadContext): ReadResult => {
  if (typeof value === 'string') return readNumberText(field, value, ctx);
  if (typeof value === 'bigint') {
    return value >= BigInt(MIN) && value <= BigInt(MAX)
      ? readNumberJson(field, Number(value), ctx)
      : fail('number_out_of_range', { label: field.label, value: String(value), min: MIN, max: MAX });
  }
  if (typeof value !== 'number')
    return fail('invalid_shape', { label: field.label, expected: field.type === 'integer' ? 'integer' : 'number', got: kindOf(value) });
  if (Number.isNaN(value)) return fail('not_a_number', { label: field.label, value: 'NaN', decimal: '.' });
  return field.type === 'integer' ? checkInteger(field, value) : checkDecimal(field, value);
};
