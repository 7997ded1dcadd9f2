import { CsvChunkParser } from '../../../server/src/import/csv';
import { MAX_COLUMNS } from '../../../server/src/import/limits';
import { readRows } from '../../../server/src/import/parse';
import { readPreviewRows } from '../../../server/src/import/preview';
import type { SourceSpec } from '../../../server/src/import/rows';
import { FIRST_ROW_MAX_BYTES, sniffFile, sniffText } from '../../../server/src/import/sniff';
import { SourceError } from '../../../server/src/import/source-error';
import { collect, fixtureDir, trickyCsv, type FixtureDir } from '../../fixtures/generate';
import { emptyLinesCsv, newlineFreeText, wideCsv } from '../../fixtures/hostile';

let fx: FixtureDir;
beforeAll(() => {
  fx = fixtureDir('contacts-csv-hostile-');
});
afterAll(() => fx.cleanup());

const refusal = async (run: () => unknown) => {
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return { error, ms: Date.now() - started };
  }
  throw new Error('expected a SourceError');
};

const csvSpec = (file: string, delimiter = ',', hasHeader = true): SourceSpec => ({ path: file, format: 'csv', encoding: 'utf-8', delimiter, hasHeader });

describe('first rows longer than the 64 KB sample', () => {
  it(`refuses a 100,000-column CSV with a 400 naming the ${MAX_COLUMNS}-column limit`, async () => {
    const file = fx.write('wide.csv', wideCsv(100_000));
    const { error, ms } = await refusal(() => sniffFile(file));
    expect(error).toMatchObject({ code: 'COLUMNS', status: 400 });
    expect(error.message).toBe(
      'The file has 100,000 columns (delimiter ","); at most 1,000 can be imported. Check the delimiter, or remove the unused columns, and upload it again.',
    );
    expect(ms).toBeLessThan(2000);
    expect((await refusal(() => sniffText(wideCsv(100_000)))).error.code).toBe('COLUMNS');
  });

  it('reads on (bounded) to find a first row of 100 KB, with a finite integer estimate', async () => {
    const header = Array.from({ length: 500 }, (_, i) => `column number ${i} ${'x'.repeat(180)}`);
    const rows = Array.from({ length: 300 }, (_, r) => header.map((_, i) => String(r * 1000 + i)).join(';'));
    const file = fx.write('long-header.csv', `${header.join(';')}\n${rows.join('\n')}\n`);
    const detected = await sniffFile(file);
    expect(detected).toMatchObject({ delimiter: ';', hasHeader: true });
    expect(detected.columns).toHaveLength(500);
    expect(detected.columns[499]).toBe(header[499]);
    expect(Number.isInteger(detected.rowEstimate)).toBe(true);
    expect(Math.abs(detected.rowEstimate - 300)).toBeLessThan(30);
  });

  it('answers a 400 saying there is no line break in the first 1 MB of a 50 MB line', async () => {
    const file = fx.write('no-newline.csv', newlineFreeText(50 * 1024 * 1024));
    const { error, ms } = await refusal(() => sniffFile(file));
    expect(error).toMatchObject({ code: 'LINE_TOO_LONG', status: 400, details: { maxBytes: FIRST_ROW_MAX_BYTES } });
    expect(error.message).toMatch(/^The first 1 MB of the file hold no line break/);
    expect(ms).toBeLessThan(2000);
    expect((await refusal(() => sniffText(newlineFreeText(2 * 1024 * 1024)))).error.code).toBe('LINE_TOO_LONG');
  });

  it('tells an open quote in the first row from a missing line break', async () => {
    const file = fx.write('open-quote.csv', `email,"note\n${'text\n'.repeat(300_000)}`);
    const { error } = await refusal(() => sniffFile(file));
    expect(error.code).toBe('QUOTES');
    expect(error.message).toMatch(/a quote opened on line 1 is never closed/);
  });

  it('answers NO_DATA (not "empty") for a file that starts with more than 64 KB of empty lines', async () => {
    const file = fx.write('blank-start.csv', `${'\n'.repeat(100_000)}email\nann@x.io\n`);
    const { error } = await refusal(() => sniffFile(file));
    expect(error).toMatchObject({ code: 'NO_DATA', status: 400 });
    expect(error.message).toMatch(/^The first 64 KB of the file hold only empty lines/);
  });

  it('keeps the estimate a finite integer for any sample', async () => {
    for (const text of ['a,b\n' + 'x,y\n'.repeat(40_000), 'email\n' + '"a\nb"\n'.repeat(20_000), `h1,h2\n${'v'.repeat(70_000)},1\n`]) {
      const detected = await sniffFile(fx.write('estimate.csv', text));
      expect(Number.isInteger(detected.rowEstimate)).toBe(true);
      expect(detected.rowEstimate).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('over-long lines in the parser', () => {
  it('reports a long line without any quote as too long (line number and limit), not as an open quote', () => {
    const parser = new CsvChunkParser({ delimiter: ',', maxRowChars: 1000 });
    expect(parser.push('a,b\n1,2\n')).toHaveLength(2);
    let error: unknown;
    try {
      for (let i = 0; i < 100; i++) parser.push('x'.repeat(100));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ code: 'LINE_TOO_LONG', status: 400, details: { line: 3, maxRowChars: 1000 } });
    expect((error as Error).message).toMatch(/^Line 3 is longer than 1000 characters without a line break/);
  });

  it('reports a 20 MB line of a real file as too long at the default 16 MB limit', async () => {
    const file = fx.write('long-line.csv', `email,name\nann@x.io,Ann\n${'y'.repeat(20 * 1024 * 1024)}\nbob@x.io,Bob\n`);
    const { error } = await refusal(() => collect(readRows(file, { format: 'csv', encoding: 'utf-8', delimiter: ',', hasHeader: true })));
    expect(error).toMatchObject({ code: 'LINE_TOO_LONG', details: { line: 3 } });
    expect(error.message).toMatch(/^Line 3 is longer than 16 MB without a line break/);
  });

  it('still reports an open quote spanning lines as an open quote', () => {
    const parser = new CsvChunkParser({ delimiter: ',', maxRowChars: 1000 });
    parser.push('a,b\n1,"open\n');
    expect(() => {
      for (let i = 0; i < 100; i++) parser.push('x,y\n'.repeat(10));
    }).toThrow(expect.objectContaining({ code: 'QUOTES', details: expect.objectContaining({ line: 2, maxRowChars: 1000 }) }));
  });

  it('a long line whose only line breaks are inside closed quotes is a long line', () => {
    const parser = new CsvChunkParser({ delimiter: ',', maxRowChars: 1000 });
    expect(() => {
      for (let i = 0; i < 1000; i++) parser.push('"a\nb",');
    }).toThrow(expect.objectContaining({ code: 'LINE_TOO_LONG' }));
  });
});

describe('CSV preview rows', () => {
  it('does not read millions of empty lines to the end to find 20 rows: NO_DATA naming how far it looked', async () => {
    const file = fx.write('empty-lines.csv', emptyLinesCsv(5_000_000));
    const { error, ms } = await refusal(() => readPreviewRows(csvSpec(file), { limit: 20 }));
    expect(error).toMatchObject({ code: 'NO_DATA', status: 400 });
    // The contact after the empty lines was not reached: the scan stopped at the bound.
    expect(error.message).toMatch(/^The first 1\d\d,\d{3} lines \(\d+ KB\) of the file hold no data/);
    expect(ms).toBeLessThan(5000);
  });

  it('returns the rows found before the bound, saying so', async () => {
    const file = fx.write('rows-then-empty.csv', `email,name\na@x.io,A\nb@x.io,B\n${'\n'.repeat(3_000_000)}c@x.io,C\n`);
    const started = Date.now();
    const preview = await readPreviewRows(csvSpec(file), { limit: 20 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(preview.rows).toEqual([
      { line: 2, cells: ['a@x.io', 'A'] },
      { line: 3, cells: ['b@x.io', 'B'] },
    ]);
    expect(preview.truncated).toMatch(/^Only the first .* lines .* were looked at for the preview \(2 rows of data\)/);
  });

  it('gives exactly the first rows of a normal file, as readRows does', async () => {
    const { text } = trickyCsv(500, 9);
    const file = fx.write('tricky.csv', text);
    const rows = await collect(readRows(file, { format: 'csv', encoding: 'utf-8', delimiter: ',', hasHeader: true }));
    expect(await readPreviewRows(csvSpec(file), { limit: 20 })).toEqual({ rows: rows.slice(0, 20) });
    const small = fx.write('small.csv', 'email\na@x.io\n');
    expect(await readPreviewRows(csvSpec(small), { limit: 20 })).toEqual({ rows: [{ line: 2, cells: ['a@x.io'] }] });
  });
});
