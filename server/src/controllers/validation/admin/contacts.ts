import * as yup from 'yup';
import { BUILT_IN_FIELDS, TAGS_MAX } from '../../../constants';
import { queryInt } from '../validate';

export const MAX_TAGS = TAGS_MAX;

/**
 * Shape only, one key per built-in field: values are read and checked by the
 * contacts service with the same readers as the import (a readable 400 for
 * each bad value, whatever the path).
 */
export const contactBodySchema = yup
  .object({
    ...Object.fromEntries(BUILT_IN_FIELDS.filter((f) => f.reader !== 'tags').map((f) => [f.key, yup.mixed().nullable()])),
    tags: yup.array().typeError('tags must be a list of texts').max(MAX_TAGS, `a contact has at most ${MAX_TAGS} tags`).nullable(),
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

export const historyQuerySchema = yup.object({
  page: queryInt('page', 1, 1_000_000),
  pageSize: queryInt('pageSize', 1, 100),
});
