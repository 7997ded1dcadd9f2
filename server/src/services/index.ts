import contacts from './contacts';
import fields from './fields';
import imports from './imports';
import queue from './queue';

export default { contacts, fields, imports, queue };
