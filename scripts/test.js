'use strict';
/**
 * `npm test`: builds the plugin, then runs
 *   1. every server suite on SQLite,
 *   2. the dialect-sensitive suites (*.dialect.test.ts) on Postgres and MySQL/MariaDB,
 *   3. the browser suites (test/e2e) against the built playground admin,
 * and ends with one "N passed, N failed" line. `--only sqlite|postgres|mysql|e2e`
 * runs one stage; a database that does not answer fails the run (CI starts them).
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { buildPlugin, buildAdminIfStale } = require('./build');

const root = path.join(__dirname, '..');
const onlyIdx = process.argv.indexOf('--only');
const only = onlyIdx > 0 ? process.argv[onlyIdx + 1] : null;
const extraArgs = process.argv.slice(2).filter((a, i, all) => a !== '--only' && all[i - 1] !== '--only');
const jestBin = path.join(path.dirname(require.resolve('jest/package.json', { paths: [root] })), 'bin', 'jest.js');

const stages = [
  { name: 'sqlite', env: { TEST_DB: 'sqlite' }, args: ['--selectProjects', 'server'] },
  { name: 'postgres', env: { TEST_DB: 'postgres' }, args: ['--selectProjects', 'server', '--testPathPatterns', '\\.dialect\\.test\\.ts$'] },
  { name: 'mysql', env: { TEST_DB: 'mysql' }, args: ['--selectProjects', 'server', '--testPathPatterns', '\\.dialect\\.test\\.ts$'] },
  { name: 'e2e', env: {}, args: ['--selectProjects', 'e2e'], needsAdmin: true },
].filter((s) => !only || s.name === only);

const started = Date.now();
buildPlugin();
if (stages.some((s) => s.needsAdmin)) buildAdminIfStale();

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
let failedRun = false;
for (const stage of stages) {
  const out = path.join(os.tmpdir(), `contacts-jest-${stage.name}-${process.pid}.json`);
  const t = Date.now();
  const res = spawnSync(process.execPath, [jestBin, ...stage.args, '--json', `--outputFile=${out}`, ...extraArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...stage.env },
  });
  let report = null;
  try {
    report = JSON.parse(fs.readFileSync(out, 'utf8'));
  } catch {
    // jest died before writing its report
  }
  const passed = report ? report.numPassedTests : 0;
  const failed = report ? report.numFailedTests + report.numRuntimeErrorTestSuites : 1;
  const skipped = report ? report.numPendingTests : 0;
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  if (res.status !== 0) failedRun = true;
  lines.push(`${stage.name.padEnd(9)} ${String(passed).padStart(4)} passed, ${failed} failed, ${skipped} skipped in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

console.log('\nTest summary');
for (const l of lines) console.log(`  ${l}`);
console.log(`  total time ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedRun || totals.failed > 0 ? 1 : 0);
