import type { ContactsService } from '../services/contacts';
import type { ExportsService } from '../services/exports';
import type { FieldsService } from '../services/fields';
import type { ImportsService } from '../services/imports';
import type { MappingsService } from '../services/mappings';
import type { QueueService } from '../services/queue';
import type { RecurringImportsService } from '../services/recurring-imports';
import type { ScheduledExportsService } from '../services/scheduled-exports';
import type { SchedulesService } from '../services/schedules';
import type { SegmentsService } from '../services/segments';
import type { SettingsService } from '../services/settings';
import type { SubscriptionsService } from '../services/subscriptions';

/** Service name → type, so every call through getService is type-checked. */
export interface Services {
  contacts: ContactsService;
  exports: ExportsService;
  fields: FieldsService;
  imports: ImportsService;
  mappings: MappingsService;
  queue: QueueService;
  'recurring-imports': RecurringImportsService;
  'scheduled-exports': ScheduledExportsService;
  schedules: SchedulesService;
  segments: SegmentsService;
  settings: SettingsService;
  subscriptions: SubscriptionsService;
}

export const getService = <K extends keyof Services>(name: K): Services[K] =>
  strapi.plugin('contacts').service(name) as Services[K];
