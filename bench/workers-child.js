'use strict';
/**
 * Scale-out on Postgres + Redis (issue #13): node workers-child.js N FILES_JSON.
 * This process is the Strapi instance in front (runJobs false: it only
 * enqueues), booted on a fresh Postgres database with a BullMQ prefix of its
 * own; N `strapi-contacts worker` processes run from the playground folder
 * as a deployment would. FILES_JSON lists the files ({ file, rows, expected }
 * from generateRealistic), drafted, then started together with
 * parallelImportLimit = N. Measures the wall time from the first start to the
 * last `imported`, which worker ran each import (its lease owner), the most
 * imports running at once, each worker's peak RSS (VmHWM) and the load
 * average; checks each import's counters against its file's. Removes the
 * imports, the processes, the database and the Redis keys. Prints one JSON line.
 */
const { spawn, execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const IORedis = require('ioredis');
const { boot, playground } = require('./boot');
const { createCustomFields, draftImport } = require('./draft');

const workersWanted = Number(process.argv[2]);
const files = JSON.parse(process.argv[3]);
const REDIS_URL = process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `contacts-bench-${crypto.randomBytes(4).toString('hex')}`;
const bin = path.join(__dirname, '..', 'bin', 'strapi-contacts.js');
const ENDED = ['imported', 'failed', 'stopped'];

const workers = [];
// Whatever ends this process, no worker outlives it.
process.on('exit', () => {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
});

/** A `strapi-contacts worker`; resolves once it says it processes jobs. */
const startWorker = async () => {
  const child = spawn(process.execPath, [bin, 'worker'], { cwd: playground, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const w = { child, out: '' };
  workers.push(w);
  const keep = (d) => (w.out = (w.out + d).slice(-20000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const until = Date.now() + 180_000;
  while (!w.out.includes('strapi-contacts worker: processing')) {
    if (child.exitCode !== null) throw new Error(`worker exited early:\n${w.out}`);
    if (Date.now() > until) throw new Error(`worker did not start:\n${w.out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!w.out.includes('BullMQ on Redis')) throw new Error(`worker not on BullMQ:\n${w.out}`);
  return w;
};

/** SIGTERM lets the current batch commit; a worker still there after 20 s is killed. */
const stopWorker = async (w) => {
  if (w.child.exitCode !== null) return;
  const exited = new Promise((r) => w.child.once('exit', r));
  w.child.kill('SIGTERM');
  const timer = setTimeout(() => w.child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
};

/** Peak resident set of a live process, MB (the kernel's high-water mark: threads and the boot included). */
const peakRssMb = (pid) => {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : null;
};

const cleanRedis = async () => {
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 2 });
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
};

const main = async () => {
  const app = await boot('postgres', {
    REDIS_URL,
    CONTACTS_REDIS_PREFIX: prefix,
    CONTACTS_RUN_JOBS: 'false',
    CONTACTS_PARALLEL_IMPORT_LIMIT: String(workersWanted),
  });
  const { strapi } = app;
  const knex = strapi.db.connection;
  const drafts = [];
  let result;
  try {
    // The workers inherit this process's environment (database, secrets, queue settings) and start on its schema.
    await Promise.all(Array.from({ length: workersWanted }, startWorker));
    await createCustomFields(strapi);
    for (const f of files) drafts.push({ ...f, ...(await draftImport(strapi, f.file, { existingFields: true })) });
    const ids = drafts.map((d) => d.draft.documentId);
    const service = drafts[0].service;

    const ranBy = new Map();
    let mostAtOnce = 0;
    let loadMax = 0;
    const started = process.hrtime.bigint();
    for (const id of ids) await service.start(id);
    for (;;) {
      const rows = await knex('contacts_imports').whereIn('document_id', ids).select('document_id', 'status', 'lease_owner');
      const running = rows.filter((r) => r.status === 'in_progress');
      mostAtOnce = Math.max(mostAtOnce, running.length);
      for (const r of running) if (r.lease_owner && !ranBy.has(r.document_id)) ranBy.set(r.document_id, Number(r.lease_owner.split(':')[1]));
      loadMax = Math.max(loadMax, os.loadavg()[0]);
      if (rows.every((r) => ENDED.includes(r.status))) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const uptime = execFileSync('uptime', { encoding: 'utf8' }).trim();
    const peaks = workers.map((w) => peakRssMb(w.child.pid));

    const imports = [];
    for (const d of drafts) {
      const view = await service.findOne(d.draft.documentId);
      if (view.status !== 'imported') throw new Error(`import of ${path.basename(d.file)} ${view.status}: ${view.error}`);
      const c = view.counters;
      const exact = c.processed === d.rows && c.created === d.expected.created && c.failed === d.expected.failed && c.warnings === d.expected.warnings;
      const pid = ranBy.get(d.draft.documentId);
      imports.push({ file: path.basename(d.file), counters: c, expected: d.expected, exact, runs: view.timings?.runs, worker: workers.findIndex((w) => w.child.pid === pid) });
    }
    const [{ n: contacts }] = await knex('contacts_contacts').count({ n: '*' });
    const sum = (k) => imports.reduce((s, i) => s + i.counters[k], 0);
    const rows = sum('processed');
    result = {
      workers: workersWanted,
      parallelImportLimit: workersWanted,
      rows,
      seconds,
      rowsPerSec: rows / seconds,
      created: sum('created'),
      failed: sum('failed'),
      warnings: sum('warnings'),
      contacts: Number(contacts),
      exact: imports.every((i) => i.exact && i.runs === 1) && Number(contacts) === sum('created'),
      mostAtOnce,
      importsPerWorker: workers.map((_, i) => imports.filter((x) => x.worker === i).length),
      workerPeakRssMb: peaks,
      loadMax: Number(loadMax.toFixed(2)),
      uptime,
      imports,
    };
  } finally {
    await Promise.all(workers.map(stopWorker));
    for (const d of drafts) await d.service.delete(d.draft.documentId).catch(() => undefined);
    await app.stop();
    await cleanRedis();
  }
  console.log(JSON.stringify(result));
  process.exit(0);
};

main().catch(async (error) => {
  console.error(error);
  for (const w of workers) if (w.child.exitCode === null) console.error(`worker ${w.child.pid} output:\n${w.out.slice(-4000)}`);
  await cleanRedis().catch(() => undefined);
  process.exit(1);
});
