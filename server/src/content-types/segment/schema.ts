import { SEGMENT_KINDS } from '../../constants';

export default {
  kind: 'collectionType',
  collectionName: 'contacts_segments',
  info: { singularName: 'segment', pluralName: 'segments', displayName: 'Contact segment', description: 'Static or dynamic group of contacts' },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true },
    description: { type: 'text' },
    kind: { type: 'enumeration', enum: [...SEGMENT_KINDS], default: 'static', required: true },
    criteria: { type: 'json' },
    count: { type: 'integer', default: 0 },
    computedAt: { type: 'datetime' },
    builtIn: { type: 'boolean', default: false },
    /** Which default segment this is (seeded once, never again: a renamed default stays renamed). */
    builtInKey: { type: 'string', private: true },
    /** The last refresh: { added, removed, durationMs, at } (or its error). */
    lastRefresh: { type: 'json' },
    contacts: { type: 'relation', relation: 'manyToMany', target: 'plugin::contacts.contact', mappedBy: 'segments' },
  },
};
