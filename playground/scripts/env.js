'use strict';
// Writes playground/.env with fresh random secrets the first time, so a clone
// never runs with secrets published in the repository.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const file = path.join(__dirname, '..', '.env');
const secret = () => crypto.randomBytes(16).toString('base64');

const ensureEnv = () => {
  if (fs.existsSync(file)) return false;
  const lines = [
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
  ];
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return true;
};

module.exports = { ensureEnv };
if (require.main === module) ensureEnv();
