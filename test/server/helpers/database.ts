import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';

export type TestDb = 'sqlite' | 'postgres' | 'mysql';

export const testDb = (): TestDb => (process.env.TEST_DB as TestDb) || 'sqlite';

const PG_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432';
const MYSQL = { host: process.env.TEST_MYSQL_HOST || '127.0.0.1', port: 3306, user: 'root', password: '' };

/**
 * A fresh database per suite: a temp SQLite file, or a new Postgres/MySQL
 * database dropped at the end. Returns the env Strapi's config/database.js reads.
 */
export const createTestDatabase = async (kind: TestDb = testDb()): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> => {
  const name = `contacts_test_${crypto.randomBytes(5).toString('hex')}`;
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-test-'));
    const filename = path.relative(path.join(__dirname, '../../../playground'), path.join(dir, 'data.db'));
    return {
      env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename },
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (kind === 'postgres') {
    const { Client } = require('pg');
    const admin = new Client({ connectionString: `${PG_URL}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: `${PG_URL}/${name}` },
      drop: async () => {
        const c = new Client({ connectionString: `${PG_URL}/postgres` });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const mysql = require('mysql2/promise');
  const conn = await mysql.createConnection(MYSQL);
  await conn.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return {
    env: {
      DATABASE_CLIENT: 'mysql',
      DATABASE_HOST: MYSQL.host,
      DATABASE_PORT: String(MYSQL.port),
      DATABASE_NAME: name,
      DATABASE_USERNAME: MYSQL.user,
      DATABASE_PASSWORD: MYSQL.password,
    },
    drop: async () => {
      const c = await mysql.createConnection(MYSQL);
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
};
