import type { Core } from '@strapi/strapi';
import { SECRET_KEYS, type SecretFlags, type SecretsInput } from '../constants';
import type { Secrets } from '../sources/types';
import { CipherError, createCipher, type Cipher } from './cipher';

let cached: { keys: string; cipher: Cipher } | null = null;

/** The cipher of this app's keys (derived once per key list). */
const cipherOf = (strapi: Core.Strapi): Cipher => {
  const keys = strapi.config.get('server.app.keys') as string[] | string | undefined;
  const id = JSON.stringify(keys ?? null);
  if (!cached || cached.keys !== id) cached = { keys: id, cipher: createCipher(keys) };
  return cached.cipher;
};

export const sealSecrets = (strapi: Core.Strapi, secrets: Secrets): string | null => {
  const kept = Object.fromEntries(SECRET_KEYS.filter((k) => secrets[k]).map((k) => [k, secrets[k]]));
  return Object.keys(kept).length ? cipherOf(strapi).seal(kept) : null;
};

export const openSecrets = (strapi: Core.Strapi, sealed: string | null | undefined): Secrets => (sealed ? cipherOf(strapi).open<Secrets>(sealed) : {});

/** A value sets a secret, null or "" removes it, an absent key keeps the stored one. */
export const mergeSecrets = (stored: Secrets, input: SecretsInput | undefined): Secrets => {
  const out: Secrets = { ...stored };
  for (const key of SECRET_KEYS) {
    if (!input || !(key in input)) continue;
    const v = input[key];
    if (v === null || v === '' || v === undefined) delete out[key];
    else out[key] = v;
  }
  return out;
};

/** What the API says about stored secrets: which are set, never their values. */
export const secretFlags = (strapi: Core.Strapi, sealed: string | null | undefined): SecretFlags => {
  const flag = (s: Secrets): SecretFlags => ({
    hasPassword: !!s.password,
    hasHeaderValue: !!s.headerValue,
    hasPrivateKey: !!s.privateKey,
    hasPassphrase: !!s.passphrase,
  });
  try {
    return flag(openSecrets(strapi, sealed));
  } catch (error) {
    if (error instanceof CipherError) return { ...flag({}), unreadable: error.message };
    throw error;
  }
};
