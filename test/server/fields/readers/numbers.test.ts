import { checkValue, readText } from '../../../../server/src/fields/readers';
import { field, json, problem, text } from './helpers';

const int = field('integer');
const dec = field('decimal');
const comma = { decimalComma: true };

describe('integer reader', () => {
  it.each([
    ['0', 0], ['42', 42], ['-42', -42], ['+42', 42], ['−42', -42], ['007', 7], ['-0', 0],
    ['1 234', 1234], ['1\u00a0234', 1234], ['1\u202f234', 1234], ['1\u2009234', 1234], ["1'234'567", 1234567], ['1’234', 1234],
    ['1,234', 1234], ['1,234,567', 1234567], ['12.0', 12], ['1e3', 1000], ['9007199254740991', 9007199254740991], ['-9007199254740991', -9007199254740991],
  ])('reads %p as %p', (t, v) => expect(text(int, t)).toBe(v));

  it.each([
    ['1.234', comma, 1234], ['1.234.567', comma, 1234567], ['1 234', comma, 1234], ['12,0', comma, 12],
  ])('with decimal comma reads %p as %p', (t, ctx, v) => expect(text(int, t, ctx)).toBe(v));

  it.each([
    ['12.5', 'not_an_integer'], ['1,5', 'not_a_number'], ['abc', 'not_a_number'], ['12a', 'not_a_number'], ['1 2', 'not_a_number'], ['12 34', 'not_a_number'],
    ['1,23,456', 'not_a_number'], ['NaN', 'not_a_number'], ['Infinity', 'not_a_number'], ['-', 'not_a_number'], ['+', 'not_a_number'], ['.', 'not_a_number'],
    ['--1', 'not_a_number'], ['1-', 'not_a_number'], ['0x10', 'not_a_number'], ['12 €', 'not_a_number'], ['50%', 'not_a_number'], ['(12)', 'not_a_number'],
    ['9007199254740992', 'number_out_of_range'], ['1e400', 'number_out_of_range'], ['-9007199254740993', 'number_out_of_range'], ["1'23", 'not_a_number'],
    ["1 234'567", 'not_a_number'],
  ])('refuses %p with %p', (t, code) => expect(text(int, t)).toEqual(problem(code)));

  it('names the decimal separator in use', () => {
    expect(readText(int, '1,5', {})).toMatchObject({ params: { decimal: '.', value: '1,5', label: 'X' } });
    expect(readText(dec, '1.5', comma)).toMatchObject({ params: { decimal: ',' } });
  });
});

describe('decimal reader', () => {
  it.each([
    ['1.5', 1.5], ['-1.5', -1.5], ['.5', 0.5], ['1.', 1], ['1,234.56', 1234.56], ['1 234.56', 1234.56], ["1'234.56", 1234.56], ['1e-3', 0.001], ['1.2E+3', 1200],
    ['0.1', 0.1], ['3.14159265358979', 3.14159265358979], ['1,234', 1234], ['-0.0', 0],
  ])('reads %p as %p', (t, v) => expect(text(dec, t)).toBe(v));

  it.each([
    ['1,5', 1.5], ['1 234,56', 1234.56], ['1\u00a0234,56', 1234.56], ['1\u202f234,56', 1234.56], ['1.234,56', 1234.56], ['1.234.567,89', 1234567.89], ['-0,5', -0.5], [',5', 0.5],
    ['1.234', 1234],
  ])('with decimal comma reads %p as %p', (t, v) => expect(text(dec, t, comma)).toBe(v));

  it.each([
    ['1,5', {}], ['1.234,56', {}], ['1,2,3', {}], ['1.5', comma], ['1,234.56', comma], ['1.2.3', {}], ['abc', {}], ['1.5.', {}], ['e5', {}], ['1e', {}], ['Infinity', {}], ['NaN', {}],
  ])('refuses %p (%p)', (t, ctx) => expect(text(dec, t, ctx)).toEqual(problem('not_a_number')));

  it('refuses what overflows a double', () => expect(text(dec, '1e309')).toEqual(problem('number_out_of_range')));
});

describe('numbers from JSON', () => {
  it('takes numbers and numeric strings', () => {
    expect(json(int, 42)).toBe(42);
    expect(json(int, '1 234')).toBe(1234);
    expect(json(int, 12.5)).toEqual(problem('not_an_integer'));
    expect(json(int, 2 ** 60)).toEqual(problem('number_out_of_range'));
    expect(json(int, BigInt(12))).toBe(12);
    expect(json(dec, 1.5)).toBe(1.5);
    expect(json(dec, '1.5')).toBe(1.5);
    expect(json(dec, '1,5', comma)).toBe(1.5);
  });
  it('refuses NaN, Infinity and other shapes', () => {
    expect(json(dec, NaN)).toEqual(problem('not_a_number'));
    expect(json(dec, Infinity)).toEqual(problem('number_out_of_range'));
    expect(json(int, -Infinity)).toEqual(problem('number_out_of_range'));
    expect(json(int, true)).toEqual(problem('invalid_shape'));
    expect(json(int, [1])).toEqual(problem('invalid_shape'));
    expect(json(dec, { n: 1 })).toEqual(problem('invalid_shape'));
  });
  it('checkValue: numbers only, finite, safe for integers', () => {
    expect(checkValue(int, 3)).toEqual({ ok: true, value: 3 });
    expect(checkValue(int, '3')).toMatchObject({ ok: false, code: 'invalid_shape' });
    expect(checkValue(int, 3.5)).toMatchObject({ ok: false, code: 'not_an_integer' });
    expect(checkValue(dec, NaN)).toMatchObject({ ok: false });
    expect(checkValue(dec, Infinity)).toMatchObject({ ok: false, code: 'number_out_of_range' });
  });
});
