import type { Core } from '@strapi/strapi';
import { UID, type MappingSource, type SavedMapping } from '../constants';
import { NotFoundError, ValidationError } from '../errors';
import { tables } from '../database/tables';
import { normalizeHeader } from '../import/suggest';
import { literalConsent } from '../import/consent';
import type { MappingEntry } from '../import/types';
import { parseJson } from '../utils/json';

interface Candidate {
  kind: MappingSource['kind'];
  documentId: string;
  name: string;
  columns: string[];
  mapping: MappingEntry[];
}

const RECENT_IMPORTS = 50;

/** Columns of `columns` that an earlier mapping maps (by normalized header text). */
const overlap = (columns: readonly string[], candidate: Candidate): number => {
  const wanted = new Set(columns.map(normalizeHeader));
  let n = 0;
  for (const entry of candidate.mapping) if ('column' in entry && typeof entry.column === 'string' && wanted.has(normalizeHeader(entry.column))) n += 1;
  return n;
};

/**
 * Saved mappings (by name) and the reuse of earlier ones: a file whose header
 * matches an earlier import's, fully or in part, gets that mapping for the
 * columns that match, and the wizard says which import it came from.
 */
const createMappingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const saved = () => strapi.db.query(UID.mapping as any);

  const candidates = async (): Promise<Candidate[]> => {
    const imports = await strapi.db
      .connection(tables().imports)
      .select('document_id', 'name', 'detected', 'mapping')
      .whereNot({ status: 'draft' })
      .orderBy('id', 'desc')
      .limit(RECENT_IMPORTS);
    const named = (await saved().findMany({ orderBy: { id: 'desc' } })) as any[];
    return [
      ...named.map((m) => ({ kind: 'saved' as const, documentId: m.documentId, name: m.name, columns: parseJson<string[]>(m.columns, []), mapping: parseJson<MappingEntry[]>(m.mapping, []) })),
      ...imports.map((r: any) => ({
        kind: 'import' as const,
        documentId: r.document_id,
        name: r.name,
        columns: parseJson<any>(r.detected, {}).columns ?? [],
        mapping: parseJson<MappingEntry[]>(r.mapping, []),
      })),
    ];
  };

  const service = {
    /** The earlier mapping covering most of these columns (an exact header first), or none. */
    async best(columns: readonly string[]): Promise<{ mapping: MappingEntry[]; source: MappingSource } | null> {
      const exact = JSON.stringify(columns);
      let best: { candidate: Candidate; score: number } | null = null;
      for (const candidate of await candidates()) {
        const score = JSON.stringify(candidate.columns) === exact ? Number.MAX_SAFE_INTEGER : overlap(columns, candidate);
        if (score > 0 && (!best || score > best.score)) best = { candidate, score };
      }
      if (!best) return null;
      const { candidate } = best;
      // A fixed yes on an opt-in is a claim about this file's people: suggested mappings never carry it over.
      const mapping = service.adapt(candidate.mapping, columns).filter((entry) => !literalConsent([entry as any]));
      return {
        mapping,
        source: { kind: candidate.kind, documentId: candidate.documentId, name: candidate.name, matched: overlap(columns, candidate), columns: columns.length },
      };
    },

    /** An earlier mapping written against this file's header texts ("E-mail" for "e-mail"); entries of absent columns stay out. */
    adapt(mapping: readonly MappingEntry[], columns: readonly string[]): MappingEntry[] {
      const byNormal = new Map(columns.map((c) => [normalizeHeader(c), c]));
      const out: MappingEntry[] = [];
      for (const entry of mapping) {
        if (!('column' in entry) || typeof entry.column !== 'string') {
          out.push(entry);
          continue;
        }
        const column = byNormal.get(normalizeHeader(entry.column));
        if (column !== undefined) out.push({ ...entry, column } as MappingEntry);
      }
      return out;
    },

    async find(): Promise<SavedMapping[]> {
      const rows = (await saved().findMany({ orderBy: { name: 'asc' } })) as any[];
      return rows.map((m) => ({ documentId: m.documentId, name: m.name, columns: parseJson<string[]>(m.columns, []), mapping: parseJson<MappingEntry[]>(m.mapping, []), createdAt: m.createdAt }));
    },

    async findOne(documentId: string): Promise<SavedMapping> {
      const m = (await saved().findOne({ where: { documentId } })) as any;
      if (!m) throw new NotFoundError('Saved mapping not found');
      return { documentId: m.documentId, name: m.name, columns: parseJson<string[]>(m.columns, []), mapping: parseJson<MappingEntry[]>(m.mapping, []) };
    },

    /** Saves the mapping of an import (draft or not) under a name; the same name replaces the earlier one. */
    async saveFromImport(name: string, importDocumentId: string) {
      const r = await strapi.db.connection(tables().imports).where({ document_id: importDocumentId }).first('detected', 'mapping');
      if (!r) throw new NotFoundError('Import not found');
      const mapping = parseJson<MappingEntry[]>(r.mapping, []);
      if (!mapping.length) throw new ValidationError('This import has no mapping to save yet');
      const data = { name, columns: parseJson<any>(r.detected, {}).columns ?? [], mapping };
      const existing = (await saved().findOne({ where: { name } })) as any;
      const row = existing ? await saved().update({ where: { id: existing.id }, data }) : await saved().create({ data });
      return service.findOne((row as any).documentId);
    },

    async delete(documentId: string) {
      await service.findOne(documentId);
      await saved().delete({ where: { documentId } });
      return { documentId };
    },
  };
  return service;
};

export default createMappingsService;
export type MappingsService = ReturnType<typeof createMappingsService>;
