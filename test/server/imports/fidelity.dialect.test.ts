import iconv from 'iconv-lite';
import { PERMISSIONS as P } from '../../../server/src/constants';
import { contactsByEmail, detail, errorsCsv, importFile, patch, upload, waitFor } from '../helpers/imports';
import { auth, createAdminWithActions, startStrapi, type TestApp } from '../helpers/strapi';

/**
 * Real files a person would import, on the three databases: nothing they
 * expect to find is lost over an optional cell, consent is never invented,
 * and the base's unicity key is a setting.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startStrapi({ CONTACTS_QUEUE_TICK_SECONDS: '0.5' });
});
afterAll(async () => {
  await app?.stop();
});

const admin = () => auth(app.adminToken);
const settings = () => app.http().get('/contacts/settings').set(admin());
const setKey = (uniqueKey: string) => app.http().put('/contacts/settings').set(admin()).send({ uniqueKey });
const clear = () => app.strapi.db.connection('contacts_contacts').delete();

describe('the unicity key', () => {
  beforeEach(clear);

  it('is e-mail by default; two contacts sharing a mobile are both imported', async () => {
    expect((await settings()).body.data).toEqual({ uniqueKey: 'email' });
    const done = await importFile(app, 'email,mobile\nmum@x.io,0612345678\ndad@x.io,+33 6 12 34 56 78\nkid@x.io,06.12.34.56.78\n');
    expect(done.counters).toMatchObject({ processed: 3, created: 3, failed: 0 });
    const rows = await contactsByEmail(app);
    expect([...rows.values()].map((c: any) => c.mobile)).toEqual(['+33612345678', '+33612345678', '+33612345678']);
  });

  it('refuses to become the mobile while contacts share one: 409 with the count and a list', async () => {
    await importFile(app, 'email,mobile\na@x.io,0611111111\nb@x.io,0611111111\nc@x.io,0622222222\n');
    const res = await setKey('mobile');
    expect(res.status).toBe(409);
    expect(res.body.error.details).toMatchObject({ conflicts: 2, values: 1, key: 'mobile' });
    expect(res.body.error.message).toMatch(/2 contacts share 1 mobile/);
    const list = await app.http().get('/contacts/settings/conflicts').query({ key: 'mobile' }).set(admin());
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([expect.objectContaining({ value: '+33611111111', count: 2 })]);
    expect(list.body.data[0].contacts.map((c: any) => c.email).sort()).toEqual(['a@x.io', 'b@x.io']);
    expect((await settings()).body.data.uniqueKey).toBe('email');
    // The index is unchanged: e-mail still unique, mobile still free to repeat.
    expect((await importFile(app, 'email,mobile\nd@x.io,0611111111\n')).counters.created).toBe(1);
  });

  it('becomes the mobile once no number repeats; then e-mails may repeat and imports match on mobile', async () => {
    await importFile(app, 'email,mobile\na@x.io,0611111111\nb@x.io,0622222222\n');
    const res = await setKey('mobile');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ uniqueKey: 'mobile' });
    const done = await importFile(app, 'mobile,email,firstName\n0611111111,a@x.io,Ann\n0633333333,a@x.io,Twin\n', {});
    expect(done.counters).toMatchObject({ processed: 2, created: 1, updated: 1, failed: 0 });
    const people = await app.strapi.db.connection('contacts_contacts').where({ email: 'a@x.io' }).orderBy('id');
    expect(people.map((p: any) => p.mobile)).toEqual(['+33611111111', '+33633333333']);
    const noKey = await app.http().post('/contacts/contacts').set(admin()).send({ email: 'nokey@x.io' });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.message).toMatch(/mobile number: it is the base's unicity key/);
    expect((await setKey('email')).status).toBe(409);
    await app.strapi.db.connection('contacts_contacts').where({ mobile: '+33633333333' }).delete();
    expect((await setKey('email')).status).toBe(200);
  });

  it('matching on the other column reports a number several contacts share, and guesses nothing', async () => {
    await importFile(app, 'email,mobile\na@x.io,0611111111\nb@x.io,0611111111\n');
    const done = await importFile(app, 'mobile,firstName\n0611111111,Who\n', { options: { uniqueKey: 'mobile' } });
    expect(done.counters).toMatchObject({ processed: 1, failed: 1, updated: 0 });
    const csv = await errorsCsv(app, done.documentId);
    expect(csv.text).toMatch(/ambiguous_key: 2 contacts have the mobile \+33611111111/);
  });

  it('needs the settings right to change, and says what is wrong with a bad value', async () => {
    const reader = await createAdminWithActions(app, [P.contacts.read]);
    expect((await app.http().get('/contacts/settings').set(auth(reader))).status).toBe(200);
    expect((await app.http().put('/contacts/settings').set(auth(reader)).send({ uniqueKey: 'mobile' })).status).toBe(403);
    const bad = await setKey('phone');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/uniqueKey must be one of: email, mobile/);
    expect((await app.http().put('/contacts/settings').set(admin()).send({ other: 1 })).status).toBe(400);
  });
});

describe('a contact is never lost over an optional cell', () => {
  beforeEach(clear);

  it('keeps the contact, drops the cell, counts and lists a warning', async () => {
    const file = 'email,birthday,score,plan\nok@x.io,14/03/1990,12,pro\nbad@x.io,31/02/2020,12abc,platinum\n';
    const mapping = [
      { column: 'email', field: 'email' },
      { column: 'birthday', newField: { key: 'birthday', label: 'Birthday', type: 'date' } },
      { column: 'score', newField: { key: 'score', label: 'Score', type: 'integer' } },
      { column: 'plan', newField: { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] } },
    ];
    const created = await upload(app, file, 'warn.csv');
    const id = created.body.data.documentId;
    expect((await patch(app, id, { mapping, options: { dateFormat: 'DD/MM/YYYY' } })).status).toBe(200);
    const preview = await app.http().get(`/contacts/imports/${id}/preview`).set(admin());
    expect(preview.body.data.rows[1].contact).toMatchObject({ email: 'bad@x.io' });
    expect(preview.body.data.rows[1].warnings.map((w: any) => w.column)).toEqual(['birthday', 'score', 'plan']);
    expect((await app.http().post(`/contacts/imports/${id}/start`).set(admin())).status).toBe(202);
    const done = await waitFor(app, id);
    expect(done.counters).toMatchObject({ processed: 2, created: 2, failed: 0, warnings: 3 });
    const rows = await contactsByEmail(app);
    expect(rows.get('bad@x.io')!.attributes).toEqual({});
    expect(rows.get('ok@x.io')!.attributes).toEqual({ birthday: '1990-03-14', score: 12, plan: 'pro' });
    const csv = (await errorsCsv(app, id)).text.replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(csv[0]).toBe('line,level,column,reason,email,birthday,score,plan');
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['3,warning,birthday', '3,warning,score', '3,warning,plan']);
    expect(csv[1]).toMatch(/DD\/MM\/YYYY/);
  });

  it('a 200 KiB notes cell with commas, quotes and line breaks is stored code point for code point', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 4000; i++) lines.push(`Ligne ${i}: « café », "quoted", a, b ; 🎉 ${'x'.repeat(i % 7)}`);
    // Line breaks of every kind inside the one cell.
    const notes = lines.map((l, i) => l + ['\r\n', '\n', '\r'][i % 3]).join('').slice(0, 200 * 1024);
    const cell = `"${notes.replace(/"/g, '""')}"`;
    const mapping = [
      { column: 'email', field: 'email' },
      { column: 'notes', newField: { key: 'notes', label: 'Notes', type: 'longtext' } },
    ];
    const done = await importFile(app, `email,notes\r\nlong@x.io,${cell}\r\nnext@x.io,short\r\n`, { mapping });
    expect(done.counters).toMatchObject({ created: 2, failed: 0, warnings: 0 });
    const stored = (await contactsByEmail(app)).get('long@x.io')!.attributes.notes;
    expect(stored.length).toBe(notes.length);
    expect(stored === notes).toBe(true);
    const api = await app.http().get('/contacts/contacts').query({ q: 'long@x.io' }).set(admin());
    expect(api.body.data[0].attributes.notes === notes).toBe(true);
  });

  it('a late Windows-1252 tail after 2 MB of ASCII decodes right', async () => {
    const head = Array.from({ length: 60_000 }, (_, i) => `ascii${i}@example.com,PlainFirstName${i}`).join('\n');
    const tail = '\nzoe@x.io,Zoé Lefèvre\nfrancois@x.io,François Œuvre – 5 €\n';
    const bytes = Buffer.concat([Buffer.from(`email,firstName\n${head}`, 'ascii'), iconv.encode(tail, 'win1252')]);
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const done = await importFile(app, bytes, { filename: 'late-tail.csv' });
    expect(done.counters).toMatchObject({ processed: 60_002, created: 60_002, failed: 0 });
    const rows = await contactsByEmail(app);
    expect(rows.get('zoe@x.io')!.first_name).toBe('Zoé Lefèvre');
    expect(rows.get('francois@x.io')!.first_name).toBe('François Œuvre – 5 €');
    const [{ n }] = await app.strapi.db.connection('contacts_contacts').where('first_name', 'like', '%\ufffd%').count({ n: '*' });
    expect(Number(n)).toBe(0);
  });

  it('reads each row’s phone in the row’s country', async () => {
    const file = 'email,country,mobile\nuk@x.io,United Kingdom,07911 123456\nde@x.io,Allemagne,0151 23456789\nus@x.io,US,(201) 555-0123\nfr@x.io,,06 12 34 56 78\n';
    const done = await importFile(app, file);
    expect(done.counters).toMatchObject({ created: 4, failed: 0, warnings: 0 });
    const rows = await contactsByEmail(app);
    expect(['uk', 'de', 'us', 'fr'].map((k) => [rows.get(`${k}@x.io`)!.country, rows.get(`${k}@x.io`)!.mobile])).toEqual([
      ['GB', '+447911123456'],
      ['DE', '+4915123456789'],
      ['US', '+12015550123'],
      [null, '+33612345678'],
    ]);
  });
});

describe('consent is never invented', () => {
  beforeEach(clear);

  it('a file without a consent column, an empty cell, and a "Non" leave the other opt-ins unknown', async () => {
    await importFile(app, 'email\nnone@x.io\n');
    await importFile(app, 'email,Newsletter,SMS\nempty@x.io,,\nnon@x.io,Non,\n', {
      mapping: [
        { column: 'email', field: 'email' },
        { column: 'Newsletter', field: 'emailOptIn' },
        { column: 'SMS', field: 'smsOptIn' },
      ],
    });
    const rows = await contactsByEmail(app);
    expect(['none', 'empty', 'non'].map((k) => [rows.get(`${k}@x.io`)!.email_opt_in, rows.get(`${k}@x.io`)!.sms_opt_in])).toEqual([
      [null, null],
      [null, null],
      ['no', null],
    ]);
    const byHand = await app.http().post('/contacts/contacts').set(admin()).send({ email: 'hand@x.io' });
    expect(byHand.body.data).toMatchObject({ emailOptIn: null, smsOptIn: null, emailStatus: 'unknown' });
  });

  it('defaults new contacts to yes only when the person confirms the file records consent', async () => {
    const created = await upload(app, 'email\nyes@x.io\n', 'consent.csv');
    const id = created.body.data.documentId;
    const refused = await patch(app, id, { options: { defaultEmailOptIn: 'yes' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/consentRecorded/);
    expect((await patch(app, id, { options: { defaultEmailOptIn: 'yes', defaultSmsOptIn: 'no', consentRecorded: true } })).status).toBe(200);
    await app.http().post(`/contacts/imports/${id}/start`).set(admin());
    await waitFor(app, id);
    const c = (await contactsByEmail(app)).get('yes@x.io')!;
    expect([c.email_opt_in, c.sms_opt_in]).toEqual(['yes', 'no']);
  });

  it('a fixed yes on an opt-in (a literal) needs the same confirmation, and is never suggested again', async () => {
    const created = await upload(app, 'email\nlit@x.io\n', 'literal.csv');
    const id = created.body.data.documentId;
    await patch(app, id, { mapping: [{ column: 'email', field: 'email' }, { field: 'emailOptIn', literal: 'yes' }] });
    const refused = await app.http().post(`/contacts/imports/${id}/start`).set(admin());
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/consentRecorded/);
    await patch(app, id, { options: { consentRecorded: true } });
    expect((await app.http().post(`/contacts/imports/${id}/start`).set(admin())).status).toBe(202);
    await waitFor(app, id);
    // The next file with the same header gets the column, never the fixed yes.
    const next = await upload(app, 'email\nnext@x.io\n', 'literal-again.csv');
    expect(next.body.data.mapping).toEqual([{ column: 'email', field: 'email' }]);
  });

  it('reads the whole boolean vocabulary in opt-in columns, and a mapping’s own words', async () => {
    const file = 'email,optin\na@x.io,Oui\nb@x.io,vrai\nc@x.io,0\nd@x.io,OFF\ne@x.io,Y\nf@x.io,blocklist\ng@x.io,Peut-être\n';
    const done = await importFile(app, file, {
      mapping: [
        { column: 'email', field: 'email' },
        { column: 'optin', field: 'emailOptIn', values: { 'Peut-être': 'orange' } },
      ],
    });
    expect(done.counters).toMatchObject({ created: 7, warnings: 0 });
    const rows = await contactsByEmail(app);
    expect('abcdefg'.split('').map((k) => rows.get(`${k}@x.io`)!.email_opt_in)).toEqual(['yes', 'yes', 'no', 'no', 'yes', 'blocklist', 'orange']);
  });
});

describe('what the wizard and the contact page remember', () => {
  beforeEach(clear);

  it('saves a mapping under a name, suggests earlier mappings for a partly matching header, and says from where', async () => {
    const first = await importFile(app, 'Courriel,Prénom,Ville\na@x.io,Ann,Paris\n', {
      mapping: [
        { column: 'Courriel', field: 'email' },
        { column: 'Prénom', field: 'firstName' },
        { column: 'Ville', newField: { key: 'ville', label: 'Ville', type: 'text' } },
      ],
    });
    const saved = await app.http().post('/contacts/mappings').set(admin()).send({ name: 'Salon', importId: first.documentId });
    expect(saved.status).toBe(201);
    const next = await upload(app, 'courriel,Ville,Autre\nb@x.io,Lyon,x\n', 'next.csv');
    const draft = next.body.data;
    expect(draft.mappingSource).toMatchObject({ matched: 2, columns: 3 });
    expect(draft.mapping).toEqual(expect.arrayContaining([{ column: 'courriel', field: 'email' }, { column: 'Ville', field: 'ville' }]));
    const list = await app.http().get('/contacts/mappings').set(admin());
    expect(list.body.data.map((m: any) => m.name)).toEqual(['Salon']);
    const used = await patch(app, draft.documentId, { useMapping: saved.body.data.documentId });
    expect(used.body.data.mappingSource).toMatchObject({ kind: 'saved', name: 'Salon', matched: 2 });
  });

  it('shows a contact’s history, newest first, and forgets it with the import', async () => {
    const one = await importFile(app, 'email,firstName\nh@x.io,One\n');
    const two = await importFile(app, 'email,firstName\nh@x.io,Two\n');
    const contact = (await app.http().get('/contacts/contacts').query({ q: 'h@x.io' }).set(admin())).body.data[0];
    const history = await app.http().get(`/contacts/contacts/${contact.documentId}/history`).set(admin());
    expect(history.body.data.map((h: any) => [h.kind, h.import.documentId])).toEqual([
      ['import.updated', two.documentId],
      ['import.created', one.documentId],
    ]);
    await app.http().delete(`/contacts/imports/${two.documentId}`).set(admin());
    const after = await app.http().get(`/contacts/contacts/${contact.documentId}/history`).set(admin());
    expect(after.body.meta.pagination.total).toBe(1);
  });

  it('checks the whole file in the background before anything is written', async () => {
    await importFile(app, 'email\nknown@x.io\n');
    const rows = ['email,birthday', 'known@x.io,01/01/2000', ...Array.from({ length: 3000 }, (_, i) => `n${i}@x.io,${i % 100 === 0 ? '31/02/2020' : '02/02/2002'}`), 'broken@,x'];
    const created = await upload(app, rows.join('\n'), 'dry.csv');
    const id = created.body.data.documentId;
    await patch(app, id, { mapping: [{ column: 'email', field: 'email' }, { column: 'birthday', newField: { key: 'bday', label: 'Bday', type: 'date' } }] });
    await app.http().get(`/contacts/imports/${id}/preview`).set(admin());
    let dry: any;
    for (let i = 0; i < 100; i++) {
      dry = (await app.http().get(`/contacts/imports/${id}/preview`).set(admin())).body.data.dryRun;
      if (dry?.status === 'done') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(dry).toMatchObject({ status: 'done', counters: { processed: 3002, created: 3000, updated: 1, failed: 1, warnings: 30 } });
    expect(dry.problems[0]).toMatchObject({ level: 'warning', code: 'invalid_date' });
    expect((await contactsByEmail(app)).size).toBe(1);
    expect((await detail(app, id)).status).toBe('draft');
  });
});
