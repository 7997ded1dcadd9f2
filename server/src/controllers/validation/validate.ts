import * as yup from 'yup';
import { ValidationError } from '../../errors';

/** yup names the root value "this"; people read "the request body". */
const readable = (message: string) => message.replace(/^this\b/, 'the request body');

/**
 * Validates a request part against a yup schema; a failure is a 400 naming
 * every problem. With `rejectUnknown`, unknown keys reach the schema's
 * `noUnknown()` test (a 400) instead of being stripped silently.
 */
export const validate = async <S extends yup.AnySchema>(
  schema: S,
  value: unknown,
  { rejectUnknown = false } = {}
): Promise<yup.InferType<S>> => {
  try {
    return await schema.validate(value, { abortEarly: false, stripUnknown: !rejectUnknown });
  } catch (error) {
    if (error instanceof yup.ValidationError) {
      const errors = error.inner.length ? error.inner : [error];
      throw new ValidationError(errors.map((e) => readable(e.message)).join('; '), {
        errors: errors.map((e) => ({ path: e.path, message: readable(e.message) })),
      });
    }
    throw error;
  }
};

/** Trims strings only: yup's trim() throws a TypeError (500) on a non-string such as an array. */
export const trimmedString = () => yup.string().transform((v) => (typeof v === 'string' ? v.trim() : v));

/** Query-string integers: "abc", "1.5" or "1e30" must be a 400, not NaN or an overflowing OFFSET. */
export const queryInt = (name: string, min: number, max: number) =>
  yup
    .number()
    .typeError(`${name} must be a whole number`)
    .integer(`${name} must be a whole number`)
    .min(min, `${name} must be at least ${min}`)
    .max(max, `${name} must be at most ${max}`);
