import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useFormat } from '../../hooks/useFormat';
import { Link } from 'react-router-dom';
import type { ImportView } from '../../../../shared/imports';
import { getTranslation } from '../../utils/getTranslation';
import { Notice } from '../Notice';
import { importContactsPath } from '../../utils/paths';
import { DownloadErrorsButton } from './DownloadErrorsButton';
import { ImportCounters } from './ImportCounters';

/**
 * The end of an import, as Mautic words it: "N lines processed, C created, U
 * updated, … in T s", the counters, the errors file and the way to the contacts.
 */
export const ImportSummary = ({ importView }: { importView: ImportView }) => {
  const { formatMessage, formatNumber } = useIntl();
  const format = useFormat();
  const c = importView.counters;
  const ok = importView.status === 'imported';
  const line = formatMessage(
    {
      id: getTranslation('imports.summary.line'),
      defaultMessage:
        '{processed} lines processed: {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped, {failed} failed in {duration}{warnings, plural, =0 {} one {; # cell dropped (warning)} other {; # cells dropped (warnings)}}',
    },
    {
      processed: formatNumber(c.processed),
      created: formatNumber(c.created),
      updated: formatNumber(c.updated),
      unchanged: formatNumber(c.unchanged),
      skipped: formatNumber(c.skipped),
      failed: formatNumber(c.failed),
      warnings: c.warnings ?? 0,
      duration: format.duration(importView.timings.activeSeconds ?? 0),
    },
  );
  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="import-summary">
      <Notice
        variant={ok ? (c.failed > 0 || c.warnings > 0 ? 'warning' : 'success') : 'danger'}
        data-testid="import-summary-line"
        title={
          ok
            ? formatMessage({ id: getTranslation('imports.summary.done'), defaultMessage: 'Import finished' })
            : formatMessage({ id: getTranslation('imports.summary.failed'), defaultMessage: 'Import failed' })
        }
      >
        {ok ? line : importView.error || line}
      </Notice>
      <ImportCounters counters={c} />
      <Flex gap={2} wrap="wrap">
        <DownloadErrorsButton importView={importView} />
        <LinkButton tag={Link} to={importContactsPath(importView.documentId)} variant="secondary">
          {formatMessage({ id: getTranslation('imports.summary.contacts'), defaultMessage: 'See the contacts' })}
        </LinkButton>
      </Flex>
      {(c.failed > 0 || c.warnings > 0) && (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({
            id: getTranslation('imports.summary.problemsHint'),
            defaultMessage:
              'The errors file lists each failed row and each dropped cell with its line number, the reason and the original cells: fix them and import the file again.',
          })}
        </Typography>
      )}
    </Flex>
  );
};
