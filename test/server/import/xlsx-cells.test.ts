import path from 'path';
import ExcelJS from 'exceljs';
import { readRows } from '../../../server/src/import/parse';
import { readPreviewRows } from '../../../server/src/import/preview';
import { sniffFile } from '../../../server/src/import/sniff';
import { SourceError } from '../../../server/src/import/source-error';
import { isSpreadsheetError } from '../../../server/src/import/xlsx';
import { decodeRef } from '../../../server/src/import/xlsx-sheet';
import { setWorkerScript } from '../../../server/src/import/worker';
import { collect, fixtureDir, type FixtureDir } from '../../fixtures/generate';
import { handWorkbook, inline, STYLE, type HandSheet } from '../../fixtures/workbooks';

let fx: FixtureDir;
beforeAll(() => {
  setWorkerScript(null);
  fx = fixtureDir('contacts-xlsx-cells-');
});
afterAll(() => {
  setWorkerScript(undefined);
  fx.cleanup();
});

const DAY = 86_400_000;
const serial1900 = (ms: number) => (ms - Date.UTC(1899, 11, 30)) / DAY;
const serial1904 = (ms: number) => (ms - Date.UTC(1904, 0, 1)) / DAY;

const xlsx = (name: string, options: Parameters<typeof handWorkbook>[0]) => fx.write(name, handWorkbook(options));
const one = (rows: string, extra: Partial<HandSheet> = {}) => ({ sheets: [{ name: 'Contacts', rows, ...extra }] });
const spec = (file: string, sheet?: string) => ({ path: file, format: 'xlsx' as const, encoding: 'utf-8', delimiter: ',', hasHeader: true, sheet });

/** Sniff, import run and preview of a workbook must agree on every cell: returns the data rows' cells. */
const readAll = async (file: string, sheet?: string) => {
  const detected = await sniffFile(file, { sheet, hasHeader: true });
  const rows = await collect(readRows(file, detected));
  const preview = await readPreviewRows(spec(file, detected.sheet), { limit: 50 });
  expect(preview.rows).toEqual(rows.slice(0, 50));
  expect(detected.sample).toEqual(rows.slice(0, 10).map((r) => [...r.cells, ...Array(Math.max(0, detected.columns.length - r.cells.length)).fill('')]));
  return { detected, cells: rows.map((r) => r.cells) };
};

const HEADER = `<row r="1">${inline('A1', 'email')}${inline('B1', 'value')}</row>`;

describe('XLSX cells as the person sees them', () => {
  it('dates stored as text stay their text, whatever the cell format', async () => {
    const file = xlsx('text-dates.xlsx', {
      ...one(
        HEADER +
          `<row r="2">${inline('A2', 'a@x.io')}<c r="B2" s="${STYLE.date}" t="s"><v>0</v></c></row>` +
          `<row r="3">${inline('A3', 'b@x.io')}<c r="B3" s="${STYLE.dateTime}" t="inlineStr"><is><t>2024-01-15</t></is></c></row>` +
          `<row r="4">${inline('A4', 'c@x.io')}<c r="B4" t="str"><f>TEXT(C4,"dd/mm/yyyy")</f><v>05/03/2024</v></c></row>`,
      ),
      sharedStrings: ['15/01/2024'],
    });
    expect((await readAll(file)).cells).toEqual([
      ['a@x.io', '15/01/2024'],
      ['b@x.io', '2024-01-15'],
      ['c@x.io', '05/03/2024'],
    ]);
  });

  it('inline strings: plain, rich-text runs joined, phonetic runs left out, entities and _x000D_ decoded once', async () => {
    const file = xlsx('inline.xlsx', {
      ...one(
        HEADER +
          `<row r="2">${inline('A2', 'a@x.io')}${inline('B2', 'Zoé 🎉')}</row>` +
          `<row r="3">${inline('A3', 'b@x.io')}<c r="B3" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Très </t></r><r><t>bien</t></r></is></c></row>` +
          `<row r="4">${inline('A4', 'c@x.io')}<c r="B4" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c></row>` +
          `<row r="5">${inline('A5', 'd@x.io')}<c r="B5" t="inlineStr"><is><t>&amp;lt;b&amp;gt; &lt;i&gt; R&amp;D</t></is></c></row>` +
          `<row r="6">${inline('A6', 'e@x.io')}<c r="B6" t="inlineStr"><is><t>one_x000D_\ntwo _x005F_x000D_</t></is></c></row>`,
      ),
    });
    expect((await readAll(file)).cells).toEqual([
      ['a@x.io', 'Zoé 🎉'],
      ['b@x.io', 'Très bien'],
      ['c@x.io', '東京'],
      ['d@x.io', '&lt;b&gt; <i> R&D'],
      ['e@x.io', 'one\r\ntwo _x000D_'],
    ]);
  });

  it('shared formulas show their cached value on every cell; an uncalculated formula is empty', async () => {
    const rows =
      `<row r="1">${inline('A1', 'email')}${inline('B1', 'n')}${inline('C1', 'double')}${inline('D1', 'label')}</row>` +
      `<row r="2">${inline('A2', 'a@x.io')}<c r="B2"><v>1</v></c><c r="C2"><f t="shared" ref="C2:C4" si="0">B2*2</f><v>2</v></c><c r="D2" t="str"><f t="shared" ref="D2:D4" si="1">"n="&amp;B2</f><v>n=1</v></c></row>` +
      `<row r="3">${inline('A3', 'b@x.io')}<c r="B3"><v>2.5</v></c><c r="C3"><f t="shared" si="0"/><v>5</v></c><c r="D3" t="str"><f t="shared" si="1"/><v>n=2.5</v></c></row>` +
      `<row r="4">${inline('A4', 'c@x.io')}<c r="B4"><v>3</v></c><c r="C4"><f t="shared" si="0"/></c><c r="D4" t="str"><f t="shared" si="1"/><v>n=3</v></c></row>`;
    expect((await readAll(xlsx('shared-formulas.xlsx', one(rows)))).cells).toEqual([
      ['a@x.io', '1', '2', 'n=1'],
      ['b@x.io', '2.5', '5', 'n=2.5'],
      ['c@x.io', '3', '', 'n=3'],
    ]);
  });

  it('booleans read true/false (what the boolean readers accept), values and formulas alike', async () => {
    const rows =
      HEADER +
      `<row r="2">${inline('A2', 'a@x.io')}<c r="B2" t="b"><v>1</v></c></row>` +
      `<row r="3">${inline('A3', 'b@x.io')}<c r="B3" t="b"><v>0</v></c></row>` +
      `<row r="4">${inline('A4', 'c@x.io')}<c r="B4" t="b"><f>1&gt;0</f><v>1</v></c></row>`;
    expect((await readAll(xlsx('booleans.xlsx', one(rows)))).cells).toEqual([
      ['a@x.io', 'true'],
      ['b@x.io', 'false'],
      ['c@x.io', 'true'],
    ]);
  });

  it('error cells give their error code (never a value, never empty), formulas included', async () => {
    const rows =
      HEADER +
      `<row r="2">${inline('A2', 'a@x.io')}<c r="B2" t="e"><v>#N/A</v></c></row>` +
      `<row r="3">${inline('A3', 'b@x.io')}<c r="B3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
      `<row r="4">${inline('A4', 'c@x.io')}<c r="B4" t="e"><f>VLOOKUP(A4,X:Y,2,0)</f><v>#REF!</v></c></row>`;
    const { cells } = await readAll(xlsx('errors.xlsx', one(rows)));
    expect(cells).toEqual([
      ['a@x.io', '#N/A'],
      ['b@x.io', '#DIV/0!'],
      ['c@x.io', '#REF!'],
    ]);
    expect(cells.every((c) => isSpreadsheetError(c[1]))).toBe(true);
    expect(['N/A', '#hashtag', '#DIV', '', 'Total #1'].some(isSpreadsheetError)).toBe(false);
  });

  it('numbers stored or formatted as text keep what the cell shows; a zero-padded format keeps its zeros', async () => {
    const rows =
      `<row r="1">${inline('A1', 'email')}${inline('B1', 'zip')}${inline('C1', 'mobile')}${inline('D1', 'code')}${inline('E1', 'n')}</row>` +
      `<row r="2">${inline('A2', 'a@x.io')}<c r="B2" t="s"><v>0</v></c><c r="C2" s="${STYLE.text}" t="s"><v>1</v></c><c r="D2" s="${STYLE.text}"><v>612345678</v></c><c r="E2"><v>1.5E-7</v></c></row>` +
      `<row r="3">${inline('A3', 'b@x.io')}<c r="B3" s="${STYLE.zip}"><v>1234</v></c>${inline('C3', '+33 6 12 34 56 78')}<c r="D3"><v>33612345678</v></c><c r="E3"><v>0.30000000000000004</v></c></row>`;
    expect((await readAll(xlsx('numbers-as-text.xlsx', { ...one(rows), sharedStrings: ['01234', '0612345678'] }))).cells).toEqual([
      ['a@x.io', '01234', '0612345678', '612345678', '0.00000015'],
      ['b@x.io', '01234', '+33 6 12 34 56 78', '33612345678', '0.3'],
    ]);
  });

  it('dates: with a time (the wall-clock time the cell shows, no zone), date only, time only, t="d" cells', async () => {
    const at = Date.UTC(2024, 2, 5, 14, 30);
    const rows =
      HEADER +
      `<row r="2">${inline('A2', 'a@x.io')}<c r="B2" s="${STYLE.dateTime}"><v>${serial1900(at)}</v></c></row>` +
      `<row r="3">${inline('A3', 'b@x.io')}<c r="B3" s="${STYLE.date}"><v>${serial1900(at)}</v></c></row>` +
      `<row r="4">${inline('A4', 'c@x.io')}<c r="B4" s="${STYLE.time}"><v>0.34375</v></c></row>` +
      `<row r="5">${inline('A5', 'd@x.io')}<c r="B5" t="d"><v>2024-01-15T00:00:00</v></c></row>` +
      `<row r="6">${inline('A6', 'e@x.io')}<c r="B6" s="${STYLE.dateTime}"><f>B2+1</f><v>${serial1900(at) + 1}</v></c></row>`;
    expect((await readAll(xlsx('dates.xlsx', one(rows)))).cells).toEqual([
      ['a@x.io', '2024-03-05T14:30:00'],
      ['b@x.io', '2024-03-05'],
      ['c@x.io', '08:15:00'],
      ['d@x.io', '2024-01-15'],
      ['e@x.io', '2024-03-06T14:30:00'],
    ]);
  });

  it('the 1904 date system (date1904="1" as Excel writes it, "true" as others do)', async () => {
    const born = Date.UTC(1990, 4, 17);
    const at = Date.UTC(2024, 2, 5, 9, 15);
    const rows =
      HEADER +
      `<row r="2">${inline('A2', 'a@x.io')}<c r="B2" s="${STYLE.date}"><v>${serial1904(born)}</v></c></row>` +
      `<row r="3">${inline('A3', 'b@x.io')}<c r="B3" s="${STYLE.dateTime}"><v>${serial1904(at)}</v></c></row>`;
    for (const date1904 of ['1', 'true'] as const) {
      expect((await readAll(xlsx(`date1904-${date1904}.xlsx`, { ...one(rows), date1904 }))).cells).toEqual([
        ['a@x.io', '1990-05-17'],
        ['b@x.io', '2024-03-05T09:15:00'],
      ]);
    }
    // The same serial numbers in a 1900 workbook are 4 years and a day earlier.
    expect((await readAll(xlsx('date1900.xlsx', one(rows)))).cells[0]).toEqual(['a@x.io', '1986-05-16']);
    // Written by exceljs with the workbook property set.
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Contacts');
    ws.addRow(['email', 'born']);
    ws.addRow(['c@x.io', new Date(born)]).getCell(2).numFmt = 'yyyy-mm-dd';
    const written = path.join(fx.dir, 'exceljs-1904.xlsx');
    await wb.xlsx.writeFile(written);
    expect((await readAll(written)).cells).toEqual([['c@x.io', '1990-05-17']]);
  });
});

describe('merged header cells', () => {
  it('a title merged across B1:C1 names both columns ("Address", "Address (2)"), the data stays where it is', async () => {
    const rows =
      `<row r="1">${inline('A1', 'Email')}${inline('B1', 'Address')}<c r="C1"/>${inline('D1', 'City')}</row>` +
      `<row r="2">${inline('A2', 'a@x.io')}${inline('B2', '1 rue Haute')}${inline('C2', 'Bât. B')}${inline('D2', 'Paris')}</row>` +
      `<row r="3">${inline('A3', 'b@x.io')}${inline('B3', '2 rue Basse')}<c r="D3" t="inlineStr"><is><t>Lyon</t></is></c></row>`;
    const file = xlsx('merged.xlsx', one(rows, { after: '<mergeCells count="2"><mergeCell ref="B1:C1"/><mergeCell ref="A3:A3"/></mergeCells>' }));
    const { detected, cells } = await readAll(file);
    expect(detected.columns).toEqual(['Email', 'Address', 'Address (2)', 'City']);
    expect(cells).toEqual([
      ['a@x.io', '1 rue Haute', 'Bât. B', 'Paris'],
      ['b@x.io', '2 rue Basse', '', 'Lyon'],
    ]);
  });

  it('merged across three columns, as exceljs writes it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contacts');
    ws.addRow(['E-mail', 'Phones', null, null, 'Note']);
    ws.addRow(['a@x.io', '0611111111', '0622222222', '0633333333', 'vip']);
    ws.mergeCells('B1:D1');
    const file = path.join(fx.dir, 'merged-exceljs.xlsx');
    await wb.xlsx.writeFile(file);
    const detected = await sniffFile(file);
    expect(detected.columns).toEqual(['E-mail', 'Phones', 'Phones (2)', 'Phones (3)', 'Note']);
    expect(detected.sample).toEqual([['a@x.io', '0611111111', '0622222222', '0633333333', 'vip']]);
  });

  it('an empty title without a merge is still "Column N"', async () => {
    const rows =
      `<row r="1">${inline('A1', 'email')}<c r="B1"/>${inline('C1', 'name')}</row>` + `<row r="2">${inline('A2', 'a@x.io')}${inline('B2', 'x')}${inline('C2', 'Ann')}</row>`;
    expect((await sniffFile(xlsx('gap.xlsx', one(rows)), { hasHeader: true })).columns).toEqual(['email', 'Column 2', 'name']);
  });
});

describe('choosing the sheet', () => {
  const data = (email: string) => `<row r="1">${inline('A1', 'email')}</row><row r="2">${inline('A2', email)}</row>`;
  let file: string;
  beforeAll(() => {
    file = xlsx('sheets.xlsx', {
      sheets: [
        { name: 'Lists', state: 'hidden', rows: data('hidden@x.io') },
        { name: 'Mes contacts', rows: data('first@x.io') },
        { name: "O'Brien & Co", rows: data('obrien@x.io') },
        { name: 'Éléments', rows: data('accents@x.io') },
      ],
    });
  });

  it('skips a hidden first sheet by default and lists every sheet', async () => {
    const detected = await sniffFile(file);
    expect(detected).toMatchObject({ sheet: 'Mes contacts', sheets: ['Lists', 'Mes contacts', "O'Brien & Co", 'Éléments'], sample: [['first@x.io']] });
  });

  it('finds a sheet by name ignoring case, Unicode form and formula quotes; a hidden one only by name', async () => {
    const cases: Array<[string, string, string]> = [
      ['mes CONTACTS', 'Mes contacts', 'first@x.io'],
      ["o'brien & co", "O'Brien & Co", 'obrien@x.io'],
      ["'O''Brien & Co'", "O'Brien & Co", 'obrien@x.io'],
      ['ÉLÉMENTS'.normalize('NFD'), 'Éléments', 'accents@x.io'],
      [' éléments ', 'Éléments', 'accents@x.io'],
      ['lists', 'Lists', 'hidden@x.io'],
    ];
    for (const [asked, sheet, email] of cases) {
      const detected = await sniffFile(file, { sheet: asked });
      expect(detected).toMatchObject({ sheet, sample: [[email]] });
      expect((await collect(readRows(file, { ...detected, sheet: asked }))).map((r) => r.cells)).toEqual([[email]]);
    }
    await expect(sniffFile(file, { sheet: 'Contacts 2' })).rejects.toThrow(SourceError);
    await expect(sniffFile(file, { sheet: 'Contacts 2' })).rejects.toThrow(`The workbook has no sheet named "Contacts 2". Sheets: Lists, Mes contacts, O'Brien & Co, Éléments`);
  });
});

describe('sheet XML oddities', () => {
  it('rows and cells without r= follow the previous ones; a formatted empty cell is no cell', async () => {
    const rows = `<row>${inline('A1', 'email')}<c t="inlineStr"><is><t>name</t></is></c><c s="3"/></row><row><c t="inlineStr"><is><t>a@x.io</t></is></c><c t="inlineStr"><is><t>Ann</t></is></c><c r="Z2" s="${STYLE.date}"/></row>`;
    const detected = await sniffFile(xlsx('no-refs.xlsx', one(rows)));
    expect(detected).toMatchObject({ columns: ['email', 'name'], sample: [['a@x.io', 'Ann']] });
  });

  it('cell references', () => {
    expect(decodeRef('A1')).toEqual({ col: 0, row: 1 });
    expect(decodeRef('$AB$12')).toEqual({ col: 27, row: 12 });
    expect(decodeRef('XFD1048576')).toEqual({ col: 16383, row: 1048576 });
    expect(decodeRef('A')).toBeNull();
    expect(decodeRef('1A')).toBeNull();
    expect(decodeRef('A1B')).toBeNull();
  });
});
