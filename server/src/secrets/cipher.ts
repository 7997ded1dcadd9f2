import crypto from 'crypto';

/**
 * Credentials at rest: AES-256-GCM under a key derived (HKDF-SHA256) from
 * the app's keys (`server.app.keys`), never the key itself. The first key
 * seals; every key opens, so a rotated key list (new key first) still reads
 * what the old first key sealed.
 */
const VERSION = 'v1';
const INFO = 'strapi-plugin-contacts credentials';

const derive = (appKey: string) => Buffer.from(crypto.hkdfSync('sha256', Buffer.from(appKey, 'utf8'), Buffer.from('contacts'), Buffer.from(INFO), 32));

export interface Cipher {
  seal(value: Record<string, unknown>): string;
  open<T = Record<string, unknown>>(sealed: string): T;
}

export class CipherError extends Error {}

export const createCipher = (appKeys: string[] | string | undefined): Cipher => {
  const keys = (Array.isArray(appKeys) ? appKeys : String(appKeys ?? '').split(',')).map((k) => k.trim()).filter(Boolean);
  if (!keys.length) throw new CipherError('server.app.keys is empty: the plugin needs the app keys (APP_KEYS) to encrypt credentials');
  const derived = keys.map(derive);
  return {
    seal(value) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', derived[0], iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== VERSION || !iv || !tag || !body) throw new CipherError('stored credentials are not in a known format');
      for (const key of derived) {
        try {
          const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
          decipher.setAuthTag(Buffer.from(tag, 'base64'));
          return JSON.parse(Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8'));
        } catch {
          // Another key of the list may have sealed it.
        }
      }
      throw new CipherError('the stored credentials cannot be decrypted with the app keys (were APP_KEYS changed?): enter the password or key again');
    },
  };
};
