import { checkValue, readJson, readText, type FieldSpec, type ReadResult } from '../../../../server/src/fields/readers';
import { field } from './helpers';

const FIELDS: FieldSpec[] = [
  field('text'), field('text', { builtIn: true }), field('longtext'), field('integer'), field('decimal'), field('boolean'), field('date'), field('datetime'),
  field('email'), field('phone'), field('url'), field('select', { options: ['Free', 'Pro'] }), field('select', { options: ['Free'], allowUnknownValues: true }),
  field('multiselect', { options: ['Red', 'Blue'] }), field('multiselect', { options: [], allowUnknownValues: true }),
  field('select', { reader: 'optIn', options: ['yes', 'no', 'orange', 'blocklist'] }), field('select', { reader: 'status', options: ['unknown', 'valid', 'bad_alias'] }),
  field('text', { reader: 'country' }), field('multiselect', { reader: 'tags' }),
];

const ctx = { defaultCountry: 'FR', timezone: 'Europe/Paris' };

const circular: Record<string, unknown> = {};
circular.self = circular;
const hostile = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } });
const HOSTILE: unknown[] = [
  { a: 1 }, [], [[]], [{ a: 1 }], circular, hostile, { toString() { throw new Error('x'); }, toJSON() { throw new Error('y'); } }, Symbol('s'), () => 1, BigInt(2) ** BigInt(70),
  NaN, Infinity, -Infinity, -0, 1e308, true, false, new Date('nope'), new Map(), Object.create(null), new Uint8Array(3), '\u0000', '\ud800', '𝟘𝟙', 'x'.repeat(3_000_000),
];

const isResult = (r: ReadResult) => ('code' in r ? r.ok === false && typeof r.code === 'string' && typeof r.params === 'object' : r.ok === true && 'value' in r);

describe('JSON values: wrong shapes are problems, never throws', () => {
  it.each(FIELDS.map((f) => [f.reader ?? f.type, f]))('%s', (_name, f) => {
    for (const v of HOSTILE) {
      let r: ReadResult | undefined;
      expect(() => (r = readJson(f as FieldSpec, v, ctx))).not.toThrow();
      expect(isResult(r!)).toBe(true);
      expect(() => checkValue(f as FieldSpec, v, ctx)).not.toThrow();
      expect(() => readText(f as FieldSpec, v as string, ctx)).not.toThrow();
    }
  });

  it('an object is never text, a {a:1} is never tags', () => {
    expect(readJson(field('text'), { a: 1 }, ctx)).toMatchObject({ ok: false, code: 'invalid_shape', params: { expected: 'text', got: 'object' } });
    expect(readJson(field('multiselect', { reader: 'tags' }), { a: 1 }, ctx)).toMatchObject({ ok: false, code: 'invalid_shape', params: { expected: 'list', got: 'object' } });
  });

  it('null, undefined and blank strings come back as empty_value (the caller’s "empty")', () => {
    for (const f of FIELDS) for (const v of [null, undefined, '', '  ']) expect(readJson(f, v, ctx)).toMatchObject({ ok: false, code: 'empty_value' });
  });

  it('a null field or an unknown type is a problem too', () => {
    expect(readText(null as unknown as FieldSpec, 'x', ctx)).toMatchObject({ ok: false, code: 'unreadable_value' });
    expect(readText(field('color' as FieldSpec['type']), 'x', ctx)).toMatchObject({ ok: false, code: 'unknown_field_type' });
    expect(readJson(field('color' as FieldSpec['type']), 'x', ctx)).toMatchObject({ ok: false, code: 'unknown_field_type' });
    expect(checkValue(field('color' as FieldSpec['type']), 'x', ctx)).toMatchObject({ ok: false, code: 'unknown_field_type' });
  });
});

/** Text that every field kind may see in a file. */
const SAMPLES = [
  'Jean', ' 42 ', '1 234', '1,5', '1.5', 'yes', 'oui', 'x', 'non', '2024-03-14', '14/03/2024', '04/03/2024', '2024-03-14 09:30', '2024-03-31 02:30', 'Jo@Example.com', '06 12 34 56 78',
  '+44 7911 123456', 'example.com', 'ftp://x.com', 'free', 'Gold', 'red|blue', 'Red, Pink', 'opt-in', 'liste rouge', 'Bad alias', 'France', 'UK', 'vip; news', 'maybe',
];

describe('file cells and JSON strings read alike, and readers’ values pass the final check unchanged', () => {
  it.each(FIELDS.map((f) => [f.reader ?? f.type, f]))('%s', (_name, f) => {
    for (const t of SAMPLES) {
      const fromText = readText(f as FieldSpec, t, ctx);
      expect([t, readJson(f as FieldSpec, t, ctx)]).toEqual([t, fromText]);
      if (fromText.ok) {
        const checked = checkValue(f as FieldSpec, fromText.value, ctx);
        expect([t, checked.ok, checked.ok && checked.value]).toEqual([t, true, fromText.value]);
      }
    }
  });
});
