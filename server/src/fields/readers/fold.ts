const MARKS = /[\u0300-\u036f]/g;
const LIGATURES: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', ı: 'i' };
const LIGATURE = /[ßæœøđłı]/g;

/** Lower case, accents removed, inner white space collapsed: how people's words are compared. */
export const fold = (text: string): string => {
  let s = text.trim().toLowerCase();
  // Pure ASCII words (the common case) skip the Unicode normalisation.
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s))
    s = s
      .normalize('NFD')
      .replace(MARKS, '')
      .replace(LIGATURE, (c) => LIGATURES[c]);
  return s.replace(/\s+/g, ' ');
};

/** fold() with spaces, dashes, dots, underscores and apostrophes removed: "Opt-in", "opt in", "OPTIN" meet. */
export const compact = (text: string): string => fold(text).replace(/[\s\-_.'’‘`]+/g, '');

export const isEmptyCell = (text: string | null | undefined): boolean =>
  text === null || text === undefined || text === '' || text.trim() === '';

/** Length in code points (what a person counts), not UTF-16 units. */
export const codePointLength = (s: string): number => {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
};

/** True when s holds more than max code points; cheap when the UTF-16 length already settles it. */
export const exceeds = (s: string, max: number): boolean => s.length > max && codePointLength(s) > max;

/** A cell's text as it appears in a message: trimmed, cut at 80 characters. */
export const shown = (value: unknown): string => {
  const s = typeof value === 'string' ? value.trim() : safeString(value);
  const chars = Array.from(s.length > 200 ? s.slice(0, 200) : s);
  return chars.length > 80 ? `${chars.slice(0, 79).join('')}…` : chars.join('');
};

/** Never throws, whatever the value (proxies, throwing getters, cycles, symbols). */
const safeString = (value: unknown): string => {
  try {
    if (typeof value === 'object' && value !== null) return JSON.stringify(value) ?? Object.prototype.toString.call(value);
    return String(value);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return '[value]';
    }
  }
};

/** The JSON kind of a value, for shape problems. */
export const kindOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return 'text';
  return typeof value;
};

/** The too_long problem's params: the limit and the value's own length, in characters. */
export const tooLong = (field: { label: string }, value: string, max: number) => ({
  ok: false as const,
  code: 'too_long',
  params: { label: field.label, value: shown(value), length: codePointLength(value), max },
});
