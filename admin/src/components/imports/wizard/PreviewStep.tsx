import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Flex, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { CheckCircle, Play, WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Card } from '../../Card';
import { Notice } from '../../Notice';
import { useApiErrorNotification } from '../../../hooks/useApiErrorNotification';
import { useImportApi } from '../../../hooks/useImportApi';
import type { ImportPreview, ImportView, PreviewProblem, PreviewRow } from '../../../importTypes';
import type { ContactField } from '../../../types';
import { readApiError } from '../../../utils/apiError';
import { getTranslation } from '../../../utils/getTranslation';
import { WizardFooter } from './WizardFooter';

/** One preview column: a mapped field, filled from a source column (or a fixed value). */
interface Target {
  field: string;
  label: string;
  sourceIndex: number | null;
  sourceName: string | null;
}

const BUILT_IN_VALUE_KEYS = new Set([
  'email',
  'mobile',
  'firstName',
  'lastName',
  'company',
  'emailOptIn',
  'smsOptIn',
  'emailStatus',
  'mobileStatus',
]);

const targetsOf = (importView: ImportView, fields: ContactField[]): Target[] => {
  const detected = importView.detected!;
  const label = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
  const seen = new Map<string, Target>();
  for (const entry of importView.mapping) {
    if ('ignore' in entry) continue;
    const field = 'newField' in entry ? entry.newField.key : entry.field;
    if (seen.has(field)) continue;
    if ('literal' in entry) {
      seen.set(field, { field, label: label(field), sourceIndex: null, sourceName: null });
      continue;
    }
    const index =
      typeof entry.column === 'number'
        ? entry.column
        : detected.hasHeader
          ? detected.columns.indexOf(entry.column)
          : Number(entry.column);
    const isOption = 'option' in entry && entry.option !== undefined;
    seen.set(field, {
      field,
      label: 'newField' in entry ? entry.newField.label : label(field),
      sourceIndex: isOption ? null : index,
      sourceName: isOption ? null : (detected.columns[index] ?? null),
    });
  }
  return [...seen.values()];
};

const storedValue = (row: PreviewRow, field: string): unknown => {
  const c = row.contact!;
  if (field === 'tags') return c.tags;
  if (BUILT_IN_VALUE_KEYS.has(field)) return c[field];
  return c.attributes?.[field];
};

const problemsFor = (row: PreviewRow, target: Target): PreviewProblem[] =>
  row.errors.filter((e) => e.field === target.field || (target.sourceName !== null && e.column === target.sourceName));

interface PreviewStepProps {
  importView: ImportView;
  fields: ContactField[];
  onStarted: (importView: ImportView) => void;
  onBack: () => void;
}

/** The first rows as they will be stored; invalid cells in red with the reason. Writes nothing. */
export const PreviewStep = ({ importView, fields, onStarted, onBack }: PreviewStepProps) => {
  const { formatMessage, formatNumber } = useIntl();
  const api = useImportApi();
  const notifyError = useApiErrorNotification();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [starting, setStarting] = useState(false);
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const load = useCallback(async () => {
    setLoading(true);
    setProblem(null);
    try {
      setPreview(await api.preview(importView.documentId, 20));
    } catch (error) {
      setProblem(readApiError(error).message ?? null);
      notifyError(error);
    } finally {
      setLoading(false);
    }
  }, [api, importView.documentId, notifyError]);

  useEffect(() => {
    load();
  }, [load]);

  const start = async () => {
    setStarting(true);
    try {
      onStarted(await api.start(importView.documentId));
    } catch (error) {
      setProblem(readApiError(error).message ?? null);
      notifyError(error);
      setStarting(false);
    }
  };

  const targets = targetsOf(importView, fields);
  const failing = preview?.rows.filter((r) => !r.contact).length ?? 0;
  const show = (value: unknown) => {
    if (value === null || value === undefined || value === '') return <Typography textColor="neutral500">-</Typography>;
    const text = Array.isArray(value)
      ? value.join(', ')
      : typeof value === 'boolean'
        ? value
          ? t('imports.yes', 'Yes')
          : t('imports.no', 'No')
        : String(value);
    return <Typography textColor="neutral800">{text}</Typography>;
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Card
        title={t('imports.preview.title', 'Preview')}
        description={
          preview
            ? t(
                'imports.preview.summary',
                'The first {count, plural, one {row} other {# rows}} as they will be stored: {valid} valid, {failing} would fail. Nothing is saved yet.',
                { count: preview.rows.length, valid: preview.rows.length - failing, failing },
              )
            : undefined
        }
        actions={
          problem && !loading ? (
            <Button variant="secondary" onClick={load}>
              {t('imports.preview.retry', 'Try again')}
            </Button>
          ) : undefined
        }
      >
        {loading ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('imports.preview.loading', 'Reading the first rows…')}</Loader>
          </Flex>
        ) : preview && preview.rows.length === 0 ? (
          <Typography textColor="neutral600">{t('imports.preview.empty', 'The source has no data rows.')}</Typography>
        ) : preview ? (
          <Box overflow="auto" data-testid="preview-table">
            <Table colCount={targets.length + 2} rowCount={preview.rows.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">{t('imports.errors.line', 'Line')}</Typography>
                  </Th>
                  {targets.map((target) => (
                    <Th key={target.field}>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography variant="sigma">{target.label}</Typography>
                        {target.sourceName && target.sourceName !== target.label && (
                          <Typography variant="pi" textColor="neutral500" style={{ textTransform: 'none' }}>
                            {`← ${target.sourceName}`}
                          </Typography>
                        )}
                      </Flex>
                    </Th>
                  ))}
                  <Th>
                    <Typography variant="sigma">{t('imports.preview.problems', 'Problems')}</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {preview.rows.map((row) => {
                  const placed = new Set<PreviewProblem>();
                  const cells = targets.map((target) => {
                    const problems = problemsFor(row, target);
                    problems.forEach((p) => placed.add(p));
                    if (problems.length) {
                      const raw = target.sourceIndex !== null ? row.cells[target.sourceIndex] : '';
                      return (
                        <Td
                          key={target.field}
                          background="danger100"
                          data-testid="preview-invalid-cell"
                          style={{ whiteSpace: 'normal' }}
                        >
                          <Flex direction="column" alignItems="flex-start">
                            <Typography textColor="danger700" fontWeight="semiBold">
                              {raw || '-'}
                            </Typography>
                            <Typography variant="pi" textColor="danger600">
                              {problems.map((p) => p.reason).join('; ')}
                            </Typography>
                          </Flex>
                        </Td>
                      );
                    }
                    const value = row.contact
                      ? storedValue(row, target.field)
                      : target.sourceIndex !== null
                        ? row.cells[target.sourceIndex]
                        : undefined;
                    return <Td key={target.field}>{show(value)}</Td>;
                  });
                  const rest = row.errors.filter((e) => !placed.has(e));
                  return (
                    <Tr key={row.line} data-testid="preview-row" data-valid={row.contact ? 'true' : 'false'}>
                      <Td>
                        <Typography textColor="neutral600">{formatNumber(row.line)}</Typography>
                      </Td>
                      {cells}
                      <Td style={{ whiteSpace: 'normal' }}>
                        {row.contact ? (
                          <CheckCircle fill="success600" aria-label={t('imports.preview.valid', 'Valid')} />
                        ) : (
                          <Flex gap={1} alignItems="flex-start">
                            <WarningCircle fill="danger600" />
                            <Typography variant="pi" textColor="danger600">
                              {rest.length
                                ? rest.map((e) => e.reason).join('; ')
                                : t('imports.preview.fails', 'This row will fail')}
                            </Typography>
                          </Flex>
                        )}
                      </Td>
                    </Tr>
                  );
                })}
              </Tbody>
            </Table>
          </Box>
        ) : null}
        {problem && (
          <Notice variant="danger" data-testid="preview-problem">
            {problem}
          </Notice>
        )}
        {failing > 0 && (
          <Typography variant="pi" textColor="neutral600">
            {t(
              'imports.preview.failingHint',
              'Rows that fail are not imported; after the import they are listed in a downloadable errors file.',
            )}
          </Typography>
        )}
      </Card>
      <WizardFooter
        onBack={onBack}
        onNext={start}
        isLoading={starting}
        nextDisabled={loading || !preview}
        nextIcon={<Play />}
        nextLabel={t('imports.preview.start', 'Start the import ({rows} rows)', {
          rows: formatNumber(importView.counters.total),
        })}
      />
    </Flex>
  );
};
