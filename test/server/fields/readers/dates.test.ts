import { checkValue, readJson, readText } from '../../../../server/src/fields/readers';
import { field, json, problem, text } from './helpers';

const date = field('date');
const dt = field('datetime');

describe('date reader', () => {
  it.each([
    ['2024-03-14', '2024-03-14'], ['2024-3-4', '2024-03-04'], ['2024/03/14', '2024-03-14'], ['2024.03.14', '2024-03-14'], ['20240314', '2024-03-14'],
    ['2024-03-14T09:30:00Z', '2024-03-14'], ['2024-03-14T23:30:00-05:00', '2024-03-14'], ['2024-03-14 09:30', '2024-03-14'], ['2024-03-14T00:00:00.000Z', '2024-03-14'],
    ['14/03/2024', '2024-03-14'], ['14-03-2024', '2024-03-14'], ['14.03.2024', '2024-03-14'], ['4/3/2024', '2024-03-04'], ['14/03/24', '2024-03-14'],
    ['14/03/2024 00:00:00', '2024-03-14'], ['29/02/2024', '2024-02-29'], ['2000-02-29', '2000-02-29'], ['0001-01-01', '0001-01-01'], ['9999-12-31', '9999-12-31'],
    // Excel-style text and written dates
    ['14-Mar-2024', '2024-03-14'], ['14-Mar-24', '2024-03-14'], ['14 March 2024', '2024-03-14'], ['Mar 14, 2024', '2024-03-14'], ['March 14 2024', '2024-03-14'],
    ['Thursday, March 14, 2024', '2024-03-14'], ['14 mars 2024', '2024-03-14'], ['1er janvier 2024', '2024-01-01'], ['jeudi 14 mars 2024', '2024-03-14'],
    ['14 févr. 2024', '2024-02-14'], ['14 fevrier 2024', '2024-02-14'], ['3 août 2024', '2024-08-03'], ['14 sept 2024', '2024-09-14'], ['Thu, 14 Mar 2024 09:30:00 +0100', '2024-03-14'],
    ['  2024-03-14  ', '2024-03-14'],
  ])('reads %p as %p', (t, v) => expect(text(date, t)).toBe(v));

  it('reads two-digit years as Excel does (00–29 → 2000s, 30–99 → 1900s)', () => {
    expect(text(date, '31/12/29')).toBe('2029-12-31');
    expect(text(date, '31/12/30')).toBe('1930-12-31');
    expect(text(date, '15/06/45')).toBe('1945-06-15');
    expect(text(date, '15/06/00')).toBe('2000-06-15');
  });

  describe('a column mixing ISO and day/month/year', () => {
    const column = ['2024-03-04', '14/03/2024', '03/14/2024', '04/03/2024', '12/12/2024', '2024-12-01'];
    it('reads unambiguous values as what they are and ambiguous ones by the format, with a note', () => {
      const out = column.map((t) => readText(date, t, {}));
      expect(out.map((r) => ('code' in r ? r.code : r.value))).toEqual(['2024-03-04', '2024-03-14', '2024-03-14', '2024-03-04', '2024-12-12', '2024-12-01']);
      expect(out.map((r) => ('note' in r ? r.note?.code ?? null : null))).toEqual([null, null, null, 'date_read_as', null, null]);
      expect(out[3]).toEqual({ ok: true, value: '2024-03-04', note: { code: 'date_read_as', params: { label: 'X', value: '04/03/2024', format: 'DD/MM/YYYY', date: '2024-03-04' } } });
    });
    it('follows MM/DD/YYYY when the import says so', () => {
      const ctx = { dateFormat: 'MM/DD/YYYY' };
      const out = column.map((t) => readText(date, t, ctx));
      expect(out.map((r) => ('code' in r ? r.code : r.value))).toEqual(['2024-03-04', '2024-03-14', '2024-03-14', '2024-04-03', '2024-12-12', '2024-12-01']);
      expect(out[3]).toMatchObject({ note: { code: 'date_read_as', params: { format: 'MM/DD/YYYY', date: '2024-04-03' } } });
    });
    it.each([
      ['DD.MM.YYYY', '04.03.2024', '2024-03-04', 'DD.MM.YYYY'],
      ['DD-MM-YYYY', '04-03-2024', '2024-03-04', 'DD-MM-YYYY'],
      ['MM-DD-YYYY', '04-03-2024', '2024-04-03', 'MM-DD-YYYY'],
      ['YYYY-MM-DD', '04/03/2024', '2024-03-04', 'DD/MM/YYYY'],
      ['YYYY/MM/DD', '04/03/2024', '2024-03-04', 'DD/MM/YYYY'],
      ['DD/MM/YY', '04/03/24', '2024-03-04', 'DD/MM/YYYY'],
      ['mm/dd/yyyy', '04/03/24', '2024-04-03', 'MM/DD/YYYY'],
      [null, '04/03/2024', '2024-03-04', 'DD/MM/YYYY'],
      ['nonsense', '04/03/2024', '2024-03-04', 'DD/MM/YYYY'],
    ])('dateFormat %p: %p → %p, note names %p', (dateFormat, t, v, format) => {
      expect(readText(date, t, { dateFormat })).toMatchObject({ ok: true, value: v, note: { code: 'date_read_as', params: { format } } });
    });
    it('honours a year-first day/month format, ISO values that only read one way stay ISO', () => {
      expect(readText(date, '2024-04-03', { dateFormat: 'YYYY-DD-MM' })).toMatchObject({ value: '2024-03-04', note: { code: 'date_read_as' } });
      expect(text(date, '2024-03-25', { dateFormat: 'YYYY-DD-MM' })).toBe('2024-03-25');
      expect(text(date, '24-03-14', { dateFormat: 'YY-MM-DD' })).toBe('2024-03-14');
      expect(text(date, '2024-03-14', { dateFormat: 'YY-MM-DD' })).toBe('2024-03-14');
      expect(text(date, '14/03/2024', { dateFormat: 'YY-MM-DD' })).toBe('2024-03-14');
    });
    it('ISO is never ambiguous', () => {
      expect(readText(date, '2024-03-04', { dateFormat: 'MM/DD/YYYY' })).toEqual({ ok: true, value: '2024-03-04' });
    });
  });

  it.each([
    ['31/02/2020', 'DD/MM/YYYY'], ['30/02/2024', 'DD/MM/YYYY'], ['29/02/2023', 'DD/MM/YYYY'], ['2023-02-29', 'YYYY-MM-DD'], ['2024-13-01', 'YYYY-MM-DD'], ['2024-00-10', 'YYYY-MM-DD'],
    ['2024-01-32', 'YYYY-MM-DD'], ['13/13/2024', 'DD/MM/YYYY or MM/DD/YYYY'], ['00/01/2024', 'DD/MM/YYYY'], ['1900-02-29', 'YYYY-MM-DD'], ['0000-01-01', 'YYYY-MM-DD'],
    ['31 février 2024', 'D MMMM YYYY'], ['20240230', 'YYYYMMDD'],
  ])('refuses the impossible date %p naming the format applied (%p)', (t, format) => {
    expect(readText(date, t, {})).toEqual({ ok: false, code: 'invalid_date', params: { label: 'X', value: t, format } });
  });

  it('names the import format when nothing matches', () => {
    expect(readText(date, 'tomorrow', { dateFormat: 'MM/DD/YYYY' })).toEqual({ ok: false, code: 'invalid_date', params: { label: 'X', value: 'tomorrow', format: 'MM/DD/YYYY' } });
  });

  it.each(['tomorrow', '14/03', '2024', '2024-03', '14/03/2024x', '14/03-2024', '1/2/3', '123/03/2024', '14 Foo 2024', 'Mar 2024', '2024-03-14T', '2024-03-14 foo'])(
    'refuses %p', (t) => expect(readText(date, t, {})).toMatchObject({ ok: false, code: expect.stringMatching(/^invalid_(date|time|datetime)$/) }));

  it('refuses an impossible time after a date', () => expect(text(date, '2024-03-14 25:00')).toEqual(problem('invalid_time')));

  it('reads a five-digit number as an Excel day number, with a note', () => {
    expect(readText(date, '45365', {})).toEqual({ ok: true, value: '2024-03-14', note: { code: 'date_read_as_serial', params: { label: 'X', value: '45365', date: '2024-03-14' } } });
    expect(text(date, '2024')).toEqual(problem('invalid_date'));
  });

  it('JSON: the same readers for strings; Date objects; numbers are problems', () => {
    for (const t of ['2024-03-14', '14/03/2024', '03/14/2024', '14 mars 2024', '2024-03-14T09:30:00+01:00']) expect(json(date, t)).toBe('2024-03-14');
    expect(readJson(date, '04/03/2024', {})).toEqual(readText(date, '04/03/2024', {}));
    expect(json(date, new Date(Date.UTC(2024, 2, 14, 12)))).toBe('2024-03-14');
    expect(json(date, 20240314)).toEqual(problem('invalid_shape'));
    expect(json(date, { y: 2024 })).toEqual(problem('invalid_shape'));
    expect(json(date, '2024-02-30')).toEqual(problem('invalid_date'));
  });

  it('checkValue takes the stored form only', () => {
    expect(checkValue(date, '2024-03-14')).toEqual({ ok: true, value: '2024-03-14' });
    for (const v of ['14/03/2024', '2024-02-30', '2024-3-4', 20240314, null]) expect(checkValue(date, v)).toMatchObject({ ok: false });
  });
});

describe('date-time reader', () => {
  it.each([
    ['2024-03-14T09:30:00Z', '2024-03-14T09:30:00.000Z'],
    ['2024-03-14T09:30:00z', '2024-03-14T09:30:00.000Z'],
    ['2024-03-14T09:30:00+01:00', '2024-03-14T08:30:00.000Z'],
    ['2024-03-14T09:30:00+0100', '2024-03-14T08:30:00.000Z'],
    ['2024-03-14T09:30:00+01', '2024-03-14T08:30:00.000Z'],
    ['2024-03-14T09:30:00-05:00', '2024-03-14T14:30:00.000Z'],
    ['2024-03-14T09:30:00−05:00', '2024-03-14T14:30:00.000Z'],
    ['2024-03-14T09:30+05:30', '2024-03-14T04:00:00.000Z'],
    ['2024-03-14T09:30:00+12:45', '2024-03-13T20:45:00.000Z'],
    ['2024-03-14 09:30:00+01:00', '2024-03-14T08:30:00.000Z'],
    ['2024-03-14 09:30:00 +01:00', '2024-03-14T08:30:00.000Z'],
    ['2024-03-14 09:30 UTC', '2024-03-14T09:30:00.000Z'],
    ['2024-03-14 09:30 GMT+1', '2024-03-14T08:30:00.000Z'],
    ['2024-03-14 09:30 UTC-3', '2024-03-14T12:30:00.000Z'],
    ['2024-03-14T09:30', '2024-03-14T09:30:00.000Z'],
    ['2024-03-14T09:30:15.5Z', '2024-03-14T09:30:15.500Z'],
    ['2024-03-14T09:30:15.123456789Z', '2024-03-14T09:30:15.123Z'],
    ['2024-03-14T09:30:15,25Z', '2024-03-14T09:30:15.250Z'],
    ['20240314T093000Z', '2024-03-14T09:30:00.000Z'],
    ['20240314T0930+0100', '2024-03-14T08:30:00.000Z'],
    ['20240314T093000.250-0200', '2024-03-14T11:30:00.250Z'],
    ['20240314T09Z', '2024-03-14T09:00:00.000Z'],
    ['2024-03-14T0930Z', '2024-03-14T09:30:00.000Z'],
    ['14/03/2024 09:30', '2024-03-14T09:30:00.000Z'],
    ['14/03/2024 9:30:45', '2024-03-14T09:30:45.000Z'],
    ['14.03.2024 09:30', '2024-03-14T09:30:00.000Z'],
    ['14/03/2024 09h30', '2024-03-14T09:30:00.000Z'],
    ['14/03/2024 à 9h', '2024-03-14T09:00:00.000Z'],
    ['03/14/2024 9:30 PM', '2024-03-14T21:30:00.000Z'],
    ['03/14/2024 12:00 AM', '2024-03-14T00:00:00.000Z'],
    ['03/14/2024 12:30 p.m.', '2024-03-14T12:30:00.000Z'],
    ['March 14, 2024 at 9:30 AM', '2024-03-14T09:30:00.000Z'],
    ['Thu, 14 Mar 2024 09:30:00 +0100', '2024-03-14T08:30:00.000Z'],
    ['2024-03-14', '2024-03-14T00:00:00.000Z'],
    ['2024-03-14T24:00:00', '2024-03-15T00:00:00.000Z'],
    ['2024-03-14T09:30:00.000Z', '2024-03-14T09:30:00.000Z'],
    ['2024-03-14 09:30 Europe/Paris', '2024-03-14T08:30:00.000Z'],
  ])('reads %p as %p', (t, v) => expect(text(dt, t)).toBe(v));

  it('crosses a year boundary with an offset', () => {
    expect(text(dt, '2024-01-01T00:30:00+01:00')).toBe('2023-12-31T23:30:00.000Z');
    expect(text(dt, '9999-12-31T23:30:00-01:00')).toEqual(problem('invalid_datetime'));
  });

  it.each([
    ['2024-03-14 25:00', 'invalid_time'], ['2024-03-14T24:30', 'invalid_time'], ['2024-03-14 12:60', 'invalid_time'], ['2024-03-14 12:30:60', 'invalid_time'],
    ['14/03/2024 13:00 PM', 'invalid_time'], ['14/03/2024 0:30 AM', 'invalid_time'], ['2024-03-14T09:30+25:00', 'invalid_datetime'], ['2024-03-14T09:30+1', 'invalid_datetime'],
    ['2024-03-14T09:30 +01:75', 'invalid_datetime'], ['2024-03-14 9:30 tomorrow', 'invalid_datetime'], ['yesterday', 'invalid_datetime'], ['31/02/2024 09:30', 'invalid_date'],
    ['2024-03-14 09:30 Mars/Olympus', 'invalid_timezone'],
  ])('refuses %p with %p', (t, code) => expect(text(dt, t)).toEqual(problem(code)));

  describe('wall-clock times in ctx.timezone', () => {
    const paris = { timezone: 'Europe/Paris' };
    it.each([
      ['2024-01-15 10:00', paris, '2024-01-15T09:00:00.000Z'],
      ['2024-07-15 10:00', paris, '2024-07-15T08:00:00.000Z'],
      ['15/07/2024 10:00', paris, '2024-07-15T08:00:00.000Z'],
      ['2024-03-31 01:59', paris, '2024-03-31T00:59:00.000Z'],
      ['2024-03-31 03:00', paris, '2024-03-31T01:00:00.000Z'],
      ['2024-10-27 01:59', paris, '2024-10-26T23:59:00.000Z'],
      ['2024-10-27 03:00', paris, '2024-10-27T02:00:00.000Z'],
      ['2024-07-15 10:00', { timezone: 'America/New_York' }, '2024-07-15T14:00:00.000Z'],
      ['2024-01-15 10:00', { timezone: 'America/New_York' }, '2024-01-15T15:00:00.000Z'],
      ['2024-01-15 10:00', { timezone: 'Asia/Kolkata' }, '2024-01-15T04:30:00.000Z'],
      ['2024-01-15 10:00', { timezone: 'Australia/Sydney' }, '2024-01-14T23:00:00.000Z'],
      ['2024-07-15 10:00', { timezone: 'Australia/Sydney' }, '2024-07-15T00:00:00.000Z'],
      ['2024-01-15 10:00', { timezone: 'Pacific/Chatham' }, '2024-01-14T20:15:00.000Z'],
      ['2024-01-15 10:00', { timezone: 'UTC' }, '2024-01-15T10:00:00.000Z'],
      ['2024-01-15 10:00', {}, '2024-01-15T10:00:00.000Z'],
      ['1950-07-01 12:00', paris, '1950-07-01T11:00:00.000Z'],
      // A zone written in the value wins over ctx.timezone.
      ['2024-07-15 10:00+00:00', paris, '2024-07-15T10:00:00.000Z'],
      ['2024-07-15 10:00 America/New_York', paris, '2024-07-15T14:00:00.000Z'],
    ])('%p in %p → %p', (t, ctx, v) => expect(readText(dt, t, ctx)).toEqual({ ok: true, value: v }));

    it.each([
      // Spring forward: the missing half hour is moved forward by the gap.
      ['2024-03-31 02:30', 'Europe/Paris', '2024-03-31T01:30:00.000Z', 'datetime_dst_gap'],
      ['2024-03-31 02:00', 'Europe/Paris', '2024-03-31T01:00:00.000Z', 'datetime_dst_gap'],
      ['2024-03-10 02:30', 'America/New_York', '2024-03-10T07:30:00.000Z', 'datetime_dst_gap'],
      ['2024-10-06 02:30', 'Australia/Sydney', '2024-10-05T16:30:00.000Z', 'datetime_dst_gap'],
      // Fall back: the earlier of the two instants (still on summer time).
      ['2024-10-27 02:30', 'Europe/Paris', '2024-10-27T00:30:00.000Z', 'datetime_dst_overlap'],
      ['2024-10-27 02:00', 'Europe/Paris', '2024-10-27T00:00:00.000Z', 'datetime_dst_overlap'],
      ['2024-11-03 01:30', 'America/New_York', '2024-11-03T05:30:00.000Z', 'datetime_dst_overlap'],
      ['2024-04-07 02:30', 'Australia/Sydney', '2024-04-06T15:30:00.000Z', 'datetime_dst_overlap'],
    ])('%p in %p → %p with %p', (t, timezone, v, code) => {
      expect(readText(dt, t, { timezone })).toEqual({ ok: true, value: v, note: { code, params: { label: 'X', value: t, timezone, datetime: v } } });
    });

    it('an offset in the value removes the ambiguity', () => {
      expect(readText(dt, '2024-10-27 02:30+01:00', { timezone: 'Europe/Paris' })).toEqual({ ok: true, value: '2024-10-27T01:30:00.000Z' });
    });

    it('an unknown zone setting is a problem, not a crash', () => {
      expect(readText(dt, '2024-01-15 10:00', { timezone: 'Europe/Atlantis' })).toMatchObject({ ok: false, code: 'invalid_timezone', params: { timezone: 'Europe/Atlantis' } });
      // With an explicit offset the setting is not needed.
      expect(text(dt, '2024-01-15 10:00Z', { timezone: 'Europe/Atlantis' })).toBe('2024-01-15T10:00:00.000Z');
    });
  });

  it('notes an ambiguous day/month in a date-time', () => {
    expect(readText(dt, '04/03/2024 10:00', {})).toMatchObject({ ok: true, value: '2024-03-04T10:00:00.000Z', note: { code: 'date_read_as' } });
  });

  it('JSON: the same reader for strings; Date objects; other shapes are problems', () => {
    expect(json(dt, '2024-03-14T09:30:00+01:00')).toBe('2024-03-14T08:30:00.000Z');
    expect(json(dt, '2024-03-14 09:30', { timezone: 'Europe/Paris' })).toBe('2024-03-14T08:30:00.000Z');
    expect(json(dt, new Date('2024-03-14T08:30:00Z'))).toBe('2024-03-14T08:30:00.000Z');
    expect(json(dt, new Date('nope'))).toEqual(problem('invalid_datetime'));
    expect(json(dt, 1710405000000)).toEqual(problem('invalid_shape'));
    expect(json(dt, ['2024-03-14'])).toEqual(problem('invalid_shape'));
  });

  it('checkValue takes the stored UTC form only', () => {
    expect(checkValue(dt, '2024-03-14T08:30:00.000Z')).toEqual({ ok: true, value: '2024-03-14T08:30:00.000Z' });
    for (const v of ['2024-03-14T08:30:00Z', '2024-03-14T08:30:00.000+01:00', '2024-02-30T08:30:00.000Z', '2024-03-14T24:30:00.000Z', 5]) {
      expect(checkValue(dt, v)).toMatchObject({ ok: false, code: expect.stringMatching(/invalid_datetime/) });
    }
  });
});
