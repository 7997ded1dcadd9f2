import * as yup from 'yup';
import { FIELD_TYPES } from '../../../constants';

const optionsSchema = yup
  .array(yup.string().trim().required().max(255))
  .nullable()
  .test('unique', 'options must not repeat', (list) => !list || new Set(list).size === list.length);

const base = {
  label: yup.string().trim().max(255),
  type: yup.string().oneOf([...FIELD_TYPES], `type must be one of: ${FIELD_TYPES.join(', ')}`),
  options: optionsSchema,
  allowUnknownValues: yup.boolean(),
  required: yup.boolean(),
  position: yup.number().integer().min(0),
};

export const createFieldSchema = yup
  .object({
    ...base,
    key: yup
      .string()
      .trim()
      .required('key is required')
      .matches(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'key must start with a letter and use only letters, digits and _ (max 63)'),
    label: base.label.required('label is required'),
    type: base.type.required('type is required'),
  })
  .noUnknown()
  .test('options-for-select', 'a select or multiselect field needs at least one option, or allowUnknownValues', (f) =>
    !['select', 'multiselect'].includes(f.type as string) || !!f.allowUnknownValues || (f.options?.length ?? 0) > 0
  );

export const updateFieldSchema = yup
  .object({ ...base, key: yup.string().trim() })
  .noUnknown();
