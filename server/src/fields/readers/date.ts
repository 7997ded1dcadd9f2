import { DEFAULT_DATE_FORMAT } from '../../constants';
import { fold, shown } from './fold';
import { isValidTimeZone, utcMs, wallClockToUtc } from './timezone';
import { fail, ok, type FieldSpec, type ReadContext, type ReadNote, type ReadResult } from './types';

/**
 * Dates and date-times from text.
 *
 * Ambiguity rule: one column may mix ISO and day/month/year forms. A value that
 * can only be read one way is read that way (a four-digit year first is
 * year-month-day; a first number above 12 is a day; a second number above 12
 * is a day, so the first is the month). A value that can be read both ways
 * (03/04/2024) follows the import's dateFormat (default DD/MM/YYYY; a year-first
 * format such as YYYY-MM-DD says nothing about day/month order, so DD/MM) and
 * carries a `date_read_as` note naming the reading used. 05/05/2024 is not
 * ambiguous. Two-digit years follow Excel: 00–29 → 2000s, 30–99 → 1900s.
 */

type Order = 'DMY' | 'MDY';

interface FormatInfo {
  /** Day/month order of values whose year comes last. */
  order: Order;
  /** The user's format asks for year-first values with the day before the month (YYYY-DD-MM). */
  yearFirstDayMonth: boolean;
  /** The user's format starts with a two-digit year (YY-MM-DD): 24-03-14 reads year first. */
  twoDigitYearFirst: boolean;
  /** How the format is named in messages. */
  label: string;
}

const formats = new Map<string, FormatInfo>();
const DEFAULT_FORMAT: FormatInfo = { order: 'DMY', yearFirstDayMonth: false, twoDigitYearFirst: false, label: DEFAULT_DATE_FORMAT };

export const formatInfo = (dateFormat?: string | null): FormatInfo => {
  if (!dateFormat) return DEFAULT_FORMAT;
  let info = formats.get(dateFormat);
  if (info) return info;
  const tokens = dateFormat
    .toUpperCase()
    .split(/[^DMY]+/)
    .filter(Boolean);
  const order = tokens.map((t) => t[0]).join('');
  if (!['DMY', 'MDY', 'YMD', 'YDM'].includes(order) || tokens.some((t) => !/^(D{1,2}|M{1,2}|YY|YYYY)$/.test(t))) {
    info = DEFAULT_FORMAT;
  } else {
    const sep = /[/.-]/.exec(dateFormat)?.[0] ?? '/';
    const yearLast: Order = order === 'MDY' ? 'MDY' : 'DMY';
    info = {
      order: yearLast,
      yearFirstDayMonth: order === 'YDM',
      twoDigitYearFirst: order[0] === 'Y' && tokens[0] === 'YY',
      label:
        order[0] === 'Y'
          ? order === 'YDM'
            ? `YYYY${sep}DD${sep}MM`
            : yearLast === 'DMY'
              ? 'DD/MM/YYYY'
              : 'MM/DD/YYYY'
          : yearLast === 'DMY'
            ? `DD${sep}MM${sep}YYYY`
            : `MM${sep}DD${sep}YYYY`,
    };
  }
  if (formats.size > 100) formats.clear();
  formats.set(dateFormat, info);
  return info;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const daysIn = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

export const isRealDate = (y: number, m: number, d: number): boolean =>
  Number.isInteger(y) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

export const isoDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Excel's two-digit-year window: 00–29 → 2000–2029, 30–99 → 1930–1999. */
const fullYear = (y: string) => (y.length === 2 ? (Number(y) < 30 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y));

let monthNames: Map<string, number> | null = null;
let weekdayNames: Set<string> | null = null;

const nameKey = (s: string) => fold(s).replace(/\./g, '');

/** Month and weekday names in English and French, from Intl (long and short forms). */
const loadNames = () => {
  monthNames = new Map();
  weekdayNames = new Set();
  for (const locale of ['en', 'fr']) {
    for (const month of ['long', 'short'] as const) {
      const f = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
      for (let m = 1; m <= 12; m++) monthNames.set(nameKey(f.format(new Date(Date.UTC(2024, m - 1, 15)))), m);
    }
    for (const weekday of ['long', 'short'] as const) {
      const f = new Intl.DateTimeFormat(locale, { weekday, timeZone: 'UTC' });
      for (let d = 1; d <= 7; d++) weekdayNames.add(nameKey(f.format(new Date(Date.UTC(2024, 0, d)))));
    }
  }
  // Abbreviations people type that Intl does not produce.
  for (const [k, m] of [
    ['sept', 9],
    ['fev', 2],
    ['janvier', 1],
    ['juill', 7],
    ['dec', 12],
    ['avril', 4],
  ] as const)
    monthNames.set(k, m);
};

const monthOf = (word: string): number | undefined => {
  if (!monthNames) loadNames();
  return monthNames!.get(word);
};

const isWeekday = (word: string): boolean => {
  if (!weekdayNames) loadNames();
  return weekdayNames!.has(word);
};

/** A date read from the start of a text, and what follows it. */
interface DatePart {
  y: number;
  m: number;
  d: number;
  rest: string;
  note?: ReadNote;
  /** Read from the year-first ISO form (its time may use the basic form). */
  basic?: boolean;
}

/** The format the text was read with, for the message. */
type DateProblem = { problem: 'invalid_date'; format: string };

const Y_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
const BASIC = /^(\d{4})(\d{2})(\d{2})(?=$|[t ])/;
const Y_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?!\d)/;
const D_MON_Y = /^(?:([a-z]+)\.?,? )?(\d{1,2})(?:er|st|nd|rd|th)?[ \-./]*([a-z]{3,})\.?[ \-./,]*(\d{4}|\d{2})(?!\d)/;
const MON_D_Y = /^(?:([a-z]+)\.?,? )?([a-z]{3,})\.?[ \-./]*(\d{1,2})(?:st|nd|rd|th)?,?[ \-./]+(\d{4})(?!\d)/;

const readDatePart = (s: string, ctx: ReadContext, label: string, original: string): DatePart | DateProblem | null => {
  const fmt = formatInfo(ctx.dateFormat);
  let m = Y_FIRST.exec(s);
  if (m) {
    const y = Number(m[1]);
    let a = Number(m[3]);
    let b = Number(m[4]);
    let note: ReadNote | undefined;
    // Year first is YYYY-MM-DD (2024-13-01 is no date); YYYY-DD-MM only when the import says so
    // and the value allows it.
    if (fmt.yearFirstDayMonth && !(b > 12 && a <= 12)) [a, b] = [b, a];
    if (fmt.yearFirstDayMonth && a !== b && a <= 12 && b <= 12) {
      note = { code: 'date_read_as', params: { label, value: shown(original), format: fmt.label, date: isoDate(y, a, b) } };
    }
    const format = fmt.yearFirstDayMonth ? fmt.label : `YYYY${m[2]}MM${m[2]}DD`;
    return isRealDate(y, a, b)
      ? { y, m: a, d: b, rest: s.slice(m[0].length), note, basic: m[2] === '-' }
      : { problem: 'invalid_date', format };
  }
  m = BASIC.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? { y, m: mo, d, rest: s.slice(8), basic: true } : { problem: 'invalid_date', format: 'YYYYMMDD' };
  }
  m = Y_LAST.exec(s);
  if (m) {
    if (fmt.twoDigitYearFirst && m[4].length === 2) {
      // YY-MM-DD as the import asks.
      const y = fullYear(m[1].padStart(2, '0'));
      const [mo, d] = fmt.yearFirstDayMonth ? [Number(m[4]), Number(m[3])] : [Number(m[3]), Number(m[4])];
      return isRealDate(y, mo, d) ? { y, m: mo, d, rest: s.slice(m[0].length) } : { problem: 'invalid_date', format: fmt.label };
    }
    const a = Number(m[1]);
    const b = Number(m[3]);
    const y = fullYear(m[4]);
    let day: number;
    let month: number;
    let note: ReadNote | undefined;
    if (a > 12 && b <= 12) [day, month] = [a, b];
    else if (b > 12 && a <= 12) [day, month] = [b, a];
    else {
      [day, month] = fmt.order === 'DMY' ? [a, b] : [b, a];
      if (a !== b && a >= 1 && b >= 1) {
        note = { code: 'date_read_as', params: { label, value: shown(original), format: fmt.label, date: isoDate(y, month, day) } };
      }
    }
    const sep = m[2];
    const dmy = `DD${sep}MM${sep}YYYY`;
    const mdy = `MM${sep}DD${sep}YYYY`;
    const format = a > 12 && b > 12 ? `${dmy} or ${mdy}` : a > 12 ? dmy : b > 12 ? mdy : fmt.label;
    return isRealDate(y, month, day) ? { y, m: month, d: day, rest: s.slice(m[0].length), note } : { problem: 'invalid_date', format };
  }
  m = D_MON_Y.exec(s);
  if (m && (!m[1] || isWeekday(m[1]))) {
    const month = monthOf(m[3]);
    if (month) {
      const [y, d] = [fullYear(m[4]), Number(m[2])];
      return isRealDate(y, month, d) ? { y, m: month, d, rest: s.slice(m[0].length) } : { problem: 'invalid_date', format: 'D MMMM YYYY' };
    }
  }
  m = MON_D_Y.exec(s);
  if (m && (!m[1] || isWeekday(m[1]))) {
    const month = monthOf(m[2]);
    if (month) {
      const [y, d] = [Number(m[4]), Number(m[3])];
      return isRealDate(y, month, d) ? { y, m: month, d, rest: s.slice(m[0].length) } : { problem: 'invalid_date', format: 'MMMM D, YYYY' };
    }
  }
  return null;
};

interface TimePart {
  h: number;
  mi: number;
  s: number;
  ms: number;
  /** Offset east of UTC in minutes; undefined: wall-clock time in ctx.timezone. */
  offset?: number;
  /** An IANA zone written after the time. */
  zone?: string;
}

type TimeProblem = { problem: 'invalid_time' | 'invalid_datetime' | 'invalid_timezone'; zone?: string };

const EXT_TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?/;
const H_TIME = /^(\d{1,2}) ?h ?(\d{2})?(?![\d:])/;
const BASIC_TIME = /^(\d{2})(?:(\d{2})(?:(\d{2})(?:[.,](\d{1,9}))?)?)?(?!\d)/;
const MERIDIEM = /^ ?([ap])\.? ?m\.?(?![a-z])/;
const OFFSET = /^(?:(utc|gmt) ?)?([+\-\u2212])(\d{1,2})(?::?(\d{2}))?$/;
const IANA = /^[a-z][a-z_]*(?:\/[a-z0-9_+-]+)+$/;

/** The time (and zone) after a date: '' → midnight without a zone. */
const readTimePart = (rest: string, basicAllowed: boolean): TimePart | TimeProblem => {
  if (rest === '') return { h: 0, mi: 0, s: 0, ms: 0 };
  const sep = /^(?:t ?|,? (?:(?:a|at) )?|,)/.exec(rest);
  if (!sep) return { problem: 'invalid_datetime' };
  let s = rest.slice(sep[0].length);
  let m = EXT_TIME.exec(s) ?? H_TIME.exec(s);
  if (!m && basicAllowed && sep[0][0] === 't') m = BASIC_TIME.exec(s);
  if (!m) return { problem: /^\d/.test(s) ? 'invalid_time' : 'invalid_datetime' };
  let h = Number(m[1]);
  const mi = m[2] === undefined ? 0 : Number(m[2]);
  const sec = m[3] === undefined ? 0 : Number(m[3]);
  const ms = m[4] === undefined ? 0 : Math.floor(Number(`0.${m[4]}`) * 1000);
  s = s.slice(m[0].length);
  const mer = MERIDIEM.exec(s);
  if (mer) {
    if (h < 1 || h > 12) return { problem: 'invalid_time' };
    h = (h % 12) + (mer[1] === 'p' ? 12 : 0);
    s = s.slice(mer[0].length);
  }
  // 24:00 (ISO end of day) is the next midnight; other hours past 23 are not times.
  if (h > 24 || mi > 59 || sec > 59 || (h === 24 && (mi > 0 || sec > 0 || ms > 0))) return { problem: 'invalid_time' };
  const zoneText = s.trim();
  const time: TimePart = { h, mi, s: sec, ms };
  if (zoneText === '') return time;
  if (zoneText === 'z' || zoneText === 'utc' || zoneText === 'gmt') return { ...time, offset: 0 };
  const o = OFFSET.exec(zoneText);
  if (o) {
    // Without a UTC/GMT prefix the hours take two digits (+01, +0100, +01:00).
    if (!o[1] && o[3].length !== 2) return { problem: 'invalid_datetime' };
    const oh = Number(o[3]);
    const om = o[4] === undefined ? 0 : Number(o[4]);
    if (oh > 18 || om > 59) return { problem: 'invalid_datetime' };
    return { ...time, offset: (o[2] === '+' ? 1 : -1) * (oh * 60 + om) };
  }
  if (IANA.test(zoneText)) return isValidTimeZone(zoneText) ? { ...time, zone: zoneText } : { problem: 'invalid_timezone', zone: zoneText };
  return { problem: 'invalid_datetime' };
};

const EXCEL_SERIAL = /^\d{5}$/;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const normalized = (text: string) => fold(text);

const formatParam = (ctx: ReadContext) => formatInfo(ctx.dateFormat).label;

/** type date → 'YYYY-MM-DD'. A date-time's date part is taken as written (no zone conversion). */
export const readDate = (field: FieldSpec, text: string, ctx: ReadContext): ReadResult => {
  const s = normalized(text);
  const label = field.label;
  // A five-digit number is an Excel day number (a date cell saved without its date format).
  if (EXCEL_SERIAL.test(s)) {
    const d = new Date(EXCEL_EPOCH + Number(s) * 86_400_000).toISOString().slice(0, 10);
    return ok(d, { code: 'date_read_as_serial', params: { label, value: s, date: d } });
  }
  const part = readDatePart(s, ctx, label, text);
  if (!part) return fail('invalid_date', { label, value: shown(text), format: formatParam(ctx) });
  if ('problem' in part) return fail('invalid_date', { label, value: shown(text), format: part.format });
  const time = readTimePart(part.rest, !!part.basic);
  if ('problem' in time) {
    if (time.problem === 'invalid_timezone') return fail('invalid_timezone', { label, value: shown(text), timezone: time.zone });
    return fail(time.problem === 'invalid_time' ? 'invalid_time' : 'invalid_date', { label, value: shown(text), format: formatParam(ctx) });
  }
  return ok(isoDate(part.y, part.m, part.d), part.note);
};

/** type datetime → ISO 8601 in UTC ('2024-03-14T08:30:00.000Z'). */
export const readDatetime = (field: FieldSpec, text: string, ctx: ReadContext): ReadResult => {
  const s = normalized(text);
  const label = field.label;
  const part = readDatePart(s, ctx, label, text);
  if (!part) return fail('invalid_datetime', { label, value: shown(text), format: formatParam(ctx) });
  if ('problem' in part) return fail('invalid_date', { label, value: shown(text), format: part.format });
  const time = readTimePart(part.rest, !!part.basic);
  if ('problem' in time) {
    if (time.problem === 'invalid_timezone') return fail('invalid_timezone', { label, value: shown(text), timezone: time.zone });
    return fail(time.problem, { label, value: shown(text), format: formatParam(ctx) });
  }
  const wall = utcMs(part.y, part.m, part.d, time.h, time.mi, time.s, time.ms);
  let t: number;
  let note = part.note;
  if (time.offset !== undefined) {
    t = wall - time.offset * 60_000;
  } else {
    const zone = time.zone ?? ctx.timezone ?? 'UTC';
    if (!isValidTimeZone(zone)) return fail('invalid_timezone', { label, value: shown(text), timezone: zone });
    const r = wallClockToUtc(wall, zone);
    t = r.t;
    if (r.dst && !note) {
      const datetime = new Date(t).toISOString();
      note = {
        code: r.dst === 'gap' ? 'datetime_dst_gap' : 'datetime_dst_overlap',
        params: { label, value: shown(text), timezone: zone, datetime },
      };
    }
  }
  const date = new Date(t);
  const y = date.getUTCFullYear();
  if (Number.isNaN(t) || y < 1 || y > 9999) return fail('invalid_datetime', { label, value: shown(text), format: formatParam(ctx) });
  return ok(date.toISOString(), note);
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/;

/** The stored shapes: YYYY-MM-DD, and ISO 8601 UTC with milliseconds. */
export const isStoredDate = (v: unknown): v is string => {
  if (typeof v !== 'string') return false;
  const m = ISO_DATE.exec(v);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
};

export const isStoredDatetime = (v: unknown): v is string => {
  if (typeof v !== 'string') return false;
  const m = ISO_UTC.exec(v);
  return !!m && isRealDate(Number(m[1]), Number(m[2]), Number(m[3])) && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
};
