import { MAIN_EXPORT_FIELDS, PERMISSIONS as P } from '../../../server/src/constants';
import { CONTACTS, CUSTOM_FIELDS, LONG_PAYLOADS, PAYLOADS } from '../../fixtures/exports';
import fs from 'fs';
import { createExport, download, exportDirEnv, parseCsv, readXlsx, runExport, waitForExport } from '../helpers/exports';
import { importFile } from '../helpers/imports';
import { auth, createAdminUser, createAdminWithActions, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Exports through the admin API on the three databases: every scope, both
 * presets and a chosen list, custom fields of each type in CSV and in typed
 * XLSX, injection payloads neutralised in both, RBAC, and bad requests.
 */
let app: TestApp;
const admin = () => auth(app.adminToken);
const ids = new Map<string, string>();
const exportDir = exportDirEnv();

beforeAll(async () => {
  // Pages of 2 rows: every export crosses several keyset pages.
  app = await startStrapi({ CONTACTS_QUEUE_TICK_SECONDS: '0.5', CONTACTS_EXPORT_CHUNK_SIZE: '2', CONTACTS_EXPORT_HISTORY_MAX: '50', ...exportDir.env });
  for (const f of CUSTOM_FIELDS) {
    const res = await app.http().post('/contacts/fields').set(admin()).send(f);
    expect(res.status).toBe(201);
  }
  for (const c of CONTACTS) {
    const res = await app.http().post('/contacts/contacts').set(admin()).send(c);
    if (res.status !== 201) throw new Error(`contact ${c.email}: ${res.status} ${JSON.stringify(res.body)}`);
    ids.set(c.email, res.body.data.documentId);
  }
  // Ana was active a day ago, Bob a year ago (the activity rule: activityDays, 180 by default).
  const knex = app.strapi.db.connection;
  const at = (days: number) => (app.strapi.db.dialect.client === 'sqlite' ? Date.now() - days * 86_400_000 : new Date(Date.now() - days * 86_400_000));
  await knex('contacts_contacts').where({ email: 'ana@example.com' }).update({ last_activity_at: at(1) });
  await knex('contacts_contacts').where({ email: 'bob@example.com' }).update({ last_activity_at: at(365) });
});
afterAll(async () => {
  await app?.stop();
  exportDir.remove();
});

const byEmail = (rows: string[][], column: number) => new Map(rows.slice(1).map((r) => [r[column], r]));

describe('the main fields preset', () => {
  it('writes the 12 main fields in order, a BOM, one line per contact, and the activity degree', async () => {
    const { detail, file, headers } = await runExport(app, { scope: { all: true }, fields: 'main', format: 'csv' });
    expect(detail).toMatchObject({ status: 'done', rowCount: CONTACTS.length, total: CONTACTS.length, progress: 1, format: 'csv' });
    expect(detail.bytes).toBe(file.length);
    expect(detail.durationMs).toBeGreaterThanOrEqual(0);
    expect(headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(headers['content-disposition']).toMatch(/^attachment; filename=".+\.csv"/);
    expect(file.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const rows = parseCsv(file);
    expect(rows[0]).toEqual([
      'First name', 'Last name', 'Company', 'E-mail', 'E-mail opt-in', 'E-mail status', 'Mobile', 'SMS opt-in', 'Mobile status', 'Added on', 'Modified on', 'Activity degree',
    ]);
    expect(rows).toHaveLength(CONTACTS.length + 1);
    const ana = byEmail(rows, 3).get('ana@example.com')!;
    expect(ana.slice(0, 9)).toEqual(['Ana', 'Martin', 'Acme', 'ana@example.com', 'yes', 'valid', "'+33612345678", 'no', 'valid']);
    expect(new Date(ana[9]).toISOString()).toBe(ana[9]);
    expect(ana[11]).toBe('active');
    expect(byEmail(rows, 3).get('bob@example.com')![11]).toBe('inactive');
    expect(byEmail(rows, 3).get('dan@example.com')![11]).toBe('inactive');
  });

  it('names the columns in French with ?locale=fr, or by key, with ; or TAB and without a BOM', async () => {
    const fr = await runExport(app, { scope: { all: true }, fields: 'main', format: 'csv', delimiter: ';', bom: false }, { locale: 'fr' });
    expect(fr.file.subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    expect(parseCsv(fr.file, ';')[0]).toEqual([
      'Prénom', 'Nom', 'Société', 'E-mail', 'Consentement e-mail', "Statut de l'e-mail", 'Mobile', 'Consentement SMS', 'Statut du mobile', 'Ajouté le', 'Modifié le', "Degré d'activité",
    ]);
    const keys = await runExport(app, { scope: { all: true }, fields: 'main', format: 'csv', delimiter: '\t', headers: 'keys' });
    expect(parseCsv(keys.file, '\t')[0]).toEqual([...MAIN_EXPORT_FIELDS]);
    // TAB as scripts write it, by its name.
    const named = await runExport(app, { scope: { all: true }, fields: ['email', 'firstName'], delimiter: 'TAB', headers: 'keys' });
    expect(named.file.toString('utf8')).toMatch(/^\ufeffemail\tfirstName\r\n/);
  });
});

describe('scopes', () => {
  const emailsOf = async (scope: object) => {
    const { file, detail } = await runExport(app, { scope, fields: ['email'], headers: 'keys' });
    const emails = parseCsv(file).slice(1).map((r) => r[0]).sort();
    expect(detail.rowCount).toBe(emails.length);
    return emails;
  };

  it('exports the whole base, a static segment, a search, a selection and the contacts of an import', async () => {
    expect(await emailsOf({ all: true })).toEqual(CONTACTS.map((c) => c.email).sort());

    const segment = await app.http().post('/contacts/segments').set(admin()).send({ name: 'Picked', kind: 'static' });
    await app.http().post(`/contacts/segments/${segment.body.data.documentId}/members`).set(admin()).send({ ids: [ids.get('bob@example.com'), ids.get('dan@example.com')] });
    expect(await emailsOf({ segment: segment.body.data.documentId })).toEqual(['bob@example.com', 'dan@example.com']);

    expect(await emailsOf({ criteria: { match: 'all', conditions: [{ field: 'plan', operator: 'in', value: ['pro', '=team'] }] } })).toEqual(['ana@example.com', 'bob@example.com']);
    expect(await emailsOf({ criteria: { match: 'any', conditions: [{ field: 'emailOptIn', operator: 'in', value: ['orange'] }, { field: 'lastName', operator: 'startsWith', value: 'mar' }] } })).toEqual([
      'ana@example.com',
      'chloe@example.com',
    ]);
    expect(await emailsOf({ ids: [ids.get('chloe@example.com')] })).toEqual(['chloe@example.com']);

    // The contacts an import created or updated (Dan's row changes nothing: he is not one of them).
    const imported = await importFile(app, 'email,firstName\neve@example.com,Eve\nana@example.com,Anna\ndan@example.com,\n');
    const eve = await app.strapi.db.connection('contacts_contacts').where({ email: 'eve@example.com' }).first('document_id');
    try {
      expect(await emailsOf({ import: imported.documentId })).toEqual(['ana@example.com', 'eve@example.com']);
    } finally {
      await app.http().delete(`/contacts/contacts/${eve.document_id}`).set(admin());
    }
  });

  it('answers 400 with a message for a scope that names nothing, or is malformed', async () => {
    const cases: Array<[object, RegExp]> = [
      [{ fields: 'main' }, /scope is required/],
      [{ scope: { everything: true } }, /scope must be one of/],
      [{ scope: { all: true, segment: 'x' } }, /scope must be one of/],
      [{ scope: { all: 'yes' } }, /scope.all must be true/],
      [{ scope: { segment: 'nope' } }, /scope.segment: no segment has the id "nope"/],
      [{ scope: { import: 'nope' } }, /scope.import: no import has the id "nope"/],
      [{ scope: { ids: [] } }, /scope.ids must be a non-empty list/],
      [{ scope: { ids: ['missing-one'] } }, /scope.ids: 1 id\(s\) name no contact \(first: "missing-one"\)/],
      [{ scope: { criteria: { match: 'all', conditions: [{ field: 'nope', operator: 'eq', value: 1 }] } } }, /scope.criteria.conditions.0.field: unknown field "nope"/],
      [{ scope: { all: true }, fields: ['email', 'nope'] }, /fields: unknown field "nope"/],
      [{ scope: { all: true }, fields: ['email', 'email'] }, /fields: "email" is listed twice/],
      [{ scope: { all: true }, fields: [] }, /fields must be "main", "all" or a list/],
      [{ scope: { all: true }, format: 'pdf' }, /format must be one of: csv, xlsx/],
      [{ scope: { all: true }, delimiter: '|' }, /delimiter must be one of: ,, ;, TAB/],
      [{ scope: { all: true }, headers: 'names' }, /headers must be one of: labels, keys/],
      [{ scope: { all: true }, bom: 'yes' }, /bom must be true or false/],
      [{ scope: { all: true }, notify: [999999] }, /notify: no admin user has the id 999999/],
      [{ scope: { all: true }, colour: 'red' }, /unknown property: colour/],
    ];
    for (const [body, message] of cases) {
      const res = await createExport(app, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.error.message).toMatch(message);
    }
  });
});

describe('custom fields, CSV and XLSX', () => {
  const fields = ['email', 'tags', ...CUSTOM_FIELDS.map((f) => f.key), 'lastActivityAt'];

  it('writes each type as the import reads it back, lists joined with |', async () => {
    const { file } = await runExport(app, { scope: { all: true }, fields, headers: 'keys' });
    const rows = parseCsv(file);
    expect(rows[0]).toEqual(fields);
    const ana = byEmail(rows, 0).get('ana@example.com')!;
    const cell = (row: string[], key: string) => row[fields.indexOf(key)];
    expect(cell(ana, 'tags')).toBe('vip|Paris, France');
    expect(cell(ana, 'city')).toBe('Lyon');
    expect(cell(ana, 'notes')).toBe('Line one\nLine "two", with a comma; and a semicolon');
    expect(cell(ana, 'score')).toBe('-42');
    expect(cell(ana, 'ratio')).toBe('0.125');
    expect(cell(ana, 'vip')).toBe('true');
    expect(cell(ana, 'birthday')).toBe('1990-03-14');
    expect(cell(ana, 'lastOrderAt')).toBe('2024-03-14T08:30:15.250Z');
    expect(cell(ana, 'workEmail')).toBe('ana@acme.example');
    expect(cell(ana, 'office')).toBe("'+33142000000");
    expect(cell(ana, 'site')).toBe('https://acme.example/ana?x=1');
    expect(cell(ana, 'plan')).toBe('pro');
    expect(cell(ana, 'topics')).toBe('news|sales, EMEA');
    const bob = byEmail(rows, 0).get('bob@example.com')!;
    expect(cell(bob, 'vip')).toBe('false');
    expect(cell(bob, 'score')).toBe('0');
    expect(cell(bob, 'ratio')).toBe('-1.5');
    // One item holding a comma keeps a trailing pipe, so the import does not split it.
    expect(cell(bob, 'topics')).toBe("'+events");
    const dan = byEmail(rows, 0).get('dan@example.com')!;
    expect(cell(dan, 'score')).toBe('');
    expect(cell(dan, 'tags')).toBe('');
  });

  it('writes X columns for a multiselect when asked (the form the import reads)', async () => {
    const { file } = await runExport(app, { scope: { ids: [ids.get('ana@example.com'), ids.get('bob@example.com')] }, fields: ['email', 'topics'], multiselect: 'columns' });
    const rows = parseCsv(file);
    expect(rows[0]).toEqual(['E-mail', 'Topics: news', 'Topics: sales, EMEA', 'Topics: +events']);
    expect(byEmail(rows, 0).get('ana@example.com')).toEqual(['ana@example.com', 'X', 'X', '']);
    expect(byEmail(rows, 0).get('bob@example.com')).toEqual(['bob@example.com', '', '', 'X']);
  });

  it('writes typed XLSX cells that exceljs reads back as dates, numbers and booleans', async () => {
    const { file, headers, detail } = await runExport(app, { scope: { all: true }, fields: [...fields, 'createdAt'], format: 'xlsx', headers: 'keys' });
    expect(headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(headers['content-disposition']).toMatch(/\.xlsx"/);
    expect(detail.bytes).toBe(file.length);
    const workbook = await readXlsx(file);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(CONTACTS.length + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...fields, 'createdAt']);
    const rowOf = (email: string) => {
      for (let i = 2; i <= sheet.rowCount; i++) if (sheet.getRow(i).getCell(1).value === email) return sheet.getRow(i);
      throw new Error(`no row for ${email}`);
    };
    const col = (key: string) => [...fields, 'createdAt'].indexOf(key) + 1;
    const ana = rowOf('ana@example.com');
    expect(ana.getCell(col('score')).value).toBe(-42);
    expect(ana.getCell(col('ratio')).value).toBe(0.125);
    expect(ana.getCell(col('vip')).value).toBe(true);
    expect(ana.getCell(col('birthday')).value).toEqual(new Date('1990-03-14T00:00:00.000Z'));
    expect(ana.getCell(col('birthday')).numFmt).toBe('yyyy-mm-dd');
    expect((ana.getCell(col('lastOrderAt')).value as Date).toISOString()).toBe('2024-03-14T08:30:15.250Z');
    expect(ana.getCell(col('createdAt')).value).toBeInstanceOf(Date);
    expect(ana.getCell(col('lastActivityAt')).value).toBeInstanceOf(Date);
    expect(ana.getCell(col('topics')).value).toBe('news|sales, EMEA');
    expect(ana.getCell(col('office')).value).toBe("'+33142000000");
    expect(rowOf('bob@example.com').getCell(col('vip')).value).toBe(false);
    expect(rowOf('dan@example.com').getCell(col('score')).value).toBe(null);
  });
});

describe('CSV injection', () => {
  const texts = ['firstName', 'lastName', 'company', 'tags', 'city', 'notes', 'plan', 'topics', 'formulaLabel'];
  const dangerous = /^[=+\-@\t\r\n]/;

  it('neutralises every payload with a leading quote in CSV, headers included', async () => {
    const { file } = await runExport(app, { scope: { all: true }, fields: ['email', ...texts] });
    const rows = parseCsv(file);
    expect(rows[0][texts.length]).toBe(`'${CUSTOM_FIELDS.find((f) => f.key === 'formulaLabel')!.label}`);
    const cells = rows.flat();
    expect(cells.filter((c) => dangerous.test(c))).toEqual([]);
    for (const p of [...PAYLOADS, ...LONG_PAYLOADS]) expect(cells).toContain(`'${p}`);
    expect(cells).toContain("'@tag|=x");
    expect(cells).toContain("'=team");
  });

  it('neutralises them in XLSX too, and writes no formula', async () => {
    const { file } = await runExport(app, { scope: { all: true }, fields: ['email', ...texts], format: 'xlsx' });
    const sheet = (await readXlsx(file)).worksheets[0];
    const values: string[] = [];
    sheet.eachRow((row: any) =>
      row.eachCell((cell: any) => {
        expect(cell.formula).toBeUndefined();
        expect(typeof cell.value === 'string' || cell.value === null).toBe(true);
        values.push(cell.value);
      })
    );
    expect(values.filter((v) => dangerous.test(v))).toEqual([]);
    for (const p of [...PAYLOADS, LONG_PAYLOADS[0], LONG_PAYLOADS[2]]) expect(values).toContain(`'${p}`);
    // XML has no CR: it is written as Excel writes it, OOXML's _x000D_ (read back as CR by Excel and by the import).
    expect(values).toContain("'_x000D_=1+1");
  });
});

describe('history, events and permissions', () => {
  it('lists, shows and deletes exports; 404 for an unknown one; 409 for a file not done', async () => {
    const { detail } = await runExport(app, { scope: { all: true }, name: 'Nightly backup' });
    const list = await app.http().get('/contacts/exports?pageSize=5').set(admin());
    expect(list.status).toBe(200);
    expect(list.body.data[0]).toMatchObject({ documentId: detail.documentId, name: 'Nightly backup', status: 'done', createdBy: { email: 'admin@contacts.test' } });
    expect(list.body.meta.pagination.total).toBeGreaterThan(1);
    const file = await download(app, detail.documentId);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="Nightly backup.csv"; filename*=UTF-8''Nightly%20backup.csv`);
    expect((await app.http().delete(`/contacts/exports/${detail.documentId}`).set(admin())).status).toBe(200);
    expect((await app.http().get(`/contacts/exports/${detail.documentId}`).set(admin())).status).toBe(404);
    expect((await download(app, detail.documentId)).status).toBe(404);
  });

  it('keeps at most exportHistoryMax finished exports, with their files', async () => {
    const before = (await app.http().get('/contacts/exports?pageSize=100').set(admin())).body.meta.pagination.total;
    app.strapi.config.set('plugin::contacts.exportHistoryMax', 2);
    try {
      await runExport(app, { scope: { all: true }, name: 'cap-1' });
      await runExport(app, { scope: { all: true }, name: 'cap-2' });
      const { detail } = await runExport(app, { scope: { all: true }, name: 'cap-3' });
      await new Promise((r) => setTimeout(r, 300));
      const list = (await app.http().get('/contacts/exports?pageSize=100').set(admin())).body;
      expect(before).toBeGreaterThan(2);
      expect(list.data.map((e: any) => e.name)).toEqual(['cap-3', 'cap-2']);
      expect((await download(app, detail.documentId)).status).toBe(200);
      expect(fs.readdirSync(exportDir.dir)).toHaveLength(2);
    } finally {
      app.strapi.config.set('plugin::contacts.exportHistoryMax', 50);
    }
  });

  it('sends contacts.export.finished to webhooks configured in Strapi', async () => {
    const http = require('http');
    const received: any[] = [];
    const server = http.createServer((req: any, res: any) => {
      let body = '';
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${server.address().port}/hook`;
      const hook = await app.http().post('/admin/webhooks').set(admin()).send({ name: 'exports', url, headers: {}, events: ['contacts.export.finished', 'contacts.export.failed'] });
      expect(hook.status).toBe(201);
      const { detail } = await runExport(app, { scope: { all: true }, fields: ['email'] });
      for (let i = 0; i < 50 && !received.length; i++) await new Promise((r) => setTimeout(r, 100));
      expect(received[0]).toMatchObject({ event: 'contacts.export.finished', export: { documentId: detail.documentId, status: 'done', rowCount: CONTACTS.length, format: 'csv' } });
    } finally {
      server.close();
    }
  });

  it('403 on create and on download for a role without the export actions', async () => {
    const { detail } = await runExport(app, { scope: { all: true }, fields: ['email'] });
    const reader = await createAdminWithActions(app, [P.contacts.read]);
    expect((await createExport(app, { scope: { all: true } }, { token: reader })).status).toBe(403);
    expect((await download(app, detail.documentId, reader)).status).toBe(403);
    expect((await app.http().get('/contacts/exports').set(auth(reader))).status).toBe(403);
    // Exporting contacts is reading them.
    const blind = await createAdminWithActions(app, [P.exports.create, P.exports.read]);
    const refused = await createExport(app, { scope: { all: true } }, { token: blind });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/needs the permission to read them/);
    // Creating is not reading: the file needs exports.read.
    const creator = await createAdminWithActions(app, [P.exports.create, P.contacts.read]);
    const created = await createExport(app, { scope: { all: true } }, { token: creator });
    expect(created.status).toBe(201);
    await waitForExport(app, created.body.data.documentId);
    expect((await download(app, created.body.data.documentId, creator)).status).toBe(403);
    const downloader = await createAdminWithActions(app, [P.exports.read]);
    expect((await download(app, detail.documentId, downloader)).status).toBe(200);
    expect((await app.http().delete(`/contacts/exports/${detail.documentId}`).set(auth(downloader))).status).toBe(403);
    expect((await app.http().get(`/contacts/exports/${detail.documentId}/download`)).status).toBe(401);
  });

  it("holds only the contacts the creator's role may read (an is-creator condition), whatever the scope", async () => {
    const own = await createAdminUser(app, [
      { action: P.contacts.read, conditions: ['admin::is-creator'] },
      P.contacts.create,
      P.exports.create,
      P.exports.read,
    ]);
    const mine = await app.http().post('/contacts/contacts').set(auth(own.token)).send({ email: 'mine@example.com', firstName: 'Mine' });
    expect(mine.status).toBe(201);
    try {
      for (const scope of [{ all: true }, { criteria: { match: 'all', conditions: [{ field: 'email', operator: 'contains', value: 'example.com' }] } }]) {
        const { file, detail } = await runExport(app, { scope, fields: ['email'], headers: 'keys' }, { token: own.token });
        expect(parseCsv(file).slice(1).map((r) => r[0])).toEqual(['mine@example.com']);
        expect(detail).toMatchObject({ rowCount: 1 });
        expect(detail.contactsWhere).toBeUndefined();
      }
    } finally {
      await app.http().delete(`/contacts/contacts/${mine.body.data.documentId}`).set(admin());
    }
  });
});
