import { useMemo, useState } from 'react';
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
import { DATE_FORMATS, DEFAULT_DATE_FORMAT, IMPORT_MODES, type ImportMode, type UniqueKey } from '../../../../../shared/constants';
import { KEY_FIELDS } from '../../../../../shared/fields';
import { Card } from '../../Card';
import { Notice } from '../../Notice';
import { CountryFieldInput } from '../../field-inputs/CountryFieldInput';
import { TagsInput } from '../../field-inputs/TagsInput';
import { useApiErrorNotification } from '../../../hooks/useApiErrorNotification';
import { useImportApi } from '../../../hooks/useImportApi';
import { useStaticSegments } from '../../../hooks/useStaticSegments';
import type { ImportOptions, ImportView } from '../../../../../shared/imports';
import type { ContactField } from '../../../types';
import { readApiError } from '../../../utils/apiError';
import { getTranslation } from '../../../utils/getTranslation';
import { DEFAULT_TIME_ZONE, timeZoneOptions } from '../../../utils/timeZones';
import { useImportLabels } from '../useImportLabels';
import { ConsentDefaults } from './ConsentDefaults';
import { channelsWithoutOptIn, fromChoice, mapsDateTime, toChoice, type Channel, type ConsentChoice } from './optionsModel';
import { WizardFooter } from './WizardFooter';

interface OptionsStepProps {
  importView: ImportView;
  /** Every field (built-in and custom): which types the mapping fills decides what is asked. */
  fields: ContactField[];
  /** The base's unicity key (Settings): what rows match on unless the import says otherwise. */
  baseKey: UniqueKey;
  /** The date order the server saw in the sample when the draft was made; undefined when not known here. */
  detectedDateFormat?: string | null;
  onSaved: (importView: ImportView) => void;
  onBack: () => void;
}

/** How rows become contacts: mode, matching, segments, tags, country, dates, numbers, empties, consent. */
export const OptionsStep = ({ importView, fields, baseKey, detectedDateFormat, onSaved, onBack }: OptionsStepProps) => {
  const { formatMessage, locale } = useIntl();
  const labels = useImportLabels();
  const api = useImportApi();
  const notifyError = useApiErrorNotification();
  const segments = useStaticSegments();
  const o = importView.options;
  const [name, setName] = useState(importView.name);
  const [values, setValues] = useState<Partial<ImportOptions>>({
    mode: o.mode ?? 'upsert',
    uniqueKey: o.uniqueKey ?? baseKey,
    segmentIds: o.segmentIds ?? [],
    tags: o.tags ?? [],
    defaultCountry: o.defaultCountry ?? '',
    dateFormat: o.dateFormat ?? DEFAULT_DATE_FORMAT,
    timezone: o.timezone ?? DEFAULT_TIME_ZONE,
    decimalComma: !!o.decimalComma,
    emptyClears: !!o.emptyClears,
    allowResubscribe: !!o.allowResubscribe,
  });
  const askChannels = channelsWithoutOptIn(importView.mapping);
  const askTimeZone = mapsDateTime(importView.mapping, fields);
  const [consent, setConsent] = useState<Record<Channel, ConsentChoice>>({
    email: toChoice(o.defaultEmailOptIn),
    sms: toChoice(o.defaultSmsOptIn),
  });
  const [recorded, setRecorded] = useState(!!o.consentRecorded);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ImportOptions>(key: K, value: ImportOptions[K]) => setValues((v) => ({ ...v, [key]: value }));
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);

  const countryInvalid = !!values.defaultCountry && !/^[A-Za-z]{2}$/.test(values.defaultCountry);
  const anyYes = askChannels.some((c) => consent[c] === 'yes');
  const consentMissing = anyYes && !recorded;
  const zones = useMemo(() => timeZoneOptions(locale, o.timezone), [locale, o.timezone]);
  const otherKey = KEY_FIELDS.find((k) => k !== baseKey) ?? 'mobile';

  /** What the date select starts from: the order the sniffer saw in the sample, or none (the server's default then). */
  const dateFormatHint = () => {
    const notDetected = () =>
      t(
        'imports.options.dateFormat.notDetected',
        'No date of the sample told the order: ambiguous dates such as 03/04/2024 are read as {format}.',
        { format: values.dateFormat },
      );
    // Known in the tab that uploaded the file; elsewhere a stored order is the sniffer's (or one kept since).
    if (detectedDateFormat === undefined) {
      return o.dateFormat
        ? t('imports.options.dateFormat.preselected', "Preselected from the dates in the file's sample.")
        : notDetected();
    }
    if (detectedDateFormat === null) return notDetected();
    return detectedDateFormat === values.dateFormat
      ? t('imports.options.dateFormat.detected', "Detected from the dates in the file's sample.")
      : t('imports.options.dateFormat.detectedOther', "The file's sample suggested {format}.", { format: detectedDateFormat });
  };

  const save = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { uniqueKey, timezone, ...rest } = values;
      const options: Partial<ImportOptions> = {
        ...rest,
        // The server compares strictly: upper-case country.
        defaultCountry: values.defaultCountry ? values.defaultCountry.toUpperCase() : undefined,
        // Unset means "the base's key"; a draft that chose the other one keeps saying which.
        ...(uniqueKey !== baseKey || o.uniqueKey ? { uniqueKey } : {}),
        ...(askTimeZone ? { timezone } : {}),
        // A channel the file gives is not defaulted: an empty cell stays unknown.
        defaultEmailOptIn: askChannels.includes('email') ? fromChoice(consent.email) : null,
        defaultSmsOptIn: askChannels.includes('sms') ? fromChoice(consent.sms) : null,
        consentRecorded: anyYes && recorded,
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
            <Field.Root name="uniqueKey">
              <Field.Label>{t('imports.options.matchOn', 'Match contacts on')}</Field.Label>
              <Radio.Group
                value={values.uniqueKey}
                onValueChange={(v) => set('uniqueKey', v as UniqueKey)}
                aria-label={t('imports.options.matchOn', 'Match contacts on')}
              >
                <Box paddingBottom={1}>
                  <Radio.Item value={baseKey}>
                    {t('imports.options.matchOn.base', '{key} (the unicity key of the base)', { key: labels.uniqueKey(baseKey) })}
                  </Radio.Item>
                  <Box paddingLeft={6}>
                    <Typography variant="pi" textColor="neutral600">
                      {t('imports.options.matchOn.base.hint', 'A row and a contact with the same value are the same person.')}
                    </Typography>
                  </Box>
                </Box>
                <Box>
                  <Radio.Item value={otherKey}>{labels.uniqueKey(otherKey)}</Radio.Item>
                  <Box paddingLeft={6}>
                    <Typography variant="pi" textColor="neutral600">
                      {t(
                        'imports.options.matchOn.other.hint',
                        'Several contacts may share {key, select, email {an e-mail address} other {a mobile number}}: a row whose value belongs to more than one contact fails as ambiguous. New contacts still need {base, select, email {an e-mail address} other {a mobile number}}.',
                        { key: otherKey, base: baseKey },
                      )}
                    </Typography>
                  </Box>
                </Box>
              </Radio.Group>
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
          {!segments.available && <Grid.Item col={6} s={12} />}
          <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
            <CountryFieldInput
              name="defaultCountry"
              label={t('imports.options.defaultCountry', 'Default country')}
              hint={t('imports.options.defaultCountry.hint', 'For phone numbers written without +33, +1…')}
              error={countryInvalid ? t('imports.options.defaultCountry.invalid', 'Two letters, e.g. FR or US') : undefined}
              value={values.defaultCountry ?? ''}
              onChange={(v) => set('defaultCountry', v)}
            />
          </Grid.Item>
          <Grid.Item col={4} s={6} xs={12} direction="column" alignItems="stretch">
            <Field.Root name="dateFormat" hint={dateFormatHint()}>
              <Field.Label>{t('imports.options.dateFormat', 'Date format')}</Field.Label>
              <SingleSelect value={values.dateFormat ?? DEFAULT_DATE_FORMAT} onChange={(v) => set('dateFormat', String(v))}>
                {DATE_FORMATS.map((f) => (
                  <SingleSelectOption key={f} value={f}>
                    {labels.dateFormat(f)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
          {askTimeZone && (
            <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
              <Field.Root
                name="timezone"
                hint={t('imports.options.timezone.hint', 'For dates with a time but no time zone, e.g. 2024-03-14 09:30.')}
              >
                <Field.Label>{t('imports.options.timezone', 'Time zone')}</Field.Label>
                <SingleSelect value={values.timezone ?? DEFAULT_TIME_ZONE} onChange={(v) => set('timezone', String(v))}>
                  {zones.map((z) => (
                    <SingleSelectOption key={z.zone} value={z.zone}>
                      {z.label}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
          )}
          <Grid.Item col={12} s={12} direction="column" alignItems="flex-start" gap={3}>
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
      {askChannels.length > 0 && (
        <ConsentDefaults
          channels={askChannels}
          values={consent}
          recorded={recorded}
          onChange={(channel, choice) => setConsent((c) => ({ ...c, [channel]: choice }))}
          onRecordedChange={setRecorded}
        />
      )}
      <WizardFooter onBack={onBack} onNext={save} isLoading={busy} nextDisabled={countryInvalid || consentMissing}>
        {consentMissing && (
          <Typography variant="pi" textColor="danger600" data-testid="consent-missing">
            {t('imports.consent.missing', 'Confirm that the file records consent, or choose another answer than "Yes".')}
          </Typography>
        )}
      </WizardFooter>
    </Flex>
  );
};
