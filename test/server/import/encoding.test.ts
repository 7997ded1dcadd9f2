import iconv from 'iconv-lite';
import { CsvChunkParser, readRows, type NotedRow } from '../../../server/src/import/parse';
import { readPreviewRows } from '../../../server/src/import/preview';
import { createStreamDecoder, type DecodedText } from '../../../server/src/import/decode';
import { sniffFile } from '../../../server/src/import/sniff';
import { openTextSource } from '../../../server/src/import/source';
import { collect, fixtureDir, random, type FixtureDir } from '../../fixtures/generate';
import { asciiRow, buildFile, lateCp1252Tail, legacyRow, utf8Row, type MixedFile } from '../../fixtures/encodings';

let fx: FixtureDir;
beforeAll(() => {
  fx = fixtureDir('contacts-encoding-');
});
afterAll(() => fx.cleanup());

const csv = (encoding: string) => ({ format: 'csv' as const, encoding, delimiter: ',', hasHeader: true });
const note = (from: string, to: string) => ({ code: 'encoding_fallback', params: { from, to } });

/** Rows read, the expected cells, and which rows carry a note. */
const check = (rows: NotedRow[], file: MixedFile, noted: (r: MixedFile['rows'][number]) => boolean, expectedNote?: object) => {
  expect(rows).toHaveLength(file.rows.length);
  const wrong = rows.filter((r, i) => JSON.stringify(r.cells) !== JSON.stringify(file.rows[i].cells));
  expect(wrong.slice(0, 3)).toEqual([]);
  expect(rows.some((r) => r.cells.some((c) => c.includes('\ufffd')))).toBe(false);
  const withNotes = rows.flatMap((r, i) => (r.notes ? [i] : []));
  const want = file.rows.flatMap((r, i) => (noted(r) ? [i] : []));
  expect(withNotes).toEqual(want);
  if (expectedNote) for (const i of withNotes) expect(rows[i].notes).toEqual([expectedNote]);
};

const count = (rows: { cells: string[] }[], ch: string) => rows.reduce((n, r) => n + r.cells.join('').split(ch).length - 1, 0);

describe('a CSV that is ASCII for 2 MB, then Windows-1252', () => {
  let file: MixedFile;
  let path: string;
  beforeAll(() => {
    file = lateCp1252Tail(2 * 1024 * 1024, 3000);
    path = fx.write('late-tail.csv', file.bytes);
  });

  it('is sniffed as windows-1252 from the windows past the head, and reads exactly as the whole file read as cp1252', async () => {
    const detected = await sniffFile(path);
    expect(detected).toMatchObject({ format: 'csv', encoding: 'windows-1252', encodingSampled: true, delimiter: ',', hasHeader: true });
    expect(detected.mixed).toBeUndefined();
    const rows = await collect(readRows(path, detected));
    check(rows, file, () => false);
    // The same parser over the whole file decoded by iconv-lite as windows-1252.
    const parser = new CsvChunkParser({ delimiter: ',' });
    const reference = [...parser.push(iconv.decode(file.bytes, 'windows-1252'), true)].slice(1).map((r) => r.cells);
    expect(rows.map((r) => r.cells)).toEqual(reference);
    for (const ch of ['é', '€', 'œ', '’', 'Œ', '“', '–', '…', 'É']) {
      expect(count(rows, ch)).toBe(count(file.rows, ch));
      expect(count(rows, ch)).toBeGreaterThan(0);
    }
  });

  it('read as UTF-8 (a draft sniffed before, or chosen by the person): same cells, no U+FFFD, a note on each Windows-1252 row only', async () => {
    for (const highWaterMark of [undefined, 13, 4096]) {
      const rows = await collect(readRows(path, csv('utf-8'), { highWaterMark }));
      check(rows, file, (r) => r.encoding === 'windows-1252', note('utf-8', 'windows-1252'));
    }
  });

  it('keeps the line numbers and resumes (skipRows) with the notes on the same rows', async () => {
    const all = await collect(readRows(path, csv('utf-8')));
    const resumed = await collect(readRows(path, csv('utf-8'), { skipRows: all.length - 100 }));
    expect(resumed).toEqual(all.slice(-100));
    expect(all[all.length - 1].line).toBe(file.rows.length + 1);
  });
});

describe('Windows-1252 rows that no sniff window sees', () => {
  it('are caught while reading: exact text and notes, sniff says UTF-8', async () => {
    // ASCII to ~1.05 MB, ~150 KB of old rows, ASCII to ~3 MB: windows at 0, 25 %, 50 %, 75 % and the tail miss them.
    const file = buildFile([
      { make: asciiRow, until: 1_050_000 },
      { make: legacyRow, until: 1_200_000 },
      { make: asciiRow, until: 3_000_000 },
    ]);
    const size = file.bytes.length;
    const start = file.bytes.indexOf(Buffer.from('old'));
    const end = file.bytes.lastIndexOf(Buffer.from('old'));
    for (const f of [0.25, 0.5, 0.75]) expect(start > size * f + 65536 || end < size * f).toBe(true);
    const path = fx.write('middle.csv', file.bytes);
    const detected = await sniffFile(path);
    expect(detected).toMatchObject({ encoding: 'utf-8', encodingSampled: true });
    expect(detected.mixed).toBeUndefined();
    check(await collect(readRows(path, detected)), file, (r) => r.encoding === 'windows-1252', note('utf-8', 'windows-1252'));
  });
});

describe('mixed files (UTF-8 text and Windows-1252 bytes)', () => {
  it('mostly UTF-8: read as UTF-8, the Windows-1252 rows noted, both readable', async () => {
    const file = buildFile([{ make: (i) => (i % 10 === 3 ? legacyRow(i) : i % 2 ? utf8Row(i) : asciiRow(i)), until: 400_000 }]);
    const path = fx.write('mixed-utf8.csv', file.bytes);
    const detected = await sniffFile(path);
    expect(detected).toMatchObject({ encoding: 'utf-8', mixed: true, fallbackEncoding: 'windows-1252', encodingSampled: true });
    // The sample already shows both.
    expect(detected.sample.flat().join('')).toMatch(/Jérôme|Zoé/);
    expect(detected.sample.flat().join('')).toContain('🎉');
    for (const highWaterMark of [undefined, 7]) {
      check(await collect(readRows(path, detected, { highWaterMark })), file, (r) => r.encoding === 'windows-1252', note('utf-8', 'windows-1252'));
    }
  });

  it('mostly Windows-1252: read as windows-1252, the UTF-8 rows read as UTF-8 and noted', async () => {
    const file = buildFile([{ make: (i) => (i % 10 === 3 ? utf8Row(i) : legacyRow(i)), until: 300_000 }]);
    const path = fx.write('mixed-1252.csv', file.bytes);
    const detected = await sniffFile(path);
    expect(detected).toMatchObject({ encoding: 'windows-1252', mixed: true, fallbackEncoding: 'utf-8' });
    check(await collect(readRows(path, detected)), file, (r) => r.encoding === 'utf-8', note('windows-1252', 'utf-8'));
  });

  it('a row with UTF-8 and Windows-1252 in the same line keeps both', async () => {
    const bytes = Buffer.concat([Buffer.from('email,a,b\r\nann@x.io,Zoé 🎉,'), iconv.encode('Zoé € œ’', 'windows-1252'), Buffer.from('\r\nbob@x.io,Bob,ok\r\n')]);
    const path = fx.write('same-line.csv', bytes);
    const rows = await collect(readRows(path, csv('utf-8')));
    expect(rows).toEqual([
      { line: 2, cells: ['ann@x.io', 'Zoé 🎉', 'Zoé € œ’'], notes: [note('utf-8', 'windows-1252')] },
      { line: 3, cells: ['bob@x.io', 'Bob', 'ok'] },
    ]);
  });

  it('a Polish Windows-1250 tail in a UTF-8 file is read in the code page detected over it', async () => {
    const file = buildFile([
      { make: (i) => (i % 2 ? utf8Row(i) : asciiRow(i)), until: 200_000 },
      { make: (i) => legacyRow(i, 'windows-1250'), count: 400 },
    ]);
    const path = fx.write('polish-tail.csv', file.bytes);
    const rows = await collect(readRows(path, csv('utf-8')));
    check(rows, file, (r) => r.encoding === 'windows-1250');
    expect(rows.find((r) => r.notes)!.notes![0].params).toEqual({ from: 'utf-8', to: 'windows-1250' });
  });

  it('the preview rows carry the same notes', async () => {
    const file = buildFile([{ make: (i) => (i % 4 === 1 ? legacyRow(i) : utf8Row(i)), count: 30 }]);
    const path = fx.write('preview.csv', file.bytes);
    const spec = { path, format: 'csv' as const, encoding: 'utf-8', delimiter: ',', hasHeader: true };
    const { rows } = await readPreviewRows(spec, { limit: 20 });
    expect(rows).toEqual((await collect(readRows(path, csv('utf-8')))).slice(0, 20));
    expect(rows.filter((r: NotedRow) => r.notes).map((r) => r.line)).toEqual([3, 7, 11, 15, 19]);
  });
});

describe('valid files read as before', () => {
  const text = 'email,name\r\né@x.io,"Zoé ""🎉"" Œuvre, ☕"\r\nß@x.io,👩‍💻 ąčęłńóśźż 漢字\r\n';

  it('UTF-8 with multi-byte characters split across every chunk border: exact, no note', async () => {
    const path = fx.write('split.csv', text);
    for (let highWaterMark = 1; highWaterMark <= 9; highWaterMark++) {
      const rows = await collect(readRows(path, csv('utf-8'), { highWaterMark }));
      expect(rows).toEqual([
        { line: 2, cells: ['é@x.io', 'Zoé "🎉" Œuvre, ☕'] },
        { line: 3, cells: ['ß@x.io', '👩‍💻 ąčęłńóśźż 漢字'] },
      ]);
    }
    // Every 64 KB border inside a character, over 1 MB of lines.
    let big = 'email,name\n';
    while (big.length < 400_000) big += `x@y.io,${'€é🎉'.repeat(7)}\n`;
    const bigPath = fx.write('split-big.csv', big);
    const rows = await collect(readRows(bigPath, csv('utf-8')));
    expect(rows.every((r) => r.cells[1] === '€é🎉'.repeat(7) && !r.notes)).toBe(true);
    expect((await collect(openTextSource(bigPath))).join('')).toBe(big);
  });

  it('UTF-16 (with and without BOM) and UTF-8 BOM files decode exactly as iconv-lite does, without notes', async () => {
    for (const [encoding, bom] of [
      ['utf-16le', true],
      ['utf-16be', true],
      ['utf-16le', false],
      ['utf-8', true],
    ] as const) {
      const path = fx.write(`valid-${encoding}-${bom}.csv`, text, encoding, bom);
      const detected = await sniffFile(path);
      expect(detected).toMatchObject({ encoding, bom });
      for (const highWaterMark of [1, 3, undefined]) {
        const rows = await collect(readRows(path, detected, { highWaterMark }));
        expect(rows.map((r) => r.cells)).toEqual([
          ['é@x.io', 'Zoé "🎉" Œuvre, ☕'],
          ['ß@x.io', '👩‍💻 ąčęłńóśźż 漢字'],
        ]);
        expect(rows.some((r) => r.notes)).toBe(false);
      }
    }
  });

  it('a plain Windows-1252 file reads as iconv-lite reads it, except undefined bytes: never U+FFFD, noted as ISO-8859-1', async () => {
    const file = buildFile([{ make: legacyRow, count: 50 }]);
    const path = fx.write('plain-1252.csv', file.bytes);
    const detected = await sniffFile(path);
    expect(detected).toMatchObject({ encoding: 'windows-1252' });
    // A small file is read whole by the sniff: nothing sampled.
    expect(detected.mixed).toBeUndefined();
    expect(detected.encodingSampled).toBeUndefined();
    check(await collect(readRows(path, detected)), file, () => false);
    // 0x81 and 0x9D have no character in Windows-1252 (iconv-lite gives U+FFFD).
    const odd = fx.write('undefined-1252.csv', Buffer.concat([iconv.encode('email,name\nann@x.io,Zoé\nbob@x.io,A', 'windows-1252'), Buffer.from([0x81, 0x9d]), Buffer.from('B\n')]));
    expect(await collect(readRows(odd, csv('windows-1252')))).toEqual([
      { line: 2, cells: ['ann@x.io', 'Zoé'] },
      { line: 3, cells: ['bob@x.io', 'A\u0081\u009dB'], notes: [note('windows-1252', 'iso-8859-1')] },
    ]);
  });
});

describe('notes placed by the CSV parser', () => {
  it('go on the row holding the mark, whatever the split; the rows are otherwise those of an unmarked parse', () => {
    const text = '\ufeffemail,note\r\na@x.io,"two\r\nlines é"\r\n\r\nb@x.io,plain\r\nc@x.io,"bad "quote" é"\r\nd@x.io,"never closed é\r\n';
    const rowNote = note('utf-8', 'windows-1252') as never;
    // A mark on every "é".
    const at = [...text].flatMap((ch, i) => (ch === 'é' ? [i] : []));
    const unmarked = new CsvChunkParser({ delimiter: ',' }).push(text, true);
    for (const size of [1, 2, 5, 11, text.length]) {
      const parser = new CsvChunkParser({ delimiter: ',' });
      const rows: NotedRow[] = [];
      for (let i = 0; i < text.length; i += size) {
        const marks = at.filter((a) => a >= i && a < i + size).map((a) => ({ at: a - i, note: rowNote }));
        rows.push(...parser.push(text.slice(i, i + size), false, marks));
      }
      rows.push(...parser.push('', true));
      expect(rows.map(({ notes, ...r }) => r)).toEqual(unmarked);
      expect(rows.map((r) => [r.line, !!r.notes])).toEqual([
        [1, false],
        [2, true],
        [5, false],
        [6, true],
        [7, true],
      ]);
    }
  });
});

describe('the UTF-8 decoder', () => {
  const decodeAll = (bytes: Buffer, size: number): DecodedText[] => {
    const decoder = createStreamDecoder('utf-8');
    const out: DecodedText[] = [];
    for (let i = 0; i < bytes.length; i += size) out.push(decoder.write(bytes.subarray(i, i + size)));
    out.push(decoder.end());
    return out;
  };
  const joined = (parts: DecodedText[]) => {
    let text = '';
    const marks: number[] = [];
    for (const p of parts) {
      for (const m of p.marks ?? []) marks.push(text.length + m.at);
      text += p.text;
    }
    return { text, marks };
  };

  it('never gives U+FFFD for bytes that are not a U+FFFD, and gives the same text and marks for any read size', () => {
    const rnd = random(42);
    for (let round = 0; round < 20; round++) {
      const parts: Buffer[] = [];
      for (let i = 0; i < 200; i++) {
        const kind = rnd();
        if (kind < 0.4) parts.push(Buffer.from(`line ${i},`));
        else if (kind < 0.6) parts.push(Buffer.from('Zoé 🎉 漢\n'));
        else if (kind < 0.8) parts.push(Buffer.from([Math.floor(rnd() * 256), Math.floor(rnd() * 256), 0x0a]));
        else parts.push(Buffer.from(Array.from({ length: 5 }, () => 0x80 + Math.floor(rnd() * 128))));
      }
      const bytes = Buffer.concat(parts);
      const literal = bytes.includes(Buffer.from('\ufffd'));
      const reference = joined(decodeAll(bytes, bytes.length));
      if (!literal) expect(reference.text).not.toContain('\ufffd');
      for (const size of [1, 2, 3, 5, 64, 1000]) expect(joined(decodeAll(bytes, size))).toEqual(reference);
    }
  });

  it('reads a Windows-1252 pair that happens to be valid UTF-8 ("É" + no-break space = "ɠ") as Windows-1252 on a bad line', () => {
    const bytes = iconv.encode('CAFÉ\u00a0! Noël ÉTÉ’S\n', 'windows-1252');
    expect(joined(decodeAll(bytes, 4)).text).toBe('CAFÉ\u00a0! Noël ÉTÉ’S\n');
    // On a valid line it is what it says.
    expect(joined(decodeAll(Buffer.from('ɠ ok\n'), 4))).toEqual({ text: 'ɠ ok\n', marks: [] });
  });

  it('decodes valid UTF-8 at least as fast as iconv-lite (decode stage, prints the figures)', () => {
    const lines: string[] = [];
    for (let i = 0; i < 120_000; i++) lines.push(`contact${i}@example.com,Zoé,Müller,Company ${i % 500},+33612345678,Besançon,café ${i % 7}\n`);
    const accented = Buffer.from(lines.join(''));
    const ascii = Buffer.from(lines.join('').normalize('NFD').replace(/[^\x00-\x7f]/g, ''));
    const chunksOf = (b: Buffer) => Array.from({ length: Math.ceil(b.length / 65536) }, (_, i) => Buffer.from(b.subarray(i * 65536, (i + 1) * 65536)));
    const ways = {
      iconv: () => {
        const d = iconv.getDecoder('utf-8');
        return (c: Buffer) => (d.write(c) || '').length;
      },
      stream: () => {
        const d = createStreamDecoder('utf-8');
        return (c: Buffer) => d.write(c).text.length;
      },
    };
    const report: string[] = [];
    for (const [label, data] of [
      ['accented', accented],
      ['ascii', ascii],
    ] as const) {
      const chunks = chunksOf(data);
      const best = { iconv: 0, stream: 0 };
      for (let run = 0; run < 7; run++) {
        for (const name of ['iconv', 'stream'] as const) {
          const write = ways[name]();
          const started = process.hrtime.bigint();
          for (const c of chunks) write(c);
          const mbs = data.length / 1048576 / (Number(process.hrtime.bigint() - started) / 1e9);
          if (run > 0) best[name] = Math.max(best[name], mbs);
        }
      }
      report.push(`${label}: iconv-lite ${best.iconv.toFixed(0)} MB/s, decode.ts ${best.stream.toFixed(0)} MB/s`);
      // Only a pathological slow path fails this (measured quiet: accented ×1.5–1.7, ASCII ×0.95–1.05;
      // under load ×0.66 was seen): the speed itself is the benchmark's to show, not a test's.
      expect(best.stream).toBeGreaterThan(best.iconv * 0.5);
    }
    // eslint-disable-next-line no-console
    console.log(`UTF-8 decode of ${(accented.length / 1048576).toFixed(0)} MB: ${report.join('; ')}`);
  });
});
