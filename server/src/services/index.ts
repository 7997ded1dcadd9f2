import contacts from './contacts';
import fields from './fields';
import imports from './imports';

export default { contacts, fields, imports };
