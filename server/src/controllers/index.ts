import adminContacts from './admin-contacts';
import adminFields from './admin-fields';
import adminImports from './admin-imports';
import contact from './content-api';

export default {
  'admin-contacts': adminContacts,
  'admin-fields': adminFields,
  'admin-imports': adminImports,
  contact,
};
