import type { FieldType } from '../constants';
import { isEmailLike, isPhoneLike } from './cell-kind';
import type { ColumnRef, MappingEntry } from './types';

/** A field the mapping can target: the built-in fields and the custom ones. */
export interface MappableField {
  key: string;
  label?: string;
  type?: FieldType;
  options?: readonly string[];
}

export interface SuggestOptions {
  /** Without a header row `column` is the 0-based index. Default: guessed from "Column N" names. */
  hasHeader?: boolean;
  /** Sample data rows (Detected.sample), used to spot e-mail / phone / X columns by their values. */
  sample?: string[][];
}

/** Lower-case, no accents, no punctuation or spaces: "Adresse e-mail" → "adresseemail". */
export const normalizeHeader = (text: string): string =>
  String(text ?? '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Header names people use, FR and EN, per built-in field key. A custom field
 * whose key or label is in one of the generic groups gets that group's names.
 */
const BUILT_IN_SYNONYMS: Record<string, string[]> = {
  email: [
    'email', 'e-mail', 'mail', 'courriel', 'mel', 'mél', 'adresse email', 'adresse e-mail', 'adresse mail', 'adresse courriel',
    'adresse mél', 'adresse électronique', 'email address', 'e-mail address', 'mail address', 'email adresse', 'contact email',
    'email contact', 'work email', 'business email', 'email professionnel', 'e-mail professionnel', 'email pro', 'courriel professionnel',
  ],
  firstName: [
    'prénom', 'first name', 'firstname', 'first_name', 'first', 'given name', 'forename', 'fname', 'prénom du contact', 'contact first name',
  ],
  lastName: [
    'nom', 'last name', 'lastname', 'last_name', 'last', 'surname', 'family name', 'nom de famille', 'lname', 'nom du contact',
    'contact last name', 'nom usuel', 'nom de naissance',
  ],
  mobile: [
    'mobile', 'téléphone', 'tel', 'tél', 'téléphone mobile', 'téléphone portable', 'portable', 'gsm', 'phone', 'phone number',
    'mobile phone', 'mobile number', 'mobile phone number', 'cell', 'cell phone', 'cellphone', 'cellular', 'numéro de téléphone',
    'numéro de portable', 'numéro mobile', 'n° de téléphone', 'n° mobile', 'tel mobile', 'tel portable', 'telephone number', 'sms', 'whatsapp',
  ],
  company: [
    'société', 'entreprise', 'raison sociale', 'company', 'company name', 'organisation', 'organization', 'organisme', 'employer',
    'employeur', 'compagnie', 'nom de la société', "nom de l'entreprise", 'business name', 'account name', 'établissement',
  ],
  emailOptIn: [
    'opt-in', 'optin', 'email opt-in', 'opt-in email', 'newsletter', 'newsletters', 'abonné newsletter', 'inscrit newsletter',
    'inscription newsletter', 'newsletter opt-in', 'accepte newsletter', 'consentement', 'consentement email', 'email consent',
    'consent', 'marketing consent', 'subscribed', 'abonné', 'abonnement', 'accepts marketing', 'accepte les emails', 'email marketing',
    'statut abonnement', 'subscription status', 'email subscription', 'abonnement email',
  ],
  smsOptIn: [
    'sms opt-in', 'opt-in sms', 'consentement sms', 'sms consent', 'accepte sms', 'accepte les sms', 'sms marketing', 'abonné sms',
    'sms subscription', 'abonnement sms',
  ],
  emailStatus: ['email status', 'statut email', "statut de l'email", 'statut du mail', 'email validity', 'bounce status'],
  mobileStatus: ['mobile status', 'statut mobile', 'phone status', 'statut téléphone', 'statut du mobile'],
  tags: ['tags', 'tag', 'étiquettes', 'étiquette', 'labels', 'keywords', 'mots-clés', 'mots clés'],
};

/** Common custom fields: a field keyed or labelled with any of these names matches all of them. */
const GENERIC_GROUPS: string[][] = [
  ['city', 'ville', 'town', 'localité', 'commune'],
  ['zip', 'zipcode', 'zip code', 'postal code', 'postcode', 'code postal', 'cp'],
  ['country', 'pays', 'country code', 'code pays'],
  ['address', 'adresse', 'adresse postale', 'street', 'rue', 'street address', 'address line 1', 'adresse 1'],
  ['birthdate', 'birthday', 'birth date', 'date of birth', 'dob', 'date de naissance', 'anniversaire', 'né le'],
  ['civility', 'civilité', 'title', 'salutation', 'gender', 'genre', 'sexe', 'titre'],
  ['job title', 'jobtitle', 'poste', 'fonction', 'position', 'job', 'métier'],
  ['website', 'site web', 'site internet', 'url', 'web site', 'site'],
  ['language', 'langue', 'locale', 'lang'],
  ['department', 'service', 'département'],
  ['region', 'région', 'state', 'province'],
];

/** Substrings that identify a built-in field inside a longer header ("Adresse e-mail perso"). */
const CONTAINED: Array<[string, string[]]> = [
  ['email', ['email', 'courriel']],
  ['mobile', ['telephone', 'mobile', 'portable', 'phone']],
  ['firstName', ['prenom', 'firstname', 'givenname']],
  ['lastName', ['nomdefamille', 'lastname', 'surname', 'familyname']],
  ['company', ['societe', 'entreprise', 'company', 'raisonsociale']],
];

const BUILT_IN_NAMES: Map<string, string> = (() => {
  const names = new Map<string, string>();
  for (const [key, list] of Object.entries(BUILT_IN_SYNONYMS)) {
    for (const name of list) {
      const n = normalizeHeader(name);
      if (n && !names.has(n)) names.set(n, key);
    }
  }
  return names;
})();

const GENERIC_NAMES: Map<string, number> = (() => {
  const names = new Map<string, number>();
  GENERIC_GROUPS.forEach((group, i) => group.forEach((name) => names.set(normalizeHeader(name), i)));
  return names;
})();

/** True when a header cell names a known field (built-in synonyms, or the given fields' keys/labels). */
export const isKnownHeader = (text: string, fields: readonly MappableField[] = []): boolean => {
  const n = normalizeHeader(text);
  if (!n) return false;
  if (BUILT_IN_NAMES.has(n) || GENERIC_NAMES.has(n)) return true;
  return fields.some((f) => normalizeHeader(f.key) === n || (f.label && normalizeHeader(f.label) === n));
};

const COLUMN_N = /^Column \d+$/;
const X_VALUE = /^(?:x|1|yes|oui|true|vrai|y|o)$/i;

/** name → field key, strongest first: a field's own key and label, then the synonyms. */
const buildIndex = (fields: readonly MappableField[]) => {
  const exact = new Map<string, string>();
  const synonyms = new Map<string, string>();
  const keys = new Set(fields.map((f) => f.key));
  for (const f of fields) {
    for (const name of [f.key, f.label]) {
      const n = name ? normalizeHeader(name) : '';
      if (n && !exact.has(n)) exact.set(n, f.key);
    }
  }
  for (const [n, key] of BUILT_IN_NAMES) if (keys.has(key) && !synonyms.has(n)) synonyms.set(n, key);
  for (const f of fields) {
    const group = GENERIC_NAMES.get(normalizeHeader(f.key)) ?? (f.label ? GENERIC_NAMES.get(normalizeHeader(f.label)) : undefined);
    if (group === undefined) continue;
    for (const name of GENERIC_GROUPS[group]) {
      const n = normalizeHeader(name);
      if (!synonyms.has(n)) synonyms.set(n, f.key);
    }
  }
  return { exact, synonyms };
};

const columnValues = (sample: string[][] | undefined, index: number): string[] =>
  (sample ?? []).map((row) => (row[index] ?? '').trim()).filter((v) => v !== '');

const mostly = (values: string[], test: (v: string) => boolean): boolean =>
  values.length > 0 && values.filter(test).length / values.length >= 0.6;

/**
 * A mapping proposal, one entry per column (then `previous` literal entries):
 * a column whose normalized header names a field maps to it, each field at
 * most once; columns whose values are e-mails or phone numbers map to the
 * e-mail / mobile field when no header did; a column named after an option of
 * a multiselect field holding X marks sets that option (Sendethic's layout);
 * the rest is ignored. `previous` (a mapping used before for the same header
 * set) is reused entry by entry where its field still exists.
 */
export const suggestMapping = (
  columns: readonly string[],
  fields: readonly MappableField[],
  previous?: readonly MappingEntry[] | null,
  options: SuggestOptions = {},
): MappingEntry[] => {
  const hasHeader = options.hasHeader ?? !(columns.length > 0 && columns.every((c) => COLUMN_N.test(c)));
  const refOf = (i: number): ColumnRef => (hasHeader ? columns[i] : i);
  const fieldByKey = new Map(fields.map((f) => [f.key, f]));
  const result: Array<MappingEntry | undefined> = new Array(columns.length).fill(undefined);
  const taken = new Set<string>();

  // 1. What was used before, where it still applies.
  const literals: MappingEntry[] = [];
  for (const entry of previous ?? []) {
    if (!('column' in entry)) {
      if (fieldByKey.has(entry.field) && !taken.has(entry.field)) {
        literals.push(entry);
        taken.add(entry.field);
      }
      continue;
    }
    const i = hasHeader ? columns.indexOf(String(entry.column)) : typeof entry.column === 'number' ? entry.column : Number(entry.column);
    if (!Number.isInteger(i) || i < 0 || i >= columns.length || result[i]) continue;
    if ('ignore' in entry) {
      result[i] = { column: refOf(i), ignore: true };
    } else if ('newField' in entry) {
      const existing = fieldByKey.get(entry.newField.key);
      if (existing) {
        if (taken.has(existing.key)) continue;
        result[i] = { column: refOf(i), field: existing.key };
        taken.add(existing.key);
      } else {
        result[i] = { column: refOf(i), newField: entry.newField };
      }
    } else if ('field' in entry) {
      const field = fieldByKey.get(entry.field);
      if (!field) continue;
      if (entry.option !== undefined) {
        result[i] = { column: refOf(i), field: field.key, option: entry.option };
      } else {
        if (taken.has(field.key)) continue;
        result[i] = { column: refOf(i), field: field.key };
        taken.add(field.key);
      }
    }
  }

  const assign = (i: number, key: string | undefined): boolean => {
    if (!key || result[i] || taken.has(key)) return false;
    result[i] = { column: refOf(i), field: key };
    taken.add(key);
    return true;
  };

  // 2. Header names: exact key/label first, then synonyms, then a known name inside a longer header.
  if (hasHeader) {
    const { exact, synonyms } = buildIndex(fields);
    const normalized = columns.map(normalizeHeader);
    const singular = (n: string) => (n.length > 3 && n.endsWith('s') ? n.slice(0, -1) : n);
    normalized.forEach((n, i) => assign(i, exact.get(n)));
    normalized.forEach((n, i) => assign(i, synonyms.get(n) ?? exact.get(singular(n)) ?? synonyms.get(singular(n))));
    normalized.forEach((n, i) => {
      if (result[i] || !n) return;
      for (const [key, parts] of CONTAINED) {
        if (!fieldByKey.has(key) || taken.has(key) || !parts.some((p) => n.includes(p))) continue;
        // A header naming the e-mail field but holding no e-mail (e.g. "Email opt-in date") is not it.
        const values = columnValues(options.sample, i);
        if (key === 'email' && values.length && !mostly(values, isEmailLike)) continue;
        if (key === 'mobile' && values.length && !mostly(values, isPhoneLike)) continue;
        if (assign(i, key)) return;
      }
    });
  }

  // 3. Values: an e-mail or phone column nobody named.
  columns.forEach((_, i) => {
    if (result[i]) return;
    const values = columnValues(options.sample, i);
    if (fieldByKey.has('email') && mostly(values, isEmailLike)) assign(i, 'email');
    else if (fieldByKey.has('mobile') && !hasHeader && mostly(values, isPhoneLike)) assign(i, 'mobile');
  });

  // 4. X columns named after a multiselect option.
  if (hasHeader) {
    const optionIndex = new Map<string, { field: string; option: string }>();
    for (const f of fields) {
      if (f.type !== 'multiselect' || !f.options) continue;
      for (const option of f.options) {
        const n = normalizeHeader(option);
        if (n && !optionIndex.has(n)) optionIndex.set(n, { field: f.key, option });
      }
    }
    columns.forEach((c, i) => {
      if (result[i]) return;
      const hit = optionIndex.get(normalizeHeader(c));
      if (!hit) return;
      const values = columnValues(options.sample, i);
      if (values.length && !values.every((v) => X_VALUE.test(v))) return;
      result[i] = { column: refOf(i), field: hit.field, option: hit.option };
    });
  }

  const entries: MappingEntry[] = result.map((entry, i) => entry ?? { column: refOf(i), ignore: true as const });
  return [...entries, ...literals];
};
