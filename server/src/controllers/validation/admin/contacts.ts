import * as yup from 'yup';

/** Shape only: values are normalized and checked against the fields by the contacts service. */
export const contactBodySchema = yup
  .object({
    email: yup.string().nullable(),
    mobile: yup.string().nullable(),
    firstName: yup.string().nullable(),
    lastName: yup.string().nullable(),
    company: yup.string().nullable(),
    emailOptIn: yup.string(),
    smsOptIn: yup.string(),
    emailStatus: yup.string(),
    mobileStatus: yup.string(),
    tags: yup.array(yup.string().required()).nullable(),
    attributes: yup.object().nullable(),
  })
  .noUnknown(true, (p) => `unknown contact property: ${p.unknown}`)
  .strict();

export const contactQuerySchema = yup.object({
  q: yup.string(),
  page: yup.number().integer().min(1),
  pageSize: yup.number().integer().min(1).max(200),
  sort: yup.string(),
  filters: yup.object(),
});
