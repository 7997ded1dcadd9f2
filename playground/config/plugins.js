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
      batchSize: env.int('CONTACTS_BATCH_SIZE', 2000),
      leaseSeconds: env.int('CONTACTS_LEASE_SECONDS', 60),
      queueTickSeconds: env.float('CONTACTS_QUEUE_TICK_SECONDS', 5),
      importHistoryMax: env.int('CONTACTS_IMPORT_HISTORY_MAX', 100),
      redisUrl: env('REDIS_URL', null),
      defaultCountry: env('CONTACTS_DEFAULT_COUNTRY', 'FR'),
    },
  },
  graphql: {
    enabled: true,
    config: { defaultLimit: 25, maxLimit: 100, depthLimit: 10, landingPage: false },
  },
});
