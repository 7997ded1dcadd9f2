/** ASCII text has no marks and normalizes to itself: lower-casing is all (the import folds a million values). */
const ASCII = /^[\x00-\x7f]*$/;
/** Combining marks, once: a literal in the function is rebuilt on every call (the build lowers it to `new RegExp`). */
const MARKS = /\p{M}/gu;

/** The rule fold() applies, without its Latin shortcut (tests compare the two). */
export const foldByRule = (text: string): string => text.normalize('NFD').replace(MARKS, '').toLowerCase();

/**
 * Latin letters (below U+0250) folded one by one with the rule itself, once:
 * their decompositions are per character and lower-casing them has no
 * context, so a text made of them folds as the concatenation (the test checks
 * it against the rule). 3× faster than normalize() on "Société".
 */
const LATIN_END = 0x250;
const LATIN = Array.from({ length: LATIN_END }, (_, c) => foldByRule(String.fromCharCode(c)));

/**
 * Text as criteria and the quick search compare it: accents and case folded
 * ("Hélène" → "helene"). Done in JS at write time and stored, because the
 * databases disagree (SQLite's lower() is ASCII-only, MySQL's collations also
 * ignore accents, Postgres needs an extension for that).
 */
export const fold = (text: string): string => {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= LATIN_END) return foldByRule(text);
    out += text.slice(from, i) + LATIN[c];
    from = i + 1;
  }
  return (out + text.slice(from)).toLowerCase();
};

export interface FoldKeys {
  /** Built-in text fields (their values are top-level). */
  builtIn: readonly string[];
  /** Custom text-like fields (in `attributes`). */
  custom: readonly string[];
  /** Of those, what the quick search looks in. */
  search: readonly string[];
}

/** The `folded` JSON and the `search` text of a contact. */
export const foldContact = (values: Record<string, unknown>, attributes: Record<string, unknown>, keys: FoldKeys) => {
  const folded: Record<string, string> = {};
  for (const k of keys.builtIn) {
    const v = values[k];
    if (typeof v === 'string' && v !== '') folded[k] = fold(v);
  }
  for (const k of keys.custom) {
    const v = attributes[k];
    if (typeof v === 'string' && v !== '') folded[k] = fold(v);
  }
  const parts: string[] = [];
  for (const k of keys.search) if (folded[k]) parts.push(folded[k]);
  return { folded, search: parts.join(' \u0001 ') };
};
