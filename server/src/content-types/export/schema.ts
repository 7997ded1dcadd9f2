import { EXPORT_FORMATS, EXPORT_STATUSES } from '../../constants';

export default {
  kind: 'collectionType',
  collectionName: 'contacts_exports',
  info: { singularName: 'export', pluralName: 'exports', displayName: 'Contact export', description: 'An export of contacts to CSV or XLSX' },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string' },
    /** As requested: { all } | { segment } | { criteria } | { import } | { ids }. */
    scope: { type: 'json' },
    /** As requested ("main", "all" or keys); `columns` is what they resolved to when the export was created. */
    fields: { type: 'json' },
    columns: { type: 'json' },
    format: { type: 'enumeration', enum: [...EXPORT_FORMATS], default: 'csv' },
    /** delimiter, bom, headers, multiselect, locale. */
    options: { type: 'json' },
    status: { type: 'enumeration', enum: [...EXPORT_STATUSES], default: 'queued' },
    /** The finished file (private directory): name, path, size, mime. Set only when the export is done. */
    file: { type: 'json' },
    /** Contacts matching the scope when the run started (progress is rowCount / total). */
    total: { type: 'integer', default: 0 },
    rowCount: { type: 'integer', default: 0 },
    bytes: { type: 'biginteger', default: '0' },
    durationMs: { type: 'integer', default: 0 },
    /** Where a resumed run continues: last id written, the id bound and instant of the first start, the part file and its committed length. */
    cursor: { type: 'json' },
    timings: { type: 'json' },
    /** Admin user ids told by e-mail when the export ends. */
    notify: { type: 'json' },
    /** The contacts its creator's role could read when it was created (RBAC conditions, a query-engine filter); null: all. */
    contactsWhere: { type: 'json', private: true },
    /** Cells the format could not hold whole (XLSX's 32,767 characters) or values outside an X-column list. */
    notes: { type: 'json' },
    error: { type: 'text' },
    schedule: { type: 'json' },
    leaseOwner: { type: 'string' },
    leaseExpiresAt: { type: 'datetime' },
  },
};
