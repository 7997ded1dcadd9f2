import type { ReasonCode } from './types';

export type Locale = 'en' | 'fr';

/**
 * One message per code, in English and French. {placeholders} name params.
 * Each message says what a person can change: the format applied, the
 * options allowed, the limit, the import option to set.
 */
export const REASONS: Record<ReasonCode, Record<Locale, string>> = {
  // --- shapes and sizes
  empty_value: {
    en: '{label}: the value is empty',
    fr: '{label} : la valeur est vide',
  },
  invalid_shape: {
    en: '{label}: the value must be {expected} (got {got})',
    fr: '{label} : la valeur doit être {expected} (reçu : {got})',
  },
  too_long: {
    en: '{label}: "{value}" is {length} characters long; the limit is {max}',
    fr: '{label} : « {value} » fait {length} caractères ; la limite est de {max}',
  },
  too_many_items: {
    en: '{label}: {count} values; the limit is {max}',
    fr: '{label} : {count} valeurs ; la limite est de {max}',
  },
  unknown_field_type: {
    en: '{label}: the field type "{type}" is unknown; choose another type for the field',
    fr: '{label} : le type de champ « {type} » est inconnu ; choisissez un autre type pour le champ',
  },
  unreadable_value: {
    en: '{label}: "{value}" could not be read; correct the value',
    fr: '{label} : « {value} » n’a pas pu être lu ; corrigez la valeur',
  },
  // --- numbers
  not_a_number: {
    en: '{label}: "{value}" is not a number (decimal separator in use: "{decimal}"; change the decimal comma option if the file uses the other one)',
    fr: '{label} : « {value} » n’est pas un nombre (séparateur décimal utilisé : « {decimal} » ; changez l’option virgule décimale si le fichier utilise l’autre)',
  },
  not_an_integer: {
    en: '{label}: "{value}" is not a whole number; remove the decimals or make the field a decimal field',
    fr: '{label} : « {value} » n’est pas un nombre entier ; retirez les décimales ou faites du champ un champ décimal',
  },
  number_out_of_range: {
    en: '{label}: "{value}" is out of range (from {min} to {max})',
    fr: '{label} : « {value} » est hors limites (de {min} à {max})',
  },
  // --- yes/no, consent, statuses
  invalid_boolean: {
    en: '{label}: "{value}" is not a yes/no value (accepted: {words})',
    fr: '{label} : « {value} » n’est pas une valeur oui/non (acceptés : {words})',
  },
  invalid_opt_in: {
    en: '{label}: "{value}" is not a consent value (accepted: {values}); add the word to the column’s opt-in words in the mapping',
    fr: '{label} : « {value} » n’est pas une valeur de consentement (acceptés : {values}) ; ajoutez ce mot aux mots de consentement de la colonne dans le mapping',
  },
  invalid_status: {
    en: '{label}: "{value}" is not one of {options}',
    fr: '{label} : « {value} » ne fait pas partie de {options}',
  },
  // --- dates
  invalid_date: {
    en: '{label}: "{value}" is not a date (format applied: {format}; YYYY-MM-DD is always accepted); change the import’s date format if the file uses another',
    fr: '{label} : « {value} » n’est pas une date (format appliqué : {format} ; AAAA-MM-JJ est toujours accepté) ; changez le format de date de l’import si le fichier en utilise un autre',
  },
  invalid_time: {
    en: '{label}: "{value}" has a time that does not exist (hours 0–23, minutes and seconds 0–59)',
    fr: '{label} : « {value} » contient une heure qui n’existe pas (heures 0–23, minutes et secondes 0–59)',
  },
  invalid_datetime: {
    en: '{label}: "{value}" is not a date and time (format applied: {format} hh:mm[:ss], or ISO 8601 such as 2024-03-14T09:30:00+01:00)',
    fr: '{label} : « {value} » n’est pas une date et heure (format appliqué : {format} hh:mm[:ss], ou ISO 8601 comme 2024-03-14T09:30:00+01:00)',
  },
  invalid_timezone: {
    en: '{label}: "{value}": the time zone "{timezone}" is unknown; use an IANA name such as Europe/Paris or an offset such as +01:00',
    fr: '{label} : « {value} » : le fuseau horaire « {timezone} » est inconnu ; utilisez un nom IANA comme Europe/Paris ou un décalage comme +01:00',
  },
  date_read_as: {
    en: '{label}: "{value}" can be read two ways; read as {format}: {date} (change the import’s date format if that is wrong)',
    fr: '{label} : « {value} » peut se lire de deux façons ; lu comme {format} : {date} (changez le format de date de l’import si c’est faux)',
  },
  date_read_as_serial: {
    en: '{label}: "{value}" was read as an Excel day number: {date} (format the column as dates in the spreadsheet to avoid the guess)',
    fr: '{label} : « {value} » a été lu comme un numéro de jour Excel : {date} (mettez la colonne au format date dans le tableur pour éviter la supposition)',
  },
  datetime_dst_gap: {
    en: '{label}: "{value}" does not exist in {timezone} (clocks move forward); read as {datetime}; add an offset such as +01:00 to say otherwise',
    fr: '{label} : « {value} » n’existe pas dans le fuseau {timezone} (passage à l’heure d’été) ; lu comme {datetime} ; ajoutez un décalage comme +01:00 pour préciser',
  },
  datetime_dst_overlap: {
    en: '{label}: "{value}" happens twice in {timezone} (clocks move back); read as the first one, {datetime}; add an offset such as +01:00 to choose',
    fr: '{label} : « {value} » existe deux fois dans le fuseau {timezone} (retour à l’heure d’hiver) ; lu comme la première, {datetime} ; ajoutez un décalage comme +01:00 pour choisir',
  },
  // --- contact channels
  invalid_email: {
    en: '{label}: "{value}" is not a valid e-mail address',
    fr: '{label} : « {value} » n’est pas une adresse e-mail valide',
  },
  invalid_phone: {
    en: '{label}: "{value}" is not a valid phone number of {country}; write numbers of other countries with + and the country code, or fill in the row’s country',
    fr: '{label} : « {value} » n’est pas un numéro valide pour {country} ; écrivez les numéros d’autres pays avec + et l’indicatif, ou renseignez le pays de la ligne',
  },
  invalid_international_phone: {
    en: '{label}: "{value}" is not a valid international phone number; check the country code and the number of digits',
    fr: '{label} : « {value} » n’est pas un numéro international valide ; vérifiez l’indicatif et le nombre de chiffres',
  },
  phone_without_country: {
    en: '{label}: "{value}" has no country code; write it with + and the country code, or set a default country for the import',
    fr: '{label} : « {value} » n’a pas d’indicatif ; écrivez-le avec + et l’indicatif, ou choisissez un pays par défaut pour l’import',
  },
  phone_read_as_international: {
    en: '{label}: "{value}" is not a national number; read as the international number {phone}',
    fr: '{label} : « {value} » n’est pas un numéro national ; lu comme le numéro international {phone}',
  },
  phone_extension_dropped: {
    en: '{label}: the extension {extension} of "{value}" was not kept ({phone}); store it in another field if it matters',
    fr: '{label} : le poste {extension} de « {value} » n’a pas été gardé ({phone}) ; gardez-le dans un autre champ s’il compte',
  },
  invalid_url: {
    en: '{label}: "{value}" is not a web address (http:// or https://, at most 2048 characters)',
    fr: '{label} : « {value} » n’est pas une adresse web (http:// ou https://, 2048 caractères au plus)',
  },
  url_protocol: {
    en: '{label}: "{value}" is a {protocol}: address; only http:// and https:// addresses are accepted',
    fr: '{label} : « {value} » est une adresse {protocol}: ; seules les adresses http:// et https:// sont acceptées',
  },
  invalid_country: {
    en: '{label}: "{value}" is not a country; use an ISO code such as FR or FRA, or the country’s name in English or French',
    fr: '{label} : « {value} » n’est pas un pays ; utilisez un code ISO comme FR ou FRA, ou le nom du pays en français ou en anglais',
  },
  // --- options
  unknown_option: {
    en: '{label}: "{value}" is not one of the options ({options}); add it to the field’s options or allow new values',
    fr: '{label} : « {value} » ne fait pas partie des options ({options}) ; ajoutez-la aux options du champ ou autorisez les nouvelles valeurs',
  },
  new_options: {
    en: '{label}: new option(s) {values} added to the field',
    fr: '{label} : nouvelle(s) option(s) {values} ajoutée(s) au champ',
  },
};

/** Words for the {expected} and {got} params of invalid_shape. */
const KINDS: Record<string, Record<Locale, string>> = {
  text: { en: 'text', fr: 'du texte' },
  number: { en: 'a number', fr: 'un nombre' },
  integer: { en: 'a whole number', fr: 'un nombre entier' },
  boolean: { en: 'true or false', fr: 'vrai ou faux' },
  date: { en: 'a date as text (YYYY-MM-DD)', fr: 'une date en texte (AAAA-MM-JJ)' },
  datetime: { en: 'a date and time as text (ISO 8601)', fr: 'une date et heure en texte (ISO 8601)' },
  list: { en: 'a list', fr: 'une liste' },
  list_of_text: { en: 'a list of texts', fr: 'une liste de textes' },
  object: { en: 'an object', fr: 'un objet' },
  null: { en: 'null', fr: 'null' },
  bigint: { en: 'a big integer', fr: 'un grand entier' },
  undefined: { en: 'nothing', fr: 'rien' },
};

const NUMBER_PARAMS = new Set(['max', 'min', 'length', 'count']);

const regionNames = new Map<Locale, Intl.DisplayNames>();

const countryName = (code: string, locale: Locale): string => {
  let dn = regionNames.get(locale);
  if (!dn) {
    dn = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    regionNames.set(locale, dn);
  }
  try {
    const name = dn.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
};

const render = (key: string, value: unknown, locale: Locale): string => {
  if (value === undefined) return `{${key}}`;
  if (Array.isArray(value)) return value.map((v) => render('', v, locale)).join(', ');
  if ((key === 'expected' || key === 'got') && typeof value === 'string') return KINDS[value]?.[locale] ?? value;
  if (key === 'country' && typeof value === 'string') return countryName(value, locale);
  if (NUMBER_PARAMS.has(key) && typeof value === 'number') return value.toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-US');
  return String(value);
};

/** The message of a code in a locale, placeholders filled from params (unknown codes fall back to the code itself). */
export const formatReason = (code: ReasonCode, params: Record<string, unknown> = {}, locale: Locale = 'en'): string => {
  const entry = REASONS[code];
  const template = entry?.[locale] ?? entry?.en;
  if (!template) return code;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => render(key, params[key], locale));
};
