import contacts from './contacts';
import fields from './fields';
import imports from './imports';
import queue from './queue';
import subscriptions from './subscriptions';

export default { contacts, fields, imports, queue, subscriptions };
