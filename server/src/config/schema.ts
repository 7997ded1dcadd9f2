import * as yup from 'yup';
import { LONGTEXT_DEFAULT_MAX } from '../constants';
import { DEFAULT_SOURCE_LIMITS as L } from '../import/limits';
import { parseScheduleRule } from '../schedules/rule';
import { invalidAllowListEntries } from '../sources/addresses';

const GB = 1024 * 1024 * 1024;

/** Plugin options (`config/plugins.ts` → `contacts.config`), with their defaults. */
export const configSchema = yup.object({
  maxFileSize: yup.number().integer().positive().default(GB),
  // 1,000: measured here on 200k realistic rows, the same speed as 2,000 and a flat peak RSS on SQLite
  // (325–340 MB against 531–547: a bigger batch outlives young-generation collections on Strapi's heap).
  batchSize: yup.number().integer().min(1).max(50_000).default(1_000),
  parallelImportLimit: yup.number().integer().min(1).default(1),
  /** Dynamic segments are refreshed after each import while the base has fewer of them than this. */
  segmentAutoRefreshMax: yup.number().integer().min(0).default(200),
  /** When every dynamic segment is refreshed (`every N minutes`, `daily at HH:MM` or a cron expression; once across instances); null: never. */
  segmentRefreshCron: yup
    .string()
    .nullable()
    .default('0 3 * * *')
    .test('schedule', (v, ctx) => {
      if (!v) return true;
      try {
        parseScheduleRule(v);
        return true;
      } catch (error) {
        return ctx.createError({ message: `${ctx.path}: ${(error as Error).message}` });
      }
    }),
  /** How long a refresh asked by a person (or a segment saved with new criteria) waits for its job before answering 202. */
  refreshWaitSeconds: yup.number().min(0).default(20),
  /** Time a segment preview may take before it answers with what it knows (the count goes on in the background). */
  previewBudgetMs: yup.number().integer().positive().default(1500),
  /** "Active" contacts: activity (imports, content-API writes) within this many days. */
  activityDays: yup.number().integer().positive().default(180),
  /** Finished imports kept (drafts do not count). */
  importHistoryMax: yup.number().integer().min(1).default(100),
  /** Drafts (uploaded, never started) untouched this long are deleted with their files. */
  draftMaxAgeHours: yup.number().min(0.01).default(24),
  /** Finished exports kept (done or failed); older ones go with their files. */
  exportHistoryMax: yup.number().integer().min(1).default(100),
  /** Exports running at once across instances (imports have parallelImportLimit). */
  parallelExportLimit: yup.number().integer().min(1).default(1),
  /**
   * Contacts per keyset page of an export: one page in memory, one cursor save per page.
   * 2,000: measured on 1M contacts, peak RSS ~260 MB against ~470 MB at 5,000 (a bigger page
   * outlives young-generation collections, and V8 lets the old one grow), and faster too.
   */
  exportChunkSize: yup.number().integer().min(1).max(50_000).default(2_000),
  /** Private directory of export files (relative to the app); default <app>/.tmp/contacts-exports. Never under public/. */
  exportDir: yup.string().nullable().default(null),
  /** Rows per XLSX sheet, header included (Excel's limit); tests lower it. */
  exportSheetRows: yup.number().integer().min(2).max(1_048_576).default(1_048_576),
  /** Redis for the BullMQ queue (else the REDIS_URL environment variable); none: the database queue. */
  redisUrl: yup
    .string()
    .nullable()
    .default(null)
    .test('redis-url', '${path} must be a redis:// or rediss:// URL (redis://host:6379/0)', (v) => !v || /^rediss?:\/\/[^/]*(\/\d*)?$/.test(v)),
  /** Prefix of the plugin's BullMQ keys in Redis: one per app when apps share a Redis. */
  redisPrefix: yup.string().matches(/^[^:\s]+$/, '${path} must not contain ":" or spaces').default('strapi-contacts'),
  /** false: this Strapi instance only enqueues imports and exports; `strapi-contacts worker` processes run them. */
  runJobs: yup.boolean().default(true),
  /**
   * Hosts, IPs and CIDR ranges a recurring import's URL or SFTP host (and a scheduled export's SFTP
   * host) may reach although they are loopback, private, link-local or metadata addresses.
   */
  sourceAllowList: yup
    .array(yup.string().required())
    .default([])
    .test('entries', (v, ctx) => {
      const bad = invalidAllowListEntries(v ?? []);
      return bad.length ? ctx.createError({ message: `sourceAllowList: ${bad.join(', ')} is not an IP, a CIDR range or a host name` }) : true;
    }),
  /** Time one fetch (or SFTP delivery) may take, start to end. */
  sourceTimeoutMs: yup.number().integer().positive().default(10 * 60_000),
  /** Time to connect, and the longest silence of an HTTP server mid-transfer. */
  sourceConnectTimeoutMs: yup.number().integer().positive().default(20_000),
  /** How often each Strapi process looks for due recurring imports and scheduled exports. */
  scheduleTickSeconds: yup.number().min(0.2).default(30),
  /** An import whose worker stopped heart-beating for this long is taken over and resumed. */
  leaseSeconds: yup.number().integer().min(2).default(60),
  /** How often each Strapi process looks for queued, delayed or abandoned imports. */
  queueTickSeconds: yup.number().min(0.5).default(5),
  defaultCountry: yup.string().uppercase().length(2).default('FR'),
  /** Rows a preview's whole-file check (dry run) reads at most. */
  previewMaxRows: yup.number().integer().positive().default(1_000_000),
  /** Characters a longtext value (notes…) may hold. */
  maxLongTextLength: yup.number().integer().positive().default(LONGTEXT_DEFAULT_MAX),
  /** SQLite only: switch the database to WAL with synchronous=NORMAL for fast, crash-safe batch commits. */
  sqliteWal: yup.boolean().default(true),
  /** Imported contacts name the admin who ran the import as creator/updater (a foreign-key check per row); default NULL, as Strapi does for content-API writes. */
  importSetsAuthor: yup.boolean().default(false),
  uploadDir: yup.string().nullable().default(null),
  /** What reading a workbook may cost (zip bombs, XML bombs, millions of empty rows): a 4xx naming the limit beyond. */
  maxXlsxInflatedSize: yup.number().positive().default(L.maxXlsxInflatedSize),
  maxXlsxCompressionRatio: yup.number().positive().default(L.maxXlsxCompressionRatio),
  maxXlsxSharedStrings: yup.number().integer().positive().default(L.maxXlsxSharedStrings),
  maxXlsxSharedStringsSize: yup.number().integer().positive().default(L.maxXlsxSharedStringsSize),
  /** Time a workbook sniff or preview may take (it runs in a worker thread that is stopped past it). */
  sniffTimeoutMs: yup.number().integer().positive().default(L.sniffTimeoutMs),
  /** Show the plugin's content types in the Content Manager (still behind the plugin's RBAC actions and validation). */
  contentManager: yup.boolean().default(false),
  /** Public sign-up (POST /api/contacts/subscribe). */
  subscribe: yup
    .object({
      /** Nothing is stored until the person clicks the link of the confirmation e-mail. */
      doubleOptIn: yup.boolean().default(true),
      /** Lifetime of the confirmation link. */
      confirmHours: yup.number().positive().default(48),
      /** Page of your site that receives ?status=confirmed|expired|invalid after the link is followed (default: a plain page). */
      redirectUrl: yup.string().nullable().default(null),
      /** Public base URL of this Strapi (for the link); default server.url, else the request's origin. */
      publicUrl: yup.string().nullable().default(null),
      subject: yup.string().default('Confirm your subscription'),
      /** `{link}` is replaced by the confirmation link. */
      text: yup.string().default('Please confirm your subscription by opening this link:\n\n{link}\n\nIf you did not ask for it, ignore this e-mail.'),
    }),
  notify: yup
    .object({
      email: yup.boolean().default(true),
    })
    .default({ email: true }),
});

export type ContactsConfig = yup.InferType<typeof configSchema>;
