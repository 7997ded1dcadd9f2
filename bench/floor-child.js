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
 * FILE: a file in the realistic shape (bench/generate.js generateRealistic
 * or generateUpdates). BENCH_FILL=N: N contacts are in the base first
 * (bench/fill.js, not timed); a row whose e-mail the base holds is then an
 * update by id of the columns the file sets, as the import's plan makes it,
 * in the same transaction as its batch's inserts (SQLite: a cached UPDATE;
 * Postgres: UPDATE … FROM unnest(); MySQL: multi-row INSERT … ON DUPLICATE
 * KEY UPDATE).
 * Prints one JSON line: seconds of the writes alone, and the rows written.
 */
const crypto = require('crypto');
const fs = require('fs');
const { parse } = require('csv-parse/sync');
const { parsePhoneNumberFromString } = require('libphonenumber-js');
const { boot } = require('./boot');
const { fillContacts, fold } = require('./fill');

const [file, db = 'sqlite'] = process.argv.slice(2);
const fill = Number(process.env.BENCH_FILL || 0);
/** What an update of a known contact sets, as [column, slot in an inserted row]. */
const UPDATED = [['first_name', 3], ['last_name', 4], ['mobile', 2], ['company', 5], ['email_opt_in', 6], ['attributes', 11], ['folded', 12], ['search', 13], ['updated_at', 15]];
const BATCH = 1000;

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
  if (fill) await fillContacts(strapi, fill);
  const data = rowsOf(ts);
  // Known contacts (their e-mail is in the base) are updates by id.
  const ids = new Map();
  for (let i = 0; fill && i < data.length; i += 5000) {
    for (const r of await knex(table).select('id', 'email').whereIn('email', data.slice(i, i + 5000).map((row) => row[1]))) ids.set(r.email, r.id);
  }
  const batches = [];
  for (let i = 0; i < data.length; i += BATCH) {
    const chunk = data.slice(i, i + BATCH);
    batches.push({
      inserts: chunk.filter((row) => !ids.has(row[1])),
      updates: chunk.filter((row) => ids.has(row[1])).map((row) => [ids.get(row[1]), ...UPDATED.map(([, slot]) => row[slot])]),
    });
  }
  const updatedColumns = ['id', ...UPDATED.map(([c]) => c)];
  const rows = data.length;
  const started = process.hrtime.bigint();
  if (sqlite) {
    const conn = await knex.client.acquireConnection();
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = NORMAL');
    conn.pragma('temp_store = MEMORY');
    const insert = conn.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
    const update = conn.prepare(`UPDATE "${table}" SET ${UPDATED.map(([c]) => `"${c}" = ?`).join(',')} WHERE "id" = ?`);
    for (const b of batches) {
      conn.exec('BEGIN');
      for (const row of b.inserts) insert.run(row);
      for (const [id, ...values] of b.updates) update.run(...values, id);
      conn.exec('COMMIT');
    }
    conn.pragma('wal_checkpoint(TRUNCATE)');
    knex.client.releaseConnection(conn);
  } else if (strapi.db.dialect.client === 'mysql') {
    // One statement per transaction for the inserts, one for the updates.
    const values = (cols, n) => Array.from({ length: n }, () => `(${cols.map(() => '?').join(',')})`).join(',');
    const head = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(',')}) VALUES `;
    const upsert = `INSERT INTO \`${table}\` (${updatedColumns.map((c) => `\`${c}\``).join(',')}) VALUES `;
    const tail = ` ON DUPLICATE KEY UPDATE ${UPDATED.map(([c]) => `\`${c}\` = VALUES(\`${c}\`)`).join(',')}`;
    for (const b of batches) {
      await knex.transaction(async (trx) => {
        if (b.inserts.length) await trx.raw(head + values(columns, b.inserts.length), b.inserts.flat());
        if (b.updates.length) await trx.raw(upsert + values(updatedColumns, b.updates.length) + tail, b.updates.flat());
      });
    }
  } else {
    const types = { id: 'int', attributes: 'jsonb', folded: 'jsonb', search: 'text', updated_at: 'timestamptz' };
    const setList = UPDATED.map(([c]) => `"${c}" = u."${c}"`).join(',');
    const arrays = `unnest(${updatedColumns.map((c) => `?::${types[c] ?? 'varchar'}[]`).join(',')}) AS u(${updatedColumns.map((c) => `"${c}"`).join(',')})`;
    for (const b of batches) {
      await knex.transaction(async (trx) => {
        if (b.inserts.length) await copyWith(trx, table, columns, copyText(b.inserts));
        if (b.updates.length) {
          const cols = updatedColumns.map((_, k) => b.updates.map((row) => (row[k] instanceof Date ? row[k].toISOString() : row[k])));
          await trx.raw(`UPDATE "${table}" AS t SET ${setList} FROM ${arrays} WHERE t.id = u.id`, cols);
        }
      });
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await app.stop();
  console.log(JSON.stringify({ db, fill, rows, updated: ids.size, seconds }));
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
