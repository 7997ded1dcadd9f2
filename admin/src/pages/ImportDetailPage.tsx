import { useState } from 'react';
import { Button, Flex, Grid, LinkButton, Typography } from '@strapi/design-system';
import { Pencil, Trash, User } from '@strapi/icons';
import { BackButton, Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useFormat } from '../hooks/useFormat';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Card } from '../components/Card';
import { Notice } from '../components/Notice';
import { ExportButton } from '../components/exports/ExportButton';
import { DeleteImportDialog } from '../components/imports/DeleteImportDialog';
import { DownloadErrorsButton } from '../components/imports/DownloadErrorsButton';
import { FirstErrorsTable } from '../components/imports/FirstErrorsTable';
import { ImportProgress } from '../components/imports/ImportProgress';
import { ImportRunActions } from '../components/imports/ImportRunActions';
import { ImportMappingUsed, ImportOptionsUsed } from '../components/imports/ImportSettings';
import { OutcomePieChart } from '../components/imports/charts/OutcomePieChart';
import { RowsPerMinuteChart } from '../components/imports/charts/RowsPerMinuteChart';
import { useExportTargets } from '../hooks/useExportTargets';
import { useFields } from '../hooks/useFields';
import { useImport } from '../hooks/useImport';
import { useImportPermissions } from '../hooks/useImportPermissions';
import { getTranslation } from '../utils/getTranslation';
import { importActions, personName } from '../utils/importFormat';
import { IMPORTS_PATH, importContactsPath, importWizardPath } from '../utils/paths';

/** One import: live progress, both charts, options and mapping used, first failed rows. */
export const ImportDetailPage = () => {
  const { documentId } = useParams<{ documentId: string }>();
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const format = useFormat();
  const navigate = useNavigate();
  const permissions = useImportPermissions();
  const { importView, isLoading, error, set, reload } = useImport(documentId);
  const { fields } = useFields();
  const exportTargets = useExportTargets();
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  if (permissions.isLoading || isLoading) return <Page.Loading />;
  if (!permissions.canRead) return <Page.NoPermissions />;
  if (error || !importView) return <Page.Error />;

  const who = personName(importView.createdBy);
  const problemCount = importView.counters.failed + (importView.counters.warnings ?? 0);
  const when = importView.createdAt ? formatDate(importView.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  const subtitle = [
    who ? t('imports.detail.by', 'Imported by {who}', { who }) : null,
    when,
    importView.timings.activeSeconds
      ? t('imports.detail.duration', 'ran {duration}', { duration: format.duration(importView.timings.activeSeconds) })
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
            {importView.status !== 'draft' && (
              <LinkButton tag={Link} to={importContactsPath(importView.documentId)} variant="tertiary" startIcon={<User />}>
                {t('imports.summary.contacts', 'See the contacts')}
              </LinkButton>
            )}
            {importView.status !== 'draft' && <ExportButton variant="tertiary" target={() => exportTargets.importContacts(importView)} />}
            <ImportRunActions importView={importView} onChange={set} onRefused={reload} size="M" />
            {permissions.canManage && importActions(importView.status).delete && (
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
            title={t('imports.detail.firstProblems', 'First problems')}
            description={
              problemCount > (importView.firstErrors?.length ?? 0)
                ? t('imports.detail.firstProblems.more', 'The first {shown} of {count}; the errors file has them all.', {
                    shown: formatNumber(importView.firstErrors?.length ?? 0),
                    count: formatNumber(problemCount),
                  })
                : t(
                    'imports.detail.firstProblems.levels',
                    'Errors are rows that were not imported; warnings are cells left out of contacts that were.',
                  )
            }
          >
            <FirstErrorsTable
              rows={importView.firstErrors ?? []}
              columns={importView.detected?.columns ?? []}
              emptyText={t('imports.detail.noProblems', 'No row failed and no cell was dropped.')}
            />
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
