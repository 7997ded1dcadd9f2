import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { auth, startStrapi, type TestApp } from '../helpers/strapi';
import { contactsByEmail, errorsCsv, importFile, paste, patch, upload, waitFor } from '../helpers/imports';

let app: TestApp;
beforeAll(async () => {
  app = await startStrapi({ CONTACTS_QUEUE_TICK_SECONDS: '0.5', CONTACTS_MAX_FILE_SIZE: String(64 * 1024), CONTACTS_JSON_LIMIT: '32kb' });
});
afterAll(async () => {
  await app?.stop();
});
beforeEach(async () => {
  await app.strapi.db.connection('contacts_contacts').delete();
});

describe('import sources', () => {
  it('reads a Windows-1252 file with ; and accents, and suggests a French mapping', async () => {
    const text = 'Courriel;Prénom;Nom;Société\r\nzoe@example.fr;Zoé;Lefèvre;Crème & Cœur\r\nfrancois@example.fr;François;Dupré;Garçon €\r\n';
    const created = await upload(app, iconv.encode(text, 'win1252'), 'export-excel.csv');
    expect(created.status).toBe(201);
    const draft = created.body.data;
    expect(draft.detected).toMatchObject({ encoding: 'windows-1252', delimiter: ';', hasHeader: true, columns: ['Courriel', 'Prénom', 'Nom', 'Société'] });
    expect(draft.mapping).toEqual(
      expect.arrayContaining([
        { column: 'Courriel', field: 'email' },
        { column: 'Prénom', field: 'firstName' },
        { column: 'Nom', field: 'lastName' },
        { column: 'Société', field: 'company' },
      ])
    );
    await app.http().post(`/contacts/imports/${draft.documentId}/start`).set(auth(app.adminToken));
    const done = await waitFor(app, draft.documentId);
    expect(done.counters).toMatchObject({ created: 2, failed: 0 });
    const all = await contactsByEmail(app);
    expect(all.get('zoe@example.fr')).toMatchObject({ first_name: 'Zoé', last_name: 'Lefèvre', company: 'Crème & Cœur' });
    expect(all.get('francois@example.fr').company).toBe('Garçon €');
  });

  it('reads UTF-8 with BOM, quoted delimiters, doubled quotes and newlines inside cells', async () => {
    const csv = '\ufeffemail,company,lastName\r\n"a@example.com","Smith, Jones & Co","O""Brien"\r\n"b@example.com","Line one\nLine two",Plain\r\n';
    const done = await importFile(app, csv);
    expect(done.counters).toMatchObject({ created: 2, failed: 0 });
    const all = await contactsByEmail(app);
    expect(all.get('a@example.com')).toMatchObject({ company: 'Smith, Jones & Co', last_name: 'O"Brien' });
    expect(all.get('b@example.com').company).toBe('Line one\nLine two');
  });

  it('reads TAB and | files', async () => {
    await importFile(app, 'email\tfirstName\nt@example.com\tTab\n', { filename: 'contacts.tsv' });
    await importFile(app, 'email|firstName\np@example.com|Pipe\n', { filename: 'contacts.txt' });
    const all = await contactsByEmail(app);
    expect(all.get('t@example.com').first_name).toBe('Tab');
    expect(all.get('p@example.com').first_name).toBe('Pipe');
  });

  it('reads a file without a header row, mapping columns by index', async () => {
    const created = await upload(app, 'x@example.com,Xavier\ny@example.com,Yann\n', 'noheader.csv');
    expect(created.body.data.detected.hasHeader).toBe(false);
    const id = created.body.data.documentId;
    const res = await patch(app, id, { mapping: [{ column: 0, field: 'email' }, { column: 1, field: 'firstName' }] });
    expect(res.status).toBe(200);
    await app.http().post(`/contacts/imports/${id}/start`).set(auth(app.adminToken));
    expect((await waitFor(app, id)).counters.created).toBe(2);
    expect((await contactsByEmail(app)).get('y@example.com').first_name).toBe('Yann');
  });

  it('reads XLSX with dates and numbers, through the first sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contacts');
    ws.addRow(['E-mail', 'First name', 'Born', 'Points']);
    ws.addRow(['xl@example.com', 'Excel', new Date(Date.UTC(1990, 4, 17)), 1234]);
    await app.http().post('/contacts/fields').set(auth(app.adminToken)).send({ key: 'born', label: 'Born', type: 'date' });
    await app.http().post('/contacts/fields').set(auth(app.adminToken)).send({ key: 'points', label: 'Points', type: 'integer' });
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const created = await upload(app, buffer, 'contacts.xlsx');
    expect(created.status).toBe(201);
    expect(created.body.data.detected).toMatchObject({ format: 'xlsx', columns: ['E-mail', 'First name', 'Born', 'Points'] });
    const id = created.body.data.documentId;
    await patch(app, id, {
      mapping: [
        { column: 'E-mail', field: 'email' },
        { column: 'First name', field: 'firstName' },
        { column: 'Born', field: 'born' },
        { column: 'Points', field: 'points' },
      ],
    });
    await app.http().post(`/contacts/imports/${id}/start`).set(auth(app.adminToken));
    expect((await waitFor(app, id)).counters.created).toBe(1);
    expect((await contactsByEmail(app)).get('xl@example.com').attributes).toEqual({ born: '1990-05-17', points: 1234 });
  });

  it('imports pasted text', async () => {
    const created = await paste(app, 'email;firstName\npaste@example.com;Pasted\n');
    expect(created.status).toBe(201);
    expect(created.body.data.source).toBe('paste');
    const id = created.body.data.documentId;
    await app.http().post(`/contacts/imports/${id}/start`).set(auth(app.adminToken));
    expect((await waitFor(app, id)).counters.created).toBe(1);
  });

  it('keeps every row before an unterminated quote at the end and reports that row in the errors CSV', async () => {
    const done = await importFile(app, 'email,firstName\nok1@example.com,One\nok2@example.com,Two\nbad@example.com,"never closed\n');
    expect(done.counters).toMatchObject({ processed: 3, created: 2, failed: 1 });
    const csv = await errorsCsv(app, done.documentId);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/text\/csv/);
    expect(csv.text).toMatch(/^\ufeff?line,level,column,reason,email,firstName/);
    expect(csv.text).toMatch(/\n4,.*unterminated/);
  });

  it('neutralizes formula cells in the errors CSV', async () => {
    const done = await importFile(app, 'email,firstName\n=HYPERLINK("x"),@SUM(1)\n');
    expect(done.counters.failed).toBe(1);
    const csv = await errorsCsv(app, done.documentId);
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.text).toContain("'@SUM(1)");
  });
});

describe('import input errors', () => {
  it('refuses an empty file, a PDF, and a file above maxFileSize with messages a person can act on', async () => {
    const empty = await upload(app, '', 'empty.csv');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/empty/i);
    const pdf = await upload(app, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'list.pdf');
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.message).toMatch(/PDF/);
    const big = await upload(app, `email\n${'a@example.com\n'.repeat(6000)}`, 'big.csv');
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/the limit is 64.0 KB \(plugin option maxFileSize\)/);
    expect(big.body.error.details.setting).toBe('contacts.maxFileSize');
  });

  it('names the JSON body limit when a paste is too large for it', async () => {
    const res = await paste(app, `email\n${'a@example.com\n'.repeat(4000)}`);
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/JSON body limit of 32KB \(jsonLimit of strapi::body/);
    expect(res.body.error.details).toEqual({ limit: 32 * 1024, setting: 'strapi::body.jsonLimit' });
  });

  it('refuses to start when no column is mapped to the unique key', async () => {
    const created = await upload(app, 'name,phone\nAl,0612345678\n', 'nokey.csv');
    const id = created.body.data.documentId;
    const res = await app.http().post(`/contacts/imports/${id}/start`).set(auth(app.adminToken));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/e-mail field/);
    const bad = await patch(app, id, { options: { mode: 'merge' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/mode must be one of/);
  });

  it('previews mapped rows with per-cell errors and writes nothing', async () => {
    const created = await upload(app, 'email,firstName\ngood@example.com,Good\nnot-an-email,Bad\n', 'preview.csv');
    const res = await app.http().get(`/contacts/imports/${created.body.data.documentId}/preview`).set(auth(app.adminToken));
    expect(res.status).toBe(200);
    expect(res.body.data.rows[0]).toMatchObject({ line: 2, contact: { email: 'good@example.com', firstName: 'Good' }, errors: [] });
    expect(res.body.data.rows[1]).toMatchObject({ line: 3, contact: null, errors: [{ column: 'email', code: 'invalid_email', reason: expect.stringMatching(/^invalid_email: E-mail: "not-an-email" is not a valid e-mail address/) }] });
    expect((await contactsByEmail(app)).size).toBe(0);
  });
});
