import { Box, Flex, Grid, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useFormat } from '../../hooks/useFormat';
import { DEFAULT_DATE_FORMAT } from '../../../../shared/constants';
import type { ImportView, MappingEntry } from '../../../../shared/imports';
import type { ContactField } from '../../types';
import { getTranslation } from '../../utils/getTranslation';
import { useContactLabels } from '../../hooks/useContactLabels';
import { useImportLabels } from './useImportLabels';

const Item = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography textColor="neutral800">{children}</Typography>
  </Grid.Item>
);

/** The options an import ran with, as a definition grid. */
export const ImportOptionsUsed = ({ importView }: { importView: ImportView }) => {
  const { formatMessage, formatNumber } = useIntl();
  const format = useFormat();
  const labels = useImportLabels();
  const contactLabels = useContactLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const o = importView.options;
  const d = importView.detected;
  return (
    <Grid.Root gap={5} data-testid="import-options">
      {importView.file && (
        <Item label={t('imports.detail.file', 'File')}>{`${importView.file.name} (${format.bytes(importView.file.size)})`}</Item>
      )}
      {d && d.format !== 'xlsx' && <Item label={t('imports.detected.encoding', 'Encoding')}>{o.encoding ?? d.encoding}</Item>}
      {d && d.format !== 'xlsx' && (
        <Item label={t('imports.detected.delimiter', 'Delimiter')}>{labels.delimiter(o.delimiter ?? d.delimiter)}</Item>
      )}
      {d && (
        <Item label={t('imports.detected.hasHeader', 'First row is a header')}>{labels.yesNo(o.hasHeader ?? d.hasHeader)}</Item>
      )}
      {d && <Item label={t('imports.detected.rows', 'Rows')}>{formatNumber(importView.counters.total || d.rowEstimate)}</Item>}
      <Item label={t('imports.options.mode', 'Mode')}>{o.mode ? labels.mode(o.mode) : '-'}</Item>
      <Item label={t('imports.options.matchOn', 'Match contacts on')}>
        {o.uniqueKey ? labels.uniqueKey(o.uniqueKey) : t('imports.options.matchOn.baseKey', 'The unicity key of the base')}
      </Item>
      <Item label={t('imports.options.tags', 'Tags')}>{o.tags?.length ? o.tags.join(', ') : '-'}</Item>
      {!!o.segmentIds?.length && <Item label={t('imports.options.segments', 'Static segments')}>{o.segmentIds.length}</Item>}
      <Item label={t('imports.options.defaultCountry', 'Default country')}>{o.defaultCountry || '-'}</Item>
      <Item label={t('imports.options.dateFormat', 'Date format')}>{labels.dateFormat(o.dateFormat || DEFAULT_DATE_FORMAT)}</Item>
      {o.timezone && (
        <Item label={t('imports.options.timezone', 'Time zone')}>
          <span data-testid="import-timezone">{o.timezone}</span>
        </Item>
      )}
      <Item label={t('imports.options.defaultEmailOptIn', 'E-mail opt-in of new contacts')}>
        {contactLabels.optIn(o.defaultEmailOptIn ?? null)}
      </Item>
      <Item label={t('imports.options.defaultSmsOptIn', 'SMS opt-in of new contacts')}>
        {contactLabels.optIn(o.defaultSmsOptIn ?? null)}
      </Item>
      {o.consentRecorded && (
        <Item label={t('imports.options.consentRecorded', 'Consent recorded in the file')}>{labels.yesNo(true)}</Item>
      )}
      <Item label={t('imports.options.decimalComma', 'Decimal comma')}>{labels.yesNo(o.decimalComma)}</Item>
      <Item label={t('imports.options.emptyClears', 'Empty cells clear values')}>{labels.yesNo(o.emptyClears)}</Item>
      <Item label={t('imports.options.allowResubscribe', 'Allow resubscribe')}>{labels.yesNo(o.allowResubscribe)}</Item>
    </Grid.Root>
  );
};

/** The mapping an import ran with: source column → field, ignored columns, fixed values. */
export const ImportMappingUsed = ({
  mapping,
  fields,
  columns,
}: {
  mapping: MappingEntry[];
  fields: ContactField[];
  columns: string[];
}) => {
  const { formatMessage } = useIntl();
  const labels = useImportLabels();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const contactLabels = useContactLabels();
  const fieldLabel = (key: string) => {
    const field = fields.find((f) => f.key === key);
    return field ? contactLabels.fieldLabel(field) : contactLabels.fieldLabel({ key, label: key });
  };
  const columnName = (ref: string | number) =>
    typeof ref === 'number' ? (columns[ref] ?? t('imports.mapping.columnN', 'Column {n}', { n: ref + 1 })) : ref;

  if (!mapping.length) {
    return <Typography textColor="neutral600">{t('imports.detail.noMapping', 'No mapping.')}</Typography>;
  }
  return (
    <Box data-testid="import-mapping">
      <Table colCount={2} rowCount={mapping.length + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('imports.mapping.column', 'Column')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.mapping.field', 'Field')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {mapping.map((entry, i) => (
            <Tr key={i}>
              <Td>
                <Typography textColor="neutral800">
                  {'column' in entry ? columnName(entry.column) : <em>{t('imports.mapping.literal', 'Fixed value')}</em>}
                </Typography>
              </Td>
              <Td>
                <Flex gap={2}>
                  <Typography textColor={'ignore' in entry ? 'neutral500' : 'neutral800'}>
                    {'ignore' in entry
                      ? t('imports.mapping.ignored', 'Ignored')
                      : 'newField' in entry
                        ? `${entry.newField.label} (${labels.fieldType(entry.newField.type)})`
                        : 'literal' in entry
                          ? `${fieldLabel(entry.field)} = "${String(entry.literal)}"`
                          : entry.option !== undefined
                            ? t('imports.mapping.optionOf', '{field}: sets "{option}"', {
                                field: fieldLabel(entry.field),
                                option: entry.option,
                              })
                            : entry.values && Object.keys(entry.values).length
                              ? `${fieldLabel(entry.field)} (${Object.entries(entry.values)
                                  .map(([word, meaning]) => `${word} → ${contactLabels.optIn(meaning)}`)
                                  .join(', ')})`
                              : fieldLabel(entry.field)}
                  </Typography>
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Box>
  );
};
