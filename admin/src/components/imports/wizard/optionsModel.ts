import type { OptIn } from '../../../../../shared/constants';
import type { MappingEntry } from '../../../../../shared/imports';
import type { ContactField } from '../../../types';

export type Channel = 'email' | 'sms';
export const CHANNELS: Channel[] = ['email', 'sms'];
export const OPT_IN_FIELD: Record<Channel, 'emailOptIn' | 'smsOptIn'> = { email: 'emailOptIn', sms: 'smsOptIn' };
export const DEFAULT_OPTION: Record<Channel, 'defaultEmailOptIn' | 'defaultSmsOptIn'> = {
  email: 'defaultEmailOptIn',
  sms: 'defaultSmsOptIn',
};
/** A do-not-contact column (Mautic's DNC) speaks for both channels. */
const DO_NOT_CONTACT = 'doNotContact';

/** What a new contact gets when the file says nothing; "unknown" is stored as null. */
export type ConsentChoice = 'unknown' | OptIn;
export const CONSENT_CHOICES: ConsentChoice[] = ['unknown', 'no', 'yes'];

export const toChoice = (value: OptIn | null | undefined): ConsentChoice => value ?? 'unknown';
export const fromChoice = (choice: ConsentChoice): OptIn | null => (choice === 'unknown' ? null : choice);

/** Field keys a mapping writes, with the type of fields it would create. */
const targets = (mapping: MappingEntry[]) =>
  mapping.flatMap((e): Array<{ key: string; type?: string }> => {
    if ('ignore' in e) return [];
    if ('newField' in e) return [{ key: e.newField.key, type: e.newField.type }];
    return [{ key: e.field }];
  });

/** Channels no column (nor fixed value) of the mapping gives an opt-in for: the wizard asks about them. */
export const channelsWithoutOptIn = (mapping: MappingEntry[]): Channel[] => {
  const keys = new Set(targets(mapping).map((t) => t.key));
  if (keys.has(DO_NOT_CONTACT)) return [];
  return CHANNELS.filter((c) => !keys.has(OPT_IN_FIELD[c]));
};

/** A datetime field is mapped: its values may be written without a zone, so the wizard asks for one. */
export const mapsDateTime = (mapping: MappingEntry[], fields: Array<Pick<ContactField, 'key' | 'type'>>) => {
  const typeOf = new Map(fields.map((f) => [f.key, f.type]));
  return targets(mapping).some((t) => (t.type ?? typeOf.get(t.key)) === 'datetime');
};
