'use strict';
/**
 * One measurement in its own process (clean peak RSS): boots the playground
 * Strapi on a fresh database, then either imports FILE through the plugin
 * (start → imported) or creates N contacts with the Documents API.
 * Prints one JSON line.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { boot } = require('./boot');

const [mode, arg, db = 'sqlite'] = process.argv.slice(2);

const main = async () => {
  let peak = 0;
  // rss() alone: memoryUsage() also walks the heap spaces, which costs the import's thread every 50 ms.
  const sample = () => (peak = Math.max(peak, process.memoryUsage.rss()));
  const app = await boot(db);
  const { strapi } = app;
  const baseline = process.memoryUsage().rss;
  const timer = setInterval(sample, 50);
  let result;
  try {
    if (mode === 'import') {
      const service = strapi.plugin('contacts').service('imports');
      const temp = path.join(os.tmpdir(), `bench-${process.pid}.csv`);
      fs.copyFileSync(arg, temp);
      const draft = await service.createFromUpload({ filepath: temp, originalFilename: path.basename(arg), size: fs.statSync(temp).size }, {}, null);
      // Both bench files (bench/generate.js) map with the same entries; each takes those of its header.
      const entries = [
        { column: 'email', field: 'email' },
        { column: 'first_name', field: 'firstName' },
        { column: 'last_name', field: 'lastName' },
        { column: 'mobile', field: 'mobile' },
        { column: 'company', field: 'company' },
        { column: 'address', newField: { key: 'address', label: 'Address', type: 'text' } },
        { column: 'city', newField: { key: 'city', label: 'City', type: 'text' } },
        { column: 'plan', newField: { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro', 'team'] } },
        { column: 'signup_date', newField: { key: 'signupDate', label: 'Signup date', type: 'date' } },
        { column: 'newsletter', field: 'emailOptIn' },
      ];
      const mapping = entries.filter((e) => draft.detected.columns.includes(e.column));
      // The realistic file (the one with mobiles) writes its dates the French way.
      const dateFormat = draft.detected.columns.includes('mobile') ? 'DD/MM/YYYY' : 'YYYY-MM-DD';
      await service.update(draft.documentId, { mapping, options: { dateFormat } }, null);
      const started = process.hrtime.bigint();
      await service.start(draft.documentId);
      // The status alone while it runs (the detail view also reads the first failed rows: a second query per poll).
      const status = () => strapi.db.connection('contacts_imports').where({ document_id: draft.documentId }).first('status');
      while (!['imported', 'failed', 'stopped'].includes((await status()).status)) await new Promise((r) => setTimeout(r, 50));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const view = await service.findOne(draft.documentId);
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
    await app.stop();
  }
  console.log(JSON.stringify({ ...result, peakRssMb: Math.round(peak / 2 ** 20), baselineRssMb: Math.round(baseline / 2 ** 20) }));
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
