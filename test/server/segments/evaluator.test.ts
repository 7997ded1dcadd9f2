/**
 * The reference evaluator and the generator on their own (no Strapi): each
 * rule of the contract on hand-made contacts, so that when the dialect suite
 * reports a disagreement, the evaluator's side is already known to follow the
 * contract.
 */
import { OPERATORS_BY_KIND, type Condition, type Criteria, type OperatorKind } from '../../../shared/segments';
import {
  CUSTOM_FIELDS,
  DAY_MS,
  EDGE_DAYS,
  NOW,
  generateContacts,
  generateCriteria,
  rng,
} from '../../fixtures/segments';
import {
  CriteriaError,
  checkCriteria,
  criteriaFields,
  evaluate,
  fieldMap,
  fold,
  leaves,
  type ContactValues,
  type EvalContact,
  type EvalContext,
} from './evaluator';

const fields = fieldMap(criteriaFields(CUSTOM_FIELDS));
const t = NOW.getTime();

const contact = (id: number, f: Record<string, unknown>, attributes: Record<string, unknown> | null = {}): EvalContact => ({ id, fields: f, attributes });
const ctx = (extra: Partial<EvalContext> = {}): EvalContext => ({ now: NOW, fields, segments: new Map(), imports: new Map(), ...extra });
const all = (...conditions: Condition[]): Criteria => ({ match: 'all', conditions });
const any = (...conditions: Condition[]): Criteria => ({ match: 'any', conditions });
const run = (contacts: EvalContact[], c: Criteria, extra?: Partial<EvalContext>) => evaluate(c, contacts, ctx(extra));

describe('field kinds', () => {
  it.each([
    ['email', 'text'],
    ['mobile', 'text'],
    ['firstName', 'text'],
    ['company', 'text'],
    ['country', 'select'],
    ['ownerId', 'number'],
    ['emailOptIn', 'select'],
    ['smsOptIn', 'select'],
    ['emailStatus', 'select'],
    ['mobileStatus', 'select'],
    ['tags', 'multiselect'],
    ['lastActivityAt', 'datetime'],
    ['createdAt', 'datetime'],
    ['updatedAt', 'datetime'],
    ['note', 'text'],
    ['bio', 'text'],
    ['workEmail', 'text'],
    ['phone2', 'text'],
    ['site', 'text'],
    ['score', 'number'],
    ['ratio', 'number'],
    ['vip', 'boolean'],
    ['due', 'date'],
    ['seenAt', 'datetime'],
    ['plan', 'select'],
    ['interests', 'multiselect'],
  ])('%s is %s', (key, kind) => {
    expect(fields.get(key)?.kind).toBe(kind);
  });
});

describe('text', () => {
  const people = [
    contact(1, { firstName: 'Hélène' }),
    contact(2, { firstName: 'HELENE' }),
    contact(3, { firstName: 'Hélène'.normalize('NFD') }),
    contact(4, { firstName: null }),
    contact(5, { firstName: '' }),
    contact(6, {}),
    contact(7, { firstName: 'Helena' }),
  ];
  it('folds case and accents', () => {
    expect(fold('Hélène')).toBe('helene');
    expect(run(people, all({ field: 'firstName', operator: 'eq', value: 'hélène' }))).toEqual([1, 2, 3]);
    expect(run(people, all({ field: 'firstName', operator: 'startsWith', value: 'HEL' }))).toEqual([1, 2, 3, 7]);
    expect(run(people, all({ field: 'firstName', operator: 'endsWith', value: 'ÈNE' }))).toEqual([1, 2, 3]);
    expect(run(people, all({ field: 'firstName', operator: 'contains', value: 'lè' }))).toEqual([1, 2, 3, 7]);
  });
  it('negative operators match empty values (null, "", absent)', () => {
    expect(run(people, all({ field: 'firstName', operator: 'neq', value: 'helene' }))).toEqual([4, 5, 6, 7]);
    expect(run(people, all({ field: 'firstName', operator: 'notStartsWith', value: 'helen' }))).toEqual([4, 5, 6]);
    expect(run(people, all({ field: 'firstName', operator: 'notEndsWith', value: 'a' }))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(run(people, all({ field: 'firstName', operator: 'notContains', value: 'e' }))).toEqual([4, 5, 6]);
    expect(run(people, all({ field: 'firstName', operator: 'empty' }))).toEqual([4, 5, 6]);
    expect(run(people, all({ field: 'firstName', operator: 'notEmpty' }))).toEqual([1, 2, 3, 7]);
  });
  it('takes % and _ literally', () => {
    const cos = [contact(1, { company: '100% Bio' }), contact(2, { company: '100 Bio' }), contact(3, { company: 'a_b' }), contact(4, { company: 'axb' })];
    expect(run(cos, all({ field: 'company', operator: 'contains', value: '%' }))).toEqual([1]);
    expect(run(cos, all({ field: 'company', operator: 'contains', value: '_' }))).toEqual([3]);
    expect(run(cos, all({ field: 'company', operator: 'eq', value: 'a_b' }))).toEqual([3]);
    expect(run(cos, all({ field: 'company', operator: 'startsWith', value: '100%' }))).toEqual([1]);
  });
  it('reads custom text fields from attributes', () => {
    const cs = [contact(1, {}, { note: 'Zoë' }), contact(2, {}, null), contact(3, {}, { note: '' })];
    expect(run(cs, all({ field: 'note', operator: 'eq', value: 'ZOE' }))).toEqual([1]);
    expect(run(cs, all({ field: 'note', operator: 'neq', value: 'zoe' }))).toEqual([2, 3]);
  });
});

describe('number', () => {
  const cs = [contact(1, {}, { score: -5 }), contact(2, {}, { score: 0 }), contact(3, {}, { score: 2.5 }), contact(4, {}, { score: null }), contact(5, {}, {})];
  it('compares non-empty values; neq also matches empty ones', () => {
    expect(run(cs, all({ field: 'score', operator: 'eq', value: 0 }))).toEqual([2]);
    expect(run(cs, all({ field: 'score', operator: 'neq', value: 0 }))).toEqual([1, 3, 4, 5]);
    expect(run(cs, all({ field: 'score', operator: 'lt', value: 1 }))).toEqual([1, 2]);
    expect(run(cs, all({ field: 'score', operator: 'gte', value: 0 }))).toEqual([2, 3]);
    expect(run(cs, all({ field: 'score', operator: 'between', value: [-5, 0] }))).toEqual([1, 2]);
    expect(run(cs, all({ field: 'score', operator: 'empty' }))).toEqual([4, 5]);
  });
  it('ownerId is a column', () => {
    expect(run([contact(1, { ownerId: 2 }), contact(2, { ownerId: null })], all({ field: 'ownerId', operator: 'gt', value: 1 }))).toEqual([1]);
  });
});

describe('date', () => {
  // NOW is 2026-06-15T12:34:56.789Z, so today is 2026-06-15.
  const cs = [
    contact(1, {}, { due: '2026-06-08' }),
    contact(2, {}, { due: '2026-06-07' }),
    contact(3, {}, { due: '2026-06-15' }),
    contact(4, {}, { due: '2026-06-22' }),
    contact(5, {}, { due: '2026-06-23' }),
    contact(6, {}, {}),
  ];
  it('inLastDays, notInLastDays and inNextDays are inclusive and count from the UTC date', () => {
    expect(run(cs, all({ field: 'due', operator: 'inLastDays', value: 7 }))).toEqual([1, 3]);
    expect(run(cs, all({ field: 'due', operator: 'notInLastDays', value: 7 }))).toEqual([2, 4, 5, 6]);
    expect(run(cs, all({ field: 'due', operator: 'inNextDays', value: 7 }))).toEqual([3, 4]);
  });
  it('compares as dates; before/after are lt/gt; neq matches empty', () => {
    expect(run(cs, all({ field: 'due', operator: 'before', value: '2026-06-08' }))).toEqual([2]);
    expect(run(cs, all({ field: 'due', operator: 'after', value: '2026-06-22' }))).toEqual([5]);
    expect(run(cs, all({ field: 'due', operator: 'between', value: ['2026-06-08', '2026-06-15'] }))).toEqual([1, 3]);
    expect(run(cs, all({ field: 'due', operator: 'neq', value: '2026-06-15' }))).toEqual([1, 2, 4, 5, 6]);
  });
});

describe('datetime', () => {
  const cs = [
    contact(1, { lastActivityAt: t - 7 * DAY_MS }),
    contact(2, { lastActivityAt: t - 7 * DAY_MS - 1 }),
    contact(3, { lastActivityAt: t }),
    contact(4, { lastActivityAt: t + 1 }),
    contact(5, { lastActivityAt: null }),
    contact(6, { lastActivityAt: Date.parse('2026-06-01T00:00:00.000Z') }),
  ];
  it('relative operators count 24-hour days from now, inclusive', () => {
    expect(run(cs, all({ field: 'lastActivityAt', operator: 'inLastDays', value: 7 }))).toEqual([1, 3]);
    expect(run(cs, all({ field: 'lastActivityAt', operator: 'notInLastDays', value: 7 }))).toEqual([2, 4, 5, 6]);
    expect(run(cs, all({ field: 'lastActivityAt', operator: 'inNextDays', value: 1 }))).toEqual([3, 4]);
  });
  it('compares instants to the millisecond, whatever the zone of the value; a day means its midnight UTC', () => {
    expect(run(cs, all({ field: 'lastActivityAt', operator: 'eq', value: new Date(t).toISOString() }))).toEqual([3]);
    expect(run(cs, all({ field: 'lastActivityAt', operator: 'eq', value: '2026-06-15T14:34:56.789+02:00' }))).toEqual([3]);
    expect(run(cs, all({ field: 'lastActivityAt', operator: 'eq', value: '2026-06-01' }))).toEqual([6]);
    expect(run(cs, all({ field: 'lastActivityAt', operator: 'neq', value: '2026-06-01' }))).toEqual([1, 2, 3, 4, 5]);
    expect(run(cs, all({ field: 'lastActivityAt', operator: 'after', value: new Date(t).toISOString() }))).toEqual([4]);
  });
  it('reads custom datetimes (ISO strings in attributes)', () => {
    const xs = [contact(1, {}, { seenAt: '2026-06-10T08:00:00.123Z' }), contact(2, {}, { seenAt: '2026-06-10T08:00:00.124Z' })];
    expect(run(xs, all({ field: 'seenAt', operator: 'eq', value: '2026-06-10T10:00:00.123+02:00' }))).toEqual([1]);
    expect(run(xs, all({ field: 'seenAt', operator: 'gt', value: '2026-06-10T08:00:00.123Z' }))).toEqual([2]);
  });
});

describe('boolean, select, multiselect', () => {
  it('boolean: isFalse is false only; empty is null or absent', () => {
    const cs = [contact(1, {}, { vip: true }), contact(2, {}, { vip: false }), contact(3, {}, { vip: null }), contact(4, {}, null)];
    expect(run(cs, all({ field: 'vip', operator: 'isTrue' }))).toEqual([1]);
    expect(run(cs, all({ field: 'vip', operator: 'isFalse' }))).toEqual([2]);
    expect(run(cs, all({ field: 'vip', operator: 'empty' }))).toEqual([3, 4]);
  });
  it('select: exact and case-sensitive; notIn never matches an empty value', () => {
    const cs = [contact(1, {}, { plan: 'Gold' }), contact(2, {}, { plan: 'gold' }), contact(3, {}, {}), contact(4, { emailOptIn: null }, { plan: 'Silver' })];
    expect(run(cs, all({ field: 'plan', operator: 'in', value: ['gold'] }))).toEqual([2]);
    expect(run(cs, all({ field: 'plan', operator: 'notIn', value: ['gold'] }))).toEqual([1, 4]);
    expect(run(cs, all({ field: 'emailOptIn', operator: 'notIn', value: ['yes'] }))).toEqual([]);
  });
  it('multiselect: in is any of; notIn needs a non-empty list with none of them', () => {
    const cs = [contact(1, { tags: ['vip', 'a'] }), contact(2, { tags: ['VIP'] }), contact(3, { tags: [] }), contact(4, { tags: null }), contact(5, {})];
    expect(run(cs, all({ field: 'tags', operator: 'in', value: ['vip', 'x'] }))).toEqual([1]);
    expect(run(cs, all({ field: 'tags', operator: 'notIn', value: ['vip'] }))).toEqual([2]);
    expect(run(cs, all({ field: 'tags', operator: 'empty' }))).toEqual([3, 4, 5]);
    expect(run(cs, all({ field: 'tags', operator: 'notEmpty' }))).toEqual([1, 2]);
  });
});

describe('groups, segments, imports', () => {
  const cs = [contact(1, { firstName: 'a' }), contact(2, { firstName: 'b' }), contact(3, {})];
  it('an empty all matches everyone, an empty any no one, nested too', () => {
    expect(run(cs, all())).toEqual([1, 2, 3]);
    expect(run(cs, any())).toEqual([]);
    expect(run(cs, any(all()))).toEqual([1, 2, 3]);
    expect(run(cs, all(any()))).toEqual([]);
    expect(run(cs, any({ field: 'firstName', operator: 'eq', value: 'a' }, { field: 'firstName', operator: 'eq', value: 'b' }))).toEqual([1, 2]);
  });
  it('inSegment and inImport read the stored sets, not negates them', () => {
    const extra = { segments: new Map([['seg', new Set([1])]]), imports: new Map([['imp', new Set([2, 3])]]) };
    expect(run(cs, all({ inSegment: 'seg' }), extra)).toEqual([1]);
    expect(run(cs, all({ inSegment: 'seg', not: true }), extra)).toEqual([2, 3]);
    expect(run(cs, all({ inImport: 'imp' }, { inSegment: 'seg', not: true }), extra)).toEqual([2, 3]);
    expect(run(cs, any({ inImport: 'imp', not: true }), extra)).toEqual([1]);
  });
});

describe('refusals', () => {
  const check = (c: unknown) => {
    try {
      checkCriteria(c, ctx());
      return null;
    } catch (e) {
      if (e instanceof CriteriaError) return e.path;
      throw e;
    }
  };
  it.each([
    [all({ field: 'nope', operator: 'eq', value: 'x' } as never), 'conditions.0.field'],
    [all({ field: 'email', operator: 'notEmpty' }, { field: 'score', operator: 'contains', value: 'x' }), 'conditions.1.operator'],
    [all({ field: 'firstName', operator: 'eq' }), 'conditions.0.value'],
    [all({ field: 'firstName', operator: 'eq', value: '  ' }), 'conditions.0.value'],
    [all({ field: 'score', operator: 'eq', value: '5' }), 'conditions.0.value'],
    [all({ field: 'score', operator: 'between', value: [1] }), 'conditions.0.value'],
    [all({ field: 'due', operator: 'eq', value: '2026-02-30' }), 'conditions.0.value'],
    [all({ field: 'seenAt', operator: 'gt', value: 'yesterday' }), 'conditions.0.value'],
    [all({ field: 'due', operator: 'inLastDays', value: 1.5 }), 'conditions.0.value'],
    [all({ field: 'plan', operator: 'in', value: 'Gold' }), 'conditions.0.value'],
    [all(any(), any({ field: 'email', operator: 'gt', value: 'a' })), 'conditions.1.conditions.0.operator'],
    [all({ inSegment: 'missing' }), 'conditions.0.inSegment'],
    [all({ inImport: 'missing' }), 'conditions.0.inImport'],
    [{ match: 'some', conditions: [] }, 'match'],
  ])('%j → %s', (c, path) => {
    expect(check(c)).toBe(path);
  });
});

describe('generator', () => {
  const base = generateContacts({ seed: 7 });
  const contacts: ContactValues[] = [...base.direct, ...base.api, ...Object.values(base.sentinels)];
  const list = [...fields.values()];

  it('is deterministic', () => {
    expect(JSON.stringify(generateContacts({ seed: 7 }))).toBe(JSON.stringify(base));
    const a = generateCriteria({ seed: 3, fields: list, contacts, segments: ['s'], imports: ['i'], count: 50 });
    const b = generateCriteria({ seed: 3, fields: list, contacts, segments: ['s'], imports: ['i'], count: 50 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(rng(1)()).toBe(rng(1)());
  });

  it('has empty values of every kind and the tricky values', () => {
    for (const f of list) {
      const values = contacts.map((c) => (f.storage === 'attribute' ? c.attributes?.[f.key] : c.fields[f.key]));
      const empties = values.filter((v) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length));
      expect({ key: f.key, empties: empties.length > 0, values: values.length - empties.length > 10 }).toEqual({ key: f.key, empties: true, values: true });
    }
    const texts = contacts.flatMap((c) => [c.fields.firstName, c.fields.company, c.attributes?.note]).filter((v): v is string => typeof v === 'string');
    expect(texts).toEqual(expect.arrayContaining(['Hélène', 'HELENE', 'helene', 'Hélène'.normalize('NFD')]));
    expect(texts.some((v) => v.includes('%'))).toBe(true);
    expect(texts.some((v) => v.includes('_'))).toBe(true);
    expect(texts).toContain('');
    const scores = contacts.map((c) => c.attributes?.score).filter((v): v is number => typeof v === 'number');
    expect(scores.some((v) => v < 0)).toBe(true);
    const ratios = contacts.map((c) => c.attributes?.ratio).filter((v): v is number => typeof v === 'number');
    expect(ratios.some((v) => !Number.isInteger(v))).toBe(true);
    const vip = contacts.map((c) => c.attributes?.vip);
    expect(vip).toEqual(expect.arrayContaining([true, false, undefined, null]));
    const activity = contacts.map((c) => c.fields.lastActivityAt);
    for (const n of EDGE_DAYS) expect(activity).toEqual(expect.arrayContaining([t - n * DAY_MS]));
  });

  it('criteria are valid, of depth ≤ 3, and use every operator of every kind', () => {
    const criteria = generateCriteria({ seed: 11, fields: list, contacts, segments: ['s'], imports: ['i'], count: 300 });
    expect(criteria.length).toBeGreaterThanOrEqual(300);
    const depth = (c: Criteria): number => 1 + Math.max(0, ...c.conditions.map((x) => ('match' in x ? depth(x) : 0)));
    const seen = new Set<string>();
    for (const c of criteria) {
      expect(depth(c)).toBeLessThanOrEqual(3);
      checkCriteria(c, ctx({ segments: new Map([['s', new Set()]]), imports: new Map([['i', new Set()]]) }));
      for (const { condition } of leaves(c)) if ('field' in condition) seen.add(`${fields.get(condition.field)!.kind}.${condition.operator}`);
    }
    const expected = (Object.entries(OPERATORS_BY_KIND) as Array<[OperatorKind, readonly string[]]>).flatMap(([k, ops]) => ops.map((op) => `${k}.${op}`));
    expect(expected.filter((x) => !seen.has(x))).toEqual([]);
  });
});
