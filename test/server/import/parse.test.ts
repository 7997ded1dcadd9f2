import { parse as csvParse } from 'csv-parse/sync';
import { CsvChunkParser, readRowBatches, readRows, readRowsFromText, UNTERMINATED_QUOTE } from '../../../server/src/import/parse';
import { openTextSource } from '../../../server/src/import/source';
import type { SourceRow } from '../../../server/src/import/types';
import { collect, fixtureDir, plainCsv, trickyCsv, type FixtureDir } from '../../fixtures/generate';

let fx: FixtureDir;
beforeAll(() => {
  fx = fixtureDir();
});
afterAll(() => fx.cleanup());

const csvOpts = { format: 'csv' as const, encoding: 'utf-8', delimiter: ',', hasHeader: true };
const cellsOf = (rows: SourceRow[]) => rows.map((r) => r.cells);

/** csv-spectrum (github.com/max-mapper/csv-spectrum): each file with its expected records. */
const SPECTRUM: Array<[string, string, string[][]]> = [
  ['comma_in_quotes', 'first,last,address,city,zip\nJohn,Doe,120 any st.,"Anytown, WW",08123\n', [['John', 'Doe', '120 any st.', 'Anytown, WW', '08123']]],
  ['empty', 'a,b,c\n1,"",""\n2,3,4\n', [['1', '', ''], ['2', '3', '4']]],
  ['escaped_quotes', 'a,b\n1,"ha ""ha"" ha"\n3,4\n', [['1', 'ha "ha" ha'], ['3', '4']]],
  ['json', 'key,val\n1,"{""type"": ""Point"", ""coordinates"": [102.0, 0.5]}"\n', [['1', '{"type": "Point", "coordinates": [102.0, 0.5]}']]],
  [
    'location_coordinates',
    'Contact Employee No,Contact Member No,Contact Location Name,Contact Location Lat,Contact Location Long\n15,,Home,-33.9,151.2\n',
    [['15', '', 'Home', '-33.9', '151.2']],
  ],
  ['newlines', 'a,b,c\n1,2,3\n"Once upon \na time",5,6\n7,8,9\n', [['1', '2', '3'], ['Once upon \na time', '5', '6'], ['7', '8', '9']]],
  ['quotes_and_newlines', 'a,b\n1,"ha \n""ha"" \nha"\n3,4\n', [['1', 'ha \n"ha" \nha'], ['3', '4']]],
  ['simple', 'a,b,c\n1,2,3\n', [['1', '2', '3']]],
  ['utf8', 'a,b,c\n1,2,3\n4,5,ʤ\n', [['1', '2', '3'], ['4', '5', 'ʤ']]],
];

describe('csv-spectrum', () => {
  for (const [name, lf, expected] of SPECTRUM) {
    for (const [variant, text] of [
      ['LF', lf],
      ['CRLF', lf.replace(/\n/g, '\r\n')],
    ] as const) {
      it(`${name} (${variant}) from a file, 3-byte reads`, async () => {
        const file = fx.write(`${name}-${variant}.csv`, text);
        const rows = await collect(readRows(file, csvOpts, { highWaterMark: 3 }));
        const want = variant === 'CRLF' ? expected.map((r) => r.map((c) => c.replace(/\n/g, '\r\n'))) : expected;
        expect(cellsOf(rows)).toEqual(want);
        expect(rows.every((r) => !r.error)).toBe(true);
      });
    }
  }
});

describe('readRows', () => {
  it('numbers rows by the physical line they start on (newlines in cells, empty lines)', async () => {
    const file = fx.write('lines.csv', 'email,notes\n\na@x.io,"two\nlines"\nb@x.io,one\n\n\nc@x.io,"x\r\ny\nz"\nd@x.io,end');
    const rows = await collect(readRows(file, csvOpts));
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, 'a@x.io'],
      [5, 'b@x.io'],
      [8, 'c@x.io'],
      [11, 'd@x.io'],
    ]);
  });

  it('yields one row with an error for an unterminated quote at the end, the rows before intact', async () => {
    const text = 'email,name\na@x.io,Ann\nb@x.io,"Bob ""the"" builder"\nc@x.io,"Carl\nd@x.io,Dan\n';
    const file = fx.write('unterminated.csv', text);
    for (const highWaterMark of [undefined, 4]) {
      const rows = await collect(readRows(file, csvOpts, { highWaterMark }));
      expect(rows).toHaveLength(3);
      expect(rows[0]).toEqual({ line: 2, cells: ['a@x.io', 'Ann'] });
      expect(rows[1]).toEqual({ line: 3, cells: ['b@x.io', 'Bob "the" builder'] });
      expect(rows[2].line).toBe(4);
      expect(rows[2].cells[0]).toBe('c@x.io');
      expect(rows[2].error).toBe(UNTERMINATED_QUOTE);
      expect(rows[2].error).toMatch(/unterminated quoted field/);
    }
  });

  it('still yields rows whose field count differs from the header', async () => {
    const file = fx.write('ragged.csv', 'a,b,c\n1,2\n1,2,3,4\n\n5,6,7\n');
    const rows = await collect(readRows(file, csvOpts));
    expect(cellsOf(rows)).toEqual([['1', '2'], ['1', '2', '3', '4'], ['5', '6', '7']]);
  });

  it('reads CR-only (old Mac) line endings', async () => {
    const file = fx.write('cr.csv', 'a,b\r1,"x\ry"\r3,4\r');
    const rows = await collect(readRows(file, csvOpts));
    expect(rows).toEqual([
      { line: 2, cells: ['1', 'x\ry'] },
      { line: 4, cells: ['3', '4'] },
    ]);
  });

  it('drops the stray \\r of a CRLF line in an LF file', async () => {
    const file = fx.write('mixed.csv', 'a,b\n1,2\r\n3,4\n');
    expect(cellsOf(await collect(readRows(file, csvOpts)))).toEqual([['1', '2'], ['3', '4']]);
  });

  it('skips the header and `skipRows` data rows (resume), keeping line numbers', async () => {
    const file = fx.write('skip.csv', 'email\na@x.io\nb@x.io\n"c\n@x.io"\nd@x.io\n');
    const rows = await collect(readRows(file, csvOpts, { skipRows: 2, highWaterMark: 5 }));
    expect(rows).toEqual([
      { line: 4, cells: ['c\n@x.io'] },
      { line: 6, cells: ['d@x.io'] },
    ]);
    expect(await collect(readRows(file, { ...csvOpts, hasHeader: false }, { skipRows: 1 }))).toHaveLength(4);
  });

  it('reads a quoted cell far larger than a chunk in linear time', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const file = fx.write('bigcell.csv', `a,b\n1,"${big}"\n2,3\n`);
    const started = Date.now();
    const rows = await collect(readRows(file, csvOpts, { highWaterMark: 1024 }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(rows.map((r) => r.cells[1].length)).toEqual([big.length, 1]);
  });

  it('sniffs what the options leave out', async () => {
    const file = fx.write('nooptions.csv', 'Email;Prénom\nann@x.io;Ann\n');
    expect(await collect(readRows(file))).toEqual([{ line: 2, cells: ['ann@x.io', 'Ann'] }]);
  });

  it('reads UTF-16LE and UTF-16BE files with a BOM, characters split across 1-byte reads', async () => {
    const text = 'email\tnom\nzoe@x.io\tZoé 🎉\n';
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const file = fx.write(`u16-${encoding}.tsv`, text, encoding, true);
      const rows = await collect(readRows(file, { format: 'csv', encoding: 'utf-8', delimiter: '\t', hasHeader: true }, { highWaterMark: 1 }));
      expect(rows).toEqual([{ line: 2, cells: ['zoe@x.io', 'Zoé 🎉'] }]);
    }
  });
});

describe('multi-byte characters across chunk borders', () => {
  const text = 'email,name\né@x.io,"Zoé ""🎉"" Œuvre, ☕"\nß@x.io,👩‍💻 ąčęłńóśźż\n';

  it('openTextSource keeps every character whole whatever the read size', async () => {
    const file = fx.write('mb.csv', text, 'utf-8', true);
    for (const highWaterMark of [1, 2, 3, 5, 7]) {
      const chunks = await collect(openTextSource(file, { highWaterMark }));
      expect(chunks.join('')).toBe(text);
      expect(chunks.join('')).not.toContain('\ufffd');
    }
  });

  it('rows are identical for every read size', async () => {
    const file = fx.write('mb2.csv', text);
    const expected = [
      ['é@x.io', 'Zoé "🎉" Œuvre, ☕'],
      ['ß@x.io', '👩‍💻 ąčęłńóśźż'],
    ];
    for (const highWaterMark of [1, 2, 3, 4, 6, 64 * 1024]) {
      expect(cellsOf(await collect(readRows(file, csvOpts, { highWaterMark })))).toEqual(expected);
    }
  });
});

describe('papaparse (fed decoded text) against csv-parse', () => {
  it('matches csv-parse on a tricky generated file: quoted CRLF, doubled quotes, emoji, accents', async () => {
    const { text, expected } = trickyCsv(5000, 7);
    const file = fx.write('tricky.csv', text);
    const reference: string[][] = csvParse(text, { bom: true, relax_column_count: true });
    expect(reference).toEqual(expected);
    for (const highWaterMark of [undefined, 13]) {
      const rows = await collect(readRows(file, csvOpts, { highWaterMark }));
      expect(cellsOf(rows)).toEqual(reference.slice(1));
      expect(rows.some((r) => r.error)).toBe(false);
    }
    // Same records with ; as delimiter, through the sniffer.
    const semi = trickyCsv(300, 11, ';');
    const semiFile = fx.write('tricky-semi.csv', semi.text);
    expect(cellsOf(await collect(readRows(semiFile)))).toEqual(csvParse(semi.text, { delimiter: ';' }).slice(1));
  });
});

describe('readRowsFromText (pasted text)', () => {
  it('reads a paste copied from a spreadsheet (TAB, no trailing newline), sniffing delimiter and header', async () => {
    const text = 'E-mail\tPrénom\tNom\nann@x.io\tAnn\tLee\nbob@x.io\tBob\t"Smith\tJr"';
    const rows = await collect(readRowsFromText(text));
    expect(rows).toEqual([
      { line: 2, cells: ['ann@x.io', 'Ann', 'Lee'] },
      { line: 3, cells: ['bob@x.io', 'Bob', 'Smith\tJr'] },
    ]);
  });

  it('takes explicit options and flags an unterminated quote', async () => {
    const rows = await collect(readRowsFromText('a@x.io;"Ann\nb@x.io;Bob', { delimiter: ';', hasHeader: false }));
    expect(rows).toHaveLength(1);
    expect(rows[0].error).toBe(UNTERMINATED_QUOTE);
  });
});

describe('CsvChunkParser', () => {
  it('stops with a SourceError when a quote opened mid-file never closes (instead of buffering the file)', () => {
    const parser = new CsvChunkParser({ delimiter: ',', maxRowChars: 1000 });
    expect(parser.push('a,b\n1,2\n3,"oops\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
    expect(() => {
      for (let i = 0; i < 100; i++) parser.push('x,y,z\n'.repeat(10));
    }).toThrow(/^Line 3: a quoted field is not closed after 1000 characters of text/);
  });

  it('gives the same rows for any split of the input', () => {
    const { text, expected } = trickyCsv(200, 3);
    for (const size of [1, 2, 17, 1000]) {
      const parser = new CsvChunkParser({ delimiter: ',' });
      const rows: SourceRow[] = [];
      for (let i = 0; i < text.length; i += size) rows.push(...parser.push(text.slice(i, i + size)));
      rows.push(...parser.push('', true));
      expect(cellsOf(rows)).toEqual(expected);
    }
  });
});

describe('throughput', () => {
  it('reads ≥ 150k rows/s of ~110-byte rows (prints the figure)', async () => {
    const rows = 200_000;
    const text = plainCsv(rows);
    const file = fx.write('speed.csv', text);
    const bytesPerRow = Buffer.byteLength(text) / (rows + 1);
    // Warm-up, then the best of three (a loaded CI box should not fail the suite on one slow run).
    for await (const batch of readRowBatches(file, csvOpts)) void batch;
    let best = 0;
    let count = 0;
    for (let run = 0; run < 3; run++) {
      const started = process.hrtime.bigint();
      count = 0;
      for await (const batch of readRowBatches(file, csvOpts)) count += batch.length;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      best = Math.max(best, count / seconds);
    }
    let perRow = 0;
    {
      const started = process.hrtime.bigint();
      let n = 0;
      for await (const row of readRows(file, csvOpts)) n += row.cells.length ? 1 : 0;
      perRow = n / (Number(process.hrtime.bigint() - started) / 1e9);
    }
    // eslint-disable-next-line no-console
    console.log(
      `readRowBatches: ${Math.round(best).toLocaleString('en-US')} rows/s, readRows: ${Math.round(perRow).toLocaleString('en-US')} rows/s ` +
        `(${rows} rows of ${bytesPerRow.toFixed(0)} bytes)`,
    );
    expect(count).toBe(rows);
    expect(best).toBeGreaterThan(150_000);
  });
});
