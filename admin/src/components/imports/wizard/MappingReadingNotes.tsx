import { Button, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useContactLabels } from '../../../hooks/useContactLabels';
import type { ImportOptions, MappingEntry } from '../../../../../shared/imports';
import type { ContactField } from '../../../types';
import { getTranslation } from '../../../utils/getTranslation';
import { DEFAULT_TIME_ZONE } from '../../../utils/timeZones';
import { Notice } from '../../Notice';
import { channelsWithoutOptIn, DEFAULT_OPTION, mapsDateTime, OPT_IN_FIELD } from './optionsModel';

interface MappingReadingNotesProps {
  /** The mapping as edited on screen. */
  mapping: MappingEntry[];
  fields: Array<Pick<ContactField, 'key' | 'type'>>;
  options: Partial<ImportOptions>;
  onOptions: () => void;
}

/**
 * What the options decide for this mapping, said where the mapping changes:
 * the zone of date-times, and the opt-ins new contacts get for a channel no
 * column gives (the options step asked from the mapping it saw then).
 */
export const MappingReadingNotes = ({ mapping, fields, options, onOptions }: MappingReadingNotesProps) => {
  const { formatMessage } = useIntl();
  const labels = useContactLabels();
  const t = (id: string, defaultMessage: string, values?: Record<string, unknown>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values as any);
  const lines: string[] = [];
  if (mapsDateTime(mapping, fields)) {
    lines.push(
      t('imports.mapping.notes.timezone', 'Dates with a time but no time zone are read in {zone}.', {
        zone: options.timezone ?? DEFAULT_TIME_ZONE,
      }),
    );
  }
  for (const channel of channelsWithoutOptIn(mapping)) {
    lines.push(
      t('imports.mapping.notes.optIn', 'No column gives the {field}: new contacts get «{value}».', {
        field: labels.fieldLabel({ key: OPT_IN_FIELD[channel], label: '' }),
        value: labels.optIn(options[DEFAULT_OPTION[channel]] ?? null),
      }),
    );
  }
  if (!lines.length) return null;
  return (
    <Notice
      data-testid="mapping-notes"
      action={
        <Button size="S" variant="tertiary" onClick={onOptions}>
          {t('imports.mapping.notes.change', 'Change in Options')}
        </Button>
      }
    >
      {lines.map((line) => (
        <Typography key={line} tag="p">
          {line}
        </Typography>
      ))}
    </Notice>
  );
};
