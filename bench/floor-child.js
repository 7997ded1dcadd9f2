'use strict';
/**
 * The database's own floor for an import of N contacts, in its own process:
 * the rows an import of the realistic file writes (every column of Strapi's
 * contacts table, its indexes as the plugin creates them), prepared in
 * memory first, then written the fastest way each database offers, in
 * transactions of 1,000 (the import's batchSize) — SQLite: one cached INSERT statement on
 * better-sqlite3 (WAL, synchronous=NORMAL); Postgres: one COPY per
 * transaction; MySQL: one multi-row INSERT per transaction. No parsing, no mapping, no look-ups, no history.
 * Prints one JSON line: seconds of the writes alone.
 */
const { boot } = require('./boot');

const [n = '1000000', db = 'sqlite'] = process.argv.slice(2);
const rows = Number(n);
const BATCH = 1000;

const main = async () => {
  const app = await boot(db, { CONTACTS_QUEUE_TICK_SECONDS: '3600' });
  const { strapi } = app;
  const table = strapi.db.metadata.get('plugin::contacts.contact').tableName;
  const knex = strapi.db.connection;
  const sqlite = strapi.db.dialect.client === 'sqlite';
  const now = new Date();
  const ts = sqlite ? now.getTime() : now;
  const columns = ['document_id', 'email', 'mobile', 'first_name', 'last_name', 'company', 'email_opt_in', 'email_status', 'mobile_status', 'tags', 'last_activity_at', 'attributes', 'folded', 'search', 'created_at', 'updated_at', 'published_at'];
  const data = [];
  for (let i = 0; i < rows; i += 1) {
    const email = `contact.${i}@example.com`;
    const mobile = i % 10 ? `+336${String(10000000 + (i % 250000)).slice(-8)}` : null;
    const company = `Société ${i % 5000}, SARL`;
    data.push([
      `floor${String(i).padStart(19, '0')}`, email, mobile, 'Anne', 'Martin', company, i % 3 ? null : 'yes', 'unknown', 'unknown', '[]', ts,
      JSON.stringify({ city: 'Paris', plan: 'pro', signupDate: '2025-03-12' }),
      JSON.stringify({ firstName: 'anne', lastName: 'martin', company: `societe ${i % 5000}, sarl`, city: 'paris' }),
      ['anne', 'martin', email, mobile ?? '', `societe ${i % 5000}, sarl`, 'paris'].join(' \u0001 '),
      ts, ts, ts,
    ]);
  }
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
