import * as yup from 'yup';
import { TAGS_MAX, WRITABLE_FIELDS } from '../../../constants';
import { queryInt } from '../validate';
import { QUICK_SEARCH_MAX } from '../../../segments/quick-search';

export const MAX_TAGS = TAGS_MAX;

/**
 * Shape only, one key per built-in field: values are read and checked by the
 * contacts service with the same readers as the import (a readable 400 for
 * each bad value, whatever the path).
 */
export const contactBodySchema = yup
  .object({
    ...Object.fromEntries(WRITABLE_FIELDS.filter((f) => f.reader !== 'tags').map((f) => [f.key, yup.mixed().nullable()])),
    tags: yup.array().typeError('tags must be a list of texts').max(MAX_TAGS, `a contact has at most ${MAX_TAGS} tags`).nullable(),
    attributes: yup.object().typeError('attributes must be an object of custom field values by field key').nullable(),
    // Static segments the contact is in: checked (shape, existence, kind) by the contact-writes middleware.
    segments: yup.mixed(),
  })
  .typeError('the request body must be a JSON object')
  .noUnknown(
    true,
    (p) =>
      `unknown contact property: ${p.unknown}; custom fields go under "attributes", e.g. { "attributes": { "${String(p.unknown).split(',')[0].trim()}": ... } }`
  )
  .strict();

export const contactQuerySchema = yup.object({
  q: yup.string().typeError('q must be a single text').max(QUICK_SEARCH_MAX, `q must be at most ${QUICK_SEARCH_MAX} characters`),
  page: queryInt('page', 1, 1_000_000),
  after: queryInt('after', 0, Number.MAX_SAFE_INTEGER),
  pageSize: queryInt('pageSize', 1, 200),
  sort: yup.string().typeError('sort must be a single "field:asc" or "field:desc"'),
  // Checked against the contact model by assertValidFilters (yup would strip an unshaped object's keys).
  filters: yup.mixed(),
  /** Segment criteria as JSON text (the search of the contacts page): checked by the compiler. */
  criteria: yup
    .mixed()
    .transform((v) => {
      if (typeof v !== 'string') return v;
      try {
        return JSON.parse(v);
      } catch {
        return Symbol.for('invalid-json');
      }
    })
    .test('criteria', 'criteria must be JSON such as {"match":"all","conditions":[...]}', (v) => v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v))),
});

/** A bulk action on a selection (ids) or on every result of a search (criteria). */
export const bulkSchema = yup
  .object({
    action: yup.string().required('action is required').oneOf(['delete', 'addTags', 'removeTags'], 'action must be one of: delete, addTags, removeTags'),
    ids: yup.array(yup.string().required().max(64)).max(100_000, 'at most 100,000 ids; use criteria for more'),
    criteria: yup.mixed().test('criteria', 'criteria must be an object', (v) => v === undefined || (typeof v === 'object' && v !== null && !Array.isArray(v))),
    tags: yup.array(yup.string().trim().required().max(255)).max(100),
  })
  .noUnknown(true, (p) => `unknown property: ${p.unknown}`)
  .test('target', 'send ids (a selection) or criteria (all the results of a search)', (v) => !!v && (v.ids !== undefined) !== (v.criteria !== undefined))
  .test('tags', 'addTags and removeTags need tags', (v) => !v || v.action === 'delete' || !!v.tags?.length);

export const historyQuerySchema = yup.object({
  page: queryInt('page', 1, 1_000_000),
  pageSize: queryInt('pageSize', 1, 100),
});
