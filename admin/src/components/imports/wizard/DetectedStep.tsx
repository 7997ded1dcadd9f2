import { useState } from 'react';
import { Field, Flex, Grid, Loader, SingleSelect, SingleSelectOption, Toggle, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useFormat } from '../../../hooks/useFormat';
import { Card } from '../../Card';
import { useApiErrorNotification } from '../../../hooks/useApiErrorNotification';
import { useImportApi } from '../../../hooks/useImportApi';
import { IMPORT_DELIMITERS, type ImportOptions, type ImportView } from '../../../../../shared/imports';
import { getTranslation } from '../../../utils/getTranslation';
import { ENCODINGS } from '../../../utils/importFormat';
import { useImportLabels } from '../useImportLabels';
import { SampleTable } from './SampleTable';
import { WizardFooter } from './WizardFooter';

interface DetectedStepProps {
  importView: ImportView;
  /** The server re-sniffed the source and may have suggested a new mapping. */
  onResniffed: (importView: ImportView) => void;
  onBack: () => void;
  onNext: () => void;
}

/** What the server found (encoding, delimiter, header row, rows); each control re-reads the sample. */
export const DetectedStep = ({ importView, onResniffed, onBack, onNext }: DetectedStepProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const format = useFormat();
  const labels = useImportLabels();
  const api = useImportApi();
  const notifyError = useApiErrorNotification();
  const [busy, setBusy] = useState(false);
  const d = importView.detected!;
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const change = async (options: Partial<ImportOptions>) => {
    setBusy(true);
    try {
      onResniffed(await api.update(importView.documentId, { options }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const encodings = ENCODINGS.includes(d.encoding) ? ENCODINGS : [d.encoding, ...ENCODINGS];
  const isSheet = d.format === 'xlsx';

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Card
        title={t('imports.detected.title', 'File format')}
        description={t(
          'imports.detected.description',
          'Detected from the file. If the sample below looks wrong (odd characters such as Ã©, everything in one column), change a setting: the sample is read again.',
        )}
        actions={busy ? <Loader small /> : undefined}
      >
        <Grid.Root gap={5}>
          {!isSheet && (
            <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root
                name="encoding"
                hint={d.bom ? t('imports.detected.bom', 'The file starts with a byte order mark.') : undefined}
              >
                <Field.Label>{t('imports.detected.encoding', 'Encoding')}</Field.Label>
                <SingleSelect
                  value={d.encoding}
                  disabled={busy}
                  onChange={(v) => change({ encoding: String(v) })}
                  data-testid="detected-encoding"
                >
                  {encodings.map((e) => (
                    <SingleSelectOption key={e} value={e}>
                      {e}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
          )}
          {!isSheet && (
            <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="delimiter">
                <Field.Label>{t('imports.detected.delimiter', 'Delimiter')}</Field.Label>
                <SingleSelect value={d.delimiter} disabled={busy} onChange={(v) => change({ delimiter: String(v) })}>
                  {IMPORT_DELIMITERS.map((del) => (
                    <SingleSelectOption key={del} value={del}>
                      {labels.delimiter(del)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Grid.Item>
          )}
          {isSheet && d.sheets && d.sheets.length > 1 && (
            <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="sheet">
                <Field.Label>{t('imports.detected.sheet', 'Sheet')}</Field.Label>
                <SingleSelect value={d.sheet ?? d.sheets[0]} disabled={busy} onChange={(v) => change({ sheet: String(v) })}>
                  {d.sheets.map((s) => (
                    <SingleSelectOption key={s} value={s}>
                      {s}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Grid.Item>
          )}
          <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <Field.Root name="hasHeader">
              <Field.Label>{t('imports.detected.hasHeader', 'First row is a header')}</Field.Label>
              <Toggle
                checked={d.hasHeader}
                disabled={busy}
                onLabel={t('imports.yes', 'Yes')}
                offLabel={t('imports.no', 'No')}
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => change({ hasHeader: e.target.checked })}
              />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="flex-start" gap={1}>
            <Typography variant="pi" fontWeight="bold" textColor="neutral800">
              {t('imports.detected.rows', 'Rows')}
            </Typography>
            <Typography variant="beta" tag="p" data-testid="detected-rows">
              {formatNumber(d.rowEstimate)}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {t('imports.detected.rowsHint', 'Estimated from the start of a large file; counted exactly by the import.')}
            </Typography>
            {importView.file && (
              <Typography variant="pi" textColor="neutral600">
                {`${importView.file.name} · ${format.bytes(importView.file.size)}`}
              </Typography>
            )}
          </Grid.Item>
        </Grid.Root>
      </Card>
      <Card
        title={t('imports.detected.sample', 'Sample')}
        description={t(
          'imports.detected.sampleCount',
          'The first {count, plural, one {row} other {# rows}} as read with these settings.',
          { count: d.sample.length },
        )}
      >
        <SampleTable columns={d.columns} rows={d.sample} />
      </Card>
      <WizardFooter onBack={onBack} backLabel={t('imports.wizard.startOver', 'Start over')} onNext={onNext} isLoading={busy} />
    </Flex>
  );
};
