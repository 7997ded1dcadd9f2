import type { WriteStream } from 'fs';
import type { Writable } from 'stream';
import type { ExportColumn } from './columns';
import { xlsxNumFmt, xlsxText } from './cells';
import type { ExportSink } from './sink';

/** Rows of one sheet, header included (Excel's limit); a bigger export continues on "Contacts 2". */
export const XLSX_SHEET_ROWS = 1_048_576;

/** Sheet XML that may wait for deflate (a page of 2,000 rows is ~1 MB): reading and zipping overlap, memory stays flat. */
const XML_BACKLOG = 2 * 1024 * 1024;

/**
 * The zip's entry stream of a sheet. exceljs pushes the sheet's XML into it
 * without looking at write()'s answer, so when deflate is slower than the
 * rows come, the XML piles up there (measured: +400 MB at 1M rows); its
 * buffered length is the backpressure the page loop waits on. It is the
 * PassThrough archiver puts in front of exceljs's own stream, from
 * readable-stream 2 (no writableLength: its state holds the length); null if
 * that ever changes, and the loop then waits on the file alone.
 */
export const zipEntryOf = (sheet: any): { pending: () => number; stream: Writable } | null => {
  const target = sheet?._stream?.pipes?.[0];
  const state = target?._writableState;
  if (!state || typeof state.length !== 'number' || typeof target.once !== 'function') return null;
  return { pending: () => state.length, stream: target };
};

/** exceljs costs ~1 s to load: only XLSX exports pay it. */
const loadWriter = () => require('exceljs/lib/stream/xlsx/workbook-writer');

const widthOf = (c: ExportColumn) => (c.type === 'datetime' ? 20 : c.type === 'date' ? 12 : c.option !== undefined ? 6 : Math.min(40, Math.max(10, c.header.length + 2)));

/**
 * An XLSX export through exceljs's streaming writer: rows are committed as
 * they come (no shared-strings table, which would keep every text in
 * memory), cells typed (dates with a date format, numbers, booleans), text
 * guarded like in CSV, and never a formula. A zip cannot be appended to, so
 * a run that did not finish is started over by the next one.
 */
export const openXlsxFile = async (spec: { part: string; columns: ExportColumn[]; sheetRows?: number }): Promise<ExportSink> => {
  const WorkbookWriter = loadWriter();
  const workbook = new WorkbookWriter({ filename: spec.part, useStyles: true, useSharedStrings: false });
  const file = workbook.stream as WriteStream;
  const perSheet = (spec.sheetRows ?? XLSX_SHEET_ROWS) - 1;
  /** One style object per column (date formats), shared by its cells. */
  const styles = spec.columns.map((c): { numFmt?: string } => {
    const numFmt = xlsxNumFmt(c);
    return numFmt ? { numFmt } : {};
  });
  let sheet: any = null;
  let sheets = 0;
  let rowsInSheet = 0;

  const newSheet = () => {
    sheets += 1;
    sheet = workbook.addWorksheet(sheets === 1 ? 'Contacts' : `Contacts ${sheets}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.columns.map((c, i) => ({ header: xlsxText(c.header, { truncated: 0, unlisted: 0 }), width: widthOf(c), ...(styles[i].numFmt ? { style: styles[i] } : {}) }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    rowsInSheet = 0;
  };
  newSheet();

  /** The zip's deflate and the disk catch up with what was committed before the next page is made (flat memory). */
  const drained = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    const entry = zipEntryOf(sheet);
    if (entry && entry.pending() > XML_BACKLOG) await new Promise((resolve) => entry.stream.once('drain', resolve));
    if (file.writableNeedDrain) await new Promise((resolve) => file.once('drain', resolve));
  };

  return {
    resumed: false,
    bytes: () => file.bytesWritten,
    async write(records) {
      for (const values of records) {
        if (rowsInSheet >= perSheet) {
          sheet.commit();
          newSheet();
        }
        const row = sheet.addRow(values);
        // Each cell gets its own copy of the column's style; handing it the column's one object lets
        // exceljs find the style id in its cache instead of deriving it per cell (XLSX twice as fast).
        for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i];
        row.commit();
        rowsInSheet += 1;
      }
      await drained();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
    async abandon() {
      try {
        workbook.zip.abort();
      } catch {
        // already ended
      }
      file.destroy();
    },
  };
};
