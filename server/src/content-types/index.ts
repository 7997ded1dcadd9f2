import contact from './contact/schema.json';
import field from './field/schema.json';
import importSchema from './import/schema.json';
import importError from './import-error/schema.json';
import segment from './segment/schema.json';
import exportSchema from './export/schema.json';

export default {
  contact: { schema: contact },
  field: { schema: field },
  import: { schema: importSchema },
  'import-error': { schema: importError },
  segment: { schema: segment },
  export: { schema: exportSchema },
};
