import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { ExportScope } from '../../../shared/exports';
import type { Criteria } from '../../../shared/segments';
import type { ExportTarget } from '../components/exports/exportModel';
import type { ImportView } from '../../../shared/imports';
import type { ContactsTarget, Segment } from '../segmentTypes';
import { getTranslation } from '../utils/getTranslation';

interface ContactsPageTarget {
  q?: string;
  criteria: Criteria | null;
  /** Contacts the selection names (0: none picked). */
  picked: number;
  /** Results of the search, every page. */
  total: number;
  /** The selection, else every result (useBulkTarget). */
  resolve: () => Promise<ContactsTarget>;
}

/** The targets the pages open the export dialog on, named in the admin's language (the name is the file's too). */
export const useExportTargets = () => {
  const { formatMessage } = useIntl();
  return useMemo(() => {
    const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
      formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
    const all = (count?: number): ExportTarget => ({ scope: { all: true }, name: t('exports.name.all', 'All contacts'), count });
    return {
      all,
      // A segment's stored membership is what is exported: its count says how many.
      segment: (s: Pick<Segment, 'documentId' | 'name' | 'count'>): ExportTarget => ({
        scope: { segment: s.documentId },
        name: t('exports.name.segment', 'Segment {name}', { name: s.name }),
        count: s.count,
      }),
      importContacts: (i: Pick<ImportView, 'documentId' | 'name'>): ExportTarget => ({
        scope: { import: i.documentId },
        name: t('exports.name.import', 'Contacts of import {name}', { name: i.name }),
      }),
      /** The rows picked, else every result of the search (the quick search is one of its conditions). */
      contacts: ({ q, criteria, picked, total, resolve }: ContactsPageTarget): ExportTarget => {
        // ContactsTarget ({ ids } | { criteria }) is a subset of the export scopes.
        const scope = resolve as () => Promise<ExportScope>;
        if (picked > 0) {
          return { scope, name: t('exports.name.selection', '{count, plural, one {# selected contact} other {# selected contacts}}', { count: picked }), count: picked };
        }
        if (!q && !criteria) return all(total);
        return {
          scope,
          name: q ? t('exports.name.quickSearch', 'Search {q}', { q }) : t('exports.name.search', 'Advanced search'),
          count: total,
        };
      },
    };
  }, [formatMessage]);
};
