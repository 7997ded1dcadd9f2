import { exceeds, kindOf, tooLong } from './fold';
import { BUILT_IN_TEXT_MAX, LONGTEXT_MAX, TEXT_MAX } from './limits';
import { fail, ok, type FieldSpec, type ReadContext, type ReadResult } from './types';

/** The limit of a text value, in code points. */
export const textMax = (field: FieldSpec, ctx: ReadContext): number => {
  if (field.maxLength !== undefined) return field.maxLength;
  if (field.type === 'longtext') return ctx.maxLongTextLength ?? LONGTEXT_MAX;
  return field.builtIn ? BUILT_IN_TEXT_MAX : TEXT_MAX;
};

// PostgreSQL refuses U+0000 in text and jsonb: one NUL would fail the whole batch.
const withoutNul = (s: string) => (s.indexOf('\u0000') === -1 ? s : s.replace(/\u0000/g, ''));

/** text is trimmed; longtext is kept code point for code point (line breaks, quotes, leading spaces). */
export const readTextText = (field: FieldSpec, text: string, ctx: ReadContext): ReadResult =>
  checkText(field, field.type === 'longtext' ? text : text.trim(), ctx);

export const readTextJson = (field: FieldSpec, value: unknown, ctx: ReadContext): ReadResult => {
  if (typeof value === 'string') return readTextText(field, value, ctx);
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'bigint') return checkText(field, String(value), ctx);
  return fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });
};

export const checkText = (field: FieldSpec, value: unknown, ctx: ReadContext): ReadResult => {
  if (typeof value !== 'string') return fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });
  const v = withoutNul(value);
  const max = textMax(field, ctx);
  return exceeds(v, max) ? tooLong(field, v, max) : ok(v);
};
