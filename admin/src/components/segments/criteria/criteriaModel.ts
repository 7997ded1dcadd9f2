import {
  CRITERIA_MAX_CONDITIONS,
  CRITERIA_MAX_DEPTH,
  OPERATORS_BY_KIND,
  RELATIVE_DAYS,
  VALUELESS,
  type Condition,
  type Criteria,
  type Match,
  type Operator,
  type OperatorKind,
} from '../../../../../shared/segments';

/*
 * The builder edits a draft of the criteria: the same tree with a stable key
 * per node (React keys, and where a server error is shown), turned back into
 * criteria for the preview, the search and the save. Pure: no React here.
 */

export interface DraftFieldCondition {
  type: 'field';
  key: string;
  field: string;
  operator: Operator | '';
  value?: unknown;
}
export interface DraftMembership {
  type: 'inSegment' | 'inImport';
  key: string;
  /** documentId of the segment or the import; '' until chosen. */
  target: string;
  not: boolean;
}
/** The quick search's text as a condition (what the contacts list's search box finds). */
export interface DraftSearch {
  type: 'search';
  key: string;
  text: string;
}
export interface DraftGroup {
  type: 'group';
  key: string;
  match: Match;
  conditions: DraftNode[];
}
export type DraftNode = DraftFieldCondition | DraftMembership | DraftSearch | DraftGroup;

/** What the value input of a condition looks like, from its field's kind and its operator. */
export type ValueShape = 'none' | 'single' | 'range' | 'list' | 'days';

let counter = 0;
const newKey = () => `n${(counter += 1)}`;

export const emptyGroup = (match: Match = 'all'): DraftGroup => ({ type: 'group', key: newKey(), match, conditions: [] });
export const newFieldCondition = (): DraftFieldCondition => ({ type: 'field', key: newKey(), field: '', operator: '' });
export const newMembership = (type: DraftMembership['type']): DraftMembership => ({ type, key: newKey(), target: '', not: false });
export const newSearch = (text = ''): DraftSearch => ({ type: 'search', key: newKey(), text });

export const isEmptyCriteria = (c: Criteria | null | undefined) => !c || !c.conditions?.length;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Criteria (stored, from the URL) → a draft; anything unreadable becomes an empty group. */
export const fromCriteria = (criteria: unknown): DraftGroup => {
  const node = (c: unknown): DraftNode | null => {
    if (!isObject(c)) return null;
    if (Array.isArray(c.conditions)) {
      return {
        type: 'group',
        key: newKey(),
        match: c.match === 'any' ? 'any' : 'all',
        conditions: c.conditions.map(node).filter((n): n is DraftNode => !!n),
      };
    }
    if (typeof c.inSegment === 'string') return { type: 'inSegment', key: newKey(), target: c.inSegment, not: c.not === true };
    if (typeof c.inImport === 'string') return { type: 'inImport', key: newKey(), target: c.inImport, not: c.not === true };
    if (typeof c.search === 'string') return newSearch(c.search);
    if (typeof c.field === 'string') {
      return { type: 'field', key: newKey(), field: c.field, operator: (c.operator as Operator) ?? '', value: c.value };
    }
    return null;
  };
  const root = node(criteria);
  return root && root.type === 'group' ? root : emptyGroup();
};

export const operatorsOf = (kind: OperatorKind): readonly Operator[] => OPERATORS_BY_KIND[kind];

/** What the value of an operator looks like (the input then follows the field's kind). */
export const valueShape = (operator: string): ValueShape => {
  if (!operator || VALUELESS.has(operator)) return 'none';
  if (RELATIVE_DAYS.has(operator)) return 'days';
  if (operator === 'between') return 'range';
  if (operator === 'in' || operator === 'notIn') return 'list';
  return 'single';
};

const emptyValueOf = (shape: ValueShape): unknown => (shape === 'list' ? [] : shape === 'range' ? [null, null] : undefined);

/** A field chosen: its kind's first operator, no value yet. */
export const withField = (node: DraftFieldCondition, field: string, kind: OperatorKind): DraftFieldCondition => {
  const operator = operatorsOf(kind)[0];
  return { ...node, field, operator, value: emptyValueOf(valueShape(operator)) };
};

/** An operator chosen: the value stays when it has the same shape (contains → startsWith keeps the text). */
export const withOperator = (node: DraftFieldCondition, operator: Operator): DraftFieldCondition => {
  const before = valueShape(node.operator);
  const after = valueShape(operator);
  return { ...node, operator, value: before === after ? node.value : emptyValueOf(after) };
};

const filled = (v: unknown) =>
  v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && !(typeof v === 'number' && !Number.isFinite(v));

/** The condition can be sent: a field, an operator, and the value its operator needs. */
export const isComplete = (node: DraftNode): boolean => {
  if (node.type === 'group') return true;
  if (node.type === 'search') return node.text.trim() !== '';
  if (node.type !== 'field') return node.target !== '';
  if (!node.field || !node.operator) return false;
  const v = node.value;
  switch (valueShape(node.operator)) {
    case 'none':
      return true;
    case 'days':
      return typeof v === 'number' && Number.isInteger(v) && v >= 0;
    case 'range':
      return Array.isArray(v) && v.length === 2 && filled(v[0]) && filled(v[1]);
    case 'list':
      return Array.isArray(v) && v.length > 0;
    default:
      return filled(v);
  }
};

export interface CompiledDraft {
  criteria: Criteria;
  /** Path of each sent condition ("conditions.1.conditions.0") → the draft key it came from. */
  keyOfPath: Map<string, string>;
  /** Keys of conditions left out because they are not complete yet. */
  incomplete: string[];
}

/**
 * Draft → criteria. Incomplete conditions, and nested groups left empty by
 * them, are left out (the count follows what is complete so far); their keys
 * are listed so a save can point at them.
 */
export const toCriteria = (root: DraftGroup): CompiledDraft => {
  const keyOfPath = new Map<string, string>();
  const incomplete: string[] = [];
  const at = (path: string, tail: string) => (path ? `${path}.${tail}` : tail);
  const group = (g: DraftGroup, path: string): Criteria => {
    const conditions: Condition[] = [];
    for (const n of g.conditions) {
      const p = at(path, `conditions.${conditions.length}`);
      const c = condition(n, p);
      if (c) {
        keyOfPath.set(p, n.key);
        conditions.push(c);
      }
    }
    return { match: g.match, conditions };
  };
  const condition = (n: DraftNode, path: string): Condition | null => {
    if (!isComplete(n)) {
      incomplete.push(n.key);
      return null;
    }
    if (n.type === 'group') {
      const g = group(n, path);
      return g.conditions.length ? g : null;
    }
    if (n.type === 'search') return { search: n.text.trim() };
    if (n.type === 'inSegment') return n.not ? { inSegment: n.target, not: true } : { inSegment: n.target };
    if (n.type !== 'field') return n.not ? { inImport: n.target, not: true } : { inImport: n.target };
    if (valueShape(n.operator) === 'none') return { field: n.field, operator: n.operator as Operator };
    return { field: n.field, operator: n.operator as Operator, value: n.value };
  };
  keyOfPath.set('', root.key);
  return { criteria: group(root, ''), keyOfPath, incomplete };
};

/** The draft key a server error's `details.path` ("criteria.conditions.0.value") points at, if any. */
export const keyOfErrorPath = (compiled: CompiledDraft, path: string | undefined): string | undefined => {
  if (!path) return undefined;
  const parts = path.replace(/^criteria\.?/, '').split('.');
  for (let n = parts.length; n >= 0; n -= 1) {
    const key = compiled.keyOfPath.get(parts.slice(0, n).join('.'));
    if (key) return key;
  }
  return undefined;
};

/**
 * A server refusal of the criteria, as the builder shows it: next to the
 * condition its path names, without the path the message starts with.
 */
export const errorsByKey = (compiled: CompiledDraft, error: { message?: string; path?: string } | undefined): Record<string, string> => {
  const key = keyOfErrorPath(compiled, error?.path);
  if (!key || !error?.message) return {};
  return { [key]: error.message.replace(/^criteria[\w.]*: /, '') };
};

/** The tree with the node of `key` replaced by `fn(node)` (null removes it). */
export const mapNode = (root: DraftGroup, key: string, fn: (node: DraftNode) => DraftNode | null): DraftGroup => {
  const visit = (n: DraftNode): DraftNode | null => {
    if (n.key === key) return fn(n);
    if (n.type !== 'group') return n;
    const conditions = n.conditions.map(visit).filter((c): c is DraftNode => !!c);
    return conditions.every((c, i) => c === n.conditions[i]) && conditions.length === n.conditions.length ? n : { ...n, conditions };
  };
  return (visit(root) as DraftGroup | null) ?? emptyGroup();
};

export const addToGroup = (root: DraftGroup, groupKey: string, node: DraftNode) =>
  mapNode(root, groupKey, (g) => (g.type === 'group' ? { ...g, conditions: [...g.conditions, node] } : g));

/** Conditions and groups in the tree, root excluded (the compiler caps them). */
export const countNodes = (g: DraftGroup): number =>
  g.conditions.reduce((n, c) => n + 1 + (c.type === 'group' ? countNodes(c) : 0), 0);

/** A group at this depth (root: 0) may hold another group. */
export const canNest = (depth: number) => depth + 1 <= CRITERIA_MAX_DEPTH;
export const canAdd = (root: DraftGroup) => countNodes(root) < CRITERIA_MAX_CONDITIONS;
