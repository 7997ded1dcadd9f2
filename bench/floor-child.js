'use strict';
/**
 * The database's own floor for an import of a file, in its own process: the
 * contact rows an import of FILE writes (every column of Strapi's contacts
 * table, the file's own values in the file's order — e-mails lower-cased and
 * deduplicated, mobiles in E.164, opt-in words translated, the folded and
 * search columns — so that every index takes the same keys the import gives
 * it), prepared in memory first, then written the fastest way each database
 * offers, in transactions of 1,000 (the import's batchSize) — SQLite: one
 * cached INSERT statement on better-sqlite3 (WAL, synchronous=NORMAL);
 * Postgres: one COPY per transaction; MySQL: one multi-row INSERT per
 * transaction. No mapping, no look-ups, no history. Document ids as the
 * import makes them: one random prefix per batch, then a counter.
 * FILE: a realistic file (bench/generate.js generateRealistic).
 * Prints one JSON line: seconds of the writes alone, and the rows written.
 */
const crypto = require('crypto');
const fs = require('fs');
const { parse } = require('csv-parse/sync');
const { parsePhoneNumberFromString } = require('libphonenumber-js');
const { boot } = require('./boot');

const [file, db = 'sqlite'] = process.argv.slice(2);
const BATCH = 1000;

const fold = (t) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const e164 = (text) => {
  const t = text.trim().replace(/^00/, '+');
  const p = t ? parsePhoneNumberFromString(t, 'FR') : undefined;
  return p?.isValid() ? p.number : null;
};
const isoDate = (dmy) => {
  const [d, m, y] = dmy.split('/');
  return `${y}-${m}-${d}`;
};

/** Rows in `columns` order, as the import would write the file's new contacts. */
const rowsOf = (ts) => {
  const records = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true });
  const seen = new Set();
  const data = [];
  let prefix = '';
  for (const r of records) {
    const email = r.email.toLowerCase();
    if (email.includes('@@') || seen.has(email)) continue;
    seen.add(email);
    if (data.length % BATCH === 0) prefix = crypto.randomBytes(7).toString('hex');
    const mobile = e164(r.mobile);
    const folded = { email, ...(mobile ? { mobile } : {}), firstName: fold(r.first_name), lastName: fold(r.last_name), company: fold(r.company), city: fold(r.city) };
    data.push([
      `${prefix}${(data.length % BATCH).toString(36).padStart(10, '0')}`,
      email,
      mobile,
      r.first_name,
      r.last_name,
      r.company,
      r.newsletter === 'oui' ? 'yes' : r.newsletter === 'non' ? 'no' : null,
      'unknown',
      'unknown',
      '[]',
      ts,
      JSON.stringify({ city: r.city, plan: r.plan, signupDate: isoDate(r.signup_date) }),
      JSON.stringify(folded),
      Object.values(folded).join(' \u0001 '),
      ts,
      ts,
      ts,
    ]);
  }
  return data;
};

const main = async () => {
  const app = await boot(db, { CONTACTS_QUEUE_TICK_SECONDS: '3600' });
  const { strapi } = app;
  const table = strapi.db.metadata.get('plugin::contacts.contact').tableName;
  const knex = strapi.db.connection;
  const sqlite = strapi.db.dialect.client === 'sqlite';
  const now = new Date();
  const ts = sqlite ? now.getTime() : now;
  const columns = ['document_id', 'email', 'mobile', 'first_name', 'last_name', 'company', 'email_opt_in', 'email_status', 'mobile_status', 'tags', 'last_activity_at', 'attributes', 'folded', 'search', 'created_at', 'updated_at', 'published_at'];
  const data = rowsOf(ts);
  const rows = data.length;
  const started = process.hrtime.bigint();
  if (sqlite) {
    const conn = await knex.client.acquireConnection();
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = NORMAL');
    conn.pragma('temp_store = MEMORY');
    const stmt = conn.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
    for (let i = 0; i < rows; i += BATCH) {
      conn.exec('BEGIN');
      for (let j = i; j < Math.min(rows, i + BATCH); j += 1) stmt.run(data[j]);
      conn.exec('COMMIT');
    }
    conn.pragma('wal_checkpoint(TRUNCATE)');
    knex.client.releaseConnection(conn);
  } else if (strapi.db.dialect.client === 'mysql') {
    // One statement per transaction, as many rows as the import's batch.
    const head = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(',')}) VALUES `;
    const one = `(${columns.map(() => '?').join(',')})`;
    for (let i = 0; i < rows; i += BATCH) {
      const chunk = data.slice(i, i + BATCH);
      await knex.transaction((trx) => trx.raw(head + chunk.map(() => one).join(','), chunk.flat()));
    }
  } else {
    for (let i = 0; i < rows; i += BATCH) {
      await knex.transaction((trx) => copyWith(trx, table, columns, copyText(data.slice(i, i + BATCH))));
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await app.stop();
  console.log(JSON.stringify({ db, rows, seconds }));
  process.exit(0);
};

const copyWith = async (trx, table, columns, text) => {
  const { from } = require('pg-copy-streams');
  const client = await trx.client.acquireConnection();
  await new Promise((resolve, reject) => {
    const stream = client.query(from(`COPY "${table}" (${columns.map((c) => `"${c}"`).join(',')}) FROM STDIN`));
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(text);
  });
};

/** COPY's text format: tab-separated, \\N for NULL, backslash escapes. */
const copyText = (data) => {
  const { prepareValue } = require('pg/lib/utils');
  const esc = (s) => s.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
  return data.map((r) => r.map((v) => (v === null ? '\\N' : typeof v === 'string' ? esc(v) : esc(String(prepareValue(v))))).join('\t')).join('\n') + '\n';
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
