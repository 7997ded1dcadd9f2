import * as yup from 'yup';
import { DESTINATION_KINDS } from '../../../constants';
import { scheduleSchema } from '../../../schedules/rule';
import { credentialsSchema, sftpConnectionFields, sourceSchema } from '../../../sources/schema';
import { trimmedString } from '../validate';

export { scheduleSchema };

const unknown = (p: { unknown?: string }) => `unknown property: ${p.unknown}`;

const perRunCap = yup.number().typeError('perRunCap must be a number of rows').integer('perRunCap must be a whole number of rows').min(1, 'perRunCap must be at least 1 (or null for no cap)').nullable();

export const createRecurringImportSchema = yup
  .object({
    name: trimmedString().max(255),
    fromImport: yup.string().required('fromImport (the documentId of an import whose mapping and options to reuse) is required').max(64),
    source: sourceSchema('source is required') as any,
    credentials: credentialsSchema,
    schedule: scheduleSchema.required('schedule is required: { "everyMinutes": 30 }, { "dailyAt": "06:00" } or { "cron": "0 6 * * 1-5" }'),
    perRunCap,
    enabled: yup.boolean(),
    allowResubscribe: yup.boolean(),
  })
  .noUnknown(true, unknown);

export const updateRecurringImportSchema = yup
  .object({
    name: trimmedString().min(1).max(255),
    source: sourceSchema(null) as any,
    credentials: credentialsSchema,
    schedule: scheduleSchema,
    perRunCap,
    enabled: yup.boolean(),
    allowResubscribe: yup.boolean(),
  })
  .noUnknown(true, unknown);

export const testSourceSchema = yup.object({ source: sourceSchema(null) as any, credentials: credentialsSchema }).noUnknown(true, unknown);

const fileName = trimmedString()
  .nullable()
  .max(255)
  .test('name', 'destination.fileName is a file name (tokens {name} {date} {datetime} {ext}), without / or ..', (v) => !v || (!v.includes('/') && !v.includes('..')));

const destinationOf = (v: any) =>
  v?.kind === 'history'
    ? yup.object({ kind: yup.string().oneOf(['history']).required() }).noUnknown(true, (p) => `destination: unknown property ${p.unknown}`)
    : v?.kind === 'sftp'
      ? yup
          .object({
            kind: yup.string().oneOf(['sftp']).required(),
            ...sftpConnectionFields,
            directory: trimmedString().required('destination.directory is required (e.g. /incoming)').max(1024).matches(/^\//, 'destination.directory must be absolute (start with /)'),
            fileName,
          })
          .noUnknown(true, (p) => `destination: unknown property ${p.unknown}`)
      : yup.mixed().test('kind', `destination.kind must be one of: ${DESTINATION_KINDS.join(', ')}`, () => false);

const destinationSchema = (required: string | null) =>
  yup.lazy((v: any) => (v === undefined ? (required ? yup.mixed().required(required) : yup.mixed()) : destinationOf(v)));

export const createScheduledExportSchema = yup
  .object({
    name: trimmedString().max(255),
    fromExport: yup.string().max(64),
    /** The body of POST /contacts/exports (checked by the exports service). */
    request: yup.object().default(undefined),
    destination: destinationSchema('destination is required: { "kind": "history" } or { "kind": "sftp", host, username, directory }') as any,
    credentials: credentialsSchema,
    schedule: scheduleSchema.required('schedule is required: { "everyMinutes": 60 }, { "dailyAt": "06:00" } or { "cron": "0 6 * * 1-5" }'),
    enabled: yup.boolean(),
  })
  .test('what', 'give fromExport (an export to repeat) or request (the body of POST /contacts/exports), not both', (v) => !!v && !!v.fromExport !== !!v.request)
  .noUnknown(true, unknown);

export const updateScheduledExportSchema = yup
  .object({
    name: trimmedString().min(1).max(255),
    request: yup.object().default(undefined),
    destination: destinationSchema(null) as any,
    credentials: credentialsSchema,
    schedule: scheduleSchema,
    enabled: yup.boolean(),
  })
  .noUnknown(true, unknown);

export const testDestinationSchema = yup.object({ destination: destinationSchema(null) as any, credentials: credentialsSchema }).noUnknown(true, unknown);

export const listSchedulesSchema = yup.object({
  page: yup.number().integer().min(1),
  pageSize: yup.number().integer().min(1).max(100),
});
