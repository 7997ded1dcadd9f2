import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

const VARIANTS: Record<string, 'success' | 'neutral' | 'warning' | 'danger'> = {
  yes: 'success',
  no: 'neutral',
  orange: 'warning',
  blocklist: 'danger',
};

/** "E-mail: Yes", coloured by consent: green yes, grey no, orange list, red blocklist. */
export const OptInBadge = ({ channel, value }: { channel: 'email' | 'sms'; value: string }) => {
  const { formatMessage } = useIntl();
  const channelLabel = formatMessage({
    id: getTranslation(`list.optIn.${channel}`),
    defaultMessage: channel === 'email' ? 'E-mail' : 'SMS',
  });
  const valueLabel = formatMessage({ id: getTranslation(`optIn.${value}`), defaultMessage: value });
  return (
    <Badge variant={VARIANTS[value] ?? 'neutral'} size="S">
      {`${channelLabel}: ${valueLabel}`}
    </Badge>
  );
};
