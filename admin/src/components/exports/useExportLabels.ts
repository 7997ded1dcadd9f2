import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { MAIN_EXPORT_FIELDS } from '../../../../shared/exports';
import type { ExportView } from '../../exportTypes';
import { getTranslation } from '../../utils/getTranslation';

const DELIMITER_NAMES: Record<string, string> = { ',': ',', ';': ';', '\t': 'TAB' };

/** How the history names an export's scope, its fields and its file format. */
export const useExportLabels = () => {
  const { formatMessage } = useIntl();
  return useMemo(() => {
    const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
      formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
    return {
      scope: (scope: ExportView['scope']) => {
        if (!scope || 'all' in scope) return t('exports.scope.all', 'All contacts');
        if ('segment' in scope) return t('exports.scope.segment', 'A segment');
        if ('import' in scope) return t('exports.scope.import', 'An import');
        if ('criteria' in scope) return t('exports.scope.criteria', 'A search');
        return t('exports.scope.ids', 'A list of {count, plural, one {# contact} other {# contacts}}', { count: scope.ids.length });
      },
      fields: (fields: ExportView['fields'], columns: number) => {
        if (fields === 'main') return t('exports.fields.main', 'The {count} main fields', { count: MAIN_EXPORT_FIELDS.length });
        if (fields === 'all') return t('exports.fields.allCount', 'All fields ({count} columns)', { count: columns });
        return t('exports.fields.count', '{count, plural, one {# column} other {# columns}}', { count: columns });
      },
      format: (e: Pick<ExportView, 'format' | 'options'>) =>
        e.format === 'csv'
          ? [
              `CSV (${DELIMITER_NAMES[e.options.delimiter ?? ','] ?? e.options.delimiter})`,
              e.options.bom === false ? t('exports.format.noBom', 'no BOM') : t('exports.format.bom', 'BOM'),
            ].join(' · ')
          : 'XLSX',
    };
  }, [formatMessage]);
};
