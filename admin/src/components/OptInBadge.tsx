import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useContactLabels } from '../hooks/useContactLabels';
import { getTranslation } from '../utils/getTranslation';

const VARIANTS: Record<string, 'success' | 'neutral' | 'warning' | 'danger'> = {
  yes: 'success',
  no: 'neutral',
  orange: 'warning',
  blocklist: 'danger',
};

/** "E-mail: Yes", coloured by consent: green yes, grey no or unknown, orange list, red blocklist. */
export const OptInBadge = ({ channel, value }: { channel: 'email' | 'sms'; value: string | null }) => {
  const { formatMessage } = useIntl();
  const labels = useContactLabels();
  const channelLabel = formatMessage({
    id: getTranslation(`list.optIn.${channel}`),
    defaultMessage: channel === 'email' ? 'E-mail' : 'SMS',
  });
  const valueLabel = labels.optIn(value);
  return (
    <Badge variant={(value && VARIANTS[value]) || 'neutral'} size="S">
      {formatMessage(
        { id: getTranslation('list.optIn.badge'), defaultMessage: '{channel}: {value}' },
        { channel: channelLabel, value: valueLabel },
      )}
    </Badge>
  );
};
