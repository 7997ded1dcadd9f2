export default {
  kind: 'collectionType',
  collectionName: 'contacts_scheduled_exports',
  info: {
    singularName: 'scheduled-export',
    pluralName: 'scheduled-exports',
    displayName: 'Scheduled contact export',
    description: 'A saved export run on a schedule, delivered to SFTP or kept in the exports history',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true },
    enabled: { type: 'boolean', default: true },
    /** The body of POST /contacts/exports, as validated. */
    request: { type: 'json' },
    /** Header language of each run. */
    locale: { type: 'string' },
    /** The contacts its creator's role could read when it was saved (RBAC conditions); null: all. */
    contactsWhere: { type: 'json', private: true },
    /** { kind: 'history' } | { kind: 'sftp', host, port, username, directory, fileName?, hostFingerprint? }. */
    destination: { type: 'json' },
    credentials: { type: 'text', private: true },
    schedule: { type: 'json' },
    lastDueAt: { type: 'datetime' },
    lastRunAt: { type: 'datetime' },
  },
};
