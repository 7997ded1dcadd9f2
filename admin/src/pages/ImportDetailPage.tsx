import { useState } from 'react';
import { Button, Flex, Grid, LinkButton, Typography } from '@strapi/design-system';
import { Pencil, Trash } from '@strapi/icons';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Card } from '../components/Card';
import { Notice } from '../components/Notice';
import { DeleteImportDialog } from '../components/imports/DeleteImportDialog';
import { DownloadErrorsButton } from '../components/imports/DownloadErrorsButton';
import { FirstErrorsTable } from '../components/imports/FirstErrorsTable';
import { ImportProgress } from '../components/imports/ImportProgress';
import { ImportRunActions } from '../components/imports/ImportRunActions';
import { ImportMappingUsed, ImportOptionsUsed } from '../components/imports/ImportSettings';
import { OutcomePieChart } from '../components/imports/charts/OutcomePieChart';
import { RowsPerMinuteChart } from '../components/imports/charts/RowsPerMinuteChart';
import { useFields } from '../hooks/useFields';
import { useImport } from '../hooks/useImport';
import { useImportPermissions } from '../hooks/useImportPermissions';
import { getTranslation } from '../utils/getTranslation';
import { formatDuration, isActiveImport, personName } from '../utils/importFormat';
import { IMPORTS_PATH, importWizardPath } from '../utils/paths';

/** One import: live progress, both charts, options and mapping used, first failed rows. */
export const ImportDetailPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const { formatMessage, formatDate } = useIntl();
  const navigate = useNavigate();
  const permissions = useImportPermissions();
  const { importView, isLoading, error, set } = useImport(documentId);
  const { fields } = useFields();
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  if (permissions.isLoading || isLoading) return <Page.Loading />;
  if (!permissions.canRead) return <Page.NoPermissions />;
  if (error || !importView) return <Page.Error />;

  const who = personName(importView.createdBy);
  const when = importView.createdAt ? formatDate(importView.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  const subtitle = [
    who ? t('imports.detail.by', 'Imported by {who}', { who }) : null,
    when,
    importView.timings.activeSeconds
      ? t('imports.detail.duration', 'ran {duration}', { duration: formatDuration(importView.timings.activeSeconds) })
      : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Page.Main>
      <Page.Title>{importView.name}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback={IMPORTS_PATH} />}
        title={importView.name}
        subtitle={subtitle}
        primaryAction={
          <Flex gap={2}>
            <ImportRunActions importView={importView} onChange={set} size="M" />
            {permissions.canManage && !isActiveImport(importView.status) && (
              <Button variant="danger-light" startIcon={<Trash />} onClick={() => setDeleteOpen(true)}>
                {t('imports.delete.confirm', 'Delete')}
              </Button>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {importView.status === 'draft' && (
            <Notice
              title={t('imports.detail.draft', 'This import has not started yet.')}
              action={
                permissions.canCreate && (
                  <LinkButton tag={Link} to={importWizardPath(importView.documentId)} startIcon={<Pencil />} variant="secondary">
                    {t('imports.detail.continue', 'Continue in the wizard')}
                  </LinkButton>
                )
              }
            />
          )}
          {importView.status === 'failed' && importView.error && (
            <Notice variant="danger" title={t('imports.summary.failed', 'Import failed')}>
              {importView.error}
            </Notice>
          )}
          <Card title={t('imports.detail.progress', 'Progress')} actions={<DownloadErrorsButton importView={importView} />}>
            <ImportProgress importView={importView} />
          </Card>
          <Grid.Root gap={6}>
            <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
              <Card title={t('imports.chart.outcome', 'Created, updated and failed')} data-testid="card-outcome">
                <OutcomePieChart counters={importView.counters} />
              </Card>
            </Grid.Item>
            <Grid.Item col={7} s={12} direction="column" alignItems="stretch">
              <Card title={t('imports.chart.perMinute', 'Rows processed per minute')} data-testid="card-per-minute">
                <RowsPerMinuteChart perMinute={importView.timings.perMinute ?? []} />
              </Card>
            </Grid.Item>
          </Grid.Root>
          <Card
            title={t('imports.detail.firstErrors', 'First failed rows')}
            description={
              importView.counters.failed > (importView.firstErrors?.length ?? 0)
                ? t('imports.detail.firstErrors.more', 'The first {shown} of {count}; the errors file has them all.', {
                    shown: importView.firstErrors?.length ?? 0,
                    count: importView.counters.failed,
                  })
                : undefined
            }
          >
            <FirstErrorsTable rows={importView.firstErrors ?? []} columns={importView.detected?.columns ?? []} />
          </Card>
          <Card title={t('imports.detail.options', 'Options used')}>
            <ImportOptionsUsed importView={importView} />
          </Card>
          <Card title={t('imports.detail.mapping', 'Mapping used')}>
            <ImportMappingUsed mapping={importView.mapping} fields={fields} columns={importView.detected?.columns ?? []} />
          </Card>
          {!importView.createdBy && (
            <Typography variant="pi" textColor="neutral600">
              {t('imports.detail.cli', 'Started from the command line or by a schedule.')}
            </Typography>
          )}
        </Flex>
      </Layouts.Content>
      {isDeleteOpen && (
        <DeleteImportDialog
          documentId={importView.documentId}
          name={importView.name}
          onClose={() => setDeleteOpen(false)}
          onDeleted={() => navigate(IMPORTS_PATH)}
        />
      )}
    </Page.Main>
  );
};
