import { useCallback, useState } from 'react';
import type { ContactFormValues, FieldErrors } from '../types';

type BuiltInKey = Exclude<keyof ContactFormValues, 'attributes'>;

/** Form state: values plus the API's field errors; editing a field clears its error. */
export const useContactForm = (initialValues: ContactFormValues) => {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});

  const clearError = (path: string) =>
    setErrors((current) => {
      if (!(path in current)) return current;
      const { [path]: _removed, ...rest } = current;
      return rest;
    });

  const setValue = useCallback(<K extends BuiltInKey>(key: K, value: ContactFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    clearError(key);
  }, []);

  const setAttribute = useCallback((key: string, value: unknown) => {
    setValues((current) => ({ ...current, attributes: { ...current.attributes, [key]: value } }));
    clearError(`attributes.${key}`);
  }, []);

  const reset = useCallback((next: ContactFormValues) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, errors, setValue, setAttribute, setErrors, reset };
};
