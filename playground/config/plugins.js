const path = require('path');

module.exports = ({ env }) => ({
  contacts: {
    enabled: true,
    // The plugin is the repository itself (an absolute path: Strapi resolves
    // relative `resolve` values from its own files first).
    resolve: path.resolve(__dirname, '..', '..'),
    config: {
      maxFileSize: env.int('CONTACTS_MAX_FILE_SIZE', 1024 * 1024 * 1024),
      parallelImportLimit: env.int('CONTACTS_PARALLEL_IMPORT_LIMIT', 1),
      batchSize: env.int('CONTACTS_BATCH_SIZE', 1000),
      leaseSeconds: env.int('CONTACTS_LEASE_SECONDS', 60),
      queueTickSeconds: env.float('CONTACTS_QUEUE_TICK_SECONDS', 5),
      importHistoryMax: env.int('CONTACTS_IMPORT_HISTORY_MAX', 100),
      exportHistoryMax: env.int('CONTACTS_EXPORT_HISTORY_MAX', 100),
      exportChunkSize: env.int('CONTACTS_EXPORT_CHUNK_SIZE', 2000),
      exportSheetRows: env.int('CONTACTS_EXPORT_SHEET_ROWS', 1048576),
      parallelExportLimit: env.int('CONTACTS_PARALLEL_EXPORT_LIMIT', 1),
      exportDir: env('CONTACTS_EXPORT_DIR', null),
      draftMaxAgeHours: env.float('CONTACTS_DRAFT_MAX_AGE_HOURS', 24),
      segmentAutoRefreshMax: env.int('CONTACTS_SEGMENT_AUTO_REFRESH_MAX', 200),
      refreshWaitSeconds: env.float('CONTACTS_REFRESH_WAIT_SECONDS', 20),
      contentManager: env.bool('CONTACTS_CONTENT_MANAGER', false),
      subscribe: { doubleOptIn: env.bool('CONTACTS_DOUBLE_OPT_IN', true) },
      redisUrl: env('REDIS_URL', null),
      redisPrefix: env('CONTACTS_REDIS_PREFIX', 'strapi-contacts'),
      runJobs: env.bool('CONTACTS_RUN_JOBS', true),
      segmentRefreshCron: env('CONTACTS_SEGMENT_REFRESH_CRON', '0 3 * * *'),
      defaultCountry: env('CONTACTS_DEFAULT_COUNTRY', 'FR'),
      // Recurring imports and scheduled exports may reach these private hosts (the tests allow 127.0.0.1).
      sourceAllowList: env.array('CONTACTS_SOURCE_ALLOW_LIST', []),
      scheduleTickSeconds: env.float('CONTACTS_SCHEDULE_TICK_SECONDS', 30),
      sourceTimeoutMs: env.int('CONTACTS_SOURCE_TIMEOUT_MS', 600000),
    },
  },
  // SMTP when SMTP_HOST is set (the tests start a real SMTP server); otherwise
  // src/index.js logs each e-mail, so the demo shows the subscription links.
  ...(env('SMTP_HOST')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: { host: env('SMTP_HOST'), port: env.int('SMTP_PORT', 25), secure: false, ignoreTLS: true },
            settings: { defaultFrom: env('SMTP_FROM', 'contacts@localhost'), defaultReplyTo: env('SMTP_FROM', 'contacts@localhost') },
          },
        },
      }
    : {}),
  graphql: {
    enabled: true,
    config: { defaultLimit: 25, maxLimit: 100, depthLimit: 10, landingPage: false },
  },
});
