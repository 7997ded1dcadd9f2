import { Box, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { CheckCircle, Information, WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { builtInField } from '../../../../../shared/fields';
import { useContactLabels } from '../../../hooks/useContactLabels';
import type { ImportView, PreviewProblem, PreviewRow } from '../../../../../shared/imports';
import type { ContactField } from '../../../types';
import { getTranslation } from '../../../utils/getTranslation';

/** One preview column: a mapped field, filled from a source column (or a fixed value). */
interface Target {
  field: string;
  label: string;
  sourceIndex: number | null;
  sourceName: string | null;
}

const targetsOf = (importView: ImportView, label: (key: string) => string): Target[] => {
  const detected = importView.detected!;
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
  if (builtInField(field)) return c[field];
  return c.attributes?.[field];
};

/** A problem names the header it is about (or, for a fixed value, the field). */
const isAbout = (p: PreviewProblem, target: Target) =>
  p.column !== null && (p.column === target.sourceName || p.column === target.field);

interface PreviewTableProps {
  importView: ImportView;
  fields: ContactField[];
  rows: PreviewRow[];
}

/**
 * The first rows as they will be stored. A cell that fails its row is red; a
 * cell dropped from a contact that is kept is amber and struck through; a
 * cell read one way among several (an ambiguous date) carries a blue note.
 */
export const PreviewTable = ({ importView, fields, rows }: PreviewTableProps) => {
  const { formatMessage, formatNumber, formatDate } = useIntl();
  const labels = useContactLabels();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const label = (key: string) => {
    const field = fields.find((f) => f.key === key);
    return field ? labels.fieldLabel(field) : labels.fieldLabel({ key, label: key });
  };
  const targets = targetsOf(importView, label);
  const newTypes = new Map(
    importView.mapping.flatMap((e) => ('newField' in e ? [[e.newField.key, e.newField.type] as const] : [])),
  );
  const typeOf = (key: string) => newTypes.get(key) ?? fields.find((f) => f.key === key)?.type ?? builtInField(key)?.type;

  /**
   * Dates as people read them: a date-time in the import's time zone (so it
   * matches the file's wall-clock time), a date as the calendar day it is.
   */
  const showDate = (field: string, value: string) => {
    const type = typeOf(field);
    const time = Date.parse(value);
    if (Number.isNaN(time)) return null;
    if (type === 'datetime') {
      return formatDate(time, { dateStyle: 'medium', timeStyle: 'short', timeZone: importView.options.timezone ?? 'UTC' });
    }
    if (type === 'date') return formatDate(time, { dateStyle: 'medium', timeZone: 'UTC' });
    return null;
  };

  const show = (field: string, value: unknown) => {
    const named = labels.value(field, value) ?? (typeof value === 'string' ? showDate(field, value) : null);
    if (named) return <Typography textColor="neutral800">{named}</Typography>;
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
    <Box overflow="auto" data-testid="preview-table">
      <Table colCount={targets.length + 2} rowCount={rows.length + 1}>
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
          {rows.map((row) => {
            const placed = new Set<PreviewProblem>();
            const raw = (target: Target) => (target.sourceIndex !== null ? (row.cells[target.sourceIndex] ?? '') : '');
            const cells = targets.map((target) => {
              const errors = row.errors.filter((p) => isAbout(p, target));
              const warnings = row.warnings.filter((p) => isAbout(p, target));
              const notes = row.notes.filter((p) => isAbout(p, target));
              [...errors, ...warnings, ...notes].forEach((p) => placed.add(p));
              if (errors.length) {
                return (
                  <Td
                    key={target.field}
                    background="danger100"
                    data-testid="preview-invalid-cell"
                    style={{ whiteSpace: 'normal', minWidth: '20rem' }}
                  >
                    <Flex direction="column" alignItems="flex-start">
                      <Typography textColor="danger700" fontWeight="semiBold">
                        {raw(target) || '-'}
                      </Typography>
                      <Typography variant="pi" textColor="danger600">
                        {errors.map((p) => p.reason).join('; ')}
                      </Typography>
                    </Flex>
                  </Td>
                );
              }
              if (warnings.length) {
                return (
                  <Td
                    key={target.field}
                    background="warning100"
                    data-testid="preview-warning-cell"
                    style={{ whiteSpace: 'normal', minWidth: '20rem' }}
                  >
                    <Flex direction="column" alignItems="flex-start">
                      <Typography textColor="warning700" style={{ textDecoration: 'line-through' }}>
                        {raw(target) || '-'}
                      </Typography>
                      <Typography variant="pi" textColor="warning700">
                        {`${t('imports.preview.dropped', 'Dropped, the contact is kept')}: ${warnings.map((p) => p.reason).join('; ')}`}
                      </Typography>
                    </Flex>
                  </Td>
                );
              }
              const value = row.contact ? storedValue(row, target.field) : raw(target) || undefined;
              return (
                <Td
                  key={target.field}
                  style={{ whiteSpace: 'normal', minWidth: notes.length ? '22rem' : undefined }}
                  data-testid={notes.length ? 'preview-note-cell' : undefined}
                >
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    {row.contact ? show(target.field, value) : show('', value)}
                    {notes.map((p) => (
                      <Flex key={p.code} gap={1} alignItems="flex-start">
                        <Information width="1.2rem" height="1.2rem" fill="primary600" aria-hidden />
                        <Typography variant="pi" textColor="primary600">
                          {p.reason}
                        </Typography>
                      </Flex>
                    ))}
                  </Flex>
                </Td>
              );
            });
            const rest = (list: PreviewProblem[]) => list.filter((p) => !placed.has(p));
            const rowErrors = rest(row.errors);
            const rowWarnings = rest(row.warnings);
            const rowNotes = rest(row.notes);
            return (
              <Tr
                key={row.line}
                data-testid="preview-row"
                data-valid={row.contact ? 'true' : 'false'}
                data-warnings={row.warnings.length}
              >
                <Td>
                  <Typography textColor="neutral600">{formatNumber(row.line)}</Typography>
                </Td>
                {cells}
                <Td style={{ whiteSpace: 'normal' }}>
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    {row.contact ? (
                      <Flex gap={1} alignItems="center">
                        <CheckCircle fill={row.warnings.length ? 'warning600' : 'success600'} aria-hidden />
                        <Typography variant="pi" textColor="neutral700">
                          {row.warnings.length
                            ? formatMessage(
                                {
                                  id: getTranslation('imports.preview.keptWithWarnings'),
                                  defaultMessage: 'Imported, {count, plural, one {# cell} other {# cells}} dropped',
                                },
                                { count: row.warnings.length },
                              )
                            : t('imports.preview.valid', 'Valid')}
                        </Typography>
                      </Flex>
                    ) : (
                      <Flex gap={1} alignItems="flex-start">
                        <WarningCircle fill="danger600" aria-hidden />
                        <Typography variant="pi" textColor="danger600">
                          {rowErrors.length
                            ? rowErrors.map((e) => e.reason).join('; ')
                            : t('imports.preview.fails', 'This row will fail')}
                        </Typography>
                      </Flex>
                    )}
                    {rowWarnings.map((p, i) => (
                      <Typography key={`w${i}`} variant="pi" textColor="warning700">
                        {p.reason}
                      </Typography>
                    ))}
                    {rowNotes.map((p, i) => (
                      <Typography key={`n${i}`} variant="pi" textColor="primary600">
                        {p.reason}
                      </Typography>
                    ))}
                  </Flex>
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </Box>
  );
};
