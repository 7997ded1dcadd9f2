import { OPT_IN_VALUES } from '../../constants';
import { compact, fold, kindOf, shown } from './fold';
import { fail, ok, type FieldSpec, type OptInValue, type ReadContext, type ReadResult } from './types';

/**
 * One yes/no vocabulary for files and the API: English, French, Excel and
 * database habits (TRUE/FALSE, t/f, x for a ticked cell), a few neighbours
 * (si, ja, nein). Compared folded: "OUI", "Oui", "oui " meet.
 */
const TRUE_WORDS = ['true', 't', '1', 'on', 'yes', 'y', 'oui', 'o', 'vrai', 'x', 'si', 'sí', 'ja', '✓', '✔', '☑', '☒'];
const FALSE_WORDS = ['false', 'f', '0', 'off', 'no', 'n', 'non', 'faux', 'nein', '✗', '✘', '☐'];

const BOOLEAN_WORDS = new Map<string, boolean>([
  ...TRUE_WORDS.map((w) => [fold(w), true] as [string, boolean]),
  ...FALSE_WORDS.map((w) => [fold(w), false] as [string, boolean]),
]);

/** What the messages list as accepted words. */
export const BOOLEAN_HINT = 'yes/no, true/false, 1/0, on/off, oui/non, vrai/faux, y/n, x';

/** true / false, or null when the text is neither. */
export const readBooleanWord = (text: string): boolean | null => BOOLEAN_WORDS.get(fold(text)) ?? null;

export const readBooleanText = (field: FieldSpec, text: string): ReadResult => {
  const b = readBooleanWord(text);
  return b === null ? fail('invalid_boolean', { label: field.label, value: shown(text), words: BOOLEAN_HINT }) : ok(b);
};

export const readBooleanJson = (field: FieldSpec, value: unknown): ReadResult => {
  if (typeof value === 'boolean') return ok(value);
  if (value === 1 || value === 0) return ok(value === 1);
  if (typeof value === 'string') return readBooleanText(field, value);
  if (typeof value === 'number') return fail('invalid_boolean', { label: field.label, value: String(value), words: BOOLEAN_HINT });
  return fail('invalid_shape', { label: field.label, expected: 'boolean', got: kindOf(value) });
};

// ---------------------------------------------------------------------------
// Opt-ins: yes | no | orange | blocklist.
// Consent is never invented: only a listed word (or one the mapping adds) gives
// `yes`; an empty or unknown cell is a problem, never a default.

export { OPT_IN_VALUES };

/** Phrases, compared compacted (case, accents, spaces, dashes and dots ignored). */
const OPT_IN_PHRASES: Record<OptInValue, string[]> = {
  yes: [
    'yes',
    'oui',
    'opt-in',
    'opted in',
    'optin',
    'double opt-in',
    'subscribed',
    'subscriber',
    'subscribe',
    'abonné',
    'abonnée',
    'abonne',
    'inscrit',
    'inscrite',
    'consent',
    'consented',
    'consent given',
    'consenti',
    'consentie',
    'accepté',
    'acceptée',
    'accepted',
    'granted',
    'allowed',
    'autorisé',
    'autorisée',
    "d'accord",
    'agreed',
  ],
  no: [
    'no',
    'non',
    'opt-out',
    'opted out',
    'optout',
    'unsubscribed',
    'unsubscribe',
    'not subscribed',
    'désabonné',
    'désabonnée',
    'désinscrit',
    'désinscrite',
    'non abonné',
    'non abonnée',
    'non inscrit',
    'refus',
    'refusé',
    'refusée',
    'refused',
    'declined',
    'denied',
    'withdrawn',
    'consent withdrawn',
    'no consent',
  ],
  orange: ['orange', 'liste orange', 'orange list', 'bloctel'],
  blocklist: [
    'blocklist',
    'blocklisted',
    'block list',
    'blacklist',
    'blacklisted',
    'black list',
    'blocked',
    'bloqué',
    'bloquée',
    'liste noire',
    'liste rouge',
    'red list',
    'denylist',
    'deny list',
    'denylisted',
  ],
};

const OPT_IN_WORDS = new Map<string, OptInValue>();
for (const [value, phrases] of Object.entries(OPT_IN_PHRASES) as Array<[OptInValue, string[]]>) {
  for (const p of phrases) OPT_IN_WORDS.set(compact(p), value);
}

const extraWords = new WeakMap<object, Map<string, OptInValue>>();

const extraOf = (words: Record<string, OptInValue>): Map<string, OptInValue> => {
  let map = extraWords.get(words);
  if (!map) {
    map = new Map();
    for (const [word, value] of Object.entries(words)) {
      if (!OPT_IN_VALUES.includes(value)) continue;
      map.set(fold(word), value);
      map.set(compact(word), value);
    }
    extraWords.set(words, map);
  }
  return map;
};

export const OPT_IN_HINT = 'yes, no, orange, blocklist, oui/non, opt-in/opt-out, abonné/désabonné, liste orange, liste rouge';

export const readOptInWord = (text: string, ctx: ReadContext): OptInValue | null => {
  const folded = fold(text);
  if (folded === '') return null;
  if (ctx.optInWords) {
    const extra = extraOf(ctx.optInWords);
    const v = extra.get(folded) ?? extra.get(compact(text));
    if (v) return v;
  }
  const b = BOOLEAN_WORDS.get(folded);
  if (b !== undefined) return b ? 'yes' : 'no';
  // Phrases carry letters only: "-1" or "1.0" must not compact into a boolean word.
  return OPT_IN_WORDS.get(compact(text)) ?? null;
};

export const readOptInText = (field: FieldSpec, text: string, ctx: ReadContext): ReadResult => {
  const v = readOptInWord(text, ctx);
  return v === null ? fail('invalid_opt_in', { label: field.label, value: shown(text), values: OPT_IN_HINT }) : ok(v);
};

export const readOptInJson = (field: FieldSpec, value: unknown, ctx: ReadContext): ReadResult => {
  if (typeof value === 'boolean') return ok(value ? 'yes' : 'no');
  if (value === 1 || value === 0) return ok(value === 1 ? 'yes' : 'no');
  if (typeof value === 'string') return readOptInText(field, value, ctx);
  if (typeof value === 'number') return fail('invalid_opt_in', { label: field.label, value: String(value), values: OPT_IN_HINT });
  return fail('invalid_shape', { label: field.label, expected: 'text', got: kindOf(value) });
};
