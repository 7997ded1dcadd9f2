/** A mapping saved under a name, to pick for later files (and for recurring imports). */
export default {
  kind: 'collectionType',
  collectionName: 'contacts_mappings',
  info: { singularName: 'mapping', pluralName: 'mappings', displayName: 'Contact import mapping', description: 'A saved column-to-field mapping' },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true },
    /** Header texts the mapping was made for. */
    columns: { type: 'json' },
    mapping: { type: 'json' },
  },
};
