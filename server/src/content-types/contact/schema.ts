import { BUILT_IN_FIELDS, UID, type BuiltInField } from '../../constants';

/** The Strapi attribute of a built-in field (values are checked by the plugin's readers, not by Strapi). */
const attributeOf = (field: BuiltInField): Record<string, unknown> => {
  if (field.reader === 'tags') return { type: 'json' };
  if (field.type === 'integer') return { type: 'integer' };
  if (field.type === 'datetime') return { type: 'datetime' };
  if (field.options) {
    // No default for opt-ins: an unset opt-in is "unknown", never an invented yes.
    return { type: 'enumeration', enum: [...field.options], ...(field.default ? { default: field.default } : {}) };
  }
  return { type: 'string' };
};

export default {
  kind: 'collectionType',
  collectionName: 'contacts_contacts',
  info: { singularName: 'contact', pluralName: 'contacts', displayName: 'Contact', description: 'A person in the contact base' },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    ...Object.fromEntries(BUILT_IN_FIELDS.map((f) => [f.key, attributeOf(f)])),
    attributes: { type: 'json' },
    /** Accent- and case-folded copies of the text fields (criteria) and their join (quick search): kept by the plugin. */
    folded: { type: 'json', private: true },
    search: { type: 'text', private: true },
    segments: { type: 'relation', relation: 'manyToMany', target: UID.segment, inversedBy: 'contacts' },
  },
};
