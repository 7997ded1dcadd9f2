import { Box, Checkbox, Field, Flex, Grid, Radio, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useContactLabels } from '../../../hooks/useContactLabels';
import { getTranslation } from '../../../utils/getTranslation';
import { Card } from '../../Card';
import { Notice } from '../../Notice';
import { CONSENT_CHOICES, OPT_IN_FIELD, type Channel, type ConsentChoice } from './optionsModel';

interface ConsentDefaultsProps {
  /** Channels the file gives no opt-in for. */
  channels: Channel[];
  values: Record<Channel, ConsentChoice>;
  recorded: boolean;
  onChange: (channel: Channel, choice: ConsentChoice) => void;
  onRecordedChange: (recorded: boolean) => void;
}

const HINTS: Record<string, string> = {
  unknown: 'They never said: no campaign that needs consent reaches them. Recommended.',
  no: 'They did not agree to receive messages.',
  yes: 'They agreed: only when the file records it.',
};

/**
 * What new contacts get for a channel the file says nothing about. Consent is
 * never assumed: "unknown" comes first and is the default, and "yes" needs
 * the person to state that the file records it (sent as consentRecorded).
 */
export const ConsentDefaults = ({ channels, values, recorded, onChange, onRecordedChange }: ConsentDefaultsProps) => {
  const { formatMessage } = useIntl();
  const labels = useContactLabels();
  const t = (id: string, defaultMessage: string, v?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, v as any);
  const anyYes = channels.some((c) => values[c] === 'yes');

  return (
    <Card
      title={t('imports.consent.title', 'Consent of new contacts')}
      description={t(
        'imports.consent.description',
        'No column of this file gives {channels}. Choose what the contacts this import creates get; existing contacts keep theirs.',
        { channels: channels.map((c) => labels.fieldLabel({ key: OPT_IN_FIELD[c], label: '' })).join(' / ') },
      )}
      data-testid="consent-defaults"
    >
      <Grid.Root gap={6}>
        {channels.map((channel) => {
          const label = labels.fieldLabel({ key: OPT_IN_FIELD[channel], label: '' });
          // A value set through the API (orange, blocklist) stays choosable.
          const choices = CONSENT_CHOICES.includes(values[channel]) ? CONSENT_CHOICES : [...CONSENT_CHOICES, values[channel]];
          return (
            <Grid.Item key={channel} col={6} s={12} direction="column" alignItems="stretch">
              <Field.Root name={`consent-${channel}`}>
                <Field.Label>{label}</Field.Label>
                <Radio.Group
                  value={values[channel]}
                  onValueChange={(v) => onChange(channel, v as ConsentChoice)}
                  aria-label={label}
                  data-testid={`consent-${channel}`}
                >
                  {choices.map((choice) => (
                    <Box key={choice} paddingBottom={1}>
                      <Radio.Item value={choice}>{labels.optIn(choice === 'unknown' ? null : choice)}</Radio.Item>
                      {HINTS[choice] && (
                        <Box paddingLeft={6}>
                          <Typography variant="pi" textColor="neutral600">
                            {t(`imports.consent.hint.${choice}`, HINTS[choice])}
                          </Typography>
                        </Box>
                      )}
                    </Box>
                  ))}
                </Radio.Group>
              </Field.Root>
            </Grid.Item>
          );
        })}
      </Grid.Root>
      {anyYes && (
        <Notice
          variant="warning"
          title={t('imports.consent.yes.title', 'Only with recorded consent')}
          data-testid="consent-confirmation"
        >
          <Flex direction="column" alignItems="flex-start" gap={3}>
            <span>
              {t(
                'imports.consent.yes.body',
                'Sending to people who never agreed breaks the GDPR and hurts deliverability. Keep the proof of each consent (form, date, wording).',
              )}
            </span>
            <Checkbox checked={recorded} onCheckedChange={(c) => onRecordedChange(c === true)}>
              {t('imports.consent.recorded', "This file records these people's consent")}
            </Checkbox>
          </Flex>
        </Notice>
      )}
    </Card>
  );
};
