import { readJson, readText, type FieldSpec, type ReadContext, type ReadResult } from '../../../../server/src/fields/readers';

export const field = (type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({ key: 'x', label: 'X', type, ...extra });

/** The value read, or { code } for a problem (notes dropped). */
export const valueOf = (r: ReadResult): unknown => ('code' in r ? { code: r.code } : r.value);

export const text = (f: FieldSpec, t: string, ctx: ReadContext = {}) => valueOf(readText(f, t, ctx));
export const json = (f: FieldSpec, v: unknown, ctx: ReadContext = {}) => valueOf(readJson(f, v, ctx));

export const problem = (code: string) => ({ code });
