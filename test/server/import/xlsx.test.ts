import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { readRows } from '../../../server/src/import/parse';
import { sniffFile } from '../../../server/src/import/sniff';
import { SourceError } from '../../../server/src/import/source-error';
import { cellValueToText, formatDate, formatNumber, readXlsxRows } from '../../../server/src/import/xlsx';
import { collect, fixtureDir, type FixtureDir } from '../../fixtures/generate';

let fx: FixtureDir;
let workbookPath: string;
let bigPath: string;
const BIG_ROWS = 6000;
const bigText = (i: number) => `Zoé 🎉 ąčęłńóśźż 漢字 ${i}`;

beforeAll(async () => {
  fx = fixtureDir('contacts-xlsx-');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Contacts');
  ws.addRow(['Email', 'Prénom', 'Inscrit le', 'Dernière visite', 'Mobile', 'Score', 'Abonné', 'Site', 'Commentaire', 'Double', 'Heure', 'Petit', 'Lendemain']);
  const row = ws.addRow([
    'ann@x.io',
    'Zoé 🎉',
    new Date(Date.UTC(2024, 0, 15)),
    new Date(Date.UTC(2024, 2, 5, 14, 30, 0)),
    33612345678,
    0.1 + 0.2,
    true,
    { text: 'Site web', hyperlink: 'https://x.io' },
    { richText: [{ text: 'Très ' }, { font: { bold: true }, text: 'bien' }] },
    { formula: 'F2*2', result: 0.6000000000000001 },
    new Date(Date.UTC(1899, 11, 30, 8, 15, 0)),
    0.0000001,
    { formula: 'C2+1', result: 45307 },
  ]);
  row.getCell(4).numFmt = 'dd/mm/yyyy hh:mm';
  row.getCell(11).numFmt = 'hh:mm';
  row.getCell(13).numFmt = 'yyyy-mm-dd';
  ws.addRow([]);
  ws.addRow(['bob@x.io', 'Bob', null, null, '+33 6 12 34 56 78', -12.5, false]);

  const other = wb.addWorksheet('Autre feuille');
  other.addRow(['Courriel', 'Nom']);
  other.addRow(['carl@x.io', 'Carl']);

  workbookPath = path.join(fx.dir, 'contacts.xlsx');
  await wb.xlsx.writeFile(workbookPath);

  // The big one with the streaming writer: exceljs's in-memory writer (JSZip) itself splits
  // emoji at 16 KB borders of sharedStrings.xml, which would make the fixture wrong, not the reader.
  bigPath = path.join(fx.dir, 'big.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: bigPath, useSharedStrings: true });
  const first = writer.addWorksheet('Intro');
  first.addRow(['Read me']).commit();
  first.commit();
  const big = writer.addWorksheet('Big');
  big.addRow(['email', 'note']).commit();
  for (let i = 0; i < BIG_ROWS; i++) big.addRow([`user${i}@x.io`, bigText(i)]).commit();
  big.commit();
  await writer.commit();
});
afterAll(() => fx.cleanup());

describe('sniffFile on XLSX', () => {
  it('lists the sheets, picks the first, and converts cells to text', async () => {
    const detected = await sniffFile(workbookPath);
    expect(detected).toMatchObject({
      format: 'xlsx',
      sheets: ['Contacts', 'Autre feuille'],
      sheet: 'Contacts',
      hasHeader: true,
      rowEstimate: 2,
    });
    expect(detected.columns).toEqual(['Email', 'Prénom', 'Inscrit le', 'Dernière visite', 'Mobile', 'Score', 'Abonné', 'Site', 'Commentaire', 'Double', 'Heure', 'Petit', 'Lendemain']);
    expect(detected.sample[0]).toEqual([
      'ann@x.io',
      'Zoé 🎉',
      '2024-01-15',
      '2024-03-05T14:30:00',
      '33612345678',
      '0.3',
      'true',
      'Site web',
      'Très bien',
      '0.6',
      '08:15:00',
      '0.0000001',
      '2024-01-16',
    ]);
    expect(detected.sample[1]).toEqual(['bob@x.io', 'Bob', '', '', '+33 6 12 34 56 78', '-12.5', 'false', '', '', '', '', '', '']);
  });

  it('reads another sheet by name, and names the sheets when it does not exist', async () => {
    const other = await sniffFile(workbookPath, { sheet: 'Autre feuille' });
    expect(other).toMatchObject({ sheet: 'Autre feuille', columns: ['Courriel', 'Nom'], sample: [['carl@x.io', 'Carl']], hasHeader: true });
    await expect(sniffFile(workbookPath, { sheet: 'Nope' })).rejects.toThrow(SourceError);
    await expect(sniffFile(workbookPath, { sheet: 'Nope' })).rejects.toThrow('The workbook has no sheet named "Nope". Sheets: Contacts, Autre feuille');
  });

  it('estimates a large sheet without reading it all', async () => {
    const started = Date.now();
    const detected = await sniffFile(bigPath, { sheet: 'Big' });
    expect(Math.abs(detected.rowEstimate - BIG_ROWS) / BIG_ROWS).toBeLessThan(0.05);
    expect(detected.sample).toHaveLength(10);
    expect(detected.sample[9]).toEqual(['user9@x.io', bigText(9)]);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('recognizes a workbook by its content when the upload has no extension', async () => {
    const tmp = path.join(fx.dir, 'upload_1a2b3c');
    fs.copyFileSync(workbookPath, tmp);
    expect((await sniffFile(tmp)).format).toBe('xlsx');
  });

  it('reads the first visible sheet by default and a header-less sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('Lists', { state: 'hidden' });
    hidden.addRow(['a', 'b']);
    const data = wb.addWorksheet('Data');
    data.addRow(['ann@x.io', 'Ann']);
    data.addRow(['bob@x.io', 'Bob']);
    const file = path.join(fx.dir, 'hidden-first.xlsx');
    await wb.xlsx.writeFile(file);
    const detected = await sniffFile(file);
    expect(detected).toMatchObject({ sheet: 'Data', hasHeader: false, columns: ['Column 1', 'Column 2'], rowEstimate: 2 });
    const rows = await collect(readRows(file, detected));
    expect(rows).toEqual([
      { line: 1, cells: ['ann@x.io', 'Ann'] },
      { line: 2, cells: ['bob@x.io', 'Bob'] },
    ]);
  });
});

describe('readRows on XLSX', () => {
  it('yields data rows with their sheet row numbers, empty rows skipped, skipRows honoured', async () => {
    const detected = await sniffFile(workbookPath);
    const rows = await collect(readRows(workbookPath, detected));
    expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'ann@x.io'],
      [4, 'bob@x.io'],
    ]);
    const resumed = await collect(readRows(workbookPath, detected, { skipRows: 1 }));
    expect(resumed.map((r) => r.line)).toEqual([4]);
  });

  it('keeps multi-byte characters intact over thousands of rows (shared strings and sheet split into many chunks)', async () => {
    const rows = await collect(readXlsxRows(bigPath, { sheet: 'Big', hasHeader: true }));
    expect(rows).toHaveLength(BIG_ROWS);
    const broken = rows.filter((r, i) => r.cells[1] !== bigText(i) || r.cells[0] !== `user${i}@x.io`);
    expect(broken).toEqual([]);
  });

  it('reads a workbook written by the streaming writer (inline strings, no shared strings)', async () => {
    const file = path.join(fx.dir, 'streamed.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: true });
    const ws = writer.addWorksheet('Export');
    ws.addRow(['E-mail', 'Né le', 'Points']).commit();
    for (let i = 0; i < 300; i++) ws.addRow([`p${i}@x.io`, new Date(Date.UTC(1990, 0, 1 + i)), i * 1000000]).commit();
    ws.commit();
    await writer.commit();
    const detected = await sniffFile(file);
    expect(detected).toMatchObject({ format: 'xlsx', sheet: 'Export', columns: ['E-mail', 'Né le', 'Points'], hasHeader: true });
    expect(Math.abs(detected.rowEstimate - 300)).toBeLessThanOrEqual(15);
    const rows = await collect(readRows(file, detected));
    expect(rows).toHaveLength(300);
    expect(rows[299]).toEqual({ line: 301, cells: ['p299@x.io', '1990-10-27', '299000000'] });
  });

  it('refuses a damaged workbook with an actionable message', async () => {
    const bytes = fs.readFileSync(workbookPath);
    const file = fx.write('truncated.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(sniffFile(file)).rejects.toThrow(/damaged/);
  });
});

describe('cell values as text', () => {
  it('numbers: plain, no exponent, no float noise', () => {
    expect(formatNumber(33612345678)).toBe('33612345678');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(1.5e-7)).toBe('0.00000015');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatNumber(Number.NaN)).toBe('');
  });

  it('dates: date only, date and time, time only', () => {
    expect(formatDate(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(formatDate(new Date(Date.UTC(2024, 1, 29, 9, 5, 7)))).toBe('2024-02-29T09:05:07');
    expect(formatDate(new Date(Date.UTC(2024, 1, 29, 9, 5, 7)), 'dd/mm/yyyy')).toBe('2024-02-29');
    expect(formatDate(new Date(Date.UTC(2024, 1, 29, 9, 4, 59, 999)), 'dd/mm/yyyy hh:mm')).toBe('2024-02-29T09:05:00');
    expect(formatDate(new Date(Date.UTC(1899, 11, 30, 23, 59, 0)))).toBe('23:59:00');
  });

  it('other values', () => {
    expect(cellValueToText(null)).toBe('');
    expect(cellValueToText(true)).toBe('true');
    expect(cellValueToText({ error: '#N/A' })).toBe('#N/A');
    expect(cellValueToText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'mailto:a@b.c' })).toBe('ab');
    expect(cellValueToText({ formula: 'A1', result: { richText: [{ text: 'x' }] } } as any)).toBe('x');
    expect(cellValueToText({ sharedFormula: 'A1', result: 'ok' } as any)).toBe('ok');
    expect(cellValueToText(45306, 'dd/mm/yyyy')).toBe('2024-01-15');
  });
});
