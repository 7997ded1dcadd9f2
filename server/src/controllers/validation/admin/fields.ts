import * as yup from 'yup';
import { FIELD_TYPES } from '../../../constants';
import { trimmedString } from '../validate';

export const MAX_OPTIONS = 1000;

const optionsSchema = yup
  .array(trimmedString().typeError('each option must be text').required('options cannot be empty').max(255, 'an option is at most 255 characters'))
  .typeError('options must be a list of texts')
  .max(MAX_OPTIONS, `a field has at most ${MAX_OPTIONS} options`)
  .nullable()
  .test('unique', 'options must not repeat', (list) => !list || new Set(list).size === list.length);

const bool = (name: string) => yup.boolean().strict().typeError(`${name} must be true or false`);

const base = {
  label: trimmedString().typeError('label must be text').min(1, 'label cannot be empty').max(255, 'label must be at most 255 characters'),
  type: yup
    .string()
    .typeError('type must be text')
    .oneOf([...FIELD_TYPES], `type must be one of: ${FIELD_TYPES.join(', ')}`),
  options: optionsSchema,
  allowUnknownValues: bool('allowUnknownValues'),
  required: bool('required'),
  position: yup
    .number()
    .strict()
    .typeError('position must be a number')
    .integer('position must be a whole number')
    .min(0, 'position must be at least 0')
    .max(1_000_000, 'position must be at most 1000000'),
};

const unknownKeys = (p: { unknown?: string }) =>
  `unknown field property: ${p.unknown}; allowed: key, label, type, options, allowUnknownValues, required, position`;

export const createFieldSchema = yup
  .object({
    ...base,
    key: trimmedString()
      .typeError('key must be text')
      .required('key is required')
      .matches(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'key must start with a letter and use only letters, digits and _ (max 63)'),
    label: base.label.required('label is required'),
    type: base.type.required('type is required'),
  })
  .typeError('the request body must be a JSON object')
  .noUnknown(true, unknownKeys)
  .test('options-for-select', 'a select or multiselect field needs at least one option, or allowUnknownValues', (f) =>
    !f || !['select', 'multiselect'].includes(f.type as string) || !!f.allowUnknownValues || (f.options?.length ?? 0) > 0
  );

export const updateFieldSchema = yup
  .object({ ...base, key: trimmedString().typeError('key must be text') })
  .typeError('the request body must be a JSON object')
  .noUnknown(true, unknownKeys);
