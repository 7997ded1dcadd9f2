import * as yup from 'yup';
import { SOURCE_KINDS } from '../constants';
import { trimmedString } from '../controllers/validation/validate';

/** Host names and IP literals (IPv6 without brackets). */
const host = () =>
  trimmedString()
    .max(255)
    .matches(/^[A-Za-z0-9.:_-]+$/, 'host must be a host name or an IP address, without a scheme or a path (e.g. sftp.example.com)');

/** A host key pin as OpenSSH prints it. */
const fingerprint = () =>
  trimmedString()
    .nullable()
    .matches(/^SHA256:[A-Za-z0-9+/]{43}$/, { message: 'hostFingerprint must look like SHA256:… (43 base64 characters), as `ssh-keygen -lf` or the connection test prints it', excludeEmptyString: true });

export const sftpConnectionFields = {
  host: host().required('host is required'),
  port: yup.number().typeError('port must be a number').integer().min(1).max(65535).default(22),
  username: trimmedString().required('username is required').max(255),
  hostFingerprint: fingerprint(),
};

const urlSource = yup
  .object({
    kind: yup.string().oneOf(['url']).required(),
    url: trimmedString().required('url is required').max(2048),
    /** Basic auth. */
    username: trimmedString().nullable().max(255),
    /** Or one custom header (its value is a secret: credentials.headerValue). */
    headerName: trimmedString()
      .nullable()
      .max(100)
      .matches(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, { message: 'headerName must be an HTTP header name, e.g. X-Api-Key', excludeEmptyString: true }),
  })
  .test('auth', 'use basic auth (username) or a custom header (headerName), not both', (v) => !(v?.username && v?.headerName))
  .noUnknown(true, (p) => `source: unknown property ${p.unknown}`);

const sftpSource = yup
  .object({
    kind: yup.string().oneOf(['sftp']).required(),
    ...sftpConnectionFields,
    path: trimmedString()
      .required('path is required: the file, or a pattern such as /exports/contacts-*.csv')
      .max(1024)
      .matches(/^\//, 'path must be absolute (start with /)')
      .test('pattern', 'a pattern (* or ?) may only be in the file name, not in the directories', (v) => !v || !/[*?]/.test(v.slice(0, v.lastIndexOf('/')))),
  })
  .noUnknown(true, (p) => `source: unknown property ${p.unknown}`);

/** `required`: a missing source is a 400 (create); else it may be left out (update, test of a saved one). */
export const sourceSchema = (required: string | null) =>
  yup.lazy((v: any) =>
    v === undefined
      ? required
        ? yup.mixed().required(required)
        : yup.mixed()
      : v?.kind === 'sftp'
        ? sftpSource
        : v?.kind === 'url'
          ? urlSource
          : yup.mixed().test('kind', `source.kind must be one of: ${SOURCE_KINDS.join(', ')}`, () => false)
  );

/** Secrets as sent: a value sets it, null or "" removes it, absent keeps what is stored. */
export const credentialsSchema = yup
  .object({
    password: yup.string().nullable().max(1024),
    headerValue: yup.string().nullable().max(8192),
    privateKey: yup.string().nullable().max(16384),
    passphrase: yup.string().nullable().max(1024),
  })
  .default(undefined)
  .noUnknown(true, (p) => `credentials: unknown property ${p.unknown} (password, headerValue, privateKey, passphrase)`);
