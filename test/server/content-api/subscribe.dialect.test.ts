import { auth, startStrapi, type TestApp } from '../helpers/strapi';
import { mailText, startSmtp } from '../helpers/smtp';

/**
 * POST /api/contacts/subscribe with double opt-in (the default), through a
 * real SMTP server: nothing is stored before the person follows the signed
 * link; the answer never depends on what the base holds.
 */
let app: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startStrapi({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) });
});
afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

const subscribe = (body: object) => app.http().post('/api/contacts/subscribe').set(auth(app.apiToken)).send(body);
const admin = () => auth(app.adminToken);
const contactByEmail = (email: string) => app.strapi.db.query('plugin::contacts.contact').findOne({ where: { email } });
const countContacts = async () => Number((await app.strapi.db.connection('contacts_contacts').count({ n: '*' }))[0].n);

/** The confirmation link sent to `email` (waits for the mail). */
const linkFor = async (email: string) => {
  for (let i = 0; i < 100; i++) {
    const mail = smtp.mails.find((m) => m.to.includes(email));
    if (mail) {
      const m = /(https?:\/\/\S+\/api\/contacts\/subscribe\/confirm\?token=[A-Za-z0-9_.%-]+)/.exec(mailText(mail.raw));
      if (!m) throw new Error(`no link in:\n${mail.raw}`);
      return new URL(m[1]);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail to ${email}`);
};
const follow = (url: URL) => app.http().get(`${url.pathname}${url.search}`).set('Accept', 'application/json');

describe('validation comes before any lookup', () => {
  beforeAll(async () => {
    await app.http().post('/contacts/contacts').set(admin()).send({ email: 'known@example.com', firstName: 'Real' });
  });

  it.each([
    [{ email: 'not an email' }, /valid e-mail/],
    [{ email: '' }, /valid e-mail|required/],
    [{ firstName: 'No mail' }, /email is required/],
    [{ email: 42 }, /email must be text/],
    [{ email: 'x@example.com', tags: ['vip'] }, /unknown property: tags/],
    [{ email: 'x@example.com', emailOptIn: 'yes' }, /unknown property: emailOptIn/],
    [{ email: 'x@example.com', firstName: 'x'.repeat(300) }, /at most 255/],
  ])('%j → the same 400 for a known and an unknown address', async (body, message) => {
    const unknown = await subscribe(body);
    const withAddress = typeof (body as any).email === 'string' && (body as any).email.includes('@');
    const known = await subscribe(withAddress ? { ...body, email: 'known@example.com' } : body);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(message);
    expect(known.status).toBe(400);
    expect(known.body.error).toEqual(unknown.body.error);
  });

  it('answers a known and an unknown address alike', async () => {
    const a = await subscribe({ email: 'known@example.com', firstName: 'Prank' });
    const b = await subscribe({ email: 'nobody@example.com', firstName: 'Prank' });
    expect(a.status).toBe(200);
    expect(a.body).toEqual({ data: { email: 'known@example.com', status: 'pending' } });
    expect(b.body).toEqual({ data: { email: 'nobody@example.com', status: 'pending' } });
  });
});

describe('double opt-in', () => {
  it('stores nothing before the link is followed, then creates the contact opted in', async () => {
    const before = await countContacts();
    expect((await subscribe({ email: '  New.Person@Example.COM ', firstName: 'New' })).status).toBe(200);
    expect(await countContacts()).toBe(before);
    const link = await linkFor('new.person@example.com');
    const res = await follow(link);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { status: 'confirmed' } });
    expect(await contactByEmail('new.person@example.com')).toMatchObject({ firstName: 'New', emailOptIn: 'yes', tags: null });
    // The link is idempotent.
    expect((await follow(link)).status).toBe(200);
    expect(await countContacts()).toBe(before + 1);
  });

  it('a confirmation opts a contact who said no back in, never a blocklisted one, and touches no other field', async () => {
    await app.http().post('/contacts/contacts').set(admin()).send({ email: 'optout@example.com', emailOptIn: 'no', smsOptIn: 'no', firstName: 'Keep', tags: ['old'] });
    await app.http().post('/contacts/contacts').set(admin()).send({ email: 'blocked@example.com', emailOptIn: 'blocklist' });
    await subscribe({ email: 'optout@example.com', firstName: 'Other', lastName: 'Filled' });
    await subscribe({ email: 'blocked@example.com' });
    // Before confirmation, nothing changed.
    expect(await contactByEmail('optout@example.com')).toMatchObject({ emailOptIn: 'no', firstName: 'Keep', lastName: null });
    await follow(await linkFor('optout@example.com'));
    await follow(await linkFor('blocked@example.com'));
    expect(await contactByEmail('optout@example.com')).toMatchObject({ emailOptIn: 'yes', smsOptIn: 'no', firstName: 'Keep', lastName: 'Filled', tags: ['old'] });
    expect(await contactByEmail('blocked@example.com')).toMatchObject({ emailOptIn: 'blocklist' });
  });

  it('refuses a tampered or expired link, and sends one mail per address per window', async () => {
    await subscribe({ email: 'tamper@example.com' });
    const link = await linkFor('tamper@example.com');
    const token = link.searchParams.get('token')!;
    const [body, sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ email: 'victim@example.com', exp: 9999999999 })).toString('base64url');
    for (const bad of [`${forged}.${sig}`, `${body}.${sig.slice(0, -2)}xx`, 'garbage', '']) {
      const res = await app.http().get('/api/contacts/subscribe/confirm').query({ token: bad });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/not valid/);
    }
    expect(await contactByEmail('victim@example.com')).toBeNull();

    const { signClaim } = await import('../../../server/src/subscribe/token');
    const keys = app.strapi.config.get('server.app.keys') as string[];
    const expired = signClaim({ email: 'late@example.com', exp: Math.floor(Date.now() / 1000) - 1 }, keys[0]);
    const res = await app.http().get('/api/contacts/subscribe/confirm').query({ token: expired });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/expired/);

    const sent = smtp.mails.filter((m) => m.to.includes('tamper@example.com')).length;
    await subscribe({ email: 'tamper@example.com' });
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails.filter((m) => m.to.includes('tamper@example.com')).length).toBe(sent);
  });

  it('the confirmation route is public, the subscribe route is not', async () => {
    expect([401, 403]).toContain((await app.http().post('/api/contacts/subscribe').send({ email: 'anon@example.com' })).status);
    expect((await app.http().get('/api/contacts/subscribe/confirm').query({ token: 'x' })).status).toBe(400);
  });
});
