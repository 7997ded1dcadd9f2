import type { Core } from '@strapi/strapi';

/**
 * End-of-job notices (imports, exports) through Strapi's e-mail plugin; only
 * when a provider other than Strapi's default sendmail is configured and the
 * plugin option `notify.email` is not false. A notice that cannot be sent is
 * logged, never fails the job.
 */
export const sendNotice = async (strapi: Core.Strapi, to: string[], subject: string, text: string): Promise<void> => {
  const notify = strapi.config.get('plugin::contacts.notify') as { email?: boolean } | undefined;
  const provider = strapi.config.get('plugin::email.provider') as string | undefined;
  const recipients = Array.from(new Set(to.filter(Boolean)));
  if (!recipients.length || notify?.email === false || !strapi.plugin('email') || !provider || provider === 'sendmail') return;
  try {
    await strapi.plugin('email').service('email').send({ to: recipients.join(', '), subject, text });
  } catch (error) {
    strapi.log.warn(`[contacts] notice e-mail "${subject}" not sent: ${(error as Error).message}`);
  }
};
