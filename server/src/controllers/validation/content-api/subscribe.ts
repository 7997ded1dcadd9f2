import * as yup from 'yup';

const text = (name: string, max: number) => yup.string().typeError(`${name} must be text`).max(max, `${name} must be at most ${max} characters`).nullable();

export const SUBSCRIBE_KEYS = ['email', 'mobile', 'firstName', 'lastName', 'company'] as const;

/**
 * What a public sign-up form may send. Checked before anything is looked up,
 * so a known and an unknown address get the same answer for the same body.
 */
export const subscribeSchema = yup
  .object({
    email: yup.string().typeError('email must be text').required('email is required').max(254, 'email must be at most 254 characters'),
    mobile: text('mobile', 50),
    firstName: text('firstName', 255),
    lastName: text('lastName', 255),
    company: text('company', 255),
  })
  .typeError('the request body must be a JSON object')
  .noUnknown(true, (p) => `unknown property: ${p.unknown}; a sign-up sends ${SUBSCRIBE_KEYS.join(', ')}`)
  .strict();
