import contacts from './contacts';
import exports from './exports';
import fields from './fields';
import imports from './imports';
import mappings from './mappings';
import queue from './queue';
import recurringImports from './recurring-imports';
import scheduledExports from './scheduled-exports';
import schedules from './schedules';
import segments from './segments';
import settings from './settings';
import subscriptions from './subscriptions';

export default {
  contacts,
  exports,
  fields,
  imports,
  mappings,
  queue,
  'recurring-imports': recurringImports,
  'scheduled-exports': scheduledExports,
  schedules,
  segments,
  settings,
  subscriptions,
};
