import adminContacts from './admin-contacts';
import adminExports from './admin-exports';
import adminFields from './admin-fields';
import adminImports from './admin-imports';
import adminMappings from './admin-mappings';
import adminRecurringImports from './admin-recurring-imports';
import adminScheduledExports from './admin-scheduled-exports';
import adminSegments from './admin-segments';
import adminSettings from './admin-settings';
import contact from './content-api';
import segment from './content-api-segments';

export default {
  'admin-contacts': adminContacts,
  'admin-exports': adminExports,
  'admin-fields': adminFields,
  'admin-imports': adminImports,
  'admin-mappings': adminMappings,
  'admin-recurring-imports': adminRecurringImports,
  'admin-scheduled-exports': adminScheduledExports,
  'admin-segments': adminSegments,
  'admin-settings': adminSettings,
  contact,
  segment,
};
