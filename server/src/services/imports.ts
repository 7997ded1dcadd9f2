import type { Core } from '@strapi/strapi';
import { UID } from '../constants';

const createImportsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Import history, newest first. */
  async find(query: { page?: number; pageSize?: number; status?: string } = {}) {
    const page = Math.max(1, Number(query.page) || 1);
    const pageSize = Math.min(100, Math.max(1, Number(query.pageSize) || 20));
    const filters = query.status ? { status: query.status } : {};
    const docs = strapi.documents(UID.import as any);
    const [results, total] = await Promise.all([
      docs.findMany({ filters, sort: [{ createdAt: 'desc' }, { id: 'desc' }] as any, start: (page - 1) * pageSize, limit: pageSize }),
      docs.count({ filters }),
    ]);
    return { results, pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } };
  },
});

export default createImportsService;
export type ImportsService = ReturnType<typeof createImportsService>;
