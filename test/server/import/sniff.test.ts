import zlib from 'zlib';
import iconv from 'iconv-lite';
import { readRows } from '../../../server/src/import/parse';
import { detectEncoding, sniffFile, sniffText } from '../../../server/src/import/sniff';
import { SourceError } from '../../../server/src/import/source-error';
import { collect, fixtureDir, type FixtureDir } from '../../fixtures/generate';

let fx: FixtureDir;
beforeAll(() => {
  fx = fixtureDir();
});
afterAll(() => fx.cleanup());

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toBeInstanceOf(Error);
    expect((error as SourceError).status).toBe(400);
    return error as SourceError;
  }
  throw new Error('expected a SourceError');
};

describe('encodings', () => {
  it('detects a Windows-1252 ";" file from Excel and reads the accents back exactly', async () => {
    const rows = [
      ['Email', 'Prénom', 'Nom', 'Société', 'Note'],
      ['jerome@exemple.fr', 'Jérôme', 'Façade', 'Café & Crème', 'Coût 5 €'],
      ['zoe@exemple.fr', 'Zoé', 'Œuvrard', 'À la française', 'cœur, sœur'],
      ['francois@exemple.fr', 'François', 'Garçon', 'Ça va', '“guillemets” – tiret…'],
    ];
    const text = rows.map((r) => r.join(';')).join('\r\n') + '\r\n';
    const file = fx.write('excel-fr.csv', text, 'windows-1252');
    const detected = await sniffFile(file);
    expect(detected).toMatchObject({ format: 'csv', encoding: 'windows-1252', bom: false, delimiter: ';', hasHeader: true, rowEstimate: 3 });
    expect(detected.columns).toEqual(rows[0]);
    expect(detected.sample).toEqual(rows.slice(1));
    const read = await collect(readRows(file, detected, { highWaterMark: 5 }));
    expect(read.map((r) => r.cells)).toEqual(rows.slice(1));
    expect(read.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('reports an ISO-8859-1 file (no 0x80–0x9F bytes) as windows-1252, its superset, and decodes it the same', async () => {
    const text = 'email,prenom,ville\nann@x.fr,Anaïs,Besançon\nbob@x.fr,Noël,Orléans\n';
    const file = fx.write('latin1.csv', text, 'iso-8859-1');
    const detected = await sniffFile(file);
    expect(detected.encoding).toBe('windows-1252');
    expect(detected.sample).toEqual([
      ['ann@x.fr', 'Anaïs', 'Besançon'],
      ['bob@x.fr', 'Noël', 'Orléans'],
    ]);
  });

  it('detects UTF-8 even when the 64 KB sample cuts a character in two', async () => {
    // 3-byte "€" repeated so that byte 65536 falls inside one.
    const line = `x@y.io,${'€'.repeat(30)}\n`;
    let text = 'email,price\n';
    while (Buffer.byteLength(text) < 70_000) text += line;
    const file = fx.write('utf8-long.csv', text);
    const bytes = Buffer.from(text);
    expect((bytes[65536] & 0xc0) === 0x80 || (bytes[65535] & 0xc0) === 0x80).toBe(true);
    const detected = await sniffFile(file);
    expect(detected.encoding).toBe('utf-8');
    expect(detected.sample[0]).toEqual(['x@y.io', '€'.repeat(30)]);
  });

  it('reads a UTF-8 BOM file with quoted delimiters, doubled quotes and newlines inside cells', async () => {
    const text = 'email,name,notes\r\n"ann@x.io","Lee, Ann","She said ""hi""\r\nthen left"\r\nbob@x.io,Bob,"a;b|c"\r\n';
    const file = fx.write('bom.csv', text, 'utf-8', true);
    const detected = await sniffFile(file);
    expect(detected).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ',', hasHeader: true, columns: ['email', 'name', 'notes'], rowEstimate: 2 });
    expect(detected.sample).toEqual([
      ['ann@x.io', 'Lee, Ann', 'She said "hi"\r\nthen left'],
      ['bob@x.io', 'Bob', 'a;b|c'],
    ]);
    const rows = await collect(readRows(file, detected, { highWaterMark: 2 }));
    expect(rows.map((r) => [r.line, ...r.cells])).toEqual([
      [2, 'ann@x.io', 'Lee, Ann', 'She said "hi"\r\nthen left'],
      [4, 'bob@x.io', 'Bob', 'a;b|c'],
    ]);
  });

  it('detects UTF-16 with and without a BOM', async () => {
    const text = 'email\tnom\r\nzoe@x.io\tZoé\r\n';
    const withBom = await sniffFile(fx.write('u16bom.txt', text, 'utf-16le', true));
    expect(withBom).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: '\t', sample: [['zoe@x.io', 'Zoé']] });
    const be = await sniffFile(fx.write('u16be.txt', text, 'utf-16be', true));
    expect(be).toMatchObject({ encoding: 'utf-16be', bom: true, sample: [['zoe@x.io', 'Zoé']] });
    const noBom = await sniffFile(fx.write('u16nobom.txt', text, 'utf-16le'));
    expect(noBom).toMatchObject({ encoding: 'utf-16le', bom: false, sample: [['zoe@x.io', 'Zoé']] });
  });

  it('prefers windows-1252 over the Central European code pages chardet guesses for French text', () => {
    const bytes = iconv.encode('email;prénom;nom\njean@ex.fr;Jérôme;Façade\nmarie@ex.fr;Zoé;Œuvre à 5 €\n', 'windows-1252');
    expect(detectEncoding(bytes)).toBe('windows-1252');
    // Polish in windows-1250 still comes out as windows-1250 (ł, ą have no letter in windows-1252).
    const polish = iconv.encode('imię;nazwisko\nŁukasz;Wąsowski\nMałgorzata;Żółtowska\nJędrzej;Kołłątaj\n', 'windows-1250');
    expect(['windows-1250', 'iso-8859-2']).toContain(detectEncoding(polish));
  });

  it('honours an explicit encoding, and refuses an unknown one', async () => {
    const file = fx.write('explicit.csv', 'email,nom\na@x.io,Zoé\n', 'windows-1252');
    expect((await sniffFile(file, { encoding: 'latin1' })).encoding).toBe('iso-8859-1');
    const error = await refusal(sniffFile(file, { encoding: 'klingon-8' }));
    expect(error.message).toMatch(/Unknown encoding "klingon-8"/);
  });
});

describe('delimiters and header', () => {
  it('finds TAB in a .tsv/.txt and | in a pipe file', async () => {
    const tab = await sniffFile(fx.write('tab.tsv', 'email\tfirst name\tcity\na@x.io\tAnn\tParis, France\nb@x.io\tBob\tLyon\n'));
    expect(tab).toMatchObject({ delimiter: '\t', hasHeader: true, columns: ['email', 'first name', 'city'] });
    expect(tab.sample[0]).toEqual(['a@x.io', 'Ann', 'Paris, France']);
    const pipe = await sniffFile(fx.write('pipe.txt', 'email|name|tags\na@x.io|Ann|x,y\nb@x.io|Bob|z\n'));
    expect(pipe).toMatchObject({ delimiter: '|', columns: ['email', 'name', 'tags'] });
  });

  it('is not fooled by decimal commas or commas inside ";" cells', async () => {
    const text = 'email;montant;adresse\na@x.io;12,50;"1, rue Haute, Paris"\nb@x.io;3,10;2, rue Basse, Lyon\nc@x.io;7,00;3, rue X, Nice\n';
    expect((await sniffFile(fx.write('decimal.csv', text))).delimiter).toBe(';');
  });

  it('detects a file without header row', async () => {
    const detected = await sniffFile(fx.write('noheader.csv', 'ann@x.io,Ann,Lee\nbob@x.io,Bob,Smith\n'));
    expect(detected).toMatchObject({ hasHeader: false, columns: ['Column 1', 'Column 2', 'Column 3'], rowEstimate: 2 });
    expect(detected.sample).toEqual([
      ['ann@x.io', 'Ann', 'Lee'],
      ['bob@x.io', 'Bob', 'Smith'],
    ]);
    const rows = await collect(readRows(fx.write('noheader2.csv', 'ann@x.io,Ann\nbob@x.io,Bob\n')));
    expect(rows.map((r) => r.line)).toEqual([1, 2]);
  });

  it('guesses the header from known names or from a change of kind', () => {
    expect(sniffText('Prénom;Nom\nAnn;Lee\nBob;Smith').hasHeader).toBe(true);
    expect(sniffText('Contact;Points\nann@x.io;12\nbob@x.io;7').hasHeader).toBe(true);
    expect(sniffText('Ann;Lee\nBob;Smith').hasHeader).toBe(false);
    expect(sniffText('2024-01-02;Lee\n2024-01-03;Smith').hasHeader).toBe(false);
    expect(sniffText('Couleur;Taille\nrouge;XL', { fields: [{ key: 'couleur', label: 'Couleur' }] }).hasHeader).toBe(true);
    expect(sniffText('ann@x.io;Lee', { hasHeader: true }).columns).toEqual(['ann@x.io', 'Lee']);
  });

  it('trims and de-duplicates header texts, names empty or extra columns "Column N"', () => {
    const detected = sniffText(' Email ,email,,Email, Nom \na@x.io,b@x.io,x,c@x.io,Lee,extra\n');
    expect(detected.columns).toEqual(['Email', 'email', 'Column 3', 'Email (2)', 'Nom', 'Column 6']);
    expect(detected.sample[0]).toHaveLength(6);
  });

  it('keeps at most 10 sample rows and counts small sources exactly', () => {
    const text = ['email', ...Array.from({ length: 25 }, (_, i) => `u${i}@x.io`)].join('\n');
    const detected = sniffText(text);
    expect(detected.sample).toHaveLength(10);
    expect(detected.rowEstimate).toBe(25);
  });

  it('estimates the rows of a large file from the first 64 KB', async () => {
    const lines = ['email,first,last,city'];
    for (let i = 0; i < 40_000; i++) lines.push(`user${i}@example.com,First${i % 50},Last${i % 70},City ${i % 9}`);
    const detected = await sniffFile(fx.write('large.csv', lines.join('\n') + '\n'));
    expect(Math.abs(detected.rowEstimate - 40_000) / 40_000).toBeLessThan(0.05);
  });

  it('counts long pasted text exactly', () => {
    const lines = ['email;nom'];
    for (let i = 0; i < 9000; i++) lines.push(`user${i}@example.com;Nom ${i}`);
    const detected = sniffText(lines.join('\n'));
    expect(detected).toMatchObject({ delimiter: ';', hasHeader: true, rowEstimate: 9000, encoding: 'utf-8' });
  });

  it('honours explicit delimiter and header overrides', async () => {
    const file = fx.write('override.csv', 'a,b;c\n1,2;3\n');
    expect(await sniffFile(file, { delimiter: ';', hasHeader: false })).toMatchObject({
      delimiter: ';',
      hasHeader: false,
      columns: ['Column 1', 'Column 2'],
      sample: [
        ['a,b', 'c'],
        ['1,2', '3'],
      ],
    });
  });
});

describe('refusals with a message a person can act on', () => {
  it('empty files', async () => {
    expect((await refusal(sniffFile(fx.write('empty.csv', '')))).message).toBe('The file is empty');
    expect((await refusal(sniffFile(fx.write('blank.csv', '\r\n  \n', 'utf-8', true)))).message).toBe('The file is empty');
    expect((await refusal(Promise.resolve().then(() => sniffText('  \n'))))).toMatchObject({ code: 'EMPTY' });
  });

  it('PDF, images, old .xls, other ZIPs and archives', async () => {
    const pdf = await refusal(sniffFile(fx.write('contacts.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')));
    expect(pdf.message).toBe('This looks like a PDF; upload a CSV, TSV, TXT or XLSX file');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
    expect((await refusal(sniffFile(fx.write('photo.csv', png)))).message).toBe('This looks like a PNG image; upload a CSV, TSV, TXT or XLSX file');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const xls = await refusal(sniffFile(fx.write('old.xls', ole)));
    expect(xls.message).toBe('Old .xls files are not supported: save it as .xlsx or CSV');
    expect(xls.details).toMatchObject({ code: 'XLS' });
    expect((await refusal(sniffFile(fx.write('locked.xlsx', ole)))).message).toMatch(/password-protected/);
    expect((await refusal(sniffFile(fx.write('data.csv.gz', zlib.gzipSync('a,b\n'))))).message).toMatch(/gzip archive/);
    expect((await refusal(sniffFile(fx.write('bin.dat', Buffer.from([1, 2, 0, 0, 0, 7, 200, 3, 0, 9, 0, 0, 0, 0, 1]))))).code).toBe('BINARY');
  });

  it('a ZIP that is not a workbook', async () => {
    // Minimal stored ZIP with one entry "readme.txt".
    const name = Buffer.from('readme.txt');
    const data = Buffer.from('hello');
    const crc = zlib.crc32 ? zlib.crc32(data) : 0x3610a686;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const cdOffset = local.length + name.length + data.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);
    expect((await refusal(sniffFile(fx.write('archive.zip', zip)))).message).toBe('This is a ZIP archive: extract it, then upload a CSV, TSV, TXT or XLSX file');
  });

  it('a missing file', async () => {
    expect((await refusal(sniffFile(`${fx.dir}/nope.csv`))).code).toBe('NOT_FOUND');
  });
});
