/**
 * Spreadsheet formula injection guard: a cell starting with = + - @ TAB or CR
 * is prefixed with a quote so Excel and LibreOffice show it as text.
 */
export const neutralizeCell = (value: unknown): unknown => {
  if (typeof value !== 'string' || value === '') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
};
