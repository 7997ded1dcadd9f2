import crypto from 'crypto';

const secret = () => crypto.randomBytes(16).toString('base64');

/** Fresh Strapi secrets for one test app (kept for a restart so tokens stay valid). */
export const appSecrets = () => ({
  APP_KEYS: [secret(), secret()].join(','),
  API_TOKEN_SALT: secret(),
  ADMIN_JWT_SECRET: secret(),
  TRANSFER_TOKEN_SALT: secret(),
  JWT_SECRET: secret(),
  ENCRYPTION_KEY: secret(),
});
