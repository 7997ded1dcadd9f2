import { Box, Button, Flex, TextButton, Typography } from '@strapi/design-system';
import { Download, Minus, Plus, PriceTag, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { ContactSelection } from '../../hooks/useContactSelection';
import { getTranslation } from '../../utils/getTranslation';

export type BulkActionKind = 'addToSegment' | 'removeFromSegment' | 'addTags' | 'removeTags' | 'export' | 'delete';

interface BulkActionsBarProps {
  selection: ContactSelection;
  /** Results of the search (every page). */
  total: number;
  canManageContacts: boolean;
  canManageSegments: boolean;
  canExport: boolean;
  onAction: (kind: BulkActionKind) => void;
}

/** Above the list while rows are selected: how many, "select all N results", and what can be done to them. */
export const BulkActionsBar = ({ selection, total, canManageContacts, canManageSegments, canExport, onAction }: BulkActionsBarProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const count = selection.all ? total : selection.selected.size;
  if (count === 0) return null;
  const actions: Array<{ kind: BulkActionKind; label: string; icon: React.ReactNode; show: boolean; danger?: boolean }> = [
    { kind: 'addToSegment', label: t('bulk.addToSegment', 'Add to a segment'), icon: <Plus />, show: canManageSegments },
    { kind: 'removeFromSegment', label: t('bulk.removeFromSegment', 'Remove from a segment'), icon: <Minus />, show: canManageSegments },
    { kind: 'addTags', label: t('bulk.addTags', 'Add tags'), icon: <PriceTag />, show: canManageContacts },
    { kind: 'removeTags', label: t('bulk.removeTags', 'Remove tags'), icon: <PriceTag />, show: canManageContacts },
    { kind: 'export', label: t('bulk.export', 'Export'), icon: <Download />, show: canExport },
    { kind: 'delete', label: t('bulk.delete', 'Delete'), icon: <Trash />, show: canManageContacts, danger: true },
  ];

  return (
    <Box background="primary100" borderColor="primary200" hasRadius padding={3} data-testid="bulk-bar">
      <Flex gap={3} wrap="wrap" justifyContent="space-between">
        <Flex gap={3} wrap="wrap">
          <Typography fontWeight="semiBold" textColor="neutral800" data-testid="bulk-count">
            {selection.all
              ? t('bulk.all', 'All {count, plural, one {# result} other {# results}} selected', { count })
              : t('bulk.selected', '{count, plural, one {# contact} other {# contacts}} selected', { count })}
          </Typography>
          {!selection.all && selection.pageSelected && total > selection.selected.size && (
            <TextButton onClick={selection.selectAll}>
              {t('bulk.selectAll', 'Select all {count} results', { count: formatNumber(total) })}
            </TextButton>
          )}
          <TextButton onClick={selection.clear}>{t('bulk.clear', 'Clear the selection')}</TextButton>
        </Flex>
        <Flex gap={2} wrap="wrap">
          {actions
            .filter((a) => a.show)
            .map((a) => (
              <Button key={a.kind} size="S" variant={a.danger ? 'danger-light' : 'secondary'} startIcon={a.icon} onClick={() => onAction(a.kind)}>
                {a.label}
              </Button>
            ))}
        </Flex>
      </Flex>
    </Box>
  );
};
