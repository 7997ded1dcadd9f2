import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { Condition, Criteria } from '../../../../../shared/segments';
import { useCriteriaFields } from '../../../hooks/useCriteriaFields';
import { getTranslation } from '../../../utils/getTranslation';
import { valueShape } from './criteriaModel';
import { useCriteriaLabels } from './useCriteriaLabels';

/**
 * Criteria as one sentence ("E-mail is not empty and E-mail opt-in is one of
 * Yes"), for segments shown read-only (the default ones) and in lists.
 * `nameOf` names the segments and imports rules point at.
 */
export const useDescribeCriteria = () => {
  const { formatMessage, formatDate } = useIntl();
  const { byKey } = useCriteriaFields();
  const labels = useCriteriaLabels();
  const t = useCallback(
    (id: string, defaultMessage: string, values?: Record<string, unknown>) => formatMessage({ id: getTranslation(id), defaultMessage }, values as any),
    [formatMessage],
  );

  return useCallback(
    (criteria: Criteria | null | undefined, nameOf: (documentId: string) => string | undefined = () => undefined): string => {
      const value = (fieldKey: string, operator: string, v: unknown): string => {
        const field = byKey.get(fieldKey);
        const one = (x: unknown) => {
          if (typeof x !== 'string') return String(x);
          if (field?.kind === 'datetime' && !Number.isNaN(Date.parse(x))) return formatDate(x, { dateStyle: 'medium', timeStyle: 'short' });
          return field?.kind === 'text' ? `"${x}"` : labels.option(field, x);
        };
        switch (valueShape(operator)) {
          case 'none':
            return '';
          case 'days':
            return t('segments.describe.days', '{count, plural, one {# day} other {# days}}', { count: Number(v) });
          case 'range':
            return Array.isArray(v) ? `${one(v[0])} ${t('segments.value.and', 'and')} ${one(v[1])}` : '';
          case 'list':
            return Array.isArray(v) ? v.map(one).join(', ') : '';
          default:
            return one(v);
        }
      };
      const condition = (c: Condition, nested: boolean): string => {
        if ('conditions' in c) {
          const text = group(c);
          return nested && c.conditions.length > 1 ? `(${text})` : text;
        }
        if ('inSegment' in c) {
          const name = nameOf(c.inSegment) ?? c.inSegment;
          return c.not ? t('segments.describe.notInSegment', 'not in «{name}»', { name }) : t('segments.describe.inSegment', 'in «{name}»', { name });
        }
        if ('inImport' in c) {
          const name = nameOf(c.inImport) ?? c.inImport;
          return c.not ? t('segments.describe.notInImport', 'not imported by «{name}»', { name }) : t('segments.describe.inImport', 'imported by «{name}»', { name });
        }
        if ('search' in c) return t('segments.describe.search', 'found by the quick search «{text}»', { text: c.search });
        const label = byKey.get(c.field)?.label ?? c.field;
        return [label, labels.operator(c.operator), value(c.field, c.operator, c.value)].filter(Boolean).join(' ');
      };
      const group = (g: Criteria): string =>
        g.conditions.map((c) => condition(c, true)).join(g.match === 'all' ? ` ${t('segments.group.and', 'and')} ` : ` ${t('segments.group.or', 'or')} `);
      if (!criteria || !criteria.conditions?.length) return t('segments.describe.all', 'Every contact');
      return group(criteria);
    },
    [byKey, labels, formatDate, t],
  );
};
