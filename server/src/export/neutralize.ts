/**
 * OWASP's CSV-injection guard: a cell whose text starts with = + - @ TAB CR
 * or LF gets a leading quote, so a spreadsheet shows it as text and never
 * evaluates it. Text that already starts with quotes before one of those
 * characters gets one more, which keeps the mapping one-to-one: the import's
 * `fromExport` option (restoreCell) gives back exactly the stored text.
 */
const TRIGGER = /^'*[=+\-@\t\r\n]/;
const NEUTRALIZED = /^'+[=+\-@\t\r\n]/;

export const neutralizeText = (text: string): string => (text !== '' && TRIGGER.test(text) ? `'${text}` : text);

export const neutralizeCell = (value: unknown): unknown => (typeof value === 'string' ? neutralizeText(value) : value);

/** The text an export neutralised, as it was stored (anything else unchanged). */
export const restoreCell = (text: string): string => (text.charCodeAt(0) === 39 && NEUTRALIZED.test(text) ? text.slice(1) : text);
