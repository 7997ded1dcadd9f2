'use strict';
/**
 * One measurement in its own process (clean peak RSS): boots the playground
 * Strapi on a fresh database, then either imports FILE through the plugin
 * (start → imported) or creates N contacts with the Documents API.
 * BENCH_FILL=N: N contacts are in the base before the import (bench/fill.js).
 * BENCH_LATENCY=1: the admin list (GET /contacts/contacts) is timed in a loop
 * while the import runs, then idle on the same base. BENCH_MEM=1: heap figures
 * at the RSS peak (stderr).
 * Prints one JSON line.
 */
const { boot } = require('./boot');
const { createCustomFields, draftImport } = require('./draft');
const { fillContacts } = require('./fill');

const [mode, arg, db = 'sqlite'] = process.argv.slice(2);
const fill = Number(process.env.BENCH_FILL || 0);
const latency = process.env.BENCH_LATENCY === '1';
const ADMIN = { email: 'bench@example.com', password: 'Bench-Passw0rd' };
const LATENCY_REQUESTS = 200;

const percentiles = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p) => Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]);
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
};

/** The admin's first page of contacts, as the list view asks it, timed. */
const lister = async (strapi) => {
  await strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
  const login = await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const token = (await login.json()).data.token;
  return async () => {
    const t = process.hrtime.bigint();
    const res = await fetch(`${base}/contacts/contacts?page=1&pageSize=25`, { headers: { authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET /contacts/contacts: ${res.status}`);
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
};

const main = async () => {
  let peak = 0;
  // rss() alone: memoryUsage() also walks the heap spaces, which costs the import's thread every 50 ms.
  // BENCH_MEM=1: the heap figures at the RSS peak too (garbage left to grow, or live memory).
  let atPeak = null;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak && process.env.BENCH_MEM) atPeak = process.memoryUsage();
    peak = Math.max(peak, rss);
  };
  const app = await boot(db, latency ? { DEMO_ADMIN_EMAIL: ADMIN.email, DEMO_ADMIN_PASSWORD: ADMIN.password } : {});
  const { strapi } = app;
  if (fill) {
    await createCustomFields(strapi);
    await fillContacts(strapi, fill);
  }
  const list = latency ? await lister(strapi) : null;
  const baseline = process.memoryUsage().rss;
  const timer = setInterval(sample, 50);
  let result;
  try {
    if (mode === 'import') {
      // A filled base already has the custom fields (fill.js writes plan and signupDate): map onto them.
      const { service, draft } = await draftImport(strapi, arg, { existingFields: Boolean(fill) });
      const status = () => strapi.db.connection('contacts_imports').where({ document_id: draft.documentId }).first('status');
      const ended = (s) => ['imported', 'failed', 'stopped'].includes(s);
      const started = process.hrtime.bigint();
      await service.start(draft.documentId);
      const during = [];
      let done = false;
      // The list asked every 100 ms while the import runs, as a person watching it would.
      const loop = (async () => {
        while (list && !done && during.length < LATENCY_REQUESTS) {
          during.push(await list());
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      // The status alone while it runs (the detail view also reads the first failed rows: a second query per poll).
      while (!ended((await status()).status)) await new Promise((r) => setTimeout(r, 50));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      done = true;
      await loop;
      const view = await service.findOne(draft.documentId);
      if (view.status !== 'imported') throw new Error(`import ${view.status}: ${view.error}`);
      const { timings } = await strapi.db.connection('contacts_imports').where({ document_id: draft.documentId }).first('timings');
      const t = typeof timings === 'string' ? JSON.parse(timings) : timings;
      // Which stage bounds the import: the writer waiting for rows, or writing them.
      result = { mode, db, fill, rows: view.counters.processed, seconds, counters: view.counters, waitSeconds: t.waitSeconds, writeSeconds: t.writeSeconds };
      if (list) {
        const idle = [];
        for (let i = 0; i < LATENCY_REQUESTS; i += 1) idle.push(await list());
        result.latencyMs = { during: percentiles(during), idle: percentiles(idle) };
      }
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
  if (atPeak) console.error('heap at the RSS peak, MB', JSON.stringify(Object.fromEntries(Object.entries(atPeak).map(([k, v]) => [k, Math.round(v / 2 ** 20)]))));
  console.log(JSON.stringify({ ...result, peakRssMb: Math.round(peak / 2 ** 20), baselineRssMb: Math.round(baseline / 2 ** 20) }));
  process.exit(0);
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
