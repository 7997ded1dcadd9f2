import { checkValue, readText } from '../../../../server/src/fields/readers';
import { field, json, problem, text } from './helpers';

const plan = field('select', { options: ['Free', 'Pro', 'Entreprise', 'Élite'] });
const openPlan = field('select', { options: ['Free'], allowUnknownValues: true });
const colors = field('multiselect', { options: ['Red', 'Green', 'Blue', 'Paris, France'] });
const openColors = field('multiselect', { options: ['Red'], allowUnknownValues: true });
const tags = field('multiselect', { reader: 'tags', key: 'tags', label: 'Tags' });

describe('select reader', () => {
  it.each([['Free', 'Free'], ['free', 'Free'], ['PRO', 'Pro'], [' pro ', 'Pro'], ['entreprise', 'Entreprise'], ['elite', 'Élite'], ['ÉLITE', 'Élite']])('%p → %p (the option’s own spelling)', (t, v) =>
    expect(text(plan, t)).toBe(v));

  it('unknown → unknown_option listing the options', () => {
    expect(readText(plan, 'Gold', {})).toEqual({ ok: false, code: 'unknown_option', params: { label: 'X', value: 'Gold', options: ['Free', 'Pro', 'Entreprise', 'Élite'] } });
  });

  it('cuts a long option list in the message', () => {
    const many = field('select', { options: Array.from({ length: 300 }, (_, i) => `opt${i}`) });
    const r = readText(many, 'nope', {});
    expect(r).toMatchObject({ ok: false, code: 'unknown_option' });
    const options = (r as unknown as { params: { options: string[] } }).params.options;
    expect(options.length).toBeLessThan(20);
    expect(options[options.length - 1]).toBe('… (300)');
  });

  it('with allowUnknownValues: the trimmed text, noted as a new option; at most 255 characters', () => {
    expect(readText(openPlan, '  Gold ', {})).toEqual({ ok: true, value: 'Gold', note: { code: 'new_options', params: { label: 'X', values: ['Gold'] } } });
    expect(readText(openPlan, 'free', {})).toEqual({ ok: true, value: 'Free' });
    expect(text(openPlan, 'g'.repeat(255))).toHaveLength(255);
    expect(text(openPlan, 'g'.repeat(256))).toEqual(problem('too_long'));
  });

  it('two options that differ only by accents are matched exactly or by case, never guessed', () => {
    const f = field('select', { options: ['Elite', 'Élite'] });
    expect(text(f, 'Elite')).toBe('Elite');
    expect(text(f, 'élite')).toBe('Élite');
    expect(text(f, 'ELITE')).toBe('Elite');
    expect(text(f, 'elîte')).toEqual(problem('unknown_option'));
  });

  it('JSON: strings and numbers read alike; checkValue takes an option’s exact spelling', () => {
    expect(json(plan, 'pro')).toBe('Pro');
    expect(json(field('select', { options: ['1', '2'] }), 2)).toBe('2');
    expect(json(plan, ['Pro'])).toEqual(problem('invalid_shape'));
    expect(json(plan, { v: 'Pro' })).toEqual(problem('invalid_shape'));
    expect(checkValue(plan, 'Pro')).toEqual({ ok: true, value: 'Pro' });
    expect(checkValue(plan, 'pro')).toMatchObject({ ok: false, code: 'unknown_option' });
    expect(checkValue(openPlan, 'Gold')).toMatchObject({ ok: true, value: 'Gold' });
  });
});

describe('multiselect reader', () => {
  it.each([
    ['Red', ['Red']], ['red|green', ['Red', 'Green']], ['red | blue | RED', ['Red', 'Blue']], ['red, green,blue', ['Red', 'Green', 'Blue']], ['blue,red', ['Blue', 'Red']],
    ['red||green|', ['Red', 'Green']], ['Paris, France', ['Paris, France']], ['Paris, France | red', ['Paris, France', 'Red']], ['red,,green', ['Red', 'Green']],
  ])('%p → %p (order kept, duplicates dropped)', (t, v) => expect(text(colors, t)).toEqual(v));

  it('one unknown item makes the cell a problem naming the unknown items', () => {
    expect(readText(colors, 'red|pink|cyan', {})).toEqual({ ok: false, code: 'unknown_option', params: { label: 'X', value: ['pink', 'cyan'], options: ['Red', 'Green', 'Blue', 'Paris, France'] } });
  });

  it('with allowUnknownValues: new items kept and noted', () => {
    expect(readText(openColors, 'red|Pink|pink', {})).toEqual({ ok: true, value: ['Red', 'Pink', 'pink'], note: { code: 'new_options', params: { label: 'X', values: ['Pink', 'pink'] } } });
  });

  it('holds 1,000 items of 255 characters', () => {
    const open = field('multiselect', { options: [], allowUnknownValues: true });
    const items = Array.from({ length: 1000 }, (_, i) => `v${i}`);
    expect(text(open, items.join('|'))).toHaveLength(1000);
    expect(readText(open, [...items, 'v1000'].join('|'), {})).toMatchObject({ ok: false, code: 'too_many_items', params: { count: 1001, max: 1000 } });
    expect(text(open, 'a'.repeat(256))).toEqual(problem('too_long'));
  });

  it('JSON: an array or a single string; wrong shapes are problems', () => {
    expect(json(colors, ['red', 'GREEN', 'red'])).toEqual(['Red', 'Green']);
    expect(json(colors, 'red|green')).toEqual(['Red', 'Green']);
    expect(json(colors, [])).toEqual([]);
    expect(json(colors, { a: 1 })).toEqual(problem('invalid_shape'));
    expect(json(colors, ['red', { a: 1 }])).toEqual(problem('invalid_shape'));
    expect(json(colors, ['red', null])).toEqual(problem('invalid_shape'));
    expect(json(colors, 5)).toEqual(problem('invalid_shape'));
    expect(json(colors, ['pink'])).toEqual(problem('unknown_option'));
  });

  it('checkValue: an array of exact options', () => {
    expect(checkValue(colors, ['Red', 'Blue'])).toEqual({ ok: true, value: ['Red', 'Blue'] });
    expect(checkValue(colors, ['Red', 'Red'])).toEqual({ ok: true, value: ['Red'] });
    expect(checkValue(colors, ['red'])).toMatchObject({ ok: false, code: 'unknown_option' });
    expect(checkValue(colors, 'Red')).toMatchObject({ ok: false, code: 'invalid_shape' });
  });
});

describe('tags reader', () => {
  it.each([
    ['vip', ['vip']], ['vip, newsletter', ['vip', 'newsletter']], ['vip;newsletter', ['vip', 'newsletter']], ['vip | a, b', ['vip', 'a, b']], ['vip,vip, VIP', ['vip', 'VIP']],
    [' a ; b , c ', ['a', 'b', 'c']],
  ])('%p → %p', (t, v) => expect(text(tags, t)).toEqual(v));

  it('holds 100 tags of 255 characters', () => {
    const many = Array.from({ length: 100 }, (_, i) => `t${i}`);
    expect(text(tags, many.join(','))).toHaveLength(100);
    expect(readText(tags, [...many, 'x'].join(','), {})).toMatchObject({ ok: false, code: 'too_many_items', params: { count: 101, max: 100 } });
    expect(text(tags, 't'.repeat(255))).toEqual(['t'.repeat(255)]);
    expect(readText(tags, 't'.repeat(256), {})).toMatchObject({ ok: false, code: 'too_long', params: { max: 255 } });
  });

  it('JSON: a list or a string; {a:1} and lists of objects are problems', () => {
    expect(json(tags, ['vip', 'vip', ' news '])).toEqual(['vip', 'news']);
    expect(json(tags, 'vip;news')).toEqual(['vip', 'news']);
    expect(json(tags, [1, 2])).toEqual(['1', '2']);
    expect(json(tags, { a: 1 })).toEqual(problem('invalid_shape'));
    expect(json(tags, [{ a: 1 }])).toEqual(problem('invalid_shape'));
    expect(json(tags, true)).toEqual(problem('invalid_shape'));
  });

  it('checkValue: a list of non-empty texts', () => {
    expect(checkValue(tags, ['a', 'b'])).toEqual({ ok: true, value: ['a', 'b'] });
    expect(checkValue(tags, ['a', ''])).toMatchObject({ ok: false, code: 'empty_value' });
    expect(checkValue(tags, ['a', 1])).toMatchObject({ ok: false, code: 'invalid_shape' });
    expect(checkValue(tags, 'a')).toMatchObject({ ok: false, code: 'invalid_shape' });
  });
});
