import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { Readable } from 'stream';
import ExcelJS from 'exceljs';
import { resolveLimits, SCAN_MAX_ROWS } from '../../../server/src/import/limits';
import { readRows } from '../../../server/src/import/parse';
import { readPreviewRows } from '../../../server/src/import/preview';
import type { SourceSpec } from '../../../server/src/import/rows';
import { readAllSharedStrings, readSomeSharedStrings } from '../../../server/src/import/shared-strings';
import { sniffFile } from '../../../server/src/import/sniff';
import { SourceError } from '../../../server/src/import/source-error';
import { setWorkerScript } from '../../../server/src/import/worker';
import { collect, fixtureDir, type FixtureDir } from '../../fixtures/generate';
import {
  emptyRowsWorkbook,
  entityWorkbook,
  sharedStringsXml,
  sheetRow,
  sheetXml,
  workbook,
  type EntityKind,
  type EntityPart,
} from '../../fixtures/hostile';

let fx: FixtureDir;
let server: http.Server;
let serverUrl: string;
const requests: string[] = [];

beforeAll(async () => {
  // In-process reads: the worker path has its own suite (probe.test.ts).
  setWorkerScript(null);
  fx = fixtureDir('contacts-xlsx-hostile-');
  server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('<!ENTITY leak "fetched">');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  setWorkerScript(undefined);
  fx.cleanup();
  await new Promise((resolve) => server.close(resolve));
});

const refusal = async (run: () => Promise<unknown>) => {
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return { error, ms: Date.now() - started };
  }
  throw new Error('expected a SourceError');
};

const spec = (file: string, hasHeader = true): SourceSpec => ({ path: file, format: 'xlsx', encoding: 'utf-8', delimiter: ',', hasHeader });

describe('XML entities and DOCTYPEs', () => {
  const kinds: EntityKind[] = ['laughs', 'system', 'public'];
  const parts: EntityPart[] = ['sheet', 'sharedStrings', 'workbook', 'styles'];
  for (const kind of kinds) {
    for (const part of parts) {
      it(`refuses ${kind} entities in the ${part} part as not a plain spreadsheet, fetching and expanding nothing`, async () => {
        const secret = fx.write(`secret-${kind}-${part}.txt`, 'TOP-SECRET-MARKER');
        const url = kind === 'system' ? `file://${secret}` : serverUrl;
        const file = fx.write(`entity-${kind}-${part}.xlsx`, entityWorkbook(kind, part, url));
        const sniffed = await refusal(() => sniffFile(file));
        expect(sniffed.error).toMatchObject({ code: 'XML_DTD', status: 400 });
        expect(sniffed.error.message).toMatch(/not a plain spreadsheet: its part xl\/.+ declares a DOCTYPE or XML entities, which spreadsheet programs never write/);
        expect(JSON.stringify(sniffed.error)).not.toMatch(/TOP-SECRET|fetched|lollol/);
        const read = await refusal(() => collect(readRows(file, { format: 'xlsx', encoding: 'utf-8', delimiter: ',', hasHeader: true })));
        expect(read.error.code).toBe('XML_DTD');
        // Bounded work, not a benchmark: this 2-core machine runs other suites at the same time.
        expect(sniffed.ms).toBeLessThan(5000);
        expect(requests).toEqual([]);
      });
    }
  }

  it('still reads a workbook with comments and processing instructions before the root element', async () => {
    const prolog = '<!-- written by hand --><?custom pi?>\n';
    const file = fx.write(
      'prolog.xlsx',
      workbook({ sheet: sheetXml(sheetRow(1, [{ s: 0 }]) + sheetRow(2, [{ s: 1 }]), prolog), sharedStrings: sharedStringsXml(['email', 'ann@x.io'], prolog) }),
    );
    expect(await sniffFile(file)).toMatchObject({ columns: ['email'], sample: [['ann@x.io']] });
  });
});

describe('damaged workbooks', () => {
  const cases: Array<[string, string]> = [
    ['a mismatched closing tag', sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></row></c>')],
    ['an undefined entity', sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&nope;</t></is></c></row>')],
    ['a column past XFD', sheetXml('<row r="1"><c r="ZZZZ1"><v>1</v></c></row>')],
    ['garbage', 'this is not XML at all <<<>>>'],
  ];
  for (const [label, sheet] of cases) {
    it(`answers a 400 "open and save it again" for ${label} in a sheet`, async () => {
      const file = fx.write(`damaged-${label.replace(/\W+/g, '-')}.xlsx`, workbook({ sheet }));
      const sniffed = await refusal(() => sniffFile(file));
      expect(sniffed.error).toMatchObject({ code: 'XLSX', status: 400 });
      expect(sniffed.error.message).toMatch(/open it in Excel and save it again/);
      const read = await refusal(() => collect(readRows(file, { format: 'xlsx', encoding: 'utf-8', delimiter: ',', hasHeader: false })));
      expect(read.error.code).toBe('XLSX');
    });
  }

  it('answers a 400 for damaged shared strings (sniff and import run)', async () => {
    const file = fx.write('damaged-sst.xlsx', workbook({ sheet: sheetXml(sheetRow(1, [{ s: 0 }])), sharedStrings: '<sst><si><t>email</t></si><si><t>x</sst>' }));
    expect((await refusal(() => collect(readRows(file, { format: 'xlsx', encoding: 'utf-8', delimiter: ',', hasHeader: false })))).error.code).toBe('XLSX');
  });
});

describe('sheets of empty rows', () => {
  let dataAfter: string;
  let dataFirst: string;
  beforeAll(() => {
    dataAfter = fx.write('empty-then-data.xlsx', emptyRowsWorkbook(1_500_000, { dataAfter: true }));
    dataFirst = fx.write('data-then-empty.xlsx', emptyRowsWorkbook(1_500_000, { dataRows: 6 }));
  });

  it('sniff: answers a 400 naming the bound when the first rows hold no data, in well under a second per 100k rows', async () => {
    const { error, ms } = await refusal(() => sniffFile(dataAfter));
    expect(error).toMatchObject({ code: 'NO_DATA', status: 400 });
    expect(error.message).toBe(
      `The first ${SCAN_MAX_ROWS.toLocaleString('en-US')} rows of sheet "Contacts" hold no data: delete the empty rows at the top in Excel (or choose another sheet) and upload it again.`,
    );
    expect(ms).toBeLessThan(3000);
  });

  it('sniff: uses the rows found before the bound, with a finite estimate', async () => {
    const started = Date.now();
    const detected = await sniffFile(dataFirst);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(detected.sample).toHaveLength(6);
    expect(detected.sample[5]).toEqual(['user5@x.io', 'User 5']);
    expect(Number.isInteger(detected.rowEstimate)).toBe(true);
    expect(detected.rowEstimate).toBe(6);
  });

  it('preview: the same bound, with what was found and a note saying how far it looked', async () => {
    const none = await refusal(() => readPreviewRows(spec(dataAfter), { limit: 20 }));
    expect(none.error.code).toBe('NO_DATA');
    expect(none.ms).toBeLessThan(3000);
    const started = Date.now();
    const some = await readPreviewRows(spec(dataFirst, false), { limit: 20 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(some.rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(some.truncated).toMatch(/^Only the first 100,000 rows of sheet "Contacts" were looked at for the preview \(6 rows of data\)/);
  });

  it('the import run itself reads past the bound to the end', async () => {
    const rows = await collect(readRows(dataAfter, { format: 'xlsx', encoding: 'utf-8', delimiter: ',', hasHeader: false }));
    expect(rows).toEqual([{ line: 1_500_001, cells: ['email', 'name'] }]);
  }, 60000);
});

describe('shared strings', () => {
  const streamOf = (xml: string, size = 7) => {
    const chunks: string[] = [];
    for (let i = 0; i < xml.length; i += size) chunks.push(xml.slice(i, i + size));
    return Readable.from(chunks);
  };
  const limits = resolveLimits();

  it('gives rich text as plain text and leaves phonetic runs out', async () => {
    const xml =
      '<sst><si><t>plain</t></si>' +
      '<si><r><rPr><b/></rPr><t>Très </t></r><r><t xml:space="preserve">bien </t></r><r><t>💚</t></r></si>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><t></t></si><si><t>a &amp; b</t></si></sst>';
    expect(await readAllSharedStrings(streamOf(xml), { limits })).toEqual(['plain', 'Très bien 💚', '漢字', null, 'a & b']);
  });

  it('keeps only the wanted strings and stops reading after the highest one', async () => {
    let pulled = 0;
    async function* chunks() {
      yield '<sst><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si>';
      pulled++;
      yield '<si><t>d</t></si><broken';
      throw new Error('read past the wanted strings');
    }
    expect(await readSomeSharedStrings(chunks(), new Set([0, 2]), { limits })).toEqual(new Map([[0, 'a'], [2, 'c']]));
    expect(pulled).toBe(0);
  });

  it('refuses more strings, or more text, than the limits allow (413)', async () => {
    const many = sharedStringsXml(Array.from({ length: 50 }, (_, i) => `s${i}`));
    const count = await refusal(() => readAllSharedStrings(streamOf(many, 100), { limits: resolveLimits({ maxXlsxSharedStrings: 10 }) }));
    expect(count.error).toMatchObject({ code: 'XLSX_STRINGS', status: 413 });
    expect(count.error.message).toMatch(/more than 10 distinct texts, the limit \(maxXlsxSharedStrings\)/);
    const size = await refusal(() => readAllSharedStrings(streamOf(many, 100), { limits: resolveLimits({ maxXlsxSharedStringsSize: 20 }) }));
    expect(size.error.message).toMatch(/the limit \(maxXlsxSharedStringsSize\)/);
    // One giant text node is refused while it streams, not once saxes has buffered all of it.
    async function* giant() {
      yield '<sst><si><t>';
      for (let i = 0; i < 1000; i++) yield 'x'.repeat(1000);
      throw new Error('should have stopped');
    }
    expect((await refusal(() => readAllSharedStrings(giant(), { limits: resolveLimits({ maxXlsxSharedStringsSize: 100_000 }) }))).error.code).toBe('XLSX_STRINGS');
  });

  it('reads a workbook with rich text and phonetic runs the same in a sniff and an import run', async () => {
    const file = fx.write(
      'rich.xlsx',
      workbook({
        sheet: sheetXml(sheetRow(1, [{ s: 0 }, { s: 1 }]) + sheetRow(2, [{ s: 2 }, { s: 3 }, { s: 4 }]) + sheetRow(3, [{ s: 5 }, { s: 3 }])),
        sharedStrings:
          '<sst><si><t>email</t></si><si><t>name</t></si><si><t>ann@x.io</t></si><si><r><t>Ann </t></r><r><rPr><i/></rPr><t>Lee</t></r></si>' +
          '<si><t></t></si><si><t>山田</t><rPh sb="0" eb="2"><t>やまだ</t></rPh></si></sst>',
      }),
    );
    const detected = await sniffFile(file);
    expect(detected).toMatchObject({ columns: ['email', 'name'], sample: [['ann@x.io', 'Ann Lee'], ['山田', 'Ann Lee']], hasHeader: true });
    const rows = await collect(readRows(file, detected));
    expect(rows).toEqual([
      { line: 2, cells: ['ann@x.io', 'Ann Lee'] },
      { line: 3, cells: ['山田', 'Ann Lee'] },
    ]);
    expect((await readPreviewRows(spec(file), { limit: 20 })).rows).toEqual(rows);
  });
});

describe('normal workbooks read as before', () => {
  let big: string;
  const BIG_ROWS = 6000;
  const text = (i: number) => `Zoé 🎉 ąčęłńóśźż 漢字 ${i}`;
  beforeAll(async () => {
    big = path.join(fx.dir, 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: big, useSharedStrings: true });
    const ws = writer.addWorksheet('Big');
    ws.addRow(['email', 'note', 'n']).commit();
    for (let i = 0; i < BIG_ROWS; i++) ws.addRow([`user${i}@x.io`, text(i), i]).commit();
    ws.commit();
    await writer.commit();
  });

  it('a 6,000-row workbook with emoji: sniff, preview and import run agree, character for character', async () => {
    const detected = await sniffFile(big);
    expect(detected).toMatchObject({ format: 'xlsx', sheet: 'Big', columns: ['email', 'note', 'n'], hasHeader: true });
    expect(detected.sample).toEqual(Array.from({ length: 10 }, (_, i) => [`user${i}@x.io`, text(i), String(i)]));
    const rows = await collect(readRows(big, detected));
    expect(rows).toHaveLength(BIG_ROWS);
    expect(rows.filter((r, i) => r.cells[1] !== text(i) || r.cells[2] !== String(i) || r.line !== i + 2)).toEqual([]);
    const preview = await readPreviewRows(spec(big), { limit: 20 });
    expect(preview).toEqual({ rows: rows.slice(0, 20) });
  });

  it('refuses a sheet wider than 1,000 columns with a 400 naming the limit', async () => {
    const cells = Array.from({ length: 1200 }, (_, i) => i);
    const file = fx.write('wide.xlsx', workbook({ sheet: sheetXml(sheetRow(1, cells)) }));
    const { error } = await refusal(() => sniffFile(file));
    expect(error).toMatchObject({ code: 'COLUMNS', status: 400 });
    expect(error.message).toMatch(/uses 1,200 columns; at most 1,000 can be imported/);
  });

  it('keeps `fs` handles closed after a refusal (no leak per hostile upload)', async () => {
    const file = fx.write('leak.xlsx', entityWorkbook('laughs', 'sheet'));
    const before = fs.readdirSync('/proc/self/fd').length;
    for (let i = 0; i < 20; i++) await refusal(() => sniffFile(file));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.readdirSync('/proc/self/fd').length).toBeLessThanOrEqual(before + 2);
  });
});
