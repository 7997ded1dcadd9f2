import { FIELD_TYPES } from '../../constants';

export default {
  kind: 'collectionType',
  collectionName: 'contacts_fields',
  info: { singularName: 'field', pluralName: 'fields', displayName: 'Contact field', description: 'Built-in and custom contact fields' },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-manager': { visible: false }, 'content-type-builder': { visible: false } },
  attributes: {
    key: { type: 'string', required: true, unique: true },
    label: { type: 'string', required: true },
    type: { type: 'enumeration', enum: [...FIELD_TYPES], required: true, default: 'text' },
    options: { type: 'json' },
    allowUnknownValues: { type: 'boolean', default: false },
    required: { type: 'boolean', default: false },
    builtIn: { type: 'boolean', default: false },
    position: { type: 'integer', default: 0 },
  },
};
