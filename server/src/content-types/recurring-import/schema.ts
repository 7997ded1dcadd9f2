export default {
  kind: 'collectionType',
  collectionName: 'contacts_recurring_imports',
  info: {
    singularName: 'recurring-import',
    pluralName: 'recurring-imports',
    displayName: 'Recurring contact import',
    description: 'A file fetched on a schedule (HTTPS or SFTP) and imported with the mapping and options of an earlier import',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true },
    enabled: { type: 'boolean', default: true },
    /** The non-secret part: { kind: 'url', url, username?, headerName? } | { kind: 'sftp', host, port, username, path, hostFingerprint? }. */
    source: { type: 'json' },
    /** Password, header value, private key, passphrase: AES-256-GCM (secrets/cipher.ts). Never returned. */
    credentials: { type: 'text', private: true },
    /** The import the mapping and options came from: { documentId, name }. */
    template: { type: 'json' },
    mapping: { type: 'json' },
    options: { type: 'json' },
    /** { everyMinutes } | { dailyAt } | { cron }, with an optional timezone. */
    schedule: { type: 'json' },
    /** Rows one run imports at most; the rest waits for the next runs (ActiveCampaign: 500 per sync). Null: no cap. */
    perRunCap: { type: 'integer' },
    /** Off by default, as ActiveCampaign: a run never sets an opt-in back to yes. */
    allowResubscribe: { type: 'boolean', default: false },
    /** The last due time claimed (or when the schedule was set): the next one is after it. */
    lastDueAt: { type: 'datetime' },
    lastRunAt: { type: 'datetime' },
    /** SHA-256 of the last file imported successfully, the data rows of it imported so far, and its row count. */
    lastHash: { type: 'string' },
    lastOffset: { type: 'integer', default: 0 },
    lastTotal: { type: 'integer' },
  },
};
