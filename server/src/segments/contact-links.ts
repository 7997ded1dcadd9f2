import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { bulkWriterFor } from '../database/bulk';
import { tables } from '../database/tables';
import { ValidationError } from '../errors';
import { getService } from '../utils/get-service';

/**
 * The `segments` of a contact write (Content Manager, content API, GraphQL,
 * a site's own strapi.documents call). Strapi would write the relation as
 * given; here only static segments may be named (a dynamic segment's members
 * follow its criteria), a plain list or `set` replaces the static memberships
 * only, and the segments' stored counts follow.
 */
export interface SegmentLinks {
  /** Static segment ids the contact is in afterwards, all others static ones out (a list or `set`). */
  set?: number[];
  connect: number[];
  disconnect: number[];
}

type Ref = string | number | { documentId?: unknown; id?: unknown };

const asList = (value: unknown, where: string): Ref[] => {
  if (value === undefined) return [];
  if (value === null) return [];
  if (!Array.isArray(value)) throw invalid(`${where} must be a list of segment documentIds`);
  return value as Ref[];
};

const invalid = (message: string) => new ValidationError(`segments: ${message}`, { errors: { segments: message } });

/** Reads a relation value (a list, or `{ set | connect | disconnect }`) and checks every segment it names before anything is written. */
export const planSegmentLinks = async (strapi: Core.Strapi, value: unknown): Promise<SegmentLinks> => {
  let set: Ref[] | undefined;
  let connect: Ref[] = [];
  let disconnect: Ref[] = [];
  if (value === null || Array.isArray(value)) set = asList(value, 'segments');
  else if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const unknownKey = Object.keys(v).find((k) => !['set', 'connect', 'disconnect'].includes(k));
    if (unknownKey) throw invalid(`unknown key "${unknownKey}"; use a list, or set / connect / disconnect`);
    if (v.set !== undefined) set = asList(v.set, 'segments.set');
    connect = asList(v.connect, 'segments.connect');
    disconnect = asList(v.disconnect, 'segments.disconnect');
  } else throw invalid('must be a list of segment documentIds, or { set | connect | disconnect }');

  const all = [...(set ?? []), ...connect, ...disconnect];
  const docIds = new Set<string>();
  const ids = new Set<number>();
  for (const ref of all) {
    const r = typeof ref === 'object' && ref !== null ? (ref.documentId ?? ref.id) : ref;
    if (typeof r === 'string' && r.length > 0 && r.length <= 64) docIds.add(r);
    else if (typeof r === 'number' && Number.isInteger(r)) ids.add(r);
    else throw invalid(`${JSON.stringify(ref)} is not a segment documentId`);
  }
  const rows = (all.length
    ? await strapi.db.query(UID.segment as any).findMany({
        where: { $or: [{ documentId: { $in: [...docIds] } }, { id: { $in: [...ids] } }] },
        select: ['id', 'documentId', 'name', 'kind'],
      })
    : []) as Array<{ id: number; documentId: string; name: string; kind: string }>;
  const byRef = new Map<string | number, (typeof rows)[number]>();
  for (const s of rows) byRef.set(s.documentId, s).set(s.id, s);
  const resolve = (list: Ref[]) =>
    list.map((ref) => {
      const r = (typeof ref === 'object' && ref !== null ? (ref.documentId ?? ref.id) : ref) as string | number;
      const s = byRef.get(r);
      if (!s) throw invalid(`no segment "${r}"`);
      if (s.kind !== 'static') throw invalid(`"${s.name}" is a dynamic segment: its members follow its criteria`);
      return s.id;
    });
  return { ...(set ? { set: resolve(set) } : {}), connect: resolve(connect), disconnect: resolve(disconnect) };
};

/** Writes the planned memberships of one contact, then recounts the segments whose members changed. */
export const applySegmentLinks = async (strapi: Core.Strapi, contactId: number, plan: SegmentLinks) => {
  const links = tables().segmentLinks;
  const knex = strapi.db.connection;
  const touched = new Set<number>([...(plan.set ?? []), ...plan.connect, ...plan.disconnect]);
  await knex.transaction(async (trx) => {
    if (plan.set) {
      const staticIds = (await trx(tables().segments).where({ kind: 'static' }).select('id')).map((r: any) => Number(r.id));
      const leaving = (await trx(links.table).where(links.contact, contactId).whereIn(links.segment, staticIds).whereNotIn(links.segment, plan.set).select(links.segment)).map((r: any) => Number(r[links.segment]));
      for (const id of leaving) touched.add(id);
      if (leaving.length) await trx(links.table).where(links.contact, contactId).whereIn(links.segment, leaving).delete();
    }
    const joining = [...new Set([...(plan.set ?? []), ...plan.connect])].filter((id) => !plan.disconnect.includes(id));
    if (joining.length) await bulkWriterFor(strapi.db.dialect.client).insertIgnore(trx, links.table, [links.contact, links.segment], joining.map((id) => [contactId, id]));
    if (plan.disconnect.length) await trx(links.table).where(links.contact, contactId).whereIn(links.segment, plan.disconnect).delete();
  });
  for (const id of touched) await getService('segments').storeCount(id);
};
