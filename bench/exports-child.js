'use strict';
/**
 * Exports of a base of N contacts, one step per process (peak RSS is per
 * process, so each export's own peak is measured apart):
 *   fill N DB          a fresh database holding N contacts written straight
 *                      into the table; prints the env that reaches it
 *   bare|csv|xlsx DB ENV   on that database:
 *     bare  the floor: the columns of the 12 main fields read the same way
 *           (keyset pages by id, the plugin's page size) and written by a
 *           bare csv-stringify, one awaited write per page
 *     csv   the plugin's CSV export of the 12 main fields (create → done)
 *     xlsx  the same export as XLSX
 *   drop DB ENV        removes the database
 * Prints one JSON line.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { stringify } = require('csv-stringify/sync');
const { boot } = require('./boot');
const { fillContacts } = require('./fill');

const [step, arg, db = 'sqlite', envJson = '{}'] = process.argv.slice(2);
const KEPT = ['DATABASE_CLIENT', 'DATABASE_FILENAME', 'DATABASE_URL'];

/** Wall and CPU time of `fn` (CPU: this process's, SQLite's reads included, Postgres's not; steadier on a shared machine). */
const measured = async (fn) => {
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const value = await fn();
  const used = process.cpuUsage(cpu);
  return { ...value, seconds: Number(process.hrtime.bigint() - t) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 };
};

/** The columns the main preset reads (its 12 fields; the activity degree from last_activity_at), id first. */
const mainColumns = (strapi) => {
  const attributes = strapi.db.metadata.get('plugin::contacts.contact').attributes;
  const keys = ['firstName', 'lastName', 'company', 'email', 'emailOptIn', 'emailStatus', 'mobile', 'smsOptIn', 'mobileStatus', 'createdAt', 'updatedAt', 'lastActivityAt'];
  return ['id', ...keys.map((k) => attributes[k].columnName || k)];
};

const bareCsv = async (strapi, file) => {
  const knex = strapi.db.connection;
  const pageSize = strapi.config.get('plugin::contacts.exportChunkSize');
  const columns = mainColumns(strapi);
  const [{ maxId }] = await knex('contacts_contacts').max({ maxId: 'id' });
  const out = fs.createWriteStream(file);
  const write = (text) => new Promise((resolve, reject) => out.write(text, (error) => (error ? reject(error) : resolve())));
  let after = 0;
  let rows = 0;
  for (;;) {
    const page = await knex('contacts_contacts as c')
      .select(columns.map((c) => `c.${c}`))
      .where('c.id', '>', after)
      .andWhere('c.id', '<=', maxId)
      .orderBy('c.id', 'asc')
      .limit(pageSize);
    if (!page.length) break;
    await write(stringify(page.map((r) => columns.map((c) => r[c])), { record_delimiter: '\r\n' }));
    rows += page.length;
    after = Number(page[page.length - 1].id);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return { rows, bytes: fs.statSync(file).size };
};

/** The plugin's export through its service, as the admin API starts it, followed until done. */
const pluginExport = async (strapi, format) => {
  const service = strapi.plugin('contacts').service('exports');
  const { documentId } = await service.create({ scope: { all: true }, fields: 'main', format });
  for (;;) {
    const view = await service.findOne(documentId);
    if (view.status === 'failed') throw new Error(`${format} export failed: ${view.error}`);
    if (view.status === 'done') return { rows: view.rowCount, bytes: view.bytes, activeSeconds: view.durationMs / 1000 };
    await new Promise((r) => setTimeout(r, 100));
  }
};

const drop = async (env) => {
  if (env.DATABASE_CLIENT === 'sqlite') {
    fs.rmSync(path.dirname(path.resolve(require('./boot').playground, env.DATABASE_FILENAME)), { recursive: true, force: true });
    return;
  }
  const { Client } = require('pg');
  const url = new URL(env.DATABASE_URL);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const c = new Client({ connectionString: url.toString() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
};

const main = async () => {
  if (step === 'drop') {
    await drop(JSON.parse(envJson));
    console.log(JSON.stringify({ step }));
    return;
  }
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'contacts-bench-exports-'));
  const env = JSON.parse(envJson);
  // `fill` keeps the fresh database its boot made; the other steps boot on that one (their own fresh one, unused, is dropped).
  const app = await boot(db, { CONTACTS_QUEUE_TICK_SECONDS: '0.5', CONTACTS_EXPORT_DIR: exportDir, ...env });
  const { strapi } = app;
  let result;
  try {
    if (step === 'fill') {
      const filled = await measured(async () => (await fillContacts(strapi, Number(arg)), {}));
      result = { fillSeconds: filled.seconds, env: Object.fromEntries(KEPT.filter((k) => process.env[k]).map((k) => [k, process.env[k]])) };
    } else {
      result = await measured(() => (step === 'bare' ? bareCsv(strapi, path.join(exportDir, 'bare.csv')) : pluginExport(strapi, step)));
    }
  } finally {
    await (step === 'fill' ? strapi.destroy() : app.stop());
    fs.rmSync(exportDir, { recursive: true, force: true });
  }
  // Boot included, like the import benchmark's children: what the process needed at its peak.
  console.log(JSON.stringify({ step, db, ...result, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
};

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
