import { copyText } from '../../../server/src/database/pg-copy';

/** COPY's text format must give back exactly what a bound parameter would store. */
describe('Postgres COPY text', () => {
  it('writes NULL as \\N and escapes the characters COPY reads specially', () => {
    expect(copyText([[null, undefined, 'plain', 12, 'a\tb', 'line\nnext\r', 'back\\slash', '\\N']])).toBe(
      '\\N\t\\N\tplain\t12\ta\\tb\tline\\nnext\\r\tback\\\\slash\t\\\\N\n'
    );
  });

  it('keeps JSON and accents as they are, one line per row', () => {
    expect(copyText([['{"city":"Orléans"}'], ['["a","b"]']])).toBe('{"city":"Orléans"}\n["a","b"]\n');
  });

  it('writes a date as pg would bind it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { prepareValue } = require('pg/lib/utils');
    const d = new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6));
    expect(copyText([[d]])).toBe(`${prepareValue(d)}\n`);
  });
});
