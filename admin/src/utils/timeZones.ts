/**
 * Time zones offered for date-times written without one: UTC, then the zones
 * of the places contact files usually come from, west to east. The whole IANA
 * list (400+) would bury them; the browser's own zone and the draft's current
 * one are added when missing, so nothing chosen elsewhere disappears.
 */
const COMMON_ZONES = [
  'UTC',
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Phoenix',
  'America/Chicago',
  'America/Mexico_City',
  'America/New_York',
  'America/Toronto',
  'America/Bogota',
  'America/Halifax',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'Atlantic/Azores',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Africa/Casablanca',
  'Africa/Dakar',
  'Africa/Abidjan',
  'Europe/Paris',
  'Europe/Brussels',
  'Europe/Luxembourg',
  'Europe/Zurich',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Amsterdam',
  'Europe/Warsaw',
  'Africa/Algiers',
  'Africa/Tunis',
  'Africa/Lagos',
  'Europe/Athens',
  'Europe/Bucharest',
  'Europe/Helsinki',
  'Europe/Kyiv',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Asia/Dubai',
  'Indian/Reunion',
  'Indian/Mauritius',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Bangkok',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Perth',
  'Australia/Sydney',
  'Pacific/Noumea',
  'Pacific/Auckland',
  'Pacific/Tahiti',
  'America/Martinique',
  'America/Guadeloupe',
  'America/Cayenne',
];

export const DEFAULT_TIME_ZONE = 'UTC';

const browserZone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

/** "GMT+1" style offset of a zone now, for the option label; '' when the engine cannot tell. */
const offsetOf = (zone: string, locale: string) => {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
};

export const timeZoneOptions = (locale: string, current?: string | null) => {
  const zones = [...COMMON_ZONES];
  for (const extra of [browserZone(), current]) if (extra && !zones.includes(extra)) zones.splice(1, 0, extra);
  return zones.map((zone) => {
    const offset = zone === 'UTC' ? '' : offsetOf(zone, locale);
    return { zone, label: offset ? `${zone.replace(/_/g, ' ')} (${offset})` : zone.replace(/_/g, ' ') };
  });
};
