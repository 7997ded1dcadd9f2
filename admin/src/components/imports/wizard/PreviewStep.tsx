import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Flex, Loader, Typography } from '@strapi/design-system';
import { Play } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Card } from '../../Card';
import { Notice } from '../../Notice';
import { useApiErrorNotification } from '../../../hooks/useApiErrorNotification';
import { useImportApi } from '../../../hooks/useImportApi';
import type { ImportPreview, ImportView } from '../../../../../shared/imports';
import type { ContactField } from '../../../types';
import { readApiError } from '../../../utils/apiError';
import { getTranslation } from '../../../utils/getTranslation';
import { DryRunPanel } from './DryRunPanel';
import { PreviewTable } from './PreviewTable';
import { WizardFooter } from './WizardFooter';

/** The whole-file check refreshes through the preview: once a second while it runs. */
const POLL_MS = 1000;

interface PreviewStepProps {
  importView: ImportView;
  fields: ContactField[];
  onStarted: (importView: ImportView) => void;
  onBack: () => void;
}

/** The first rows as they will be stored, and the whole file checked in the background. Writes nothing. */
export const PreviewStep = ({ importView, fields, onStarted, onBack }: PreviewStepProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const api = useImportApi();
  const notifyError = useApiErrorNotification();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [starting, setStarting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // A request answering after the step left must not schedule another poll.
  const alive = useRef(true);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const load = useCallback(
    async (quiet = false) => {
      clearTimeout(timer.current);
      if (!quiet) {
        setLoading(true);
        setProblem(null);
      }
      try {
        const next = await api.preview(importView.documentId, 20);
        if (!alive.current) return;
        setPreview(next);
        // null: the server has not stored the check's first report yet.
        if (!next.dryRun || next.dryRun.status === 'running') timer.current = setTimeout(() => load(true), POLL_MS);
      } catch (error) {
        if (!alive.current) return;
        // A poll that fails once keeps what is on screen and tries again later.
        if (quiet) {
          timer.current = setTimeout(() => load(true), POLL_MS * 3);
          return;
        }
        setProblem(readApiError(error).message ?? null);
        notifyError(error);
      } finally {
        if (!quiet && alive.current) setLoading(false);
      }
    },
    [api, importView.documentId, notifyError],
  );

  useEffect(() => {
    alive.current = true;
    load();
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
    };
  }, [load]);

  const start = async () => {
    setStarting(true);
    clearTimeout(timer.current);
    try {
      onStarted(await api.start(importView.documentId));
    } catch (error) {
      setProblem(readApiError(error).message ?? null);
      notifyError(error);
      setStarting(false);
    }
  };

  const rows = preview?.rows ?? [];
  const failing = rows.filter((r) => !r.contact).length;
  const warned = rows.filter((r) => r.contact && r.warnings.length > 0).length;
  const dryRun = preview?.dryRun ?? null;
  // Once the check has read every row, its count is exact; before, the sniffer's estimate.
  const total = dryRun?.status === 'done' && !dryRun.limited ? dryRun.rowsRead : importView.counters.total;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Card
        title={t('imports.preview.title', 'Preview')}
        description={
          preview
            ? t(
                'imports.preview.summary.warnings',
                'The first {count, plural, one {row} other {# rows}} as they will be stored: {valid} valid, {warned} with dropped cells, {failing} would fail. Nothing is saved yet.',
                { count: rows.length, valid: rows.length - failing - warned, warned, failing },
              )
            : undefined
        }
        actions={
          problem && !loading ? (
            <Button variant="secondary" onClick={() => load()}>
              {t('imports.preview.retry', 'Try again')}
            </Button>
          ) : undefined
        }
      >
        {loading && !preview ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('imports.preview.loading', 'Reading the first rows…')}</Loader>
          </Flex>
        ) : preview && rows.length === 0 ? (
          <Typography textColor="neutral600">{t('imports.preview.empty', 'The source has no data rows.')}</Typography>
        ) : preview ? (
          <PreviewTable importView={importView} fields={fields} rows={rows} />
        ) : null}
        {preview?.truncated && <Notice variant="warning">{preview.truncated}</Notice>}
        {problem && (
          <Notice variant="danger" data-testid="preview-problem">
            {problem}
          </Notice>
        )}
        {(failing > 0 || warned > 0) && (
          <Typography variant="pi" textColor="neutral600">
            {t(
              'imports.preview.problemsHint',
              'Rows that fail are not imported; a dropped cell leaves that one value out of a contact that is imported. After the import both are listed in a downloadable file.',
            )}
          </Typography>
        )}
      </Card>
      {preview && (
        <DryRunPanel dryRun={dryRun} rowEstimate={importView.counters.total} columns={importView.detected?.columns ?? []} />
      )}
      <WizardFooter
        onBack={onBack}
        onNext={start}
        isLoading={starting}
        nextDisabled={loading || !preview}
        nextIcon={<Play />}
        nextLabel={t('imports.preview.start', 'Start the import ({rows} rows)', { rows: formatNumber(total) })}
      />
    </Flex>
  );
};
