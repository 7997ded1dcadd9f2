import { IMPORT_PROBLEM_LEVELS } from '../../constants';

export default {
  kind: 'collectionType',
  collectionName: 'contacts_import_errors',
  info: { singularName: 'import-error', pluralName: 'import-errors', displayName: 'Contact import error', description: 'A failed row or a warning of an import, written with its batch' },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    importId: { type: 'integer', required: true },
    line: { type: 'integer' },
    level: { type: 'enumeration', enum: [...IMPORT_PROBLEM_LEVELS], default: 'error' },
    column: { type: 'string' },
    /** Stable reason code; the sentence is rendered in the reader's language (import/reasons). */
    code: { type: 'string' },
    params: { type: 'json' },
    cells: { type: 'json' },
  },
};
