import * as yup from 'yup';
import { ValidationError } from '../../errors';

/** Validates a request part against a yup schema; a failure is a 400 naming every problem. */
export const validate = async <S extends yup.AnySchema>(schema: S, value: unknown): Promise<yup.InferType<S>> => {
  try {
    return await schema.validate(value, { abortEarly: false, stripUnknown: true });
  } catch (error) {
    if (error instanceof yup.ValidationError) {
      const errors = error.inner.length ? error.inner : [error];
      throw new ValidationError(errors.map((e) => e.message).join('; '), {
        errors: errors.map((e) => ({ path: e.path, message: e.message })),
      });
    }
    throw error;
  }
};
