import * as yup from 'yup';
import { SEGMENT_KINDS } from '../../../constants';
import { queryInt } from '../validate';

const name = () => yup.string().typeError('name must be text').trim().min(1, 'name cannot be empty').max(255, 'name must be at most 255 characters');

/** Criteria are checked by the compiler (a 400 naming the path of the bad condition); here only their shape. */
const criteria = () => yup.mixed().test('criteria', 'criteria must be an object { "match": "all" | "any", "conditions": [...] }', (v) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v)));

export const createSegmentSchema = yup
  .object({
    name: name().required('name is required'),
    description: yup.string().typeError('description must be text').max(5000).nullable(),
    kind: yup.string().oneOf([...SEGMENT_KINDS], `kind must be one of: ${SEGMENT_KINDS.join(', ')}`),
    criteria: criteria(),
  })
  .typeError('the request body must be a JSON object')
  .noUnknown(true, (p) => `unknown property: ${p.unknown}; a segment has name, description, kind, criteria`);

export const updateSegmentSchema = yup
  .object({ name: name(), description: yup.string().max(5000).nullable(), kind: yup.string(), criteria: criteria() })
  .typeError('the request body must be a JSON object')
  .noUnknown(true, (p) => `unknown property: ${p.unknown}; a segment has name, description, kind, criteria`);

export const previewSchema = yup
  .object({ criteria: criteria().required('criteria is required') })
  .noUnknown(true, (p) => `unknown property: ${p.unknown}`);

/** A selection of contacts: their documentIds, or every contact matching criteria (a search). */
export const targetSchema = yup
  .object({
    ids: yup.array(yup.string().required().max(64)).max(100_000, 'at most 100,000 ids; use criteria for more'),
    criteria: criteria(),
  })
  .noUnknown(true, (p) => `unknown property: ${p.unknown}; send ids or criteria`)
  .test('one', 'send ids (a selection) or criteria (all the results of a search)', (v) => !!v && (v.ids !== undefined) !== (v.criteria !== undefined));

export const listSegmentsSchema = yup.object({
  page: queryInt('page', 1, 1_000_000),
  pageSize: queryInt('pageSize', 1, 200),
  kind: yup.string().oneOf([...SEGMENT_KINDS]),
});
