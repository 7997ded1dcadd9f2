import { EXPORT_FORMATS, EXPORT_STATUSES } from '../../constants';

export default {
  kind: 'collectionType',
  collectionName: 'contacts_exports',
  info: { singularName: 'export', pluralName: 'exports', displayName: 'Contact export', description: 'An export of contacts to CSV or XLSX' },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string' },
    scope: { type: 'json' },
    fields: { type: 'json' },
    format: { type: 'enumeration', enum: [...EXPORT_FORMATS], default: 'csv' },
    status: { type: 'enumeration', enum: [...EXPORT_STATUSES], default: 'draft' },
    file: { type: 'json' },
    rowCount: { type: 'integer', default: 0 },
    error: { type: 'text' },
    schedule: { type: 'json' },
  },
};
