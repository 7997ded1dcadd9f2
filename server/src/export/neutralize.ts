/**
 * OWASP's CSV-injection guard: a cell whose text starts with = + - @ TAB CR
 * or LF gets a leading quote, so a spreadsheet shows it as text and never
 * evaluates it. Text that already starts with quotes before one of those
 * characters gets one more, which keeps the mapping one-to-one: the import's
 * `fromExport` option (restoreCell) gives back exactly the stored text.
 */
const TRIGGER = /^'*[=+\-@\t\r\n]/;
const NEUTRALIZED = /^'+[=+\-@\t\r\n]/;

/** First characters that need a look: ' (quotes before a trigger) and the triggers themselves. */
const FIRST = new Set([39, 61, 43, 45, 64, 9, 13, 10]);

// A first-character test before the regex: it runs on every text cell of an export.
export const neutralizeText = (text: string): string => (text !== '' && FIRST.has(text.charCodeAt(0)) && TRIGGER.test(text) ? `'${text}` : text);

export const neutralizeCell = (value: unknown): unknown => (typeof value === 'string' ? neutralizeText(value) : value);

/** The text an export neutralised, as it was stored (anything else unchanged). */
export const restoreCell = (text: string): string => (text.charCodeAt(0) === 39 && NEUTRALIZED.test(text) ? text.slice(1) : text);
