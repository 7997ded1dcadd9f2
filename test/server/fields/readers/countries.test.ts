import { getCountries } from 'libphonenumber-js';
import { CountryCodes } from 'validator/lib/isISO31661Alpha2';
import isISO31661Alpha3 from 'validator/lib/isISO31661Alpha3';
import { checkValue, countryCodes, readCountry, readJson, readText } from '../../../../server/src/fields/readers';
import { ALPHA3_TO_ALPHA2 } from '../../../../server/src/fields/readers/country';
import { field, problem, text } from './helpers';

const country = field('text', { reader: 'country', builtIn: true });

describe('country codes', () => {
  it('covers ISO 3166-1 and libphonenumber’s regions (less AC, TA), plus XK', () => {
    const codes = countryCodes();
    for (const c of CountryCodes) expect(codes.has(c)).toBe(true);
    for (const c of getCountries()) if (c !== 'AC' && c !== 'TA') expect(codes.has(c)).toBe(true);
    expect(codes.has('AC')).toBe(false);
    expect(codes.has('XK')).toBe(true);
    expect(codes.size).toBe(CountryCodes.size + 1);
  });

  it('has one alpha-3 code per country, each a real ISO alpha-3 code', () => {
    const alpha2 = new Set(ALPHA3_TO_ALPHA2.values());
    expect(alpha2.size).toBe(ALPHA3_TO_ALPHA2.size);
    for (const c of countryCodes()) expect(alpha2.has(c)).toBe(true);
    for (const [a3, a2] of ALPHA3_TO_ALPHA2) {
      if (a2 !== 'XK') expect([a3, isISO31661Alpha3(a3)]).toEqual([a3, true]);
    }
  });

  it.each([
    ['fr', 'FR'], ['FR', 'FR'], [' de ', 'DE'], ['Us', 'US'], ['gb', 'GB'], ['FRA', 'FR'], ['fra', 'FR'], ['DEU', 'DE'], ['USA', 'US'], ['GBR', 'GB'], ['CHE', 'CH'],
    ['ESP', 'ES'], ['NLD', 'NL'], ['KOR', 'KR'], ['PRK', 'KP'], ['COD', 'CD'], ['COG', 'CG'], ['ZAF', 'ZA'], ['XKX', 'XK'], ['ax', 'AX'], ['ALA', 'AX'],
  ])('code %p → %p', (t, c) => expect(readCountry(t)).toBe(c));
});

describe('country names', () => {
  it.each([
    ['France', 'FR'], ['FRANCE', 'FR'], ['france', 'FR'], ['Germany', 'DE'], ['Allemagne', 'DE'], ['Deutschland', 'DE'], ['United States', 'US'], ['États-Unis', 'US'],
    ['Etats Unis', 'US'], ['etats-unis', 'US'], ['ETATS UNIS', 'US'], ['USA', 'US'], ['U.S.A.', 'US'], ['United States of America', 'US'], ['Les États-Unis', 'US'],
    ['United Kingdom', 'GB'], ['UK', 'GB'], ['U.K.', 'GB'], ['Great Britain', 'GB'], ['England', 'GB'], ['Royaume-Uni', 'GB'], ['royaume uni', 'GB'], ['Grande-Bretagne', 'GB'], ['Angleterre', 'GB'],
    ['Spain', 'ES'], ['Espagne', 'ES'], ['España', 'ES'], ['Italy', 'IT'], ['Italie', 'IT'], ['Switzerland', 'CH'], ['Suisse', 'CH'], ['Belgium', 'BE'], ['Belgique', 'BE'],
    ['Netherlands', 'NL'], ['The Netherlands', 'NL'], ['Pays-Bas', 'NL'], ['les Pays-Bas', 'NL'], ['Holland', 'NL'], ["L'Allemagne", 'DE'], ['l’Italie', 'IT'],
    ['South Korea', 'KR'], ['Corée du Sud', 'KR'], ['coree du sud', 'KR'], ['North Korea', 'KP'], ["Côte d'Ivoire", 'CI'], ['Côte d’Ivoire', 'CI'], ['Cote dIvoire', 'CI'], ['Ivory Coast', 'CI'],
    ['Congo', 'CG'], ['RDC', 'CD'], ['Congo - Kinshasa', 'CD'], ['Congo-Brazzaville', 'CG'], ['République démocratique du Congo', 'CD'],
    ['St. Kitts & Nevis', 'KN'], ['Saint Kitts and Nevis', 'KN'], ['Saint-Christophe-et-Niévès', 'KN'], ['Trinidad & Tobago', 'TT'], ['Trinité-et-Tobago', 'TT'],
    ['Myanmar', 'MM'], ['Burma', 'MM'], ['Birmanie', 'MM'], ['Hong Kong', 'HK'], ['Türkiye', 'TR'], ['Turkey', 'TR'], ['Turquie', 'TR'], ['Czechia', 'CZ'], ['Czech Republic', 'CZ'],
    ['Tchéquie', 'CZ'], ['République tchèque', 'CZ'], ['Vatican', 'VA'], ['Holy See', 'VA'], ['Îles Åland', 'AX'], ['Åland Islands', 'AX'], ['Japon', 'JP'], ['Japan', 'JP'],
    ['Chine', 'CN'], ['China', 'CN'], ['Russia', 'RU'], ['Russie', 'RU'], ['Brésil', 'BR'], ['Mexique', 'MX'], ['Maroc', 'MA'], ['Algérie', 'DZ'], ['Sénégal', 'SN'],
    ['Nouvelle-Zélande', 'NZ'], ['Afrique du Sud', 'ZA'], ['Émirats arabes unis', 'AE'], ['UAE', 'AE'], ['Eswatini', 'SZ'], ['Swaziland', 'SZ'], ['La Réunion', 'RE'], ['Réunion', 'RE'],
    ['Guadeloupe', 'GP'], ['Martinique', 'MQ'], ['Polynésie française', 'PF'], ['Nouvelle-Calédonie', 'NC'], ['Kosovo', 'XK'], ['Cabo Verde', 'CV'], ['Cap-Vert', 'CV'],
  ])('%p → %p', (t, c) => expect(readCountry(t)).toBe(c));

  it('reads every country’s English and French names (long and short) back to its code', () => {
    const failures: string[] = [];
    for (const locale of ['en', 'fr']) {
      for (const style of ['long', 'short'] as const) {
        const dn = new Intl.DisplayNames([locale], { type: 'region', style });
        for (const code of countryCodes()) {
          const name = dn.of(code)!;
          const got = readCountry(name);
          if (got !== code && !(code === 'CD' || code === 'CG')) failures.push(`${locale}/${style} ${code} "${name}" → ${got}`);
          if (readCountry(name.toUpperCase()) !== got) failures.push(`${locale}/${style} upper ${name}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(['', 'x', 'XX', 'ZZ', 'EU', 'UN', 'AC', 'QQQ', 'Narnia', 'Europe', 'Atlantis', 'France!!', 'Paris', '12', 'F R'])('unknown %p → null', (t) => expect(readCountry(t)).toBeNull());
});

describe('country reader', () => {
  it('file cells and JSON read alike; unknown → invalid_country', () => {
    expect(text(country, 'Royaume-Uni')).toBe('GB');
    expect(readJson(country, 'Royaume-Uni', {})).toEqual({ ok: true, value: 'GB' });
    expect(readText(country, 'Narnia', {})).toEqual({ ok: false, code: 'invalid_country', params: { label: 'X', value: 'Narnia' } });
    expect(readJson(country, 250, {})).toMatchObject({ ok: false, code: 'invalid_shape' });
    expect(readJson(country, { code: 'FR' }, {})).toMatchObject({ ok: false, code: 'invalid_shape' });
  });
  it('checkValue takes an upper-case alpha-2 code only', () => {
    expect(checkValue(country, 'FR')).toEqual({ ok: true, value: 'FR' });
    for (const v of ['fr', 'FRA', 'France', 'ZZ', 1]) expect(checkValue(country, v)).toMatchObject({ ok: false });
    expect(text(country, 'zz')).toEqual(problem('invalid_country'));
  });
});
