import adminContacts from './admin-contacts';
import adminFields from './admin-fields';
import adminImports from './admin-imports';
import adminMappings from './admin-mappings';
import adminSettings from './admin-settings';
import contact from './content-api';

export default {
  'admin-contacts': adminContacts,
  'admin-fields': adminFields,
  'admin-imports': adminImports,
  'admin-mappings': adminMappings,
  'admin-settings': adminSettings,
  contact,
};
