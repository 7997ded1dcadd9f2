/**
 * The segment compiler against an independent evaluator (./evaluator.ts,
 * written from the contract only): generated contacts, most written straight
 * into the table and some through the admin API and two imports, static and
 * dynamic segments, then hundreds of random criteria whose members the
 * database (through the compiler) and the evaluator must agree on, to the id.
 * SEGMENTS_SEED and SEGMENTS_CRITERIA change the run.
 */
import { OPERATORS_BY_KIND, RELATIVE_DAYS, type Condition, type Criteria, type OperatorKind } from '../../../shared/segments';
import { UID } from '../../../shared/constants';
import { CUSTOM_FIELDS, NOW, generateContacts, generateCriteria, rng, type GeneratedContact } from '../../fixtures/segments';
import { importFile } from '../helpers/imports';
import { auth, startStrapi, type TestApp } from '../helpers/strapi';
import { insertContacts, readContacts, type StoredContact } from './db';
import { criteriaFields, evaluate, fieldMap, leaves, valueOf, type EvalContext } from './evaluator';

const SEED = Number(process.env.SEGMENTS_SEED || 20260615);
const CRITERIA = Number(process.env.SEGMENTS_CRITERIA || 400);

let app: TestApp;
const admin = () => auth(app.adminToken);
const fields = fieldMap(criteriaFields(CUSTOM_FIELDS));
const base = generateContacts({ seed: SEED });
/** Where criteria values come from: not the 10,000-character note (its own case below), whose tail would make most needles drawn from it disagree for that one reason. */
const sampled = [...base.direct, ...base.api, ...Object.values(base.sentinels).filter((c) => c.ref !== 's-long')];

let stored: StoredContact[] = [];
let folded = 0;
let ctx: EvalContext;
const byEmail = new Map<string, StoredContact>();
const byDocumentId = new Map<string, StoredContact>();
const importedEmails = new Set<string>();
const imports: Record<string, { documentId: string; members: Set<string>; counters: Record<string, number> }> = {};
const segments: Record<string, { documentId: string; criteria?: Criteria; refresh?: any }> = {};

/** JSON with sorted keys (PostgreSQL's jsonb and MySQL reorder object keys). */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

const all = (...conditions: Condition[]): Criteria => ({ match: 'all', conditions });
const any = (...conditions: Condition[]): Criteria => ({ match: 'any', conditions });
const f = (field: string, operator: string, value?: unknown): Condition =>
  (value === undefined ? { field, operator } : { field, operator, value }) as Condition;

const matchingIds = async (criteria: Criteria, now = NOW): Promise<number[]> =>
  (await app.strapi.plugin('contacts').service('segments').matchingIds(criteria, { now })) as number[];
const expected = (criteria: Criteria, now = NOW) => evaluate(criteria, stored, { ...ctx, now });
const sorted = (ids: number[]) => [...ids].map(Number).sort((a, b) => a - b);

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';

const created = (res: any, what: string) => {
  if (res.status !== 201 && res.status !== 200) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data;
};

const createSegment = async (name: string, body: Record<string, unknown>) =>
  created(await app.http().post('/contacts/segments').set(admin()).send({ name, ...body }), `segment ${name}`);

beforeAll(async () => {
  app = await startStrapi({ CONTACTS_QUEUE_TICK_SECONDS: '0.5' });
  for (const field of CUSTOM_FIELDS) created(await app.http().post('/contacts/fields').set(admin()).send(field), `field ${field.key}`);

  // Most rows straight into the table (any stored shape), some through the API.
  await insertContacts(app, [...base.direct, ...Object.values(base.sentinels)]);
  // Rows written by raw SQL get the plugin's folded copies the way old rows do (what criteria on text read).
  folded = await app.strapi.plugin('contacts').service('contacts').backfillFolded();
  for (const c of base.api) {
    const body = Object.fromEntries(Object.entries(c.fields).filter(([k]) => !['createdAt', 'updatedAt', 'lastActivityAt', 'ownerId'].includes(k)));
    created(await app.http().post('/contacts/contacts').set(admin()).send({ ...body, attributes: c.attributes }), `contact ${c.ref}`);
  }

  // Two imports: new contacts, changed ones, unchanged ones (not members: the import did not touch them).
  const r = rng(SEED + 1);
  const importable = base.direct.filter(
    (c) =>
      typeof c.fields.email === 'string' &&
      /^[a-z0-9][a-z0-9._]*@(example\.com|exemple\.fr|mail\.test)$/.test(c.fields.email) &&
      typeof c.fields.firstName === 'string' &&
      c.fields.firstName !== '' &&
      c.fields.firstName === c.fields.firstName.normalize('NFC') &&
      typeof c.fields.company === 'string' &&
      c.fields.company !== ''
  );
  const picked = r.shuffle(importable);
  const [updated1, unchanged1, updated2] = [picked.slice(0, 10), picked.slice(10, 14), picked.slice(14, 19)];
  const new1 = Array.from({ length: 15 }, (_, i) => [`imported${i}@example.com`, r.pick(['Hélène', 'Zoë', 'Ana_Maria', 'Jean-Luc']), r.pick(['Acme', '100% Bio', 'a_b corp'])]);
  const row = (c: GeneratedContact, company = c.fields.company as string) => [c.fields.email as string, c.fields.firstName as string, company];
  const runImport = async (key: string, rows: string[][], members: string[], counters: Record<string, number>) => {
    for (const r of rows) importedEmails.add(r[0]);
    const done = await importFile(app, csv([['email', 'firstName', 'company'], ...rows]), { filename: `${key}.csv` });
    imports[key] = { documentId: done.documentId, members: new Set(members), counters: done.counters };
    expect({ key, status: done.status, ...Object.fromEntries(Object.keys(counters).map((k) => [k, done.counters[k]])) }).toEqual({ key, status: 'imported', ...counters });
  };
  await runImport(
    'i1',
    [...new1, ...updated1.map((c, i) => row(c, `Imported ${i}`)), ...unchanged1.map((c) => row(c))],
    [...new1.map((x) => x[0]), ...updated1.map((c) => c.fields.email as string)],
    { created: 15, updated: 10, unchanged: 4, failed: 0 }
  );
  await runImport(
    'i2',
    [...new1.slice(0, 6).map((x) => [x[0], x[1], 'Second import']), ...updated2.map((c) => row(c, 'Second_import %')), ...updated1.slice(0, 2).map((c, i) => row(c, `Imported ${i}`))],
    [...new1.slice(0, 6).map((x) => x[0]), ...updated2.map((c) => c.fields.email as string)],
    { created: 0, updated: 11, unchanged: 2, failed: 0 }
  );

  stored = await readContacts(app);
  for (const c of stored) {
    if (typeof c.fields.email === 'string') byEmail.set(c.fields.email, c);
    byDocumentId.set(c.documentId, c);
  }

  // Static segments (one empty), then dynamic ones, one reading another's membership.
  const s1Members = rng(SEED + 2).subset(stored, 40, 40);
  segments.s1 = { documentId: (await createSegment('Static one', { kind: 'static' })).documentId };
  const added = await app.http().post(`/contacts/segments/${segments.s1.documentId}/members`).set(admin()).send({ ids: s1Members.map((c) => c.documentId) });
  if (added.status >= 300) throw new Error(`members: ${added.status} ${JSON.stringify(added.body)}`);
  segments.s2 = { documentId: (await createSegment('Static empty', { kind: 'static' })).documentId };

  const segmentSets = new Map<string, Set<number>>([
    [segments.s1.documentId, new Set(s1Members.map((c) => c.id))],
    [segments.s2.documentId, new Set()],
  ]);
  const importSets = new Map(Object.values(imports).map((i) => [i.documentId, new Set([...i.members].map((e) => byEmail.get(e)!.id))]));
  ctx = { now: NOW, fields, segments: segmentSets, imports: importSets };

  const dynamic: Array<[string, () => Criteria]> = [
    ['d1', () => any(f('emailOptIn', 'in', ['yes']), f('tags', 'in', ['vip', 'VIP']))],
    ['d2', () => all({ inSegment: segments.s1.documentId }, f('country', 'in', ['FR', 'DE']))],
    ['d3', () => all({ inImport: imports.i1.documentId }, { inSegment: segments.d1.documentId, not: true })],
  ];
  for (const [key, criteria] of dynamic) {
    const c = criteria();
    const seg = await createSegment(`Dynamic ${key}`, { kind: 'dynamic', criteria: c });
    const refreshed = await app.http().post(`/contacts/segments/${seg.documentId}/refresh`).set(admin());
    segments[key] = { documentId: seg.documentId, criteria: c, refresh: refreshed.status === 200 ? refreshed.body.data : { status: refreshed.status, body: refreshed.body } };
    // The contract: a dynamic segment's stored membership is its criteria at refresh time (no relative dates here).
    segmentSets.set(seg.documentId, new Set(evaluate(c, stored, ctx)));
  }
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

describe('the base under test', () => {
  const comparable = (c: { fields: Record<string, unknown>; attributes: unknown }, skip: string[]) => ({
    fields: Object.fromEntries(Object.entries(c.fields).filter(([k]) => !skip.includes(k))),
    attributes: c.attributes,
  });

  it('stores what the generator wrote (directly and through the API)', () => {
    const problems: unknown[] = [];
    const check = (c: GeneratedContact, s: StoredContact | undefined, skip: string[]) => {
      const want = comparable(c, skip);
      const got = s && comparable(s, skip);
      if (canonical(got) !== canonical(want)) problems.push({ ref: c.ref, stored: got, generated: want });
    };
    // Rows without an e-mail are found by their mobile and creation time; imported rows changed on purpose.
    for (const c of [...base.direct, ...Object.values(base.sentinels)]) {
      if (typeof c.fields.email === 'string') {
        if (!importedEmails.has(c.fields.email)) check(c, byEmail.get(c.fields.email), []);
      } else check(c, stored.find((s) => s.fields.email === null && s.fields.mobile === c.fields.mobile && s.fields.createdAt === c.fields.createdAt), []);
    }
    for (const c of base.api) check(c, byEmail.get(c.fields.email as string), ['createdAt', 'updatedAt', 'lastActivityAt', 'ownerId']);
    expect({ problems: problems.length, first: problems.slice(0, 3) }).toEqual({ problems: 0, first: [] });
    expect(stored.length).toBe(base.direct.length + Object.keys(base.sentinels).length + base.api.length + 15);
    expect(folded).toBe(base.direct.length + Object.keys(base.sentinels).length);
  });

  it('each import wrote history rows for exactly the contacts it created or updated', async () => {
    for (const [key, i] of Object.entries(imports)) {
      const row = await app.strapi.db.query(UID.import as any).findOne({ where: { documentId: i.documentId }, select: ['id'] });
      const history = await app.strapi.db.connection('contacts_history').where({ import_id: row.id }).distinct('contact_id');
      expect({ key, ids: sorted(history.map((h: any) => h.contact_id)) }).toEqual({ key, ids: sorted([...ctx.imports.get(i.documentId)!]) });
    }
  });

  it('a refresh stores what the evaluator computes for the dynamic segments', () => {
    for (const key of ['d1', 'd2', 'd3']) {
      const s = segments[key];
      const count = ctx.segments.get(s.documentId)!.size;
      expect({ key, refresh: s.refresh && { count: s.refresh.count } }).toEqual({ key, refresh: { count } });
      // Creating a dynamic segment may already compute it: the refresh then adds nothing.
      expect({ key, types: [s.refresh.added, s.refresh.removed, s.refresh.durationMs].map((x) => typeof x) }).toEqual({ key, types: ['number', 'number', 'number'] });
    }
    expect(ctx.segments.get(segments.d2.documentId)!.size).toBeGreaterThan(0);
    expect(ctx.segments.get(segments.d3.documentId)!.size).toBeGreaterThan(0);
  });
});

interface Disagreement {
  index: number;
  criteria: Criteria;
  onlyInDb?: number[];
  onlyInEvaluator?: number[];
  error?: string;
  /** The first single condition of the tree on which the two sides already differ, with the stored values of the contacts concerned. */
  narrowed?: { path: string; condition: Condition; onlyInDb: number[]; onlyInEvaluator: number[]; values: Record<number, unknown>; error?: string };
}

const diff = (db: number[], ev: number[]) => {
  const a = new Set(db);
  const b = new Set(ev);
  return { onlyInDb: db.filter((x) => !b.has(x)), onlyInEvaluator: ev.filter((x) => !a.has(x)) };
};

const compare = async (criteria: Criteria, index: number, now = NOW): Promise<Disagreement | null> => {
  const ev = expected(criteria, now);
  let db: number[];
  try {
    db = await matchingIds(criteria, now);
  } catch (e) {
    const out: Disagreement = { index, criteria, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    for (const { path, condition } of leaves(criteria)) {
      const alone = await matchingIds(all(condition), now).then(
        () => null,
        (x: unknown) => (x instanceof Error ? x.message : String(x))
      );
      if (alone) {
        out.narrowed = { path, condition, onlyInDb: [], onlyInEvaluator: [], values: {}, error: alone.slice(-200) };
        break;
      }
    }
    return out;
  }
  const ids = sorted(db);
  if (new Set(ids).size !== ids.length) return { index, criteria, error: `duplicate ids in ${JSON.stringify(ids)}` };
  if (JSON.stringify(ids) === JSON.stringify(ev)) return null;
  const out: Disagreement = { index, criteria, ...diff(ids, ev) };
  for (const { path, condition } of leaves(criteria)) {
    const one = all(condition);
    const d = diff(sorted(await matchingIds(one, now).catch(() => [])), expected(one, now));
    if (d.onlyInDb.length || d.onlyInEvaluator.length) {
      const field = 'field' in condition ? fields.get(condition.field) : undefined;
      const values = Object.fromEntries(
        [...d.onlyInDb, ...d.onlyInEvaluator].slice(0, 6).map((id) => {
          const c = stored.find((s) => s.id === id)!;
          return [id, field ? valueOf(c, field) ?? '(absent)' : '(membership)'];
        })
      );
      out.narrowed = { path, condition, ...d, values };
      break;
    }
  }
  return out;
};

/** One line per disagreement (its narrowed condition), then the first ones in full. */
const report = (list: Disagreement[], total: number) =>
  `${list.length} of ${total} criteria disagree:\n` +
  list
    .map((d) => {
      const n = d.narrowed;
      const what = n ? `${JSON.stringify(n.condition)} ${n.error ? `throws …${n.error.slice(-90)}` : `db-only ${JSON.stringify(n.onlyInDb.slice(0, 8))} evaluator-only ${JSON.stringify(n.onlyInEvaluator.slice(0, 8))}`}` : d.error ?? 'only together';
      return `  #${d.index}: ${what}`;
    })
    .join('\n') +
  '\nfirst ones in full:\n' +
  list
    .slice(0, 5)
    .map((d) => JSON.stringify({ ...d, onlyInDb: d.onlyInDb?.slice(0, 20), onlyInEvaluator: d.onlyInEvaluator?.slice(0, 20) }, null, 1))
    .join('\n');

describe('random criteria: database = evaluator', () => {
  const coverage = new Map<string, number>();
  const fieldCoverage = new Set<string>();

  it(`${CRITERIA} random criteria select the same contacts`, async () => {
    const criteria = generateCriteria({
      seed: SEED + 3,
      fields: [...fields.values()],
      contacts: sampled,
      segments: Object.values(segments).map((s) => s.documentId),
      imports: Object.values(imports).map((i) => i.documentId),
      count: CRITERIA,
    });
    const disagreements: Disagreement[] = [];
    let nonTrivial = 0;
    const started = Date.now();
    for (const [i, c] of criteria.entries()) {
      for (const { condition } of leaves(c)) {
        const key =
          'field' in condition
            ? `${fields.get(condition.field)!.kind}.${condition.operator}`
            : 'inSegment' in condition
              ? `inSegment${condition.not ? '.not' : ''}`
              : 'inImport' in condition
                ? `inImport${condition.not ? '.not' : ''}`
                : 'search';
        coverage.set(key, (coverage.get(key) ?? 0) + 1);
        if ('field' in condition) fieldCoverage.add(`${condition.field}.${condition.operator}`);
      }
      const n = expected(c).length;
      if (n > 0 && n < stored.length) nonTrivial++;
      const d = await compare(c, i);
      if (d) disagreements.push(d);
    }
    // eslint-disable-next-line no-console
    console.log(`${criteria.length} criteria, ${[...coverage.values()].reduce((a, b) => a + b, 0)} conditions, ${nonTrivial} with a proper subset, ${disagreements.length} disagreements, ${Date.now() - started} ms`);
    expect(criteria.length).toBeGreaterThanOrEqual(300);
    expect(nonTrivial).toBeGreaterThan(criteria.length / 2);
    if (disagreements.length) throw new Error(report(disagreements, criteria.length));
  }, 900_000);

  it('covered every operator of every kind, and segment and import conditions both ways', () => {
    const wanted = [
      ...(Object.entries(OPERATORS_BY_KIND) as Array<[OperatorKind, readonly string[]]>).flatMap(([k, ops]) => ops.map((op) => `${k}.${op}`)),
      'inSegment',
      'inSegment.not',
      'inImport',
      'inImport.not',
    ];
    expect(wanted.filter((k) => !coverage.get(k))).toEqual([]);
    // Columns, system fields and keys of `attributes` compile differently: every field with every operator of its kind.
    const pairs = [...fields.values()].flatMap((x) => (OPERATORS_BY_KIND[x.kind] as readonly string[]).map((op) => `${x.key}.${op}`));
    expect(pairs.filter((k) => !fieldCoverage.has(k))).toEqual([]);
    // eslint-disable-next-line no-console
    console.log(`coverage: ${coverage.size} kind×operator (+ membership) keys, ${fieldCoverage.size} field×operator pairs; ${[...coverage].map(([k, n]) => `${k}=${n}`).join(' ')}`);
  });

  it('the HTTP preview and the contact search agree too (criteria without relative dates, at the server clock)', async () => {
    const criteria = generateCriteria({
      seed: SEED + 4,
      fields: [...fields.values()],
      contacts: sampled,
      segments: Object.values(segments).map((s) => s.documentId),
      imports: Object.values(imports).map((i) => i.documentId),
      count: 25,
      absoluteOnly: true,
    }).slice(-25);
    const problems: unknown[] = [];
    for (const c of criteria) {
      expect(leaves(c).some(({ condition }) => 'operator' in condition && RELATIVE_DAYS.has(condition.operator))).toBe(false);
      const ev = expected(c, new Date());
      const preview = await app.http().post('/contacts/segments/preview').set(admin()).send({ criteria: c });
      const search = await app.http().get('/contacts/contacts').query({ criteria: JSON.stringify(c), pageSize: 200 }).set(admin());
      const sample = preview.body?.data?.sample ?? [];
      const sampleIds = sample.map((s: any) => s.id ?? byDocumentId.get(s.documentId)?.id);
      const searchIds = sorted((search.body?.data ?? []).map((s: any) => s.id));
      const got = {
        preview: preview.status,
        count: preview.body?.data?.count,
        sampleOutside: sampleIds.filter((id: number) => !ev.includes(id)),
        search: search.status,
        total: search.body?.meta?.pagination?.total,
        ids: ev.length <= searchIds.length ? searchIds : 'paged',
      };
      const want = { preview: 200, count: ev.length, sampleOutside: [], search: 200, total: ev.length, ids: ev.length <= searchIds.length ? ev : 'paged' };
      if (JSON.stringify(got) !== JSON.stringify(want)) problems.push({ criteria: c, got: { ...got, ids: undefined }, want: { ...want, ids: undefined }, ...(Array.isArray(got.ids) ? diff(got.ids, ev) : {}) });
    }
    if (problems.length) throw new Error(`${problems.length} of ${criteria.length} disagree:\n${problems.slice(0, 3).map((p) => JSON.stringify(p)).join('\n')}`);
  });
});

describe('hand-written cases for the tricky rules', () => {
  const id = (name: string) => byEmail.get(`${name}@sentinel.test`)!.id;
  const cases: Array<[string, () => Criteria, string[], string[]]> = [
    ['fold: eq ignores case and accents, NFC or NFD', () => all(f('firstName', 'eq', 'HÉLÈNE')), ['s-helene-nfc', 's-helene-upper', 's-helene-lower', 's-helene-nfd'], ['s-helena', 's-empty']],
    ['fold: contains', () => all(f('firstName', 'contains', 'LÈN')), ['s-helene-nfc', 's-helene-upper', 's-helene-lower', 's-helene-nfd', 's-helena'], ['s-empty']],
    ['fold: startsWith with an NFD needle', () => all(f('firstName', 'startsWith', 'HÉLÈ'.normalize('NFD'))), ['s-helene-nfc', 's-helene-nfd', 's-helene-upper'], ['s-next-out']],
    ['text neq matches empty (null, absent)', () => all(f('firstName', 'neq', 'helene')), ['s-helena', 's-empty', 's-nulls', 's-next-out'], ['s-helene-nfc', 's-helene-upper', 's-helene-lower', 's-helene-nfd']],
    ["text neq matches ''", () => all(f('lastName', 'neq', 'Dupont')), ['s-helene-upper', 's-empty'], ['s-helene-nfc']],
    ["text notContains matches '' and null", () => all(f('lastName', 'notContains', 'x')), ['s-helene-upper', 's-empty', 's-helene-nfc'], []],
    ["text empty: '' and null", () => all(f('mobile', 'empty')), ['s-helene-lower', 's-empty'], []],
    ["custom text empty: '', null, absent, no attributes", () => all(f('note', 'empty')), ['s-helene-upper', 's-nulls', 's-empty', 's-helene-nfd'], []],
    ['select notIn never matches an empty value', () => all(f('emailOptIn', 'notIn', ['yes'])), ['s-helene-upper', 's-helene-lower', 's-helena'], ['s-helene-nfc', 's-empty', 's-helene-nfd']],
    ['select in is case-sensitive', () => all(f('plan', 'in', ['gold'])), ['s-helene-upper'], ['s-helene-nfc']],
    ['custom select notIn never matches empty', () => all(f('plan', 'notIn', ['Gold'])), ['s-helene-upper', 's-helene-lower'], ['s-helene-nfc', 's-empty', 's-nulls', 's-helene-nfd']],
    ['tags notIn: a non-empty list without them', () => all(f('tags', 'notIn', ['vip'])), ['s-helene-lower', 's-next-out'], ['s-helene-nfc', 's-helene-upper', 's-empty']],
    ['tags in: exact, with a quote', () => all(f('tags', 'in', ['say "hi"'])), ['s-helene-lower'], ['s-helene-nfc']],
    ['tags in: case-sensitive', () => all(f('tags', 'in', ['vip'])), ['s-helene-nfc'], ['s-helene-lower']],
    ['tags empty: [] and null', () => all(f('tags', 'empty')), ['s-helene-upper', 's-empty', 's-helene-nfd'], ['s-helene-lower']],
    ['multiselect notIn: [] and null never match', () => all(f('interests', 'notIn', ['Sport'])), ['s-helene-lower', 's-next-out'], ['s-helene-nfc', 's-helene-upper', 's-nulls', 's-empty']],
    ['number neq matches empty', () => all(f('score', 'neq', 0)), ['s-helene-nfc', 's-empty', 's-nulls'], ['s-helene-upper']],
    ['number: negative column value', () => all(f('ownerId', 'lt', 0)), ['s-helene-nfc'], ['s-empty']],
    ['number: decimals', () => all(f('ratio', 'between', [-0.5, -0.5])), ['s-helene-nfc'], ['s-empty']],
    ['date neq matches empty', () => all(f('due', 'neq', NOW.toISOString().slice(0, 10))), ['s-helene-nfc', 's-empty', 's-nulls'], ['s-helene-lower']],
    ['empty all group: everyone', () => all(), [], []],
    ['empty any group: no one', () => any(), [], []],
    ['nested empty groups', () => any(all(), any()), [], []],
    ['an empty any inside an all: no one', () => all(f('email', 'notEmpty'), any()), [], []],
    ['% is literal', () => all(f('company', 'contains', '%')), ['s-helene-nfc', 's-next-out'], ['s-helene-upper']],
    ['_ is literal', () => all(f('company', 'startsWith', 'a_b')), ['s-helene-lower'], ['s-helene-nfd']],
    ['% at the end of a needle', () => all(f('company', 'endsWith', '%sign')), ['s-next-out'], ['s-helene-nfc']],
    ['backslash is literal', () => all(f('company', 'contains', '\\')), ['s-helena'], ['s-helene-nfc']],
    ['100% does not match 100', () => all(f('company', 'eq', '100%')), [], ['s-helene-upper', 's-helene-nfc']],
    ['inLastDays (datetime): now−7×24h and now are in, 1 ms outside is out', () => all(f('lastActivityAt', 'inLastDays', 7)), ['s-helene-nfc', 's-helene-lower'], ['s-helene-upper', 's-helene-nfd', 's-empty']],
    ['inNextDays (datetime): now+7×24h is in, 1 ms more is out', () => all(f('lastActivityAt', 'inNextDays', 7)), ['s-helene-lower', 's-helene-nfd', 's-helena'], ['s-next-out', 's-helene-nfc']],
    ['notInLastDays (datetime) matches empty', () => all(f('lastActivityAt', 'notInLastDays', 7)), ['s-helene-upper', 's-helene-nfd', 's-empty'], ['s-helene-nfc', 's-helene-lower']],
    ['inLastDays (date): today−7 and today are in, today−8 is out', () => all(f('due', 'inLastDays', 7)), ['s-helene-nfc', 's-helene-lower'], ['s-helene-upper', 's-helena', 's-empty']],
    ['inNextDays (date): today+7 in, today+8 out', () => all(f('due', 'inNextDays', 7)), ['s-helene-lower', 's-helena'], ['s-next-out', 's-helene-nfc']],
    ['notInLastDays (date) matches empty', () => all(f('due', 'notInLastDays', 7)), ['s-helene-upper', 's-helena', 's-empty', 's-nulls'], ['s-helene-nfc', 's-helene-lower']],
    ['datetime eq to the millisecond', () => all(f('seenAt', 'eq', '2026-06-10T08:00:00.123Z')), ['s-helene-nfc'], ['s-helene-lower']],
    ['datetime eq with an offset', () => all(f('seenAt', 'eq', '2026-06-10T10:00:00.123+02:00')), ['s-helene-nfc'], ['s-helene-lower']],
    ['datetime gt by one millisecond', () => all(f('seenAt', 'gt', '2026-06-10T08:00:00.123Z')), ['s-helene-lower'], ['s-helene-nfc']],
    ['datetime column eq with an offset', () => all(f('lastActivityAt', 'eq', new Date(NOW.getTime() - 7 * 86_400_000 + 3_600_000).toISOString().replace('Z', '+01:00'))), ['s-helene-nfc'], ['s-helene-upper']],
    ['boolean isFalse: false only', () => all(f('vip', 'isFalse')), ['s-helene-upper'], ['s-helene-lower', 's-empty', 's-helene-nfc']],
    ['boolean empty: null, absent, no attributes', () => all(f('vip', 'empty')), ['s-helene-lower', 's-empty', 's-helene-nfd', 's-nulls'], ['s-helene-nfc', 's-helene-upper']],
    ['longtext keeps its trailing spaces (fold does not trim)', () => all(f('bio', 'eq', 'trailing')), [], ['s-helena']],
    ['longtext: contains looks at the whole value (past 10,000 characters)', () => all(f('bio', 'contains', 'ZQJX-MARKER')), ['s-long'], ['s-helena']],
    ['longtext: endsWith looks at the whole value', () => all(f('bio', 'endsWith', 'marker')), ['s-long'], ['s-helena']],
  ];

  it.each(cases)('%s', async (_name, criteria, inside, outside) => {
    const c = criteria();
    const ev = expected(c);
    // The evaluator itself, on the named contacts…
    expect({ missing: inside.filter((n) => !ev.includes(id(n))), unexpected: outside.filter((n) => ev.includes(id(n))) }).toEqual({ missing: [], unexpected: [] });
    // …and the database through the compiler.
    const d = await compare(c, 0);
    if (d) throw new Error(report([d], 1));
  });

  it('empty groups: all is every contact, any is none', () => {
    expect(expected(all()).length).toBe(stored.length);
    expect(expected(any())).toEqual([]);
  });
});

describe('refused criteria: 400 with the path of the bad condition', () => {
  const pathOf = (res: any): unknown => res.body?.error?.details?.path;
  /** The path names the condition, or the condition's key at fault. */
  const pathMatches = (got: unknown, want: string) => {
    // Relative to the criteria, or to the body ("criteria.conditions.0.value").
    const p = typeof got === 'string' ? got.replace(/^criteria\./, '') : got;
    return p === want || p === want.replace(/\.(field|operator|value|inSegment|inImport)$/, '');
  };
  const seen: string[] = [];

  const refusals: Array<[string, () => unknown, string]> = [
    ['unknown field', () => all(f('email', 'notEmpty'), f('nope', 'eq', 'x')), 'conditions.1.field'],
    ['operator of another kind', () => all(f('score', 'contains', 'x')), 'conditions.0.operator'],
    ['unknown operator', () => all(f('firstName', 'like', 'x')), 'conditions.0.operator'],
    ['select operator on text', () => all(f('company', 'in', ['Acme'])), 'conditions.0.operator'],
    ['text operator on a date', () => all(f('due', 'startsWith', '2026')), 'conditions.0.operator'],
    ['missing value', () => all(f('firstName', 'eq')), 'conditions.0.value'],
    ['blank needle', () => all(f('firstName', 'contains', '   ')), 'conditions.0.value'],
    ['text needle of another type', () => all(f('company', 'eq', 5)), 'conditions.0.value'],
    ['number as text', () => all(f('score', 'eq', '5')), 'conditions.0.value'],
    ['between with one bound', () => all(f('score', 'between', [1])), 'conditions.0.value'],
    ['between not a list', () => all(f('ratio', 'between', 3)), 'conditions.0.value'],
    ['impossible date', () => all(f('due', 'eq', '2026-02-30')), 'conditions.0.value'],
    ['date in another format', () => all(f('due', 'gt', '15/06/2026')), 'conditions.0.value'],
    ['not an instant', () => all(f('seenAt', 'gt', 'yesterday')), 'conditions.0.value'],
    ['days not whole', () => all(f('lastActivityAt', 'inLastDays', 1.5)), 'conditions.0.value'],
    ['negative days', () => all(f('due', 'inNextDays', -1)), 'conditions.0.value'],
    ['days as text', () => all(f('due', 'inLastDays', '7')), 'conditions.0.value'],
    ['select value not a list', () => all(f('plan', 'in', 'Gold')), 'conditions.0.value'],
    ['list of numbers', () => all(f('tags', 'in', [1, 2])), 'conditions.0.value'],
    ['nested bad operator', () => all(f('email', 'notEmpty'), f('firstName', 'empty'), any(f('email', 'gt', 'a'))), 'conditions.2.conditions.0.operator'],
    ['deeper bad value', () => any(all(any(f('score', 'gt', 'x')))), 'conditions.0.conditions.0.conditions.0.value'],
    ['unknown segment', () => all({ inSegment: 'nosuchsegment000000000000' }), 'conditions.0.inSegment'],
    ['unknown import', () => all(f('email', 'notEmpty'), { inImport: 'nosuchimport0000000000000' }), 'conditions.1.inImport'],
    ['bad match', () => ({ match: 'some', conditions: [] }), 'match'],
  ];

  it.each(refusals)('%s', async (_name, criteria, path) => {
    const res = await app.http().post('/contacts/segments/preview').set(admin()).send({ criteria: criteria() });
    expect({ status: res.status, path: pathMatches(pathOf(res), path) ? path : pathOf(res), body: res.status === 400 ? undefined : res.body }).toEqual({ status: 400, path, body: undefined });
    expect(typeof res.body.error.message).toBe('string');
    seen.push(String(pathOf(res)));
  });

  it('the contact search and a dynamic segment refuse the same way', async () => {
    const bad = all(f('email', 'notEmpty'), any(f('score', 'contains', 'x')));
    const search = await app.http().get('/contacts/contacts').query({ criteria: JSON.stringify(bad) }).set(admin());
    expect({ status: search.status, ok: pathMatches(pathOf(search), 'conditions.1.conditions.0.operator') }).toEqual({ status: 400, ok: true });
    const notJson = await app.http().get('/contacts/contacts').query({ criteria: '{match:' }).set(admin());
    expect(notJson.status).toBe(400);
    const segment = await app.http().post('/contacts/segments').set(admin()).send({ name: 'Bad', kind: 'dynamic', criteria: bad });
    expect({ status: segment.status, ok: pathMatches(pathOf(segment), 'conditions.1.conditions.0.operator') }).toEqual({ status: 400, ok: true });
  });

  it('refuses a cycle through inSegment', async () => {
    const a = await createSegment('Cycle A', { kind: 'dynamic', criteria: all({ inSegment: segments.s1.documentId }) });
    const b = await createSegment('Cycle B', { kind: 'dynamic', criteria: all(f('email', 'notEmpty'), { inSegment: a.documentId }) });
    const closing = await app.http().put(`/contacts/segments/${a.documentId}`).set(admin()).send({ criteria: all(f('email', 'notEmpty'), any({ inSegment: b.documentId })) });
    expect({ status: closing.status, ok: pathMatches(pathOf(closing), 'conditions.1.conditions.0.inSegment'), path: pathOf(closing) }).toEqual({ status: 400, ok: true, path: pathOf(closing) });
    const self = await app.http().put(`/contacts/segments/${b.documentId}`).set(admin()).send({ criteria: all({ inSegment: b.documentId }) });
    expect({ status: self.status, ok: pathMatches(pathOf(self), 'conditions.0.inSegment') }).toEqual({ status: 400, ok: true });
    // Still the old criteria: a refused update changed nothing.
    const reread = await app.http().get(`/contacts/segments/${a.documentId}`).set(admin());
    expect(reread.body.data.criteria).toEqual(all({ inSegment: segments.s1.documentId }));
    seen.push(String(pathOf(closing)), String(pathOf(self)));
  });

  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`refusal paths: ${seen.join(' | ')}`);
  });
});
