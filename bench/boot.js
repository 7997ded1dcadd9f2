'use strict';
/**
 * What every benchmark child shares: a fresh database (a temp SQLite file or
 * a new Postgres or MySQL database) and the playground Strapi booted on it.
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const playground = path.join(__dirname, '..', 'playground');
const secret = () => crypto.randomBytes(16).toString('base64');

const prepareDb = async (db) => {
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
  if (db === 'mysql') {
    const mysql = require('mysql2/promise');
    const server = { host: process.env.BENCH_MYSQL_HOST || '127.0.0.1', port: 3306, user: 'root', password: '' };
    const c = await mysql.createConnection(server);
    await c.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await c.end();
    return {
      env: { DATABASE_CLIENT: 'mysql', DATABASE_HOST: server.host, DATABASE_PORT: String(server.port), DATABASE_NAME: name, DATABASE_USERNAME: server.user, DATABASE_PASSWORD: server.password },
      drop: async () => {
        const d = await mysql.createConnection(server);
        await d.query(`DROP DATABASE IF EXISTS ${name}`);
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


/** Boots Strapi on a fresh `db` database; `stop()` destroys it and drops the database. */
const boot = async (db, env = {}) => {
  const database = await prepareDb(db);
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
    // An import's end refreshes the dynamic segments (on SQLite, synchronous statements on Strapi's
    // thread): not part of the import, and it would delay the status the bench waits for.
    CONTACTS_SEGMENT_AUTO_REFRESH_MAX: '0',
    ...database.env,
    ...env,
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: playground, distDir: playground, serveAdminPanel: false }).load();
  strapi.log.level = 'error';
  return {
    strapi,
    stop: async () => {
      await strapi.destroy();
      await database.drop();
    },
  };
};

module.exports = { boot, playground };
