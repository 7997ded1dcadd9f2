import crypto from 'crypto';

/** What a confirmation link carries: the sign-up itself, so nothing is stored before the person confirms. */
export interface SubscriptionClaim {
  email: string;
  mobile?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  /** Expiry, epoch seconds. */
  exp: number;
}

const b64 = (buf: Buffer) => buf.toString('base64url');
const mac = (key: string, body: string) => crypto.createHmac('sha256', key).update(`contacts-subscribe.${body}`).digest();

export const signClaim = (claim: SubscriptionClaim, key: string): string => {
  const body = b64(Buffer.from(JSON.stringify(claim)));
  return `${body}.${b64(mac(key, body))}`;
};

export type Verified = { ok: true; claim: SubscriptionClaim } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks the signature in constant time, then the expiry. */
export const verifyClaim = (token: unknown, key: string, now = Date.now()): Verified => {
  if (typeof token !== 'string' || token.length > 4096) return { ok: false, reason: 'invalid' };
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const expected = mac(key, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  let claim: SubscriptionClaim;
  try {
    claim = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (typeof claim?.email !== 'string' || typeof claim.exp !== 'number') return { ok: false, reason: 'invalid' };
  if (claim.exp * 1000 < now) return { ok: false, reason: 'expired' };
  return { ok: true, claim };
};
