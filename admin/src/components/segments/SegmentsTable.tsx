import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { Download, Eye, Pencil, Trash, User } from '@strapi/icons';
import { Table } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { Segment } from '../../segmentTypes';
import { getTranslation } from '../../utils/getTranslation';
import { ListTable } from '../ListTable';
import { segmentContactsPath, segmentPath } from '../../utils/paths';
import { RefreshSegmentButton } from './RefreshSegmentButton';
import { RowAction } from '../RowAction';

interface SegmentsTableProps {
  segments: Segment[];
  isLoading: boolean;
  canRefresh: boolean;
  canManage: boolean;
  /** Criteria as a sentence (the default segments show theirs read-only). */
  describe: (segment: Segment) => string;
  emptyAction?: React.ReactNode;
  onChange: () => void;
  onDelete: (segment: Segment) => void;
  /** Given for a role that may export: the row offers it. */
  onExport?: (segment: Segment) => void;
}

const stop = (e: React.MouseEvent) => e.stopPropagation();

/** Each segment with its count, when it was computed and what its last refresh changed. */
export const SegmentsTable = ({ segments, isLoading, canRefresh, canManage, describe, emptyAction, onChange, onDelete, onExport }: SegmentsTableProps) => {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const navigate = useNavigate();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const headers = [
    { name: 'name', label: t('segments.column.name', 'Name') },
    { name: 'kind', label: t('segments.column.kind', 'Kind') },
    { name: 'count', label: t('segments.column.count', 'Contacts') },
    { name: 'computedAt', label: t('segments.column.computedAt', 'Computed') },
    { name: 'lastRefresh', label: t('segments.column.lastRefresh', 'Last refresh') },
  ];
  const dash = <Typography textColor="neutral500">-</Typography>;

  return (
    <ListTable
      rows={segments}
      headers={headers}
      actionsLabel={t('segments.column.actions', 'Actions')}
      isLoading={isLoading}
      loadingText={t('segments.loading', 'Loading segments…')}
      emptyContent={t('segments.empty', 'No segments yet.')}
      emptyAction={emptyAction}
    >
      {segments.map((s) => {
        const last = s.lastRefresh;
        return (
          <Table.Row
            key={s.documentId}
            cursor="pointer"
            onClick={() => navigate(segmentPath(s.documentId))}
            data-testid="segment-row"
            data-name={s.name}
          >
            <Table.Cell>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Flex gap={2}>
                  <Typography fontWeight="semiBold" textColor="neutral800">
                    {s.name}
                  </Typography>
                  {s.builtIn && <Badge size="S">{t('segments.builtIn', 'Default')}</Badge>}
                </Flex>
                {s.kind === 'dynamic' && (
                  // A long sentence is cut to the column; the whole of it shows on hover and on the segment's page.
                  <Box maxWidth="40rem" title={describe(s)}>
                    <Typography variant="pi" textColor="neutral600" ellipsis tag="p" data-testid="segment-criteria">
                      {describe(s)}
                    </Typography>
                  </Box>
                )}
              </Flex>
            </Table.Cell>
            <Table.Cell>
              <Typography textColor="neutral800">
                {s.kind === 'dynamic' ? t('segments.kind.dynamic', 'Dynamic') : t('segments.kind.static', 'Static')}
              </Typography>
            </Table.Cell>
            <Table.Cell>
              <Typography textColor="neutral800" data-testid="segment-count">
                {formatNumber(s.count)}
              </Typography>
            </Table.Cell>
            <Table.Cell>
              {s.computedAt ? (
                <Typography textColor="neutral800">{formatDate(s.computedAt, { dateStyle: 'medium', timeStyle: 'short' })}</Typography>
              ) : (
                dash
              )}
            </Table.Cell>
            <Table.Cell data-testid="segment-last-refresh">
              {last?.error ? (
                <Typography textColor="danger600">{t('segments.lastRefresh.failed', 'Failed: {error}', { error: last.error })}</Typography>
              ) : last && last.added !== undefined ? (
                <Typography textColor="neutral800">
                  {t('segments.lastRefresh.summary', '+{added} / −{removed} in {duration} ms', {
                    added: formatNumber(last.added),
                    removed: formatNumber(last.removed ?? 0),
                    duration: formatNumber(last.durationMs ?? 0),
                  })}
                </Typography>
              ) : (
                dash
              )}
            </Table.Cell>
            <Table.Cell onClick={stop}>
              <Flex gap={1} justifyContent="flex-end">
                <RowAction
                  to={segmentContactsPath(s.documentId)}
                  label={t('segments.actions.contacts', 'See the contacts of {name}', { name: s.name })}
                  icon={<User />}
                />
                {canRefresh && s.kind === 'dynamic' && <RefreshSegmentButton segment={s} onRefreshed={onChange} compact />}
                {onExport && <RowAction label={t('segments.actions.export', 'Export {name}', { name: s.name })} onClick={() => onExport(s)} icon={<Download />} />}
                <RowAction
                  to={segmentPath(s.documentId)}
                  label={canManage ? t('segments.actions.edit', 'Edit {name}', { name: s.name }) : t('segments.actions.view', 'View {name}', { name: s.name })}
                  icon={canManage ? <Pencil /> : <Eye />}
                />
                {canManage && !s.builtIn && (
                  <RowAction label={t('segments.actions.delete', 'Delete {name}', { name: s.name })} onClick={() => onDelete(s)} icon={<Trash />} />
                )}
              </Flex>
            </Table.Cell>
          </Table.Row>
        );
      })}
    </ListTable>
  );
};
