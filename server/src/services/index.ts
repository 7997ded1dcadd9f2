import contacts from './contacts';
import fields from './fields';
import imports from './imports';
import mappings from './mappings';
import queue from './queue';
import segments from './segments';
import settings from './settings';
import subscriptions from './subscriptions';

export default { contacts, fields, imports, mappings, queue, segments, settings, subscriptions };
