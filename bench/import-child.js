'use strict';
/**
 * One measurement in its own process (clean peak RSS): boots the playground
 * Strapi on a fresh database, then either imports FILE through the plugin
 * (start → imported) or creates N contacts with the Documents API.
 * Prints one JSON line.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [mode, arg, db = 'sqlite'] = process.argv.slice(2);
const playground = path.join(__dirname, '..', 'playground');
const secret = () => crypto.randomBytes(16).toString('base64');

const prepareDb = async () => {
  const name = `contacts_bench_${crypto.randomBytes(4).toString('hex')}`;
  if (db === 'postgres') {
    const { Client } = require('pg');
    const url = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432';
    const c = new Client({ connectionString: `${url}/postgres` });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: `${url}/${name}` },
      drop: async () => {
        const d = new Client({ connectionString: `${url}/postgres` });
        await d.connect();
        await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await d.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-bench-'));
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.relative(playground, path.join(dir, 'data.db')) },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
};

const main = async () => {
  const database = await prepareDb();
  Object.assign(process.env, {
    NODE_ENV: 'production',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    STRAPI_LOG_LEVEL: 'error',
    STRAPI_TELEMETRY_DISABLED: 'true',
    CONTACTS_QUEUE_TICK_SECONDS: '0.5',
    ...database.env,
  });
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: playground, distDir: playground, serveAdminPanel: false }).load();
  strapi.log.level = 'error';
  const baseline = process.memoryUsage().rss;
  const timer = setInterval(sample, 50);
  let result;
  try {
    if (mode === 'import') {
      const service = strapi.plugin('contacts').service('imports');
      const temp = path.join(os.tmpdir(), `bench-${process.pid}.csv`);
      fs.copyFileSync(arg, temp);
      const draft = await service.createFromUpload({ filepath: temp, originalFilename: path.basename(arg), size: fs.statSync(temp).size }, {}, null);
      const mapping = [
        { column: 'email', field: 'email' },
        { column: 'first_name', field: 'firstName' },
        { column: 'last_name', field: 'lastName' },
        { column: 'company', field: 'company' },
        { column: 'address', newField: { key: 'address', label: 'Address', type: 'text' } },
        { column: 'city', newField: { key: 'city', label: 'City', type: 'text' } },
        { column: 'plan', newField: { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro', 'team'] } },
        { column: 'signup_date', newField: { key: 'signupDate', label: 'Signup date', type: 'date' } },
        { column: 'newsletter', field: 'emailOptIn' },
      ];
      await service.update(draft.documentId, { mapping }, null);
      const started = process.hrtime.bigint();
      await service.start(draft.documentId);
      let view;
      for (;;) {
        view = await service.findOne(draft.documentId);
        if (['imported', 'failed', 'stopped'].includes(view.status)) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (view.status !== 'imported') throw new Error(`import ${view.status}: ${view.error}`);
      result = { mode, db, rows: view.counters.processed, seconds, counters: view.counters };
    } else {
      const n = Number(arg);
      const started = process.hrtime.bigint();
      for (let i = 0; i < n; i += 1) {
        await strapi.documents('plugin::contacts.contact').create({ data: { email: `loop.${i}@example.com`, firstName: 'Loop', lastName: String(i) } });
      }
      result = { mode, db, rows: n, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    }
  } finally {
    clearInterval(timer);
    sample();
    await strapi.destroy();
    await database.drop();
  }
  console.log(JSON.stringify({ ...result, peakRssMb: Math.round(peak / 2 ** 20), baselineRssMb: Math.round(baseline / 2 ** 20) }));
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
