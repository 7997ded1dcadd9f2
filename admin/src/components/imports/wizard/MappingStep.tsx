import { useMemo, useState } from 'react';
import { useNotification } from '@strapi/strapi/admin';
import {
  Badge,
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  Table,
  TextButton,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Check, Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { FIELD_TYPES, type FieldType, type UniqueKey } from '../../../../../shared/constants';
import { BUILT_IN_FIELDS } from '../../../../../shared/fields';
import { Card } from '../../Card';
import { Notice } from '../../Notice';
import { useApiErrorNotification } from '../../../hooks/useApiErrorNotification';
import { useContactLabels } from '../../../hooks/useContactLabels';
import { useFieldPermissions } from '../../../hooks/useFieldPermissions';
import { useImportApi } from '../../../hooks/useImportApi';
import type { ImportView, MappingEntry, SavedMapping } from '../../../../../shared/imports';
import type { ContactField } from '../../../types';
import { readApiError } from '../../../utils/apiError';
import { getTranslation } from '../../../utils/getTranslation';
import { useImportLabels } from '../useImportLabels';
import {
  distinctSampleValues,
  fromMapping,
  keyFromHeader,
  NEW_FIELD_KEY,
  OPT_IN_KEYS,
  sameChoice,
  sampleValues,
  toMapping,
  type ColumnChoice,
  type LiteralRow,
} from './mappingModel';
import { MappingReadingNotes } from './MappingReadingNotes';
import { OptInWordsEditor } from './OptInWordsEditor';
import { MappingSourceLine, SavedMappingPicker, SaveMappingDialog } from './SavedMappings';
import { WizardFooter } from './WizardFooter';

const IGNORE = '__ignore';
const NEW = '__new';
const VALUES = '__values';
const fieldValue = (key: string) => `f:${key}`;
const optionValue = (option: string) => `o:${option}`;

interface MappingStepProps {
  importView: ImportView;
  /** Built-in and custom fields; empty when the role may not read them (built-ins are used then). */
  fields: ContactField[];
  /** The base's unicity key (Settings), what rows match on unless the options say otherwise. */
  baseKey: UniqueKey;
  /** The mapping the server suggested, to mark the rows it filled in. */
  suggested: MappingEntry[] | null;
  /** The server replaced the mapping (a saved one applied). */
  onReplaced: (importView: ImportView) => void;
  /** Back to the options (time zone, consent of new contacts). */
  onOptions: () => void;
  onSaved: (importView: ImportView) => void;
  onBack: () => void;
}

/** One row per column: its sample values, the field it fills (or ignore, or a new field), plus fixed values. */
export const MappingStep = ({
  importView,
  fields: loadedFields,
  baseKey,
  suggested,
  onReplaced,
  onOptions,
  onSaved,
  onBack,
}: MappingStepProps) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const labels = useImportLabels();
  const contactLabels = useContactLabels();
  const api = useImportApi();
  const notifyError = useApiErrorNotification();
  const fieldPermissions = useFieldPermissions();
  const detected = importView.detected!;
  const uniqueKey = importView.options.uniqueKey ?? baseKey;
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const fields: Array<Pick<ContactField, 'key' | 'label' | 'type' | 'options' | 'builtIn'>> = loadedFields.length
    ? loadedFields
    : BUILT_IN_FIELDS.map((f) => ({ key: f.key, label: f.label, type: f.type, options: [...(f.options ?? [])], builtIn: true }));
  const fieldByKey = new Map(fields.map((f) => [f.key, f]));
  const fieldLabel = (key: string) => {
    const field = fieldByKey.get(key);
    return field ? contactLabels.fieldLabel(field) : key;
  };

  const initial = useMemo(() => fromMapping(importView.mapping, detected), [importView.mapping, detected]);
  const baseline = useMemo(() => (suggested ? fromMapping(suggested, detected).choices : null), [suggested, detected]);
  const [choices, setChoices] = useState<ColumnChoice[]>(initial.choices);
  const [literals, setLiterals] = useState<LiteralRow[]>(initial.literals);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [savingAs, setSavingAs] = useState(false);
  /** Columns whose opt-in words editor is open. */
  const [wordsOpen, setWordsOpen] = useState<Set<number>>(() => new Set());

  const setChoice = (i: number, choice: ColumnChoice) => {
    setProblem(null);
    setChoices((list) => list.map((c, n) => (n === i ? choice : c)));
  };

  const pick = (i: number, value: string) => {
    if (value === IGNORE) return setChoice(i, { kind: 'ignore' });
    if (value === NEW) {
      const header = detected.hasHeader ? detected.columns[i] : `column${i + 1}`;
      return setChoice(i, { kind: 'new', key: keyFromHeader(header), label: detected.hasHeader ? header : '', type: 'text' });
    }
    const key = value.slice(2);
    const field = fieldByKey.get(key);
    // An X column of a multiselect keeps its option when the field stays the same.
    const current = choices[i];
    const option = current.kind === 'field' && current.field === key ? current.option : undefined;
    // …and an opt-in column keeps its words when it moves to the other opt-in.
    const words = current.kind === 'field' && OPT_IN_KEYS.has(current.field) && OPT_IN_KEYS.has(key) ? current.values : undefined;
    setChoice(
      i,
      option !== undefined && field?.type === 'multiselect'
        ? { kind: 'field', field: key, option }
        : words
          ? { kind: 'field', field: key, values: words }
          : { kind: 'field', field: key },
    );
  };

  // Why Next is blocked, in words the person can act on.
  const blockers: string[] = [];
  const keyMapped =
    choices.some((c) => c.kind === 'field' && c.field === uniqueKey && c.option === undefined) ||
    literals.some((l) => l.field === uniqueKey && l.value.trim() !== '');
  if (!keyMapped) {
    blockers.push(
      t('imports.mapping.blocked.uniqueKey', 'Map a column to {field}: it is the unique key of this import (see Options).', {
        field: labels.uniqueKey(uniqueKey),
      }),
    );
  }
  const byField = new Map<string, string[]>();
  choices.forEach((c, i) => {
    if (c.kind !== 'field' || c.option !== undefined) return;
    byField.set(c.field, [...(byField.get(c.field) ?? []), detected.columns[i]]);
  });
  for (const [key, columns] of byField) {
    if (columns.length > 1) {
      blockers.push(
        t('imports.mapping.blocked.duplicate', '{field} is filled by several columns ({columns}): keep one.', {
          field: fieldLabel(key),
          columns: columns.join(', '),
        }),
      );
    }
  }
  choices.forEach((c, i) => {
    if (c.kind !== 'new') return;
    if (!NEW_FIELD_KEY.test(c.key.trim()) || !c.label.trim()) {
      blockers.push(
        t(
          'imports.mapping.blocked.newField',
          'The new field for "{column}" needs a key (a letter, then letters, digits or _) and a label.',
          {
            column: detected.columns[i],
          },
        ),
      );
    }
  });

  const edited = toMapping(choices, literals, detected);

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await api.update(importView.documentId, { mapping: edited }));
    } catch (error) {
      setProblem(readApiError(error).message ?? null);
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const applySaved = async (saved: SavedMapping) => {
    setBusy(true);
    setProblem(null);
    try {
      onReplaced(await api.update(importView.documentId, { useMapping: saved.documentId }));
    } catch (error) {
      setProblem(readApiError(error).message ?? null);
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  /** The server saves a draft's stored mapping: store what is on screen first. Errors go to the dialog. */
  const saveAs = async (name: string) => {
    await api.update(importView.documentId, { mapping: edited });
    const saved = await api.saveMapping(name, importView.documentId);
    toggleNotification({
      type: 'success',
      message: t('imports.mapping.saveAs.done', 'Mapping saved as «{name}»', { name: saved.name }),
    });
  };

  const mappedCount = choices.filter((c) => c.kind !== 'ignore').length;
  const fieldOptions = [
    ...fields.map((f) => (
      <SingleSelectOption key={f.key} value={fieldValue(f.key)}>
        {f.builtIn ? contactLabels.fieldLabel(f) : `${f.label} (${f.key})`}
      </SingleSelectOption>
    )),
  ];

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Card
        title={t('imports.mapping.title', 'Mapping')}
        description={t(
          'imports.mapping.summary',
          '{mapped} of {total} columns imported. Rows marked "Auto" were matched by their header or values: check them.',
          {
            mapped: mappedCount,
            total: choices.length,
          },
        )}
        actions={
          <>
            <SavedMappingPicker disabled={busy} onApply={applySaved} />
            {detected.hasHeader && (
              <Button
                size="S"
                variant="secondary"
                startIcon={<Check />}
                disabled={busy || blockers.length > 0}
                onClick={() => setSavingAs(true)}
              >
                {t('imports.mapping.saveAs', 'Save this mapping as…')}
              </Button>
            )}
          </>
        }
      >
        <MappingSourceLine source={importView.mappingSource} />
        <Box overflow="auto">
          <Table colCount={2} rowCount={choices.length + 1}>
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
              {choices.map((choice, i) => {
                const column = detected.columns[i];
                const samples = sampleValues(detected, i);
                const auto = baseline && choice.kind !== 'ignore' && sameChoice(choice, baseline[i]);
                const field = choice.kind === 'field' ? fieldByKey.get(choice.field) : undefined;
                const value = choice.kind === 'ignore' ? IGNORE : choice.kind === 'new' ? NEW : fieldValue(choice.field);
                return (
                  <Tr key={i} data-testid="mapping-row" data-column={column}>
                    <Td style={{ verticalAlign: 'top', whiteSpace: 'normal', width: '34%' }}>
                      <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={2} paddingBottom={2}>
                        <Flex gap={2}>
                          <Typography fontWeight="bold" textColor="neutral800">
                            {column}
                          </Typography>
                          {auto && (
                            <Badge variant="success" size="S" data-testid="mapping-auto">
                              {t('imports.mapping.auto', 'Auto')}
                            </Badge>
                          )}
                        </Flex>
                        <Typography variant="pi" textColor="neutral600" ellipsis style={{ maxWidth: '32rem' }}>
                          {samples.length ? samples.join(' · ') : t('imports.mapping.noSample', 'empty in the sample')}
                        </Typography>
                      </Flex>
                    </Td>
                    <Td style={{ verticalAlign: 'top', whiteSpace: 'normal' }}>
                      {/* The field picker, then what the choice needs (a new field, an option, the type). */}
                      <Flex gap={4} alignItems="flex-start" wrap="wrap" paddingTop={2} paddingBottom={2}>
                        <Box width="26rem">
                          <SingleSelect
                            aria-label={t('imports.mapping.fieldFor', 'Field for {column}', { column })}
                            value={value}
                            onChange={(v) => pick(i, String(v))}
                          >
                            <SingleSelectOption value={IGNORE}>
                              {t('imports.mapping.ignore', 'Ignore this column')}
                            </SingleSelectOption>
                            {fieldPermissions.canCreate && (
                              <SingleSelectOption value={NEW}>
                                {t('imports.mapping.new', '+ Create a new field')}
                              </SingleSelectOption>
                            )}
                            {fieldOptions}
                          </SingleSelect>
                        </Box>
                        <Box
                          flex="1"
                          // A new field's inputs and an opt-in's words take their own line under the picker; a type hint sits beside it.
                          minWidth={choice.kind === 'new' || wordsOpen.has(i) ? '100%' : '12rem'}
                          paddingTop={
                            choice.kind === 'field' && !(field?.type === 'multiselect' && field.options.length > 0) ? 3 : 0
                          }
                        >
                          {choice.kind === 'new' && (
                            <Flex gap={2} alignItems="flex-start" wrap="wrap" data-testid="new-field-inputs">
                              <Box width="12rem">
                                <Field.Root
                                  name={`new-key-${i}`}
                                  error={
                                    NEW_FIELD_KEY.test(choice.key.trim())
                                      ? undefined
                                      : t('imports.mapping.newKey.invalid', 'Letters, digits, _')
                                  }
                                >
                                  <Field.Label>{t('fields.form.key', 'Key')}</Field.Label>
                                  <TextInput
                                    size="S"
                                    value={choice.key}
                                    onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                                      setChoice(i, { ...choice, key: e.target.value })
                                    }
                                  />
                                  <Field.Error />
                                </Field.Root>
                              </Box>
                              <Box width="14rem">
                                <Field.Root name={`new-label-${i}`}>
                                  <Field.Label>{t('fields.form.label', 'Label')}</Field.Label>
                                  <TextInput
                                    size="S"
                                    value={choice.label}
                                    onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                                      setChoice(i, { ...choice, label: e.target.value })
                                    }
                                  />
                                </Field.Root>
                              </Box>
                              <Box width="14rem">
                                <Field.Root name={`new-type-${i}`}>
                                  <Field.Label>{t('fields.form.type', 'Type')}</Field.Label>
                                  <SingleSelect
                                    size="S"
                                    value={choice.type}
                                    onChange={(v) => setChoice(i, { ...choice, type: v as FieldType })}
                                  >
                                    {FIELD_TYPES.map((type) => (
                                      <SingleSelectOption key={type} value={type}>
                                        {labels.fieldType(type)}
                                      </SingleSelectOption>
                                    ))}
                                  </SingleSelect>
                                </Field.Root>
                              </Box>
                            </Flex>
                          )}
                          {choice.kind === 'field' && field?.type === 'multiselect' && field.options.length > 0 && (
                            <Field.Root
                              name={`option-${i}`}
                              hint={t(
                                'imports.mapping.option.hint',
                                'An X column marks one option: a non-empty cell (x, 1, yes, oui) adds it.',
                              )}
                            >
                              <Field.Label>{t('imports.mapping.option', 'This column holds')}</Field.Label>
                              <SingleSelect
                                size="S"
                                value={choice.option !== undefined ? optionValue(choice.option) : VALUES}
                                onChange={(v) => {
                                  const s = String(v);
                                  setChoice(
                                    i,
                                    s === VALUES
                                      ? { kind: 'field', field: choice.field }
                                      : { kind: 'field', field: choice.field, option: s.slice(2) },
                                  );
                                }}
                              >
                                <SingleSelectOption value={VALUES}>
                                  {t('imports.mapping.option.values', 'Values, separated by commas')}
                                </SingleSelectOption>
                                {field.options.map((o) => (
                                  <SingleSelectOption key={o} value={optionValue(o)}>
                                    {t('imports.mapping.option.mark', 'An X mark for "{option}"', { option: o })}
                                  </SingleSelectOption>
                                ))}
                              </SingleSelect>
                              <Field.Hint />
                            </Field.Root>
                          )}
                          {choice.kind === 'field' && field && field.type !== 'multiselect' && (
                            <Flex gap={2} wrap="wrap">
                              <Typography variant="pi" textColor="neutral600">
                                {labels.fieldType(field.type)}
                                {field.key === uniqueKey ? ` · ${t('imports.mapping.isUniqueKey', 'unique key')}` : ''}
                              </Typography>
                              {OPT_IN_KEYS.has(field.key) && (
                                <TextButton
                                  data-testid="opt-in-words-toggle"
                                  onClick={() =>
                                    setWordsOpen((open) => {
                                      const next = new Set(open);
                                      if (next.has(i)) next.delete(i);
                                      else next.add(i);
                                      return next;
                                    })
                                  }
                                >
                                  {choice.values
                                    ? t('imports.mapping.words.edit', 'Words of this column ({count} set)', {
                                        count: Object.keys(choice.values).length,
                                      })
                                    : t('imports.mapping.words.open', 'Say what its words mean')}
                                </TextButton>
                              )}
                            </Flex>
                          )}
                          {choice.kind === 'field' && OPT_IN_KEYS.has(choice.field) && wordsOpen.has(i) && (
                            <OptInWordsEditor
                              column={column}
                              samples={distinctSampleValues(detected, i)}
                              value={choice.values}
                              onChange={(values) =>
                                setChoice(i, { kind: 'field', field: choice.field, ...(values ? { values } : {}) })
                              }
                            />
                          )}
                        </Box>
                      </Flex>
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        </Box>
      </Card>
      <Card
        title={t('imports.mapping.literals', 'Fixed values')}
        description={t(
          'imports.mapping.literals.description',
          'A value written on every imported contact, e.g. the company of a trade-show list.',
        )}
      >
        {literals.map((l) => (
          <Flex key={l.id} gap={2} alignItems="flex-end" data-testid="literal-row">
            <Box width="28rem">
              <Field.Root name={`literal-field-${l.id}`}>
                <Field.Label>{t('imports.mapping.field', 'Field')}</Field.Label>
                <SingleSelect
                  value={l.field ? fieldValue(l.field) : undefined}
                  placeholder={t('imports.mapping.chooseField', 'Choose a field')}
                  onChange={(v) =>
                    setLiterals((list) => list.map((x) => (x.id === l.id ? { ...x, field: String(v).slice(2) } : x)))
                  }
                >
                  {fieldOptions}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box flex="1">
              <Field.Root name={`literal-value-${l.id}`}>
                <Field.Label>{t('imports.mapping.value', 'Value')}</Field.Label>
                <TextInput
                  value={l.value}
                  onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                    setLiterals((list) => list.map((x) => (x.id === l.id ? { ...x, value: e.target.value } : x)))
                  }
                />
              </Field.Root>
            </Box>
            <IconButton
              variant="ghost"
              label={t('imports.mapping.removeLiteral', 'Remove this value')}
              onClick={() => setLiterals((list) => list.filter((x) => x.id !== l.id))}
            >
              <Trash />
            </IconButton>
          </Flex>
        ))}
        <Box>
          <Button
            variant="secondary"
            startIcon={<Plus />}
            onClick={() => setLiterals((list) => [...list, { id: Date.now(), field: '', value: '' }])}
          >
            {t('imports.mapping.addLiteral', 'Add a fixed value')}
          </Button>
        </Box>
      </Card>
      <MappingReadingNotes mapping={edited} fields={fields} options={importView.options} onOptions={onOptions} />
      {blockers.length > 0 && (
        <Notice variant="warning" title={t('imports.mapping.blocked', 'Before the preview')} data-testid="mapping-blocked">
          <ul style={{ paddingLeft: '1.6rem', listStyle: 'disc' }}>
            {blockers.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </Notice>
      )}
      {problem && (
        <Notice variant="danger" data-testid="mapping-problem">
          {problem}
        </Notice>
      )}
      <WizardFooter onBack={onBack} onNext={save} isLoading={busy} nextDisabled={blockers.length > 0} />
      {savingAs && (
        <SaveMappingDialog
          defaultName={importView.name.replace(/\.(csv|tsv|txt|xlsx)$/i, '')}
          onSave={saveAs}
          onClose={() => setSavingAs(false)}
        />
      )}
    </Flex>
  );
};
