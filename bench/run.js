'use strict';
/**
 * `npm run bench` (not a test). In one run, on the same generated files:
 *   csv-parse alone · the plugin's import (start → imported) on 100k and 1M rows
 *   · a Documents API create loop on 2,000 rows; on SQLite, and on Postgres
 *   when it answers. Prints rows/s, ratios to csv-parse, and peak RSS.
 *   · a realistic 1M file (shared mobiles in mixed forms) whose counters must be exact, against
 *     csv-parse and the database's floor, with the admin list's latency while it runs
 *   · 100k rows (half updates) into an empty base and into a base of 1M
 *   · segments over a 1M base (refreshes, quick search, preview).
 *   · exports of a 100k and a 1M base to CSV and XLSX, against a bare csv-stringify of the same pages.
 *   · workers (Postgres + Redis only): 1M realistic rows as 4 files of 250k queued together, run by
 *     1 then 2 `strapi-contacts worker` processes behind a Strapi that only enqueues (parallelImportLimit
 *     = the number of workers); wall time, rows/s, exact counters, each worker's peak RSS, load average.
 * BENCH_ROWS=200000 npm run bench for a quicker run; BENCH_ONLY=imports|realistic|scale|segments|exports|workers for one part.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { generate, generateRealistic } = require('./generate');
const { run: parseOnly } = require('./parse-only');

const dataDir = path.join(__dirname, '.data');
const big = Number(process.env.BENCH_ROWS || 1_000_000);
const small = Math.round(big / 10);

const file = (rows) => {
  fs.mkdirSync(dataDir, { recursive: true });
  const f = path.join(dataDir, `contacts-${rows}.csv`);
  if (!fs.existsSync(f)) console.log('generated', generate(f, rows));
  return f;
};

const realisticFile = (rows) => {
  fs.mkdirSync(dataDir, { recursive: true });
  const f = path.join(dataDir, `realistic-${rows}.csv`);
  const meta = `${f}.json`;
  if (!fs.existsSync(f) || !fs.existsSync(meta)) {
    const g = generateRealistic(f, rows);
    fs.writeFileSync(meta, JSON.stringify(g));
    console.log('generated', g);
  }
  return { file: f, ...JSON.parse(fs.readFileSync(meta, 'utf8')) };
};

/** Part k of `parts` realistic files that together hold `rows` rows, no contact in two of them. */
const realisticPart = (rows, k, parts) => {
  fs.mkdirSync(dataDir, { recursive: true });
  const n = rows / parts;
  const f = path.join(dataDir, `realistic-${rows}-part${k + 1}-of-${parts}.csv`);
  const meta = `${f}.json`;
  if (!fs.existsSync(f) || !fs.existsSync(meta)) {
    const g = generateRealistic(f, n, k);
    fs.writeFileSync(meta, JSON.stringify(g));
    console.log('generated', g);
  }
  return { file: f, ...JSON.parse(fs.readFileSync(meta, 'utf8')) };
};

const runChild = (script, ...args) => {
  const env = typeof args[args.length - 1] === 'object' ? { ...process.env, ...args.pop() } : process.env;
  const out = execFileSync(process.execPath, [path.join(__dirname, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env });
  return JSON.parse(out.trim().split('\n').pop());
};
const child = (...args) => runChild('import-child.js', ...args);
/** BENCH_ONLY=imports|realistic|scale|segments|exports|workers runs one part. */
const only = (part) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === part;

const pgReachable = () => {
  try {
    execFileSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']);
    return true;
  } catch {
    return false;
  }
};

const redisReachable = () => {
  try {
    return execFileSync('redis-cli', ['-u', process.env.BENCH_REDIS_URL || 'redis://127.0.0.1:6379', 'ping'], { encoding: 'utf8' }).trim() === 'PONG';
  } catch {
    return false;
  }
};

const mysqlReachable = () => {
  try {
    execFileSync('mysql', ['-uroot', '-h', '127.0.0.1', '-e', 'SELECT 1'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

const fmt = (n) => Math.round(n).toLocaleString('en-US');

const importBench = async (dbs) => {
  const files = { [small]: file(small), [big]: file(big) };
  const rows = [];
  const parse = {};
  for (const n of [small, big]) {
    parse[n] = await parseOnly(files[n]);
    rows.push({ what: `csv-parse only, ${fmt(n)} rows`, db: '-', rowsPerSec: n / parse[n].seconds, seconds: parse[n].seconds, ratio: 1, rss: '-' });
  }
  const imports = {};
  for (const db of dbs) {
    for (const n of [small, big]) {
      const r = child('import', files[n], db);
      imports[`${db}:${n}`] = r;
      rows.push({ what: `plugin import, ${fmt(n)} rows`, db, rowsPerSec: n / r.seconds, seconds: r.seconds, ratio: r.seconds / parse[n].seconds, rss: r.peakRssMb });
    }
    const loop = child('documents', '2000', db);
    rows.push({ what: 'Documents API create loop, 2,000 rows', db, rowsPerSec: loop.rows / loop.seconds, seconds: loop.seconds, ratio: null, rss: loop.peakRssMb });
  }
  console.log('\n| measurement | db | rows/s | seconds | × csv-parse time | peak RSS MB |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.what} | ${r.db} | ${fmt(r.rowsPerSec)} | ${r.seconds.toFixed(2)} | ${r.ratio === null ? '-' : r.ratio.toFixed(2)} | ${r.rss} |`);
  }
  console.log('\nTargets: import ≤ 1.5× csv-parse on SQLite, ≤ 2× on Postgres; peak RSS ≤ 400 MB; 1M peak within 15% of 100k.');
  for (const db of dbs) {
    const a = imports[`${db}:${small}`];
    const b = imports[`${db}:${big}`];
    const growth = (b.peakRssMb / a.peakRssMb - 1) * 100;
    console.log(`${db}: ${fmt(big)} rows ${(b.seconds / parse[big].seconds).toFixed(2)}× csv-parse; peak RSS ${a.peakRssMb} → ${b.peakRssMb} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)}%); counters ${JSON.stringify(b.counters)}`);
  }
  const loops = rows.filter((r) => r.what.startsWith('Documents'));
  for (const l of loops) {
    const imp = imports[`${l.db}:${big}`];
    console.log(`${l.db}: plugin import is ${fmt(imp.rows / imp.seconds / l.rowsPerSec)}× the Documents API loop's rows/s`);
  }
};


/**
 * #9's check: a 1M-row file whose mobiles collide, in mixed forms, counts
 * exactly. #12's: the same run against csv-parse alone and against the
 * database's own floor (the contact rows the import writes, prepared from the
 * file, written the fastest way the database offers, bench/floor-child.js), with the admin list timed
 * while the import runs, and the split between waiting for the read/map stage
 * and writing.
 */
const realisticBench = async (dbs) => {
  const r = realisticFile(big);
  const parse = await parseOnly(r.file);
  console.log(`\n| realistic file (${fmt(big)} rows, mobiles shared and in mixed forms) | db | seconds | × csv-parse time | × database floor | peak RSS MB | created | failed | warnings | exact | writer waited / wrote s |`);
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
  console.log(`| csv-parse only | - | ${parse.seconds.toFixed(2)} | 1.00 | - | - | - | - | - | - | - |`);
  const latency = [];
  for (const db of dbs) {
    const floor = runChild('floor-child.js', r.file, db);
    console.log(`| database floor (bare ${{ sqlite: 'INSERT', postgres: 'COPY', mysql: 'multi-row INSERT' }[db]} of the file's ${fmt(floor.rows)} prepared rows) | ${db} | ${floor.seconds.toFixed(2)} | ${(floor.seconds / parse.seconds).toFixed(2)} | 1.00 | - | - | - | - | - | - |`);
    const res = runChild('import-child.js', 'import', r.file, db, { BENCH_LATENCY: '1' });
    const c = res.counters;
    const exact = c.created === r.expected.created && c.failed === r.expected.failed && c.warnings === r.expected.warnings && c.processed === big;
    console.log(
      `| plugin import | ${db} | ${res.seconds.toFixed(2)} | ${(res.seconds / parse.seconds).toFixed(2)} | ${(res.seconds / floor.seconds).toFixed(2)} | ${res.peakRssMb} | ${fmt(c.created)} | ${fmt(c.failed)} | ${fmt(c.warnings)} | ${exact ? 'yes' : `NO: expected ${JSON.stringify(r.expected)}`} | ${res.waitSeconds} / ${res.writeSeconds} |`
    );
    latency.push({ db, ...res.latencyMs });
  }
  console.log(`\n| GET /contacts/contacts (page 1 of 25) | db | requests | p50 ms | p95 ms | p99 ms |`);
  console.log('|---|---|---:|---:|---:|---:|');
  for (const l of latency) {
    for (const k of ['during', 'idle']) console.log(`| ${k === 'during' ? `while the ${fmt(big)}-row import runs` : `idle, same ${fmt(big)}-contact base`} | ${l.db} | ${l[k].n} | ${l[k].p50} | ${l[k].p95} | ${l[k].p99} |`);
  }
  console.log('Targets: import ≤ 1.5× csv-parse on SQLite, ≤ 2× on Postgres, ≤ 2.5× on MySQL; p99 of the list < 250 ms while it runs.');
};

/** 100k rows (half known contacts) into an empty base, then into a base of 1M: the rows/s should hold. */
const scaleBench = async (dbs) => {
  const f = path.join(dataDir, `updates-${small}-into-${big}.csv`);
  if (!fs.existsSync(f)) console.log('generated', require('./generate').generateUpdates(f, small, big));
  const oneField = path.join(dataDir, `one-field-${small}-into-${big}.csv`);
  if (!fs.existsSync(oneField)) console.log('generated', require('./generate').generateOneField(oneField, small, big));
  console.log(`\n| ${fmt(small)} rows, half of them contacts of the base | db | base | seconds | rows/s | created | updated | peak RSS MB |`);
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const db of dbs) {
    const runs = {};
    for (const base of [0, big]) {
      const res = runChild('import-child.js', 'import', f, db, { BENCH_FILL: String(base) });
      runs[base] = res;
      console.log(`| plugin import | ${db} | ${fmt(base)} | ${res.seconds.toFixed(2)} | ${fmt(small / res.seconds)} | ${fmt(res.counters.created)} | ${fmt(res.counters.updated)} | ${res.peakRssMb} |`);
    }
    console.log(`${db}: into ${fmt(big)} contacts ${((runs[0].seconds / runs[big].seconds) * 100).toFixed(0)}% of the rows/s into an empty base (target ≥ 90%)`);
    // The database's own ratio: the same rows written bare (new ones inserted, known ones updated by id).
    const floors = [0, big].map((base) => runChild('floor-child.js', f, db, { BENCH_FILL: String(base) }));
    console.log(
      `${db}: database floor (bare writes of the same rows) ${floors[0].seconds.toFixed(2)} s into empty, ${floors[1].seconds.toFixed(2)} s into ${fmt(big)}: ${((floors[0].seconds / floors[1].seconds) * 100).toFixed(0)}%`
    );
    const one = runChild('import-child.js', 'import', oneField, db, { BENCH_FILL: String(big) });
    console.log(`${db}: ${fmt(small)} known contacts with one field changed (plan), into ${fmt(big)}: ${one.seconds.toFixed(2)} s, ${fmt(small / one.seconds)} rows/s, ${fmt(one.counters.updated)} updated, peak RSS ${one.peakRssMb} MB`);
  }
};

/** Segments over a 1M base: a 3-condition dynamic segment (custom select, custom date, opt-in); quick search; preview. */
const segmentBench = async (dbs) => {
  console.log(`\n| segments over ${fmt(big)} contacts | db | first refresh ms | unchanged refresh ms | after 1% changed ms | preview ms | quick search p50 ms (helene / e-mail / phone / dubois) |`);
  console.log('|---|---|---:|---:|---:|---:|---|');
  for (const db of dbs) {
    const r = runChild('segments-child.js', String(big), db);
    const q = Object.values(r.quickSearchP50Ms).join(' / ');
    console.log(`| ${fmt(r.members)} members | ${db} | ${r.createMs} | ${r.refreshUnchangedMs} | ${r.refreshAfter1PctMs} (+${r.afterChange.added} −${r.afterChange.removed}) | ${r.previewMs} | ${q} |`);
  }
  console.log('Targets: a refresh ≤ 3,000 ms; the quick search < 300 ms.');
};

/**
 * Exports of the 12 main fields from a 100k and a 1M base: the floor (the
 * same columns read in the same keyset pages, written by a bare
 * csv-stringify), the plugin's CSV and its XLSX, each step in its own
 * process on the same filled database, so each peak RSS is its own
 * (Strapi's ≈230 MB included, as in the import rows).
 */
const exportBench = async (dbs) => {
  const step = (...args) => runChild('exports-child.js', ...args);
  const labels = { bare: 'bare csv-stringify, keyset pages', csv: 'plugin CSV export', xlsx: 'plugin XLSX export' };
  const runs = {};
  console.log('\n| exports, 12 main fields | db | rows | seconds | CPU s | × bare time (wall / CPU) | MB | peak RSS MB |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const db of dbs) {
    for (const n of [small, big]) {
      const env = JSON.stringify(step('fill', String(n), db).env);
      try {
        // bare and CSV twice, alternating, the faster of each kept (other work shares the machine); RSS: the higher peak.
        const twice = (a, b) => ({ ...(a.seconds <= b.seconds ? a : b), peakRssMb: Math.max(a.peakRssMb, b.peakRssMb) });
        const first = { bare: step('bare', '-', db, env), csv: step('csv', '-', db, env) };
        const r = { bare: twice(first.bare, step('bare', '-', db, env)), csv: twice(first.csv, step('csv', '-', db, env)), xlsx: step('xlsx', '-', db, env) };
        runs[`${db}:${n}`] = r;
        for (const s of ['bare', 'csv', 'xlsx']) {
          const x = r[s];
          const ratio = s === 'bare' ? '1.00' : `${(x.seconds / r.bare.seconds).toFixed(2)} / ${(x.cpuSeconds / r.bare.cpuSeconds).toFixed(2)}`;
          console.log(`| ${labels[s]} | ${db} | ${fmt(x.rows)} | ${x.seconds.toFixed(2)} | ${x.cpuSeconds.toFixed(2)} | ${ratio} | ${(x.bytes / 1048576).toFixed(1)} | ${x.peakRssMb} |`);
        }
      } finally {
        step('drop', '-', db, env);
      }
    }
  }
  console.log(`\nTargets: CSV export ≤ 1.5× the bare csv-stringify's time; peak RSS of the ${fmt(big)}-row export within +15% of the ${fmt(small)}-row one.`);
  for (const db of dbs) {
    const a = runs[`${db}:${small}`];
    const b = runs[`${db}:${big}`];
    const growth = (f) => `${a[f].peakRssMb} → ${b[f].peakRssMb} MB (${b[f].peakRssMb >= a[f].peakRssMb ? '+' : ''}${((b[f].peakRssMb / a[f].peakRssMb - 1) * 100).toFixed(1)}%)`;
    console.log(`${db}: ${fmt(big)} rows, CSV ${(b.csv.seconds / b.bare.seconds).toFixed(2)}× the bare time (CPU ${(b.csv.cpuSeconds / b.bare.cpuSeconds).toFixed(2)}×), XLSX ${(b.xlsx.seconds / b.bare.seconds).toFixed(2)}×; peak RSS CSV ${growth('csv')}, XLSX ${growth('xlsx')}`);
  }
};

/**
 * Issue #13: the same 1M realistic rows, split into 4 files, imported by 1
 * and then 2 worker processes (bench/workers-child.js, a fresh database and
 * Redis prefix each). Postgres and Redis must answer.
 */
const WORKER_FILES = 4;
const workersBench = async () => {
  if (!redisReachable()) {
    console.log('\nworkers: skipped (Redis does not answer; BENCH_REDIS_URL)');
    return;
  }
  const files = Array.from({ length: WORKER_FILES }, (_, k) => realisticPart(big, k, WORKER_FILES));
  const runs = [1, 2].map((n) => runChild('workers-child.js', String(n), JSON.stringify(files)));
  console.log(`\n| ${fmt(big)} realistic rows, ${WORKER_FILES} imports of ${fmt(big / WORKER_FILES)} queued together (Postgres + Redis) | workers | parallelImportLimit | seconds | rows/s | most at once | imports per worker | peak RSS per worker MB | created | failed | warnings | exact | load average (max 1 min) |`);
  console.log('|---|---:|---:|---:|---:|---:|---|---|---:|---:|---:|---|---:|');
  for (const r of runs) {
    console.log(
      `| plugin imports | ${r.workers} | ${r.parallelImportLimit} | ${r.seconds.toFixed(2)} | ${fmt(r.rowsPerSec)} | ${r.mostAtOnce} | ${r.importsPerWorker.join(' / ')} | ${r.workerPeakRssMb.join(' / ')} | ${fmt(r.created)} | ${fmt(r.failed)} | ${fmt(r.warnings)} | ${r.exact ? 'yes' : `NO: ${JSON.stringify(r.imports.map((i) => ({ file: i.file, counters: i.counters, expected: i.expected, runs: i.runs })))}`} | ${r.loadMax} |`
    );
  }
  for (const r of runs) console.log(`${r.workers} worker(s), at the end: ${r.uptime}`);
  console.log(`2 workers: ${(runs[1].rowsPerSec / runs[0].rowsPerSec).toFixed(2)}× the rows/s of 1 worker (this machine has ${os.cpus().length} cores, shared with Postgres and Redis).`);
};

const main = async () => {
  const dbs = ['sqlite', ...(pgReachable() ? ['postgres'] : [])];
  // MySQL where the import's targets name it (its dialect has no segment or export figures of its own).
  // BENCH_DBS=sqlite,postgres limits the run to those databases.
  const wanted = process.env.BENCH_DBS ? process.env.BENCH_DBS.split(',') : null;
  const importDbs = [...dbs, ...(mysqlReachable() ? ['mysql'] : [])].filter((d) => !wanted || wanted.includes(d));
  if (only('imports')) await importBench(dbs);
  if (only('realistic')) await realisticBench(importDbs);
  if (only('scale')) await scaleBench(importDbs);
  if (only('segments')) await segmentBench(dbs);
  if (only('exports')) await exportBench(dbs);
  if (only('workers') && dbs.includes('postgres')) await workersBench();
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
