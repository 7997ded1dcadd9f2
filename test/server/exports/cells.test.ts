import fs from 'fs';
import os from 'os';
import path from 'path';
import { csvRecordOf, xlsxValuesOf, type CellNotes } from '../../../server/src/export/cells';
import type { ExportColumn } from '../../../server/src/export/columns';
import { neutralizeText, restoreCell } from '../../../server/src/export/neutralize';
import { zipEntryOf } from '../../../server/src/export/xlsx-file';

/**
 * The export's hot path without a database: the injection guard's fast
 * path, the per-column cells (a date column reuses the text of a repeated
 * instant, never a stale one), and the zip backpressure the XLSX writer
 * relies on (exceljs and archiver internals, checked on the real libraries).
 */
const ctx = { columnOf: (key: string) => key, activeSince: new Date('2024-01-01T00:00:00Z') };
const notes = (): CellNotes => ({ truncated: 0, unlisted: 0 });

describe('the injection guard', () => {
  it('quotes every OWASP trigger, quotes once more before leading quotes, and leaves the rest', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r', '\n']) {
      expect(neutralizeText(`${c}1`)).toBe(`'${c}1`);
      expect(neutralizeText(`''${c}1`)).toBe(`'''${c}1`);
      expect(restoreCell(neutralizeText(`'${c}1`))).toBe(`'${c}1`);
    }
    for (const text of ['', 'plain', "'quoted", "it's", ' =1', '1-2', '#=']) expect(neutralizeText(text)).toBe(text);
  });
});

describe('cells', () => {
  const columns: ExportColumn[] = [
    { key: 'email', header: 'E-mail', source: 'column', type: 'email' },
    { key: 'createdAt', header: 'Added on', source: 'column', type: 'datetime' },
    { key: 'score', header: 'Score', source: 'attribute', type: 'integer' },
  ];
  const rows = [1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_001, null, 1_700_000_000_000].map((at, i) => ({
    email: i === 0 ? '=a@example.com' : `p${i}@example.com`,
    createdAt: at,
    attributes: JSON.stringify({ score: i - 1 }),
  }));

  it('CSV: a repeated instant is formatted once, a new one afresh; numbers stay numbers, text is guarded, empty is null', () => {
    const toRecord = csvRecordOf(columns, ctx, notes());
    expect(rows.map(toRecord)).toEqual([
      ["'=a@example.com", '2023-11-14T22:13:20.000Z', '-1'],
      ['p1@example.com', '2023-11-14T22:13:20.000Z', '0'],
      ['p2@example.com', '2023-11-14T22:13:20.001Z', '1'],
      ['p3@example.com', '2023-11-14T22:13:20.001Z', '2'],
      ['p4@example.com', null, '3'],
      ['p5@example.com', '2023-11-14T22:13:20.000Z', '4'],
    ]);
  });

  it('XLSX: the same instants as dates, the numbers as numbers', () => {
    const values = rows.map(xlsxValuesOf(columns, ctx, notes()));
    expect(values.map((v) => (v[1] instanceof Date ? (v[1] as Date).toISOString() : v[1]))).toEqual([
      '2023-11-14T22:13:20.000Z',
      '2023-11-14T22:13:20.000Z',
      '2023-11-14T22:13:20.001Z',
      '2023-11-14T22:13:20.001Z',
      null,
      '2023-11-14T22:13:20.000Z',
    ]);
    expect(values.map((v) => v[2])).toEqual([-1, 0, 1, 2, 3, 4]);
  });
});

describe('XLSX backpressure', () => {
  it('finds the sheet XML waiting for deflate in the zip entry stream, which drains', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-xlsx-bp-'));
    try {
      const WorkbookWriter = require('exceljs/lib/stream/xlsx/workbook-writer');
      const workbook = new WorkbookWriter({ filename: path.join(dir, 'x.xlsx'), useStyles: true, useSharedStrings: false });
      const sheet = workbook.addWorksheet('Contacts');
      // Rows committed without yielding: deflate cannot run, so the XML waits in the entry stream.
      for (let i = 0; i < 20_000; i++) sheet.addRow([`contact.${i}@example.com`, 'Anne', 'Dubois', i]).commit();
      const entry = zipEntryOf(sheet);
      expect(entry).not.toBeNull();
      expect(entry!.pending()).toBeGreaterThan(1024 * 1024);
      await new Promise((resolve) => entry!.stream.once('drain', resolve));
      expect(entry!.pending()).toBe(0);
      sheet.commit();
      await workbook.commit();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
