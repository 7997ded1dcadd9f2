import { planBatch, type ExistingContacts, type PlanSettings, type StoredContact } from '../../../server/src/import/plan';
import type { PreparedContact, RowProblem } from '../../../server/src/import/types';

const settings = (over: Partial<PlanSettings> = {}): PlanSettings => ({
  mode: 'upsert',
  baseKey: 'email',
  matchKey: 'email',
  emptyClears: false,
  allowResubscribe: false,
  required: [],
  defaults: { emailStatus: 'unknown', mobileStatus: 'unknown' },
  ...over,
});

let line = 1;
const row = (match: string, values: Record<string, unknown> = {}, extra: Partial<PreparedContact> = {}): PreparedContact => ({
  line: ++line,
  match,
  values: { email: match, ...values },
  attributes: {},
  empty: [],
  cellsJson: JSON.stringify([match]),
  ...extra,
});
const byMobile = (mobile: string, values: Record<string, unknown> = {}, extra: Partial<PreparedContact> = {}): PreparedContact => ({
  ...row(mobile, { mobile, ...values }, extra),
  values: { mobile, ...values },
});

let nextId = 100;
const stored = (values: Record<string, unknown>, extra: Partial<StoredContact> = {}): StoredContact => ({
  id: ++nextId,
  documentId: `doc${nextId}`,
  values: { email: null, mobile: null, firstName: null, emailOptIn: null, smsOptIn: null, emailStatus: 'unknown', ...values },
  tags: [],
  attributes: {},
  ...extra,
});
const base = (contacts: StoredContact[], key: 'email' | 'mobile' = 'email', other?: 'email' | 'mobile'): ExistingContacts => {
  const byMatch = new Map<string, StoredContact[]>();
  for (const c of contacts) {
    const v = c.values[key] as string;
    if (v) byMatch.set(v, [...(byMatch.get(v) ?? []), c]);
  }
  const byKey = new Map<string, StoredContact>();
  if (other) for (const c of contacts) if (c.values[other]) byKey.set(c.values[other] as string, c);
  return { byMatch, byKey };
};
const codes = (problems: RowProblem[]) => problems.map((p) => `${p.level}:${p.code}`);

describe('planBatch: new contacts', () => {
  it('creates over the defaults and never invents an opt-in', () => {
    const plan = planBatch(base([]), [row('a@x.io', { firstName: 'Ann' })], settings());
    expect(plan.delta).toMatchObject({ processed: 1, created: 1, updated: 0, failed: 0 });
    expect(plan.creates[0].values).toEqual({ email: 'a@x.io', firstName: 'Ann', emailStatus: 'unknown', mobileStatus: 'unknown' });
    expect(plan.creates[0].values.emailOptIn).toBeUndefined();
  });

  it('uses the import’s explicit opt-in defaults, and the file’s word over them', () => {
    const s = settings({ defaults: { emailOptIn: 'yes', emailStatus: 'unknown' } });
    const plan = planBatch(base([]), [row('a@x.io'), row('b@x.io', { emailOptIn: 'no' })], s);
    expect(plan.creates.map((c) => c.values.emailOptIn)).toEqual(['yes', 'no']);
  });

  it('lets two contacts share a mobile (the key is the e-mail)', () => {
    const plan = planBatch(base([stored({ email: 'old@x.io', mobile: '+33612345678' })]), [row('a@x.io', { mobile: '+33612345678' }), row('b@x.io', { mobile: '+33612345678' })], settings());
    expect(plan.delta).toMatchObject({ created: 2, failed: 0 });
  });

  it('fails a new contact without a required field, not a known one', () => {
    const known = stored({ email: 'k@x.io' });
    const s = settings({ required: [{ key: 'birthday', label: 'Birthday' }] });
    const plan = planBatch(base([known]), [row('new@x.io'), row('k@x.io', { firstName: 'K' })], s);
    expect(plan.delta).toMatchObject({ processed: 2, created: 0, updated: 1, failed: 1 });
    expect(plan.problems[0]).toMatchObject({ level: 'error', code: 'missing_required', params: { fields: ['Birthday'] }, column: 'birthday' });
  });

  it('counts a key twice in one batch as one creation and an update, later row winning', () => {
    const plan = planBatch(base([]), [row('a@x.io', { firstName: 'One' }), row('a@x.io', { firstName: 'Two' })], settings());
    expect(plan.delta).toMatchObject({ processed: 2, created: 1, updated: 1 });
    expect(plan.creates).toHaveLength(1);
    expect(plan.creates[0].values.firstName).toBe('Two');
  });

  it('skips new contacts in update mode', () => {
    const plan = planBatch(base([]), [row('a@x.io')], settings({ mode: 'update' }));
    expect(plan.delta).toMatchObject({ processed: 1, skipped: 1, created: 0 });
    expect(plan.creates).toEqual([]);
  });
});

describe('planBatch: known contacts', () => {
  it('updates what changed, counts unchanged rows, and keeps the batch’s touched ids', () => {
    const a = stored({ email: 'a@x.io', firstName: 'Ann' });
    const b = stored({ email: 'b@x.io', firstName: 'Bob' });
    const plan = planBatch(base([a, b]), [row('a@x.io', { firstName: 'Anne' }), row('b@x.io', { firstName: 'Bob' })], settings());
    expect(plan.delta).toMatchObject({ updated: 1, unchanged: 1 });
    expect(plan.updates).toEqual([expect.objectContaining({ id: a.id, values: expect.objectContaining({ firstName: 'Anne' }) })]);
    expect(plan.touchedIds.sort()).toEqual([a.id, b.id].sort());
  });

  it('never sets yes over no or blocklist, unless allowResubscribe', () => {
    const no = stored({ email: 'no@x.io', emailOptIn: 'no', smsOptIn: 'blocklist' });
    const rows = [row('no@x.io', { emailOptIn: 'yes', smsOptIn: 'yes' })];
    expect(planBatch(base([no]), rows, settings()).delta.unchanged).toBe(1);
    const again = planBatch(base([stored({ email: 'no@x.io', emailOptIn: 'no' })]), [row('no@x.io', { emailOptIn: 'yes' })], settings({ allowResubscribe: true }));
    expect(again.updates[0].values.emailOptIn).toBe('yes');
  });

  it('fill-empty writes only empty fields; create mode skips known contacts', () => {
    const a = stored({ email: 'a@x.io', firstName: 'Ann' });
    const fill = planBatch(base([a]), [row('a@x.io', { firstName: 'X', lastName: 'Lee' })], settings({ mode: 'fill-empty' }));
    expect(fill.updates[0].values).toMatchObject({ firstName: 'Ann', lastName: 'Lee' });
    const create = planBatch(base([stored({ email: 'a@x.io' })]), [row('a@x.io', { firstName: 'X' })], settings({ mode: 'create' }));
    expect(create.delta).toMatchObject({ skipped: 1, updated: 0 });
  });

  it('empty cells clear values only with emptyClears, never the key nor a status', () => {
    const a = stored({ email: 'a@x.io', firstName: 'Ann', emailStatus: 'valid' }, { tags: ['t'], attributes: { city: 'Paris' } });
    const r = row('a@x.io', {}, { empty: ['firstName', 'email', 'emailStatus', 'tags', 'city'] });
    expect(planBatch(base([a]), [r], settings()).delta.unchanged).toBe(1);
    const plan = planBatch(base([a]), [r], settings({ emptyClears: true }));
    expect(plan.updates[0]).toMatchObject({ values: expect.objectContaining({ email: 'a@x.io', firstName: null, emailStatus: 'valid' }), tags: [], attributes: {} });
  });

  it('reads a damaged stored contact as empty, warns once, and rewrites it', () => {
    const d = stored({ email: 'd@x.io' }, { damaged: ['tags (not a list of texts)'] });
    const plan = planBatch(base([d]), [row('d@x.io'), row('d@x.io')], settings());
    expect(codes(plan.problems)).toEqual(['warning:stored_value']);
    expect(plan.delta).toMatchObject({ updated: 1, unchanged: 1, warnings: 1 });
    expect(plan.updates).toHaveLength(1);
  });

  it('passes the cell warnings of written rows through, and counts them', () => {
    const w: RowProblem = { line: 9, level: 'warning', column: 'Birthday', code: 'invalid_date', params: {}, cells: [] };
    const plan = planBatch(base([]), [row('a@x.io', {}, { warnings: [w, { ...w, column: 'Score' }] })], settings());
    expect(plan.delta).toMatchObject({ created: 1, warnings: 2 });
    expect(codes(plan.problems)).toEqual(['warning:invalid_date', 'warning:invalid_date']);
  });
});

describe('planBatch: matching on the other column', () => {
  const mobileMatch = settings({ matchKey: 'mobile' });

  it('updates the one contact that has the number', () => {
    const a = stored({ email: 'a@x.io', mobile: '+33611111111' });
    const plan = planBatch(base([a], 'mobile', 'email'), [byMobile('+33611111111', { firstName: 'A' })], mobileMatch);
    expect(plan.updates).toEqual([expect.objectContaining({ id: a.id })]);
  });

  it('reports a number several contacts share, naming how many, and guesses nothing', () => {
    const shared = [stored({ email: 'a@x.io', mobile: '+33611111111' }), stored({ email: 'b@x.io', mobile: '+33611111111' })];
    const plan = planBatch(base(shared, 'mobile', 'email'), [byMobile('+33611111111', { firstName: 'A' })], mobileMatch);
    expect(plan.delta).toMatchObject({ failed: 1, updated: 0 });
    expect(plan.problems[0]).toMatchObject({ code: 'ambiguous_key', params: { count: 2, key: 'mobile', value: '+33611111111' } });
  });

  it('a new contact found by neither still needs the base’s key', () => {
    const plan = planBatch(base([], 'mobile', 'email'), [byMobile('+33622222222'), byMobile('+33633333333', { email: 'c@x.io' })], mobileMatch);
    expect(plan.delta).toMatchObject({ failed: 1, created: 1 });
    expect(plan.problems[0]).toMatchObject({ code: 'missing_key', params: { key: 'email' } });
  });

  it('a row whose number is unknown but whose e-mail is known updates that contact', () => {
    const b = stored({ email: 'b@x.io', mobile: null });
    const plan = planBatch(base([b], 'mobile', 'email'), [byMobile('+33644444444', { email: 'b@x.io' })], mobileMatch);
    expect(plan.updates).toEqual([expect.objectContaining({ id: b.id, values: expect.objectContaining({ mobile: '+33644444444' }) })]);
  });

  it('never writes an e-mail that belongs to another contact: a warning, and the rest is written', () => {
    const a = stored({ email: 'a@x.io', mobile: '+33655555555' });
    const b = stored({ email: 'b@x.io' });
    const plan = planBatch(base([a, b], 'mobile', 'email'), [byMobile('+33655555555', { email: 'b@x.io', firstName: 'A2' })], mobileMatch);
    expect(codes(plan.problems)).toEqual(['warning:key_taken']);
    expect(plan.updates).toEqual([expect.objectContaining({ id: a.id, values: expect.objectContaining({ email: 'a@x.io', firstName: 'A2' }) })]);
  });
});
