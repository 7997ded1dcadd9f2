import { Flex, Typography } from '@strapi/design-system';
import { Download, Trash } from '@strapi/icons';
import { Table } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { ExportView } from '../../exportTypes';
import { isActiveExport } from '../../hooks/useExports';
import { useFormat } from '../../hooks/useFormat';
import { getTranslation } from '../../utils/getTranslation';
import { ListTable } from '../ListTable';
import { RowAction } from '../RowAction';
import { WhenBy } from '../WhenBy';
import { ExportStatusBadge } from './ExportStatusBadge';
import { useExportLabels } from './useExportLabels';

interface ExportsTableProps {
  exports: ExportView[];
  isLoading: boolean;
  canManage: boolean;
  emptyAction?: React.ReactNode;
  onDownload: (view: ExportView) => void;
  onDelete: (view: ExportView) => void;
}

/** Each export with its status, rows, size, duration, who and when; the file once done. */
export const ExportsTable = ({ exports, isLoading, canManage, emptyAction, onDownload, onDelete }: ExportsTableProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const format = useFormat();
  const labels = useExportLabels();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const headers = [
    { name: 'name', label: t('exports.column.name', 'Export') },
    { name: 'status', label: t('exports.column.status', 'Status') },
    { name: 'rows', label: t('exports.column.rows', 'Rows') },
    { name: 'size', label: t('exports.column.size', 'Size') },
    { name: 'file', label: t('exports.column.file', 'Format and fields') },
    { name: 'duration', label: t('exports.column.duration', 'Duration') },
    { name: 'createdAt', label: t('exports.column.createdAt', 'When') },
  ];
  const dash = <Typography textColor="neutral500">-</Typography>;

  return (
    <ListTable
      rows={exports}
      headers={headers}
      actionsLabel={t('exports.column.actions', 'Actions')}
      isLoading={isLoading}
      loadingText={t('exports.loading', 'Loading exports…')}
      emptyContent={t('exports.empty', 'No exports yet.')}
      emptyAction={emptyAction}
    >
      {exports.map((e) => (
        <Table.Row key={e.documentId} data-testid="export-row" data-status={e.status} data-name={e.name}>
          <Table.Cell>
            <Flex direction="column" alignItems="flex-start">
              <Typography fontWeight="semiBold" textColor="neutral800" ellipsis style={{ maxWidth: '28rem' }}>
                {e.name}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {labels.scope(e.scope)}
              </Typography>
            </Flex>
          </Table.Cell>
          <Table.Cell>
            <Flex direction="column" alignItems="flex-start" gap={1}>
              <ExportStatusBadge status={e.status} />
              {isActiveExport(e) && (
                <Typography variant="pi" textColor="neutral600" data-testid="export-progress">
                  {formatNumber(e.progress, { style: 'percent', maximumFractionDigits: 0 })}
                </Typography>
              )}
              {e.status === 'failed' && e.error && (
                <Typography variant="pi" textColor="danger600" ellipsis style={{ maxWidth: '20rem' }} title={e.error}>
                  {e.error}
                </Typography>
              )}
            </Flex>
          </Table.Cell>
          <Table.Cell>
            <Typography textColor="neutral800" data-testid="export-rows">
              {e.status === 'done' || !e.total ? formatNumber(e.rowCount) : `${formatNumber(e.rowCount)} / ${formatNumber(e.total)}`}
            </Typography>
          </Table.Cell>
          <Table.Cell>{e.bytes ? <Typography textColor="neutral800">{format.bytes(e.bytes)}</Typography> : dash}</Table.Cell>
          <Table.Cell>
            <Flex direction="column" alignItems="flex-start">
              <Typography textColor="neutral800">{labels.format(e)}</Typography>
              <Typography variant="pi" textColor="neutral600" title={e.columns.join(', ')}>
                {labels.fields(e.fields, e.columns.length)}
              </Typography>
            </Flex>
          </Table.Cell>
          <Table.Cell>
            <Typography textColor="neutral800">{e.status === 'done' || e.status === 'failed' ? format.duration(e.durationMs / 1000) : '-'}</Typography>
          </Table.Cell>
          <Table.Cell>
            <WhenBy at={e.createdAt} by={e.createdBy} />
          </Table.Cell>
          <Table.Cell>
            <Flex gap={1} justifyContent="flex-end">
              {e.status === 'done' && e.file && (
                <RowAction label={t('exports.action.download', 'Download {name}', { name: e.name })} onClick={() => onDownload(e)} icon={<Download />} />
              )}
              {canManage && <RowAction label={t('exports.action.delete', 'Delete {name}', { name: e.name })} onClick={() => onDelete(e)} icon={<Trash />} />}
            </Flex>
          </Table.Cell>
        </Table.Row>
      ))}
    </ListTable>
  );
};
