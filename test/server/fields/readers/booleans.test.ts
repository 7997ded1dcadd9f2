import { checkValue, readJson, readText, readBooleanWord, readOptInWord } from '../../../../server/src/fields/readers';
import { field, json, problem, text } from './helpers';

const bool = field('boolean');
const optIn = field('select', { reader: 'optIn', options: ['yes', 'no', 'orange', 'blocklist'] });

describe('boolean reader', () => {
  const TRUE = ['true', 'TRUE', 'True', '1', 'on', 'ON', 'yes', 'Yes', 'y', 'Y', 'oui', 'OUI', 'Oui', 'o', 'O', 'vrai', 'VRAI', 'x', 'X', 'si', 'sí', 'ja', ' yes ', '\u00a0oui\u00a0', 't', '✓'];
  const FALSE = ['false', 'FALSE', '0', 'off', 'OFF', 'no', 'No', 'n', 'N', 'non', 'NON', 'faux', 'Faux', 'nein', ' non ', 'f'];
  const NEITHER = ['maybe', '2', '-1', '1.0', 'yess', 'ouii', 'nn', 'vrais', 'true false', 'peut-être', '?'];

  it.each(TRUE)('reads %p as true', (t) => expect(text(bool, t)).toBe(true));
  it.each(FALSE)('reads %p as false', (t) => expect(text(bool, t)).toBe(false));
  it.each(NEITHER)('refuses %p', (t) => expect(text(bool, t)).toEqual(problem('invalid_boolean')));

  it('folds accents: VRAÎ is not a word, but "sí" and "SI" are', () => {
    expect(readBooleanWord('SÍ')).toBe(true);
    expect(readBooleanWord('Sì')).toBe(true);
  });

  it('reads the same vocabulary from JSON, plus true/false and 1/0', () => {
    expect(json(bool, true)).toBe(true);
    expect(json(bool, false)).toBe(false);
    expect(json(bool, 1)).toBe(true);
    expect(json(bool, 0)).toBe(false);
    for (const t of [...TRUE, ...FALSE]) expect(json(bool, t)).toBe(text(bool, t));
    expect(json(bool, 2)).toEqual(problem('invalid_boolean'));
    expect(json(bool, { yes: true })).toEqual(problem('invalid_shape'));
    expect(json(bool, ['yes'])).toEqual(problem('invalid_shape'));
  });

  it('checkValue accepts only booleans', () => {
    expect(checkValue(bool, true)).toEqual({ ok: true, value: true });
    expect(checkValue(bool, 'yes')).toMatchObject({ ok: false, code: 'invalid_shape' });
  });
});

describe('opt-in reader: consent is never invented', () => {
  const cases: Array<[string, string]> = [
    ['yes', 'yes'], ['YES', 'yes'], ['oui', 'yes'], ['Oui', 'yes'], ['1', 'yes'], ['true', 'yes'], ['x', 'yes'], ['y', 'yes'], ['on', 'yes'], ['vrai', 'yes'],
    ['opt-in', 'yes'], ['Opt In', 'yes'], ['OPTIN', 'yes'], ['opted in', 'yes'], ['subscribed', 'yes'], ['abonné', 'yes'], ['Abonnée', 'yes'], ['ABONNE', 'yes'],
    ['inscrit', 'yes'], ['inscrite', 'yes'], ['consent', 'yes'],
    ['no', 'no'], ['non', 'no'], ['0', 'no'], ['false', 'no'], ['n', 'no'], ['off', 'no'], ['faux', 'no'],
    ['opt-out', 'no'], ['Opt Out', 'no'], ['optout', 'no'], ['unsubscribed', 'no'], ['désabonné', 'no'], ['Désabonnée', 'no'], ['desinscrit', 'no'], ['désinscrite', 'no'],
    ['orange', 'orange'], ['Liste orange', 'orange'], ['LISTE-ORANGE', 'orange'],
    ['blocklist', 'blocklist'], ['blacklist', 'blocklist'], ['Blacklisted', 'blocklist'], ['blocked', 'blocklist'], ['bloqué', 'blocklist'],
    ['liste rouge', 'blocklist'], ['Liste Noire', 'blocklist'], ['liste noire', 'blocklist'],
  ];
  it.each(cases)('reads %p as %p', (t, v) => expect(text(optIn, t)).toBe(v));

  const UNKNOWN = ['peut-être', 'maybe', 'ok?', '2', '-1', '1.0', 'yes please', 'oui merci', 'subscribe me', 'abonnement', 'n/a', 'null', 'undefined', '-', '?', 'inconnu', 'unknown'];
  it.each(UNKNOWN)('refuses %p (never yes)', (t) => {
    const r = readText(optIn, t, {});
    expect(r).toMatchObject({ ok: false, code: 'invalid_opt_in' });
  });

  it.each(['', ' ', '\t', '\u00a0', '\r\n'])('an empty cell %p is a problem, never yes', (t) => {
    expect(readText(optIn, t, {})).toMatchObject({ ok: false, code: 'empty_value' });
    expect(readJson(optIn, t, {})).toMatchObject({ ok: false, code: 'empty_value' });
  });

  it('null and undefined from JSON are empty, never yes', () => {
    expect(readJson(optIn, null, {})).toMatchObject({ ok: false });
    expect(readJson(optIn, undefined, {})).toMatchObject({ ok: false });
    expect(readJson(optIn, {}, {})).toMatchObject({ ok: false, code: 'invalid_shape' });
    expect(readJson(optIn, [], {})).toMatchObject({ ok: false, code: 'invalid_shape' });
    expect(readJson(optIn, 2, {})).toMatchObject({ ok: false, code: 'invalid_opt_in' });
  });

  it('adds the mapping words, case- and accent-insensitively, and they win', () => {
    const ctx = { optInWords: { Y: 'yes', 'Oui merci': 'yes', 'Pas intéressé': 'no', 'Ne pas appeler': 'orange', STOP: 'blocklist' } as const };
    expect(text(optIn, 'oui merci', ctx)).toBe('yes');
    expect(text(optIn, 'OUI MERCI', ctx)).toBe('yes');
    expect(text(optIn, 'pas interesse', ctx)).toBe('no');
    expect(text(optIn, 'ne pas appeler', ctx)).toBe('orange');
    expect(text(optIn, 'stop', ctx)).toBe('blocklist');
    expect(text(optIn, 'y', ctx)).toBe('yes');
    // Words outside the four values are ignored, not trusted.
    expect(text(optIn, 'maybe', { optInWords: { maybe: 'perhaps' as never } })).toEqual(problem('invalid_opt_in'));
  });

  it('reads the same words from JSON, and true/false', () => {
    for (const [t, v] of cases) expect(json(optIn, t)).toBe(v);
    expect(json(optIn, true)).toBe('yes');
    expect(json(optIn, false)).toBe('no');
  });

  it('checkValue accepts the four values only', () => {
    for (const v of ['yes', 'no', 'orange', 'blocklist']) expect(checkValue(optIn, v)).toEqual({ ok: true, value: v });
    for (const v of ['oui', 'YES', true, 1, null]) expect(checkValue(optIn, v)).toMatchObject({ ok: false });
  });

  it('readOptInWord returns null, never a default', () => {
    expect(readOptInWord('', {})).toBeNull();
    expect(readOptInWord('bof', {})).toBeNull();
  });
});

describe('status reader', () => {
  const emailStatus = field('select', { reader: 'status', options: ['unknown', 'valid', 'absent', 'soft', 'rejected', 'bad_alias', 'bad_domain', 'bad_syntax'] });
  const mobileStatus = field('select', { reader: 'status', options: ['unknown', 'valid', 'number_error', 'bad_number', 'bad_format'] });
  it.each([
    ['valid', 'valid'], ['VALID', 'valid'], ['Bad alias', 'bad_alias'], ['bad-domain', 'bad_domain'], ['BAD SYNTAX', 'bad_syntax'], ['bad_syntax', 'bad_syntax'],
    [' Soft ', 'soft'], ['Rejected', 'rejected'], ['bad  -  alias', 'bad_alias'],
  ])('e-mail status %p → %p', (t, v) => expect(text(emailStatus, t)).toBe(v));
  it.each([['Number error', 'number_error'], ['bad-format', 'bad_format'], ['BAD NUMBER', 'bad_number']])('mobile status %p → %p', (t, v) =>
    expect(text(mobileStatus, t)).toBe(v));
  it('refuses other words and lists the statuses', () => {
    const r = readText(emailStatus, 'bounced', {});
    expect(r).toMatchObject({ ok: false, code: 'invalid_status', params: { options: expect.arrayContaining(['valid', 'bad_alias']) } });
    expect(text(mobileStatus, 'bad_alias')).toEqual(problem('invalid_status'));
  });
  it('JSON strings read the same; other shapes are problems', () => {
    expect(json(emailStatus, 'Bad alias')).toBe('bad_alias');
    expect(json(emailStatus, 3)).toEqual(problem('invalid_shape'));
    expect(checkValue(emailStatus, 'bad_alias')).toEqual({ ok: true, value: 'bad_alias' });
    expect(checkValue(emailStatus, 'Bad alias')).toMatchObject({ ok: false, code: 'invalid_status' });
  });
});
