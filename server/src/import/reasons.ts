import { formatReason as formatReaderReason, REASONS as READER_REASONS } from '../fields/readers/reasons';

export type Locale = 'en' | 'fr';

/**
 * Reasons of the write stage, next to the readers' own (fields/readers):
 * the errors file and the admin show `code` plus one sentence in the
 * person's language; the code never changes, so a site can act on it.
 */
const IMPORT_REASONS: Record<string, Record<Locale, string>> = {
  parse_error: { en: 'The row cannot be read: {message}', fr: 'La ligne est illisible : {message}' },
  missing_key: {
    en: 'The {key} cell is empty: this import matches contacts on it',
    fr: 'La cellule {key} est vide : cet import identifie les contacts par ce champ',
  },
  ambiguous_key: {
    en: '{count} contacts have the {key} {value}: the row cannot tell which one to update',
    fr: '{count} contacts ont le {key} {value} : impossible de savoir lequel mettre à jour',
  },
  key_taken: {
    en: 'The {key} {value} belongs to another contact: it was not written on this one',
    fr: 'Le {key} {value} appartient à un autre contact : il n’a pas été écrit sur celui-ci',
  },
  missing_required: {
    en: '{fields} required for a new contact',
    fr: '{fields} obligatoire(s) pour un nouveau contact',
  },
  stored_value: {
    en: 'This contact held values the plugin cannot read ({values}); they were treated as empty',
    fr: 'Ce contact avait des valeurs illisibles ({values}) ; elles ont été traitées comme vides',
  },
  spreadsheet_error: {
    en: '{label}: the cell shows the spreadsheet error {value}, not a value; correct the formula in the file',
    fr: '{label} : la cellule affiche l’erreur de tableur {value}, pas une valeur ; corrigez la formule dans le fichier',
  },
  encoding_fallback: {
    en: 'Characters of this row were not {from}: they were read as {to}',
    fr: 'Des caractères de cette ligne n’étaient pas en {from} : ils ont été lus en {to}',
  },
};

const KEY_NAMES: Record<Locale, Record<string, string>> = {
  en: { email: 'e-mail', mobile: 'mobile' },
  fr: { email: 'e-mail', mobile: 'mobile' },
};

const fill = (template: string, params: Record<string, unknown>, locale: Locale) =>
  template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = params[name];
    if (name === 'key' && typeof v === 'string') return KEY_NAMES[locale][v] ?? v;
    if (Array.isArray(v)) return v.join(', ');
    return v === undefined || v === null ? '' : String(v);
  });

export const isKnownReason = (code: string) => code in IMPORT_REASONS || code in READER_REASONS;

/** `code: sentence` in the person's language, for the errors file and the admin. */
export const renderReason = (code: string, params: Record<string, unknown> = {}, locale: Locale = 'en'): string => {
  const own = IMPORT_REASONS[code];
  const sentence = own ? fill(own[locale] ?? own.en, params, locale) : formatReaderReason(code, params, locale);
  return sentence;
};

export const localeOf = (value: unknown): Locale => (typeof value === 'string' && value.toLowerCase().startsWith('fr') ? 'fr' : 'en');
