import type { Core } from '@strapi/strapi';
import { UID } from '../constants';
import { signClaim, verifyClaim, type SubscriptionClaim } from '../subscribe/token';
import { getService } from '../utils/get-service';

export interface SubscribeInput {
  email: string;
  /** E.164; required when the base's unicity key is the mobile. */
  mobile?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
}

interface SubscribeSettings {
  doubleOptIn: boolean;
  confirmHours: number;
  redirectUrl: string | null;
  publicUrl: string | null;
  subject: string;
  text: string;
}

/** One confirmation e-mail per address in this window: the form cannot be used to flood someone's inbox. */
const RESEND_MS = 10 * 60_000;
const RECENT_MAX = 10_000;

/** Fields a public form may fill, and only while they are empty. */
const NAME_FIELDS = ['firstName', 'lastName', 'company'] as const;

/**
 * Public sign-up. With double opt-in (the default) nothing is stored until
 * the person follows the signed link sent to the address; the answer is the
 * same whether the address is known or not, so the endpoint cannot be used
 * to probe the base. A form never writes tags, never overwrites a name, and
 * never turns `no`/`blocklist` into `yes` without a confirmation (and never
 * lifts a blocklist at all).
 */
const createSubscriptionsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const settings = () => strapi.config.get('plugin::contacts.subscribe') as SubscribeSettings;
  const recent = new Map<string, number>();

  const signingKey = () => {
    const keys = strapi.config.get('server.app.keys') as string[] | undefined;
    if (!keys?.length) throw new Error('server.app.keys is empty: the confirmation link cannot be signed');
    return keys[0];
  };

  const throttled = (email: string) => {
    const now = Date.now();
    const last = recent.get(email);
    if (last !== undefined && now - last < RESEND_MS) return true;
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
    recent.set(email, now);
    return false;
  };

  const confirmLink = (token: string) => {
    const base = (settings().publicUrl || (strapi.config.get('server.absoluteUrl') as string) || '').replace(/\/+$/, '');
    return `${base}/api/contacts/subscribe/confirm?token=${encodeURIComponent(token)}`;
  };

  const sendConfirmation = async (input: SubscribeInput) => {
    const s = settings();
    const claim: SubscriptionClaim = { ...input, exp: Math.floor(Date.now() / 1000 + s.confirmHours * 3600) };
    const link = confirmLink(signClaim(claim, signingKey()));
    try {
      await strapi.plugin('email').service('email').send({ to: input.email, subject: s.subject, text: s.text.replace('{link}', link) });
    } catch (error) {
      // The answer stays the same (it must not reveal anything); the site owner sees why in the log.
      strapi.log.error(`[contacts] subscription confirmation e-mail not sent: ${(error as Error).message}`);
    }
  };

  /**
   * Creates the contact subscribed, or fills the known contact's empty names;
   * `confirmed` (the person followed the link) also sets its e-mail opt-in to
   * yes, unless an admin blocklisted it.
   */
  const apply = async (input: SubscribeInput, confirmed: boolean) => {
    const contacts = getService('contacts');
    // The base's key decides who this is (the same rule as the import and the admin form).
    const { uniqueKey } = await getService('settings').get();
    const find = () => strapi.db.query(UID.contact as any).findOne({ where: { [uniqueKey]: input[uniqueKey] } });
    let existing = await find();
    if (!existing) {
      try {
        await contacts.create({ ...pickNames(input), email: input.email, ...(input.mobile ? { mobile: input.mobile } : {}), emailOptIn: 'yes' }, null, { activity: true });
        return;
      } catch (error) {
        // Two confirmations of one address at once: the loser updates the winner's row.
        existing = await find();
        if (!existing) throw error;
      }
    }
    const update: Record<string, unknown> = {};
    for (const k of NAME_FIELDS) if (input[k] && !existing[k]) update[k] = input[k];
    if (!existing.email) update.email = input.email;
    if (confirmed && existing.emailOptIn !== 'blocklist' && existing.emailOptIn !== 'yes') update.emailOptIn = 'yes';
    await contacts.update(existing.documentId, update, null, { activity: true });
  };

  return {
    /** `input` is already validated and normalized by the controller (before anything is looked up). */
    async request(input: SubscribeInput): Promise<'pending' | 'subscribed'> {
      if (settings().doubleOptIn) {
        if (!throttled(input.email)) await sendConfirmation(input);
        return 'pending';
      }
      // Single opt-in: a new address is subscribed; a known one only gets its empty names filled.
      await apply(input, false);
      return 'subscribed';
    },

    async confirm(token: unknown): Promise<'confirmed' | 'expired' | 'invalid'> {
      const verified = verifyClaim(token, signingKey());
      if ('reason' in verified) return verified.reason;
      const { exp: _exp, ...input } = (verified as Extract<typeof verified, { ok: true }>).claim;
      await apply(input, true);
      return 'confirmed';
    },

    redirectUrl: () => settings().redirectUrl,
  };
};

const pickNames = (input: SubscribeInput) => {
  const out: Record<string, string> = {};
  for (const k of NAME_FIELDS) if (input[k]) out[k] = input[k] as string;
  return out;
};

export default createSubscriptionsService;
export type SubscriptionsService = ReturnType<typeof createSubscriptionsService>;
