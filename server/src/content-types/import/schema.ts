import { IMPORT_SOURCES, IMPORT_STATUSES } from '../../constants';

export default {
  kind: 'collectionType',
  collectionName: 'contacts_imports',
  info: { singularName: 'import', pluralName: 'imports', displayName: 'Contact import', description: 'One import of a file or pasted text' },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string' },
    source: { type: 'enumeration', enum: [...IMPORT_SOURCES], default: 'upload' },
    file: { type: 'json' },
    status: { type: 'enumeration', enum: [...IMPORT_STATUSES], default: 'draft' },
    detected: { type: 'json' },
    options: { type: 'json' },
    mapping: { type: 'json' },
    /** Where the suggested mapping came from (an earlier import or a saved mapping), for the wizard to say. */
    mappingSource: { type: 'json' },
    /** The whole-file check of a draft (import/dry-run.ts). */
    dryRun: { type: 'json' },
    total: { type: 'integer', default: 0 },
    processed: { type: 'integer', default: 0 },
    created: { type: 'integer', default: 0 },
    updated: { type: 'integer', default: 0 },
    unchanged: { type: 'integer', default: 0 },
    skipped: { type: 'integer', default: 0 },
    failed: { type: 'integer', default: 0 },
    warnings: { type: 'integer', default: 0 },
    cursor: { type: 'json' },
    timings: { type: 'json' },
    error: { type: 'text' },
    schedule: { type: 'json' },
    /** The recurring import whose run this is (its id); null for an import made by hand. */
    recurringId: { type: 'integer' },
    leaseOwner: { type: 'string' },
    leaseExpiresAt: { type: 'datetime' },
  },
};
