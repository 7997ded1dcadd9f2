import { Flex, Typography } from '@strapi/design-system';
import { Eye, Pencil, Trash } from '@strapi/icons';
import { Table } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useFormat } from '../../hooks/useFormat';
import { useNavigate } from 'react-router-dom';
import type { ImportView } from '../../../../shared/imports';
import { getTranslation } from '../../utils/getTranslation';
import { importActions, isActiveImport } from '../../utils/importFormat';
import { importPath, importWizardPath } from '../../utils/paths';
import { ListTable } from '../ListTable';
import { OUTCOME_COLORS } from './ImportCounters';
import { ImportRunActions } from './ImportRunActions';
import { ImportStatusBadge } from './ImportStatusBadge';
import { RowAction } from '../RowAction';
import { WhenBy } from '../WhenBy';

interface ImportsTableProps {
  imports: ImportView[];
  isLoading: boolean;
  isFiltered: boolean;
  canCreate: boolean;
  canManage: boolean;
  emptyAction?: React.ReactNode;
  /** Read the page again: after an action, or when the server said a row's status was stale. */
  onChange: () => void;
  onDelete: (importView: ImportView) => void;
}

const stop = (e: React.MouseEvent) => e.stopPropagation();

const ORIGIN_LABELS: Record<string, string> = { upload: 'File', paste: 'Pasted text', url: 'URL', sftp: 'SFTP' };

/** A draft opens the wizard where it was left; any other import opens its detail page. */
const openPath = (i: ImportView) => (i.status === 'draft' ? importWizardPath(i.documentId) : importPath(i.documentId));

export const ImportsTable = ({
  imports,
  isLoading,
  isFiltered,
  canCreate,
  canManage,
  emptyAction,
  onChange,
  onDelete,
}: ImportsTableProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const format = useFormat();
  const navigate = useNavigate();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const headers = [
    { name: 'name', label: t('imports.column.name', 'Name') },
    { name: 'status', label: t('imports.column.status', 'Status') },
    { name: 'counters', label: t('imports.column.counters', 'Created / updated / failed') },
    { name: 'createdAt', label: t('imports.column.createdAt', 'When') },
    { name: 'duration', label: t('imports.column.duration', 'Duration') },
  ];
  const dash = <Typography textColor="neutral500">-</Typography>;

  return (
    <ListTable
      rows={imports}
      headers={headers}
      actionsLabel={t('imports.column.actions', 'Actions')}
      isLoading={isLoading}
      loadingText={t('imports.loading', 'Loading imports…')}
      emptyContent={isFiltered ? t('imports.empty.filtered', 'No import has this status.') : t('imports.empty', 'No imports yet.')}
      emptyAction={isFiltered ? undefined : emptyAction}
    >
      {imports.map((i) => {
        const c = i.counters;
        return (
          <Table.Row
            key={i.documentId}
            cursor="pointer"
            onClick={() => navigate(openPath(i))}
            data-testid="import-row"
            data-status={i.status}
          >
            <Table.Cell>
              <Flex direction="column" alignItems="flex-start">
                <Typography fontWeight="semiBold" textColor="neutral800" ellipsis style={{ maxWidth: '28rem' }}>
                  {i.name}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {[
                    t(`imports.origin.${i.source}`, ORIGIN_LABELS[i.source] ?? i.source),
                    t('imports.rows', '{rows} rows', { rows: formatNumber(c.total) }),
                    i.file ? format.bytes(i.file.size) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography>
              </Flex>
            </Table.Cell>
            <Table.Cell>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <ImportStatusBadge status={i.status} />
                {isActiveImport(i.status) && (
                  <Typography variant="pi" textColor="neutral600">
                    {formatNumber(i.progress, { style: 'percent', maximumFractionDigits: 0 })}
                  </Typography>
                )}
              </Flex>
            </Table.Cell>
            <Table.Cell>
              {i.status === 'draft' ? (
                dash
              ) : (
                <Flex direction="column" alignItems="flex-start">
                  <Typography textColor="neutral800">
                    <span style={{ color: OUTCOME_COLORS.created }}>{formatNumber(c.created)}</span>
                    {' / '}
                    <span style={{ color: OUTCOME_COLORS.updated }}>{formatNumber(c.updated)}</span>
                    {' / '}
                    <span style={{ color: c.failed ? OUTCOME_COLORS.failed : undefined }}>{formatNumber(c.failed)}</span>
                  </Typography>
                  {c.warnings > 0 && (
                    <Typography variant="pi" textColor="warning700">
                      {t('imports.warningsCount', '{count, plural, one {# warning} other {# warnings}}', {
                        count: c.warnings,
                      })}
                    </Typography>
                  )}
                </Flex>
              )}
            </Table.Cell>
            <Table.Cell>
              <WhenBy at={i.createdAt} by={i.createdBy} />
            </Table.Cell>
            <Table.Cell>
              <Typography textColor="neutral800">
                {i.timings.activeSeconds ? format.duration(i.timings.activeSeconds) : '-'}
              </Typography>
            </Table.Cell>
            <Table.Cell onClick={stop}>
              <Flex gap={1} justifyContent="flex-end">
                <ImportRunActions importView={i} onChange={onChange} onRefused={onChange} compact />
                {importActions(i.status).continue ? (
                  canCreate && (
                    <RowAction to={openPath(i)} label={t('imports.action.continue', 'Continue {name}', { name: i.name })} icon={<Pencil />} />
                  )
                ) : (
                  <RowAction to={openPath(i)} label={t('imports.action.view', 'View {name}', { name: i.name })} icon={<Eye />} />
                )}
                {canManage && importActions(i.status).delete && (
                  <RowAction label={t('imports.action.delete', 'Delete {name}', { name: i.name })} onClick={() => onDelete(i)} icon={<Trash />} />
                )}
              </Flex>
            </Table.Cell>
          </Table.Row>
        );
      })}
    </ListTable>
  );
};
