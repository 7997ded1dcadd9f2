/**
 * Wall-clock time in an IANA zone → UTC, with Intl (Node 20 ships full ICU;
 * luxon and date-fns-tz are only transitive dependencies here, so not ours to use).
 *
 * DST rule (the one Temporal calls "compatible", also RFC 5545's):
 * - a time that does not exist (spring forward: Europe/Paris 2024-03-31 02:30)
 *   is moved forward by the length of the gap (→ 03:30 CEST = 01:30Z);
 * - a time that exists twice (fall back: Europe/Paris 2024-10-27 02:30) is
 *   read as the earlier instant, still on summer time (→ 02:30 CEST = 00:30Z).
 * Both return a `dst` flag so the reader can tell the person.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

const formatterOf = (zone: string): Intl.DateTimeFormat | null => {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    if (formatters.size > 500) formatters.clear();
    formatters.set(zone, f);
  }
  return f;
};

const UTC_ZONES = new Set(['utc', 'etc/utc', 'gmt', 'etc/gmt', 'z', 'zulu', 'etc/zulu', 'universal', 'etc/universal']);

export const isUtcZone = (zone: string): boolean => UTC_ZONES.has(zone.toLowerCase());

export const isValidTimeZone = (zone: string): boolean => isUtcZone(zone) || formatterOf(zone) !== null;

const DAY = 86_400_000;

/**
 * Offsets by UTC day: formatToParts costs ~4 µs and a wall-clock conversion
 * needs three or four offsets. A day whose first and last second share an
 * offset has it all day (tzdb has no zone changing twice and back within a
 * day); a day with a transition (null) is computed to the second.
 */
const dayOffsets = new Map<string, Map<number, number | null>>();

/** The zone's offset from UTC at instant t, in milliseconds (east positive). */
export const offsetAt = (zone: string, t: number): number => {
  if (isUtcZone(zone)) return 0;
  let days = dayOffsets.get(zone);
  if (!days) {
    if (dayOffsets.size > 50) dayOffsets.clear();
    days = new Map();
    dayOffsets.set(zone, days);
  }
  const day = Math.floor(t / DAY);
  const cached = days.get(day);
  if (typeof cached === 'number') return cached;
  if (cached === null) return exactOffsetAt(zone, t);
  const first = exactOffsetAt(zone, day * DAY);
  const last = exactOffsetAt(zone, day * DAY + DAY - 1000);
  if (days.size > 20_000) days.clear();
  days.set(day, first === last ? first : null);
  return first === last ? first : exactOffsetAt(zone, t);
};

const exactOffsetAt = (zone: string, t: number): number => {
  const f = formatterOf(zone);
  if (!f) throw new RangeError(`Unknown time zone ${zone}`);
  const whole = Math.floor(t / 1000) * 1000;
  const v: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(whole))) v[p.type] = p.value;
  const y = Number(v.year);
  // Years before 1 come as 1 BC, 2 BC…: astronomical year 0, -1…
  const year = /^b/i.test(v.era ?? '') ? 1 - y : y;
  return utcMs(year, Number(v.month), Number(v.day), Number(v.hour), Number(v.minute), Number(v.second), 0) - whole;
};

/** Date.UTC without its 0–99 → 1900–1999 year mapping. */
export const utcMs = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => {
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (y < 0 || y > 99) return t;
  // Years 1–99 and 1901–1999 share their leap years, so moving back 1900 years keeps the day.
  const date = new Date(t);
  date.setUTCFullYear(date.getUTCFullYear() - 1900);
  return date.getTime();
};

export type WallClockResult = { t: number; dst?: 'gap' | 'overlap' };

/** The instant a wall-clock time (given as if it were UTC, in ms) denotes in zone. */
export const wallClockToUtc = (wall: number, zone: string): WallClockResult => {
  if (isUtcZone(zone)) return { t: wall };
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  const fits = (o: number) => offsetAt(zone, wall - o) === o;
  if (before === after) {
    if (fits(before)) return { t: wall - before };
    // A transition back and forth within two days (rare): search the actual offset.
    const o = offsetAt(zone, wall - before);
    return fits(o) ? { t: wall - o } : { t: wall - before, dst: 'gap' };
  }
  const a = fits(before);
  const b = fits(after);
  if (a && b) return { t: wall - Math.max(before, after), dst: 'overlap' };
  if (a) return { t: wall - before };
  if (b) return { t: wall - after };
  // Gap: read with the offset in force before the jump, which lands after it.
  return { t: wall - before, dst: 'gap' };
};
