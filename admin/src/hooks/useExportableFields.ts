import { useMemo } from 'react';
import { exportableFields } from '../components/exports/exportModel';
import { useContactLabels } from './useContactLabels';
import { useFields } from './useFields';

/** The columns the export picker offers, labelled in the admin's language, and a label by key. */
export const useExportableFields = () => {
  const { columnLabel } = useContactLabels();
  const { fields: stored, isLoading } = useFields();
  return useMemo(() => {
    const fields = exportableFields(stored, columnLabel);
    const byKey = new Map(fields.map((f) => [f.key, f]));
    return { fields, labelOf: (key: string) => byKey.get(key)?.label ?? key, isLoading };
  }, [stored, columnLabel, isLoading]);
};
