import { getCountries, getExampleNumber, type CountryCode } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json';
import { checkValue, readJson, readText, toE164 } from '../../../../server/src/fields/readers';
import { field, json, problem, text } from './helpers';

const phone = field('phone');

// [country, national form, international form, E.164]
const BY_COUNTRY: Array<[string, string, string, string]> = [
  ['FR', '06 12 34 56 78', '+33 6 12 34 56 78', '+33612345678'],
  ['FR', '01.23.45.67.89', '+33 (0)1 23 45 67 89', '+33123456789'],
  ['DE', '01512 3456789', '+49 1512 3456789', '+4915123456789'],
  ['DE', '030 12345678', '0049 30 12345678', '+493012345678'],
  ['ES', '612 345 678', '+34 612 34 56 78', '+34612345678'],
  ['IT', '312 345 6789', '+39 312 345 6789', '+393123456789'],
  ['IT', '02 1234 5678', '+39 02 1234 5678', '+390212345678'], // landline keeps its 0
  ['IT', '06 6981 2345', '+39 06 6981 2345', '+390669812345'],
  ['GB', '07911 123456', '+44 7911 123456', '+447911123456'],
  ['GB', '020 7946 0958', '+44 (0)20 7946 0958', '+442079460958'],
  ['US', '(212) 345-6789', '+1 212-345-6789', '+12123456789'],
  ['CA', '416 234 5678', '+1 (416) 234-5678', '+14162345678'],
  ['AR', '011 15-2345-6789', '+54 9 11 2345-6789', '+5491123456789'], // mobile: 0 + area + 15 ↔ 9 + area
  ['AR', '0341 15-123-4567', '+54 9 341 123-4567', '+5493411234567'],
  ['AR', '011 2345-6789', '+54 11 2345-6789', '+541123456789'], // landline
  ['MX', '55 1234 5678', '+52 55 1234 5678', '+525512345678'],
  ['MX', '044 55 1234 5678', '+52 1 55 1234 5678', '+525512345678'], // pre-2019 mobile forms
  ['RU', '8 (916) 123-45-67', '+7 916 123-45-67', '+79161234567'], // trunk 8
  ['KZ', '8 701 123 4567', '+7 701 123 4567', '+77011234567'],
  ['HU', '06 20 123 4567', '+36 20 123 4567', '+36201234567'], // trunk 06
  ['HU', '06 1 234 5678', '+36 1 234 5678', '+3612345678'],
  ['NL', '06-12345678', '+31 6 12345678', '+31612345678'],
  ['BE', '0470 12 34 56', '+32 470 12 34 56', '+32470123456'],
  ['CH', '079 123 45 67', '+41 79 123 45 67', '+41791234567'],
  ['AT', '0664 1234567', '+43 664 1234567', '+436641234567'],
  ['PT', '912 345 678', '+351 912 345 678', '+351912345678'],
  ['PL', '512 345 678', '+48 512 345 678', '+48512345678'],
  ['SE', '070-123 45 67', '+46 70 123 45 67', '+46701234567'],
  ['IE', '085 123 4567', '+353 85 123 4567', '+353851234567'],
  ['AU', '0412 345 678', '+61 412 345 678', '+61412345678'],
  ['JP', '090-1234-5678', '+81 90-1234-5678', '+819012345678'],
  ['BR', '(11) 91234-5678', '+55 11 91234-5678', '+5511912345678'],
  ['IN', '098765 43210', '+91 98765 43210', '+919876543210'],
  ['ZA', '082 123 4567', '+27 82 123 4567', '+27821234567'],
  ['KR', '010-1234-5678', '+82 10-1234-5678', '+821012345678'],
  ['CN', '138 0013 8000', '+86 138 0013 8000', '+8613800138000'],
  ['TR', '0532 123 45 67', '+90 532 123 45 67', '+905321234567'],
  ['MA', '06 12 34 56 78', '+212 6 12 34 56 78', '+212612345678'],
  ['SN', '77 123 45 67', '+221 77 123 45 67', '+221771234567'],
  ['CI', '07 01 23 45 67', '+225 07 01 23 45 67', '+2250701234567'],
];

describe('phone reader: national and international forms by country', () => {
  it.each(BY_COUNTRY)('%s national %p', (country, national, _intl, e164) => {
    expect(text(phone, national, { defaultCountry: country })).toBe(e164);
  });
  it.each(BY_COUNTRY)('%s international %p (no region needed, any region ignored)', (_country, _national, intl, e164) => {
    expect(text(phone, intl, {})).toBe(e164);
    expect(text(phone, intl, { defaultCountry: 'US', rowCountry: 'JP' })).toBe(e164);
  });

  it('reads every region’s example mobile number in its national and international format', () => {
    const failures: string[] = [];
    for (const country of getCountries()) {
      const example = getExampleNumber(country as CountryCode, examples);
      if (!example) continue;
      const national = example.formatNational();
      const intl = example.formatInternational();
      if (text(phone, national, { defaultCountry: country }) !== example.number) failures.push(`${country} ${national}`);
      if (text(phone, national, { rowCountry: country, defaultCountry: 'FR' }) !== example.number) failures.push(`${country} row ${national}`);
      if (text(phone, intl, {}) !== example.number) failures.push(`${country} ${intl}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('regions that share a calling code', () => {
  it.each([
    ['US', '212 345 6789', '+12123456789'], ['CA', '416 234 5678', '+14162345678'], ['US', '416 234 5678', '+14162345678'], ['CA', '1 (212) 345-6789', '+12123456789'],
    ['RU', '8 916 123 45 67', '+79161234567'], ['KZ', '8 701 123 4567', '+77011234567'], ['RU', '8 701 123 4567', '+77011234567'],
    ['GB', '07911 123456', '+447911123456'], ['JE', '07797 123456', '+447797123456'], ['GG', '07781 123456', '+447781123456'], ['IM', '07624 123456', '+447624123456'], ['GB', '07797 123456', '+447797123456'],
    ['FI', '040 123 4567', '+358401234567'], ['AX', '018 12345', '+3581812345'], ['FI', '018 12345', '+3581812345'],
    ['NO', '412 34 567', '+4741234567'], ['SJ', '79 12 34 56', '+4779123456'], ['NO', '79 12 34 56', '+4779123456'],
    ['IT', '06 698 12345', '+390669812345'], ['VA', '06 698 12345', '+390669812345'], ['IT', '312 345 6789', '+393123456789'],
  ])('%s %p → %p', (country, national, e164) => expect(text(phone, national, { defaultCountry: country })).toBe(e164));
});

describe('which region a national number is read in', () => {
  it('the row’s country wins over the default country', () => {
    expect(text(phone, '06 12 34 56 78', { rowCountry: 'FR', defaultCountry: 'US' })).toBe('+33612345678');
    expect(text(phone, '0612345678', { rowCountry: 'NL', defaultCountry: 'FR' })).toBe('+31612345678');
    expect(text(phone, '0612345678', { rowCountry: null, defaultCountry: 'FR' })).toBe('+33612345678');
  });
  it('a row country that has no numbering plan falls back to the default', () => {
    expect(text(phone, '06 12 34 56 78', { rowCountry: 'AQ', defaultCountry: 'FR' })).toBe('+33612345678');
    expect(text(phone, '06 12 34 56 78', { rowCountry: 'zz', defaultCountry: 'fr' })).toBe('+33612345678');
  });
  it('00 is international everywhere, even where the region dials another prefix', () => {
    expect(text(phone, '0033 6 12 34 56 78', {})).toBe('+33612345678');
    expect(text(phone, '00 33 6 12 34 56 78', { defaultCountry: 'US' })).toBe('+33612345678');
    expect(text(phone, '0033 6 12 34 56 78', { defaultCountry: 'AU' })).toBe('+33612345678');
    expect(text(phone, '0044 (0)20 7946 0958', { defaultCountry: 'FR' })).toBe('+442079460958');
    // The region's own international prefixes work too.
    expect(text(phone, '011 33 6 12 34 56 78', { defaultCountry: 'US' })).toBe('+33612345678');
    expect(text(phone, '0011 33 6 12 34 56 78', { defaultCountry: 'AU' })).toBe('+33612345678');
    expect(text(phone, '8 10 33 6 12 34 56 78', { defaultCountry: 'RU' })).toBe('+33612345678');
  });
  it('separators, dots, parentheses, (0) and a full-width plus are accepted', () => {
    for (const t of ['+33 6 12 34 56 78', '+33-6-12-34-56-78', '+33.6.12.34.56.78', '+33 (0)6 12 34 56 78', '+33(0)612345678', '(+33) 6 12 34 56 78', '＋33 6 12 34 56 78', '+33612345678']) {
      expect(text(phone, t, {})).toBe('+33612345678');
    }
    for (const t of ['06 12 34 56 78', '06.12.34.56.78', '06-12-34-56-78', '06/12/34/56/78', '(06) 12 34 56 78', '612345678']) expect(text(phone, t, { defaultCountry: 'FR' })).toBe('+33612345678');
  });
  it('digits without + that are not national but are international: read so, with a note (Excel drops the +)', () => {
    expect(readText(phone, '33612345678', { defaultCountry: 'US' })).toEqual({
      ok: true, value: '+33612345678', note: { code: 'phone_read_as_international', params: { label: 'X', value: '33612345678', phone: '+33612345678' } },
    });
    expect(readText(phone, '4915123456789', {})).toMatchObject({ ok: true, value: '+4915123456789', note: { code: 'phone_read_as_international' } });
    // A valid national reading comes first.
    expect(readText(phone, '2123456789', { defaultCountry: 'US' })).toEqual({ ok: true, value: '+12123456789' });
  });
  it('drops an extension with a note', () => {
    expect(readText(phone, '06 12 34 56 78 ext. 12', { defaultCountry: 'FR' })).toMatchObject({ ok: true, value: '+33612345678', note: { code: 'phone_extension_dropped', params: { extension: '12' } } });
  });
});

describe('invalid phone numbers', () => {
  it('names the country used for a national reading', () => {
    expect(readText(phone, '06 12', { defaultCountry: 'FR' })).toEqual({ ok: false, code: 'invalid_phone', params: { label: 'X', value: '06 12', country: 'FR' } });
    expect(readText(phone, '06 12', { rowCountry: 'BE', defaultCountry: 'FR' })).toMatchObject({ params: { country: 'BE' } });
    expect(readText(phone, '15-2345-6789', { defaultCountry: 'AR' })).toMatchObject({ ok: false, code: 'invalid_phone' }); // no area code
  });
  it.each([['+33 6 12'], ['+1 555 123 4567'], ['+999 123 456 789'], ['0033 12'], ['+']])('%p is not a valid international number', (t) => {
    expect(text(phone, t, { defaultCountry: 'FR' })).toEqual(problem('invalid_international_phone'));
  });
  it('asks for a country when there is none', () => {
    expect(readText(phone, '06 12 34 56 78', {})).toEqual({ ok: false, code: 'phone_without_country', params: { label: 'X', value: '06 12 34 56 78' } });
  });
  it.each(['abc', 'n/a', '-', '0', '123', '06 12 34 56 78 90 12 34', 'x'.repeat(100) + '0612345678'])('refuses %p', (t) => {
    expect(readText(phone, t, { defaultCountry: 'FR' })).toMatchObject({ ok: false });
  });
});

describe('phones from JSON and the final check', () => {
  it('strings read as in files; positive integers as digits', () => {
    expect(json(phone, '06 12 34 56 78', { defaultCountry: 'FR' })).toBe('+33612345678');
    expect(json(phone, 612345678, { defaultCountry: 'FR' })).toBe('+33612345678');
    expect(json(phone, 33612345678, {})).toBe('+33612345678');
    expect(json(phone, { n: '0612' })).toEqual(problem('invalid_shape'));
    expect(json(phone, -5)).toEqual(problem('invalid_shape'));
    expect(readJson(phone, ['+33612345678'], {})).toMatchObject({ ok: false, code: 'invalid_shape' });
  });
  it('checkValue takes valid E.164 only', () => {
    expect(checkValue(phone, '+33612345678')).toEqual({ ok: true, value: '+33612345678' });
    for (const v of ['0612345678', '+33 6 12 34 56 78', '+3361234', '+5215512345678', 33612345678]) expect(checkValue(phone, v)).toMatchObject({ ok: false });
  });
  it('toE164 keeps the old helper’s contract', () => {
    expect(toE164(' 06 12 34 56 78 ', 'FR')).toBe('+33612345678');
    expect(toE164('06 12 34 56 78')).toBeNull();
    expect(toE164(null, 'FR')).toBeNull();
    expect(toE164(undefined)).toBeNull();
    expect(toE164('', 'FR')).toBeNull();
    expect(toE164({}, 'FR')).toBeNull();
    expect(toE164('+33612345678', 'XX')).toBe('+33612345678');
  });
});
