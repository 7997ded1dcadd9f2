import type { Contact, ContactField, ContactFormValues } from '../types';

/** The schema's defaults, so a new contact starts as the API would store it: consent unknown, never assumed. */
export const EMPTY_CONTACT: ContactFormValues = {
  email: '',
  mobile: '',
  firstName: '',
  lastName: '',
  company: '',
  country: '',
  emailOptIn: null,
  smsOptIn: null,
  emailStatus: 'unknown',
  mobileStatus: 'unknown',
  tags: [],
  attributes: {},
};

export const toFormValues = (contact?: Contact): ContactFormValues => {
  if (!contact) return { ...EMPTY_CONTACT, attributes: {} };
  return {
    email: contact.email ?? '',
    mobile: contact.mobile ?? '',
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    company: contact.company ?? '',
    country: contact.country ?? '',
    emailOptIn: contact.emailOptIn ?? null,
    smsOptIn: contact.smsOptIn ?? null,
    emailStatus: contact.emailStatus ?? EMPTY_CONTACT.emailStatus,
    mobileStatus: contact.mobileStatus ?? EMPTY_CONTACT.mobileStatus,
    tags: Array.isArray(contact.tags) ? contact.tags : [],
    attributes: { ...(contact.attributes ?? {}) },
  };
};

const blankToNull = (value: unknown) => {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  if (Array.isArray(value) && value.length === 0) return null;
  return typeof value === 'string' ? value.trim() : value;
};

/**
 * Request body for POST/PUT. Every known custom field is sent (null clears it);
 * values of fields deleted since the contact was loaded are left alone, since
 * the API rejects unknown keys.
 */
export const toPayload = (values: ContactFormValues, fields: ContactField[]) => ({
  // Without known fields (none defined, or the role cannot read them) attributes are left untouched.
  ...(fields.length ? { attributes: Object.fromEntries(fields.map((f) => [f.key, blankToNull(values.attributes[f.key])])) } : {}),
  email: blankToNull(values.email),
  mobile: blankToNull(values.mobile),
  firstName: blankToNull(values.firstName),
  lastName: blankToNull(values.lastName),
  company: blankToNull(values.company),
  country: blankToNull(values.country),
  // null sets an opt-in back to unknown.
  emailOptIn: values.emailOptIn,
  smsOptIn: values.smsOptIn,
  emailStatus: values.emailStatus,
  mobileStatus: values.mobileStatus,
  tags: values.tags,
});

export const contactDisplayName = (contact: Pick<Contact, 'firstName' | 'lastName' | 'email' | 'mobile'>) =>
  [contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.email || contact.mobile || '';
