import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { REASONS, formatReason, readJson, readText, type FieldSpec, type ReadResult } from '../../../../server/src/fields/readers';
import { field } from './helpers';

const SRC = join(__dirname, '../../../../server/src/fields/readers');

/** Every code the readers can emit, taken from their source. */
const emittedCodes = () => {
  const codes = new Set<string>();
  for (const file of readdirSync(SRC)) {
    if (file === 'reasons.ts') continue;
    const src = readFileSync(join(SRC, file), 'utf8');
    for (const m of src.matchAll(/fail\('([a-z_]+)'|code: '([a-z_]+)'|problem: '([a-z_]+)'|'(datetime_dst_gap|datetime_dst_overlap)'/g)) codes.add(m[1] ?? m[2] ?? m[3] ?? m[4]);
    for (const m of src.matchAll(/problem: '([a-z_]+)' \| '([a-z_]+)' \| '([a-z_]+)'/g)) [m[1], m[2], m[3]].forEach((c) => codes.add(c));
  }
  return codes;
};

describe('REASONS', () => {
  it('has an English and a French message for every code the readers emit', () => {
    const codes = emittedCodes();
    expect(codes.size).toBeGreaterThan(25);
    for (const code of codes) {
      expect([code, typeof REASONS[code]?.en, typeof REASONS[code]?.fr]).toEqual([code, 'string', 'string']);
    }
  });

  it('English and French messages use the same placeholders, codes are snake_case', () => {
    for (const [code, { en, fr }] of Object.entries(REASONS)) {
      expect(code).toMatch(/^[a-z]+(_[a-z0-9]+)*$/);
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect([code, names(fr)]).toEqual([code, names(en)]);
      expect(fr).not.toBe(en);
    }
  });

  const f = (type: FieldSpec['type'], extra: Partial<FieldSpec> = {}) => field(type, { label: 'Champ', ...extra });
  const RESULTS: ReadResult[] = [
    readText(f('integer'), '1,5', {}), readText(f('integer'), '12.5', {}), readText(f('integer'), '1e300', {}), readText(f('boolean'), 'maybe', {}),
    readText(f('select', { reader: 'optIn' }), 'maybe', {}), readText(f('select', { reader: 'status', options: ['valid'] }), 'x', {}),
    readText(f('date'), '31/02/2020', {}), readText(f('date'), '04/03/2024', {}), readText(f('date'), '45365', {}), readText(f('datetime'), '2024-03-14 25:00', {}),
    readText(f('datetime'), 'nope', {}), readText(f('datetime'), '2024-03-14 10:00', { timezone: 'Mars/Base' }), readText(f('datetime'), '2024-03-31 02:30', { timezone: 'Europe/Paris' }),
    readText(f('datetime'), '2024-10-27 02:30', { timezone: 'Europe/Paris' }), readText(f('email'), 'jo@', {}), readText(f('phone'), '06 12', { defaultCountry: 'FR' }),
    readText(f('phone'), '+33 12', {}), readText(f('phone'), '06 12 34 56 78', {}), readText(f('phone'), '33612345678', {}), readText(f('phone'), '06 12 34 56 78 ext. 5', { defaultCountry: 'FR' }),
    readText(f('url'), 'nope', {}), readText(f('url'), 'ftp://x.com', {}), readText(f('text', { reader: 'country' }), 'Narnia', {}),
    readText(f('select', { options: ['A', 'B'] }), 'C', {}), readText(f('select', { options: [], allowUnknownValues: true }), 'C', {}),
    readText(f('multiselect', { reader: 'tags' }), Array.from({ length: 101 }, (_, i) => i).join(','), {}), readText(f('text'), 'x'.repeat(10_001), {}),
    readText(f('text'), '  ', {}), readJson(f('text'), { a: 1 }, {}), readText(f('color' as FieldSpec['type']), 'x', {}), readText(null as unknown as FieldSpec, 'x', {}),
  ];

  it.each(['en', 'fr'] as const)('fills every placeholder from the params the readers give (%s)', (locale) => {
    const seen = new Set<string>();
    for (const r of RESULTS) {
      const [code, params] = 'code' in r ? [r.code, r.params] : [r.note!.code, r.note!.params];
      seen.add(code);
      const message = formatReason(code, params, locale);
      expect([code, message]).toEqual([code, expect.not.stringMatching(/\{\w+\}/)]);
      expect(message.length).toBeGreaterThan(10);
    }
    expect(seen.size).toBeGreaterThanOrEqual(28);
  });

  it('messages name what a person can change', () => {
    expect(formatReason('invalid_date', { label: 'Birthday', value: '31/02/2020', format: 'DD/MM/YYYY' }, 'en')).toBe(
      'Birthday: "31/02/2020" is not a date (format applied: DD/MM/YYYY; YYYY-MM-DD is always accepted); change the import’s date format if the file uses another');
    expect(formatReason('invalid_date', { label: 'Anniversaire', value: '31/02/2020', format: 'DD/MM/YYYY' }, 'fr')).toContain('« 31/02/2020 » n’est pas une date (format appliqué : DD/MM/YYYY');
    expect(formatReason('too_long', { label: 'Notes', value: 'x', length: 12345, max: 10000 }, 'en')).toBe('Notes: "x" is 12,345 characters long; the limit is 10,000');
    expect(formatReason('too_long', { label: 'Notes', value: 'x', length: 12345, max: 10000 }, 'fr')).toBe('Notes : « x » fait 12\u202f345 caractères ; la limite est de 10\u202f000');
    expect(formatReason('unknown_option', { label: 'Plan', value: 'Gold', options: ['Free', 'Pro'] }, 'en')).toContain('(Free, Pro); add it to the field’s options or allow new values');
    expect(formatReason('invalid_phone', { label: 'Mobile', value: '06 12', country: 'FR' }, 'en')).toContain('of France (FR)');
    expect(formatReason('invalid_phone', { label: 'Mobile', value: '06 12', country: 'DE' }, 'fr')).toContain('pour Allemagne (DE)');
    expect(formatReason('not_a_number', { label: 'Montant', value: '1,5', decimal: '.' }, 'fr')).toContain('changez l’option virgule décimale');
    expect(formatReason('invalid_shape', { label: 'Tags', expected: 'list', got: 'object' }, 'en')).toBe('Tags: the value must be a list (got an object)');
  });

  it('an unknown code formats as itself; a missing param stays visible', () => {
    expect(formatReason('no_such_code', {}, 'fr')).toBe('no_such_code');
    expect(formatReason('invalid_email', { label: 'E-mail' }, 'en')).toBe('E-mail: "{value}" is not a valid e-mail address');
  });
});
