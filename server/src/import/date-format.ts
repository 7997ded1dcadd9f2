import type { DateFormat } from '../constants';

export { DATE_FORMATS, type DateFormat } from '../constants';

const DAY_MONTH = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})(?:[ T].*)?$/;
const YEAR_FIRST = /^\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}(?:[ T].*)?$/;

/**
 * The order the sample's dates show: a first number above 12 can only be a
 * day (DD/MM), a second one above 12 only the day of an MM/DD file; ISO when
 * every date puts the year first. Null when the sample says nothing.
 */
export const guessDateFormat = (sample: readonly (readonly string[])[]): DateFormat | null => {
  let dayFirst = 0;
  let monthFirst = 0;
  let yearFirst = 0;
  for (const row of sample) {
    for (const cell of row) {
      const text = (cell ?? '').trim();
      const m = DAY_MONTH.exec(text);
      if (m) {
        const [a, b] = [Number(m[1]), Number(m[2])];
        if (a > 12 && b <= 12) dayFirst++;
        else if (b > 12 && a <= 12) monthFirst++;
      } else if (YEAR_FIRST.test(text)) {
        yearFirst++;
      }
    }
  }
  if (dayFirst && !monthFirst) return 'DD/MM/YYYY';
  if (monthFirst && !dayFirst) return 'MM/DD/YYYY';
  if (yearFirst && !dayFirst && !monthFirst) return 'YYYY-MM-DD';
  return null;
};
