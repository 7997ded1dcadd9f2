import { checkValue, readJson, readText } from '../../../../server/src/fields/readers';
import { field, problem, text } from './helpers';

const url = field('url');

describe('url reader: one rule for files and the API', () => {
  it.each([
    ['https://example.com', 'https://example.com'],
    ['http://example.com/page?q=1#top', 'http://example.com/page?q=1#top'],
    ['HTTPS://EXAMPLE.COM', 'HTTPS://EXAMPLE.COM'],
    ['example.com', 'https://example.com'],
    ['example.com/page', 'https://example.com/page'],
    ['www.example.co.uk/a/b', 'https://www.example.co.uk/a/b'],
    ['example.com:8080/x', 'https://example.com:8080/x'],
    ['//example.com/x', 'https://example.com/x'],
    ['  https://example.com  ', 'https://example.com'],
    ['https://exämple.de', 'https://exämple.de'],
    ['https://user:pass@example.com', 'https://user:pass@example.com'],
    ['https://1.2.3.4/x', 'https://1.2.3.4/x'],
  ])('%p → %p', (t, v) => expect(text(url, t)).toBe(v));

  it.each([
    ['ftp://example.com', 'ftp'], ['javascript:alert(1)', 'javascript'], ['mailto:jo@example.com', 'mailto'], ['data:text/html,hi', 'data'], ['file:///etc/passwd', 'file'],
    ['tel:+33612345678', 'tel'], ['ws://example.com', 'ws'],
  ])('refuses %p (protocol %p)', (t, protocol) => {
    expect(readText(url, t, {})).toEqual({ ok: false, code: 'url_protocol', params: { label: 'X', value: t, protocol } });
  });

  it.each(['not a url', 'localhost:3000', 'http://', 'https://exa mple.com', 'example', 'https://example', 'http:/example.com', '<script>', 'https://-bad-.com'])('refuses %p', (t) => {
    expect(text(url, t)).toEqual(problem('invalid_url'));
  });

  it('holds 2048 characters', () => {
    const base = 'https://example.com/';
    expect(text(url, base + 'a'.repeat(2048 - base.length))).toHaveLength(2048);
    expect(readText(url, base + 'a'.repeat(2049 - base.length), {})).toMatchObject({ ok: false, code: 'too_long', params: { max: 2048 } });
    // The https:// a bare host gets counts.
    expect(text(url, 'example.com/' + 'a'.repeat(2048 - 'https://example.com/'.length + 1))).toEqual(problem('too_long'));
  });

  it('JSON reads the same way; checkValue takes full http(s) URLs only', () => {
    expect(readJson(url, 'example.com', {})).toEqual({ ok: true, value: 'https://example.com' });
    expect(readJson(url, 'ftp://example.com', {})).toMatchObject({ ok: false, code: 'url_protocol' });
    expect(readJson(url, { href: 'https://example.com' }, {})).toMatchObject({ ok: false, code: 'invalid_shape' });
    expect(checkValue(url, 'https://example.com')).toEqual({ ok: true, value: 'https://example.com' });
    expect(checkValue(url, 'example.com')).toMatchObject({ ok: false, code: 'invalid_url' });
    expect(checkValue(url, 'ftp://example.com')).toMatchObject({ ok: false, code: 'url_protocol' });
  });
});
