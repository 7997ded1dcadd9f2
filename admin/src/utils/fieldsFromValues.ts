import type { ContactField } from '../types';

/**
 * Stand-in definitions built from a contact's stored values, for a role that may
 * read contacts but not field definitions: the values stay visible (read-only),
 * labelled by their key, with the input their JSON type suggests.
 */
export const fieldsFromValues = (attributes: Record<string, unknown> | null | undefined): ContactField[] =>
  Object.entries(attributes ?? {}).map(([key, value], position) => {
    const type: ContactField['type'] =
      typeof value === 'boolean'
        ? 'boolean'
        : typeof value === 'number'
          ? 'decimal'
          : Array.isArray(value)
            ? 'multiselect'
            : 'text';
    return {
      id: -1 - position,
      documentId: key,
      key,
      label: key,
      type,
      options: Array.isArray(value) ? value.map(String) : [],
      allowUnknownValues: true,
      required: false,
      builtIn: false,
      position,
    };
  });
