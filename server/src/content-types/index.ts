import contact from './contact/schema';
import field from './field/schema';
import importSchema from './import/schema';
import importError from './import-error/schema';
import segment from './segment/schema';
import exportSchema from './export/schema';
import mapping from './mapping/schema';
import recurringImport from './recurring-import/schema';
import scheduledExport from './scheduled-export/schema';

export default {
  contact: { schema: contact },
  field: { schema: field },
  import: { schema: importSchema },
  'import-error': { schema: importError },
  segment: { schema: segment },
  export: { schema: exportSchema },
  mapping: { schema: mapping },
  'recurring-import': { schema: recurringImport },
  'scheduled-export': { schema: scheduledExport },
};
