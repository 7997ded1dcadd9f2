import { useState } from 'react';
import {
  Box,
  Checkbox,
  Field,
  Flex,
  Grid,
  MultiSelect,
  MultiSelectOption,
  Radio,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { IMPORT_MODES, UNIQUE_KEYS, type ImportMode, type UniqueKey } from '../../../../../server/src/constants';
import { Card } from '../../Card';
import { Notice } from '../../Notice';
import { TagsInput } from '../../field-inputs/TagsInput';
import { useApiErrorNotification } from '../../../hooks/useApiErrorNotification';
import { useImportApi } from '../../../hooks/useImportApi';
import { useStaticSegments } from '../../../hooks/useStaticSegments';
import type { ImportOptions, ImportView } from '../../../importTypes';
import { readApiError } from '../../../utils/apiError';
import { getTranslation } from '../../../utils/getTranslation';
import { DATE_FORMATS } from '../../../utils/importFormat';
import { useImportLabels } from '../useImportLabels';
import { WizardFooter } from './WizardFooter';

const ISO = 'iso';

interface OptionsStepProps {
  importView: ImportView;
  onSaved: (importView: ImportView) => void;
  onBack: () => void;
}

/** How rows become contacts: mode, unique key, segments, tags, country, dates, numbers, empties, consent. */
export const OptionsStep = ({ importView, onSaved, onBack }: OptionsStepProps) => {
  const { formatMessage } = useIntl();
  const labels = useImportLabels();
  const api = useImportApi();
  const notifyError = useApiErrorNotification();
  const segments = useStaticSegments();
  const o = importView.options;
  const [name, setName] = useState(importView.name);
  const [values, setValues] = useState<Partial<ImportOptions>>({
    mode: o.mode ?? 'upsert',
    uniqueKey: o.uniqueKey ?? 'email',
    segmentIds: o.segmentIds ?? [],
    tags: o.tags ?? [],
    defaultCountry: o.defaultCountry ?? '',
    dateFormat: o.dateFormat ?? null,
    decimalComma: !!o.decimalComma,
    emptyClears: !!o.emptyClears,
    allowResubscribe: !!o.allowResubscribe,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ImportOptions>(key: K, value: ImportOptions[K]) => setValues((v) => ({ ...v, [key]: value }));
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const countryInvalid = !!values.defaultCountry && !/^[A-Za-z]{2}$/.test(values.defaultCountry);

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const options: Partial<ImportOptions> = {
        ...values,
        // The server compares strictly: upper-case country, null for "ISO only".
        defaultCountry: values.defaultCountry ? values.defaultCountry.toUpperCase() : undefined,
        dateFormat: values.dateFormat || null,
      };
      if (!options.defaultCountry) delete options.defaultCountry;
      if (!segments.available) delete options.segmentIds;
      onSaved(await api.update(importView.documentId, { name: name.trim() || importView.name, options }));
    } catch (error) {
      setProblem(readApiError(error).message ?? null);
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Card title={t('imports.options.title', 'Options')}>
        <Grid.Root gap={6}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="name">
              <Field.Label>{t('imports.options.name', 'Import name')}</Field.Label>
              <TextInput value={name} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} />
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root name="mode">
              <Field.Label>{t('imports.options.mode', 'Mode')}</Field.Label>
              <Radio.Group
                value={values.mode}
                onValueChange={(v) => set('mode', v as ImportMode)}
                aria-label={t('imports.options.mode', 'Mode')}
              >
                {IMPORT_MODES.map((mode) => (
                  <Box key={mode}>
                    <Radio.Item value={mode}>{labels.mode(mode)}</Radio.Item>
                    <Box paddingLeft={6}>
                      <Typography variant="pi" textColor="neutral600">
                        {labels.modeHint(mode)}
                      </Typography>
                    </Box>
                  </Box>
                ))}
              </Radio.Group>
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <Field.Root
              name="uniqueKey"
              hint={t('imports.options.uniqueKey.hint', 'Rows and existing contacts with the same value are the same contact.')}
            >
              <Field.Label>{t('imports.options.uniqueKey', 'Unique key')}</Field.Label>
              <Radio.Group
                value={values.uniqueKey}
                onValueChange={(v) => set('uniqueKey', v as UniqueKey)}
                aria-label={t('imports.options.uniqueKey', 'Unique key')}
              >
                {UNIQUE_KEYS.map((key) => (
                  <Radio.Item key={key} value={key}>
                    {labels.uniqueKey(key)}
                  </Radio.Item>
                ))}
              </Radio.Group>
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
          {segments.available && (
            <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root
                name="segmentIds"
                hint={segments.segments.length ? undefined : t('imports.options.segments.none', 'No static segment yet.')}
              >
                <Field.Label>{t('imports.options.segments', 'Add to static segments')}</Field.Label>
                <MultiSelect
                  value={values.segmentIds ?? []}
                  disabled={!segments.segments.length}
                  withTags
                  placeholder={t('imports.options.segments.placeholder', 'Choose segments')}
                  onChange={(v: string[]) => set('segmentIds', v)}
                >
                  {segments.segments.map((s) => (
                    <MultiSelectOption key={s.documentId} value={s.documentId}>
                      {s.name}
                    </MultiSelectOption>
                  ))}
                </MultiSelect>
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
          )}
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
            <TagsInput
              name="tags"
              label={t('imports.options.tags', 'Tags')}
              hint={t('imports.options.tags.hint', 'Added to every imported contact.')}
              value={values.tags ?? []}
              onChange={(v) => set('tags', v)}
            />
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <Field.Root
              name="defaultCountry"
              error={countryInvalid ? t('imports.options.defaultCountry.invalid', 'Two letters, e.g. FR or US') : undefined}
              hint={t('imports.options.defaultCountry.hint', 'For phone numbers written without +33, +1…')}
            >
              <Field.Label>{t('imports.options.defaultCountry', 'Default country')}</Field.Label>
              <TextInput
                value={values.defaultCountry ?? ''}
                maxLength={2}
                placeholder="FR"
                onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('defaultCountry', e.target.value.toUpperCase())}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <Field.Root
              name="dateFormat"
              hint={t('imports.options.dateFormat.hint', 'For dates that are not written YYYY-MM-DD.')}
            >
              <Field.Label>{t('imports.options.dateFormat', 'Date format')}</Field.Label>
              <SingleSelect value={values.dateFormat || ISO} onChange={(v) => set('dateFormat', v === ISO ? null : String(v))}>
                <SingleSelectOption value={ISO}>{t('imports.options.dateFormat.iso', 'YYYY-MM-DD (ISO)')}</SingleSelectOption>
                {DATE_FORMATS.map((f) => (
                  <SingleSelectOption key={f} value={f}>
                    {f}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} s={12} direction="column" alignItems="flex-start" gap={3}>
            <Checkbox checked={!!values.decimalComma} onCheckedChange={(c) => set('decimalComma', c === true)}>
              {t('imports.options.decimalComma', 'Decimal comma (read 1,5 as 1.5)')}
            </Checkbox>
            <Checkbox checked={!!values.emptyClears} onCheckedChange={(c) => set('emptyClears', c === true)}>
              {t('imports.options.emptyClears.long', 'An empty cell clears the stored value (otherwise it is left as is)')}
            </Checkbox>
            <Checkbox checked={!!values.allowResubscribe} onCheckedChange={(c) => set('allowResubscribe', c === true)}>
              {t('imports.options.allowResubscribe.long', 'Allow resubscribe: the file may set opt-ins back to "yes"')}
            </Checkbox>
          </Grid.Item>
        </Grid.Root>
        {values.allowResubscribe && (
          <Notice
            variant="warning"
            title={t('imports.options.allowResubscribe.warningTitle', 'Only with fresh, provable consent')}
            data-testid="resubscribe-warning"
          >
            {t(
              'imports.options.allowResubscribe.warning',
              'Contacts who unsubscribed or are on the blocklist will receive messages again if the file says "yes". Sending to people who opted out breaks the GDPR and hurts deliverability.',
            )}
          </Notice>
        )}
        {problem && <Notice variant="danger">{problem}</Notice>}
      </Card>
      <WizardFooter onBack={onBack} onNext={save} isLoading={busy} nextDisabled={countryInvalid} />
    </Flex>
  );
};
