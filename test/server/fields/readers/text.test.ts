import { checkValue, codePointLength, isEmptyCell, readJson, readText } from '../../../../server/src/fields/readers';
import { field, problem, text } from './helpers';

const custom = field('text');
const builtIn = field('text', { builtIn: true, key: 'firstName', label: 'First name' });
const long = field('longtext');

/** ~200 KiB of what breaks naive CSV handling: commas, quotes, thousands of CR/LF, tabs, emoji, leading spaces. */
const hostileText = () => {
  const lines: string[] = [];
  for (let i = 0; lines.join('\r\n').length < 200 * 1024; i++) {
    lines.push(`  line ${i}, "quoted ""twice""", a,b;c\ttab 😀 é ${i % 3 === 0 ? '\n' : ''}${i % 5 === 0 ? '\r' : ''}`);
  }
  return `  ${lines.join('\r\n')}\r\n\r\n  `;
};

describe('text reader', () => {
  it('trims', () => {
    expect(text(custom, '  Jean  ')).toBe('Jean');
    expect(text(custom, '\u00a0Jean\t')).toBe('Jean');
    expect(text(custom, 'a\r\nb')).toBe('a\r\nb');
  });
  it('built-in text fields hold 255 characters, custom ones 10,000 (code points)', () => {
    expect(text(builtIn, 'a'.repeat(255))).toBe('a'.repeat(255));
    expect(readText(builtIn, 'a'.repeat(256), {})).toMatchObject({ ok: false, code: 'too_long', params: { label: 'First name', length: 256, max: 255 } });
    expect(text(builtIn, '😀'.repeat(255))).toBe('😀'.repeat(255)); // 510 UTF-16 units, 255 characters
    expect(text(builtIn, '😀'.repeat(256))).toEqual(problem('too_long'));
    expect(text(custom, 'é'.repeat(10_000))).toHaveLength(10_000);
    expect(text(custom, '😀'.repeat(10_000))).toHaveLength(20_000);
    expect(readText(custom, 'x'.repeat(10_001), {})).toMatchObject({ ok: false, code: 'too_long', params: { max: 10_000, length: 10_001 } });
    expect(text(field('text', { maxLength: 3 }), 'abcd')).toEqual(problem('too_long'));
    // Trimmed before the count.
    expect(text(builtIn, ` ${'a'.repeat(255)} `)).toHaveLength(255);
  });
  it('removes NUL characters (PostgreSQL refuses them)', () => {
    expect(text(custom, 'a\u0000b')).toBe('ab');
    expect(text(long, 'a\u0000b')).toBe('ab');
  });
  it('JSON: strings, numbers as their text; other shapes are problems', () => {
    expect(readJson(custom, ' Jean ', {})).toEqual({ ok: true, value: 'Jean' });
    expect(readJson(custom, 42, {})).toEqual({ ok: true, value: '42' });
    expect(readJson(custom, 1.5, {})).toEqual({ ok: true, value: '1.5' });
    for (const v of [{ a: 1 }, ['a'], true, NaN, Infinity]) expect(readJson(custom, v, {})).toMatchObject({ ok: false, code: 'invalid_shape' });
  });
});

describe('longtext reader', () => {
  it('keeps a 200 KiB cell with commas, quotes and CR/LF identical, code point for code point', () => {
    const t = hostileText();
    expect(t.length).toBeGreaterThan(200 * 1024);
    expect((t.match(/\r\n/g) ?? []).length).toBeGreaterThan(2000);
    const r = readText(long, t, {});
    expect(r.ok).toBe(true);
    expect((r as { value: string }).value === t).toBe(true);
    expect(readJson(long, t, {})).toEqual(r);
    expect(checkValue(long, t)).toEqual(r);
  });
  it('is not trimmed', () => {
    expect(text(long, '  indented\n\n')).toBe('  indented\n\n');
  });
  it('holds 1 MiB (1,048,576 code points) by default, counted in code points', () => {
    const max = 1_048_576;
    expect(readText(long, 'a'.repeat(max), {}).ok).toBe(true);
    expect(readText(long, 'a'.repeat(max + 1), {})).toMatchObject({ ok: false, code: 'too_long', params: { max, length: max + 1 } });
    const emoji = '😀'.repeat(max); // 2 MiB of UTF-16 units, 1 MiB of characters
    expect(readText(long, emoji, {}).ok).toBe(true);
    expect(readText(long, `${emoji}a`, {})).toMatchObject({ ok: false, code: 'too_long' });
  });
  it('follows ctx.maxLongTextLength, and a field’s own maxLength first', () => {
    expect(text(long, 'abcdef', { maxLongTextLength: 5 })).toEqual(problem('too_long'));
    expect(text(long, 'abcde', { maxLongTextLength: 5 })).toBe('abcde');
    expect(text(field('longtext', { maxLength: 10 }), 'abcdef', { maxLongTextLength: 5 })).toBe('abcdef');
  });
});

describe('helpers', () => {
  it('codePointLength counts surrogate pairs once and lone surrogates as one', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀é👍🏽')).toBe(4);
    expect(codePointLength('\ud83d')).toBe(1);
    expect(codePointLength('\ude00\ud83d')).toBe(2);
  });
  it('isEmptyCell', () => {
    for (const v of [null, undefined, '', ' ', '\t', '\r\n', '\u00a0']) expect(isEmptyCell(v)).toBe(true);
    for (const v of ['0', 'a', ' x ', '-']) expect(isEmptyCell(v)).toBe(false);
  });
});
