import * as yup from 'yup';
import { KEY_FIELDS } from '../../../constants';
import { queryInt } from '../validate';

const key = () => yup.string().oneOf([...KEY_FIELDS], `uniqueKey must be one of: ${KEY_FIELDS.join(', ')}`);

export const settingsSchema = yup
  .object({ uniqueKey: key() })
  .typeError('the request body must be a JSON object')
  .noUnknown(true, (p) => `unknown setting: ${p.unknown}; settings are: uniqueKey`)
  .strict();

export const conflictsQuerySchema = yup.object({
  key: key().required('key is required (email or mobile)'),
  page: queryInt('page', 1, 1_000_000),
  pageSize: queryInt('pageSize', 1, 100),
});
