import * as yup from 'yup';
import { queryInt } from '../validate';

const text = (name: string) => yup.string().typeError(`${name} must be text`);

export const MAX_TAGS = 100;

/** Shape only: values are normalized and checked against the fields by the contacts service. */
export const contactBodySchema = yup
  .object({
    email: text('email').max(254, 'email must be at most 254 characters').nullable(),
    mobile: text('mobile').max(50, 'mobile must be at most 50 characters').nullable(),
    firstName: text('firstName').nullable(),
    lastName: text('lastName').nullable(),
    company: text('company').nullable(),
    ownerId: yup.number().typeError('ownerId must be the id of an admin user').integer().positive().nullable(),
    emailOptIn: text('emailOptIn'),
    smsOptIn: text('smsOptIn'),
    emailStatus: text('emailStatus'),
    mobileStatus: text('mobileStatus'),
    tags: yup
      .array(text('a tag').required('a tag cannot be null').max(255, 'a tag is at most 255 characters'))
      .typeError('tags must be a list of texts')
      .max(MAX_TAGS, `a contact has at most ${MAX_TAGS} tags`)
      .nullable(),
    attributes: yup.object().typeError('attributes must be an object of custom field values by field key').nullable(),
  })
  .typeError('the request body must be a JSON object')
  .noUnknown(
    true,
    (p) =>
      `unknown contact property: ${p.unknown}; custom fields go under "attributes", e.g. { "attributes": { "${String(p.unknown).split(',')[0].trim()}": ... } }`
  )
  .strict();

export const contactQuerySchema = yup.object({
  q: yup.string().typeError('q must be a single text').max(255, 'q must be at most 255 characters'),
  page: queryInt('page', 1, 1_000_000),
  after: queryInt('after', 0, Number.MAX_SAFE_INTEGER),
  pageSize: queryInt('pageSize', 1, 200),
  sort: yup.string().typeError('sort must be a single "field:asc" or "field:desc"'),
  // Checked against the contact model by assertValidFilters (yup would strip an unshaped object's keys).
  filters: yup.mixed(),
});
