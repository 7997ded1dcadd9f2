import { useMemo } from 'react';
import { useFields } from './useFields';

/** The custom fields (built-in columns have their own inputs), in their configured order. */
export const useCustomFields = () => {
  const { fields, forbidden, error, isLoading } = useFields();
  const custom = useMemo(() => fields.filter((f) => !f.builtIn), [fields]);
  return { fields: custom, forbidden, error, isLoading };
};
