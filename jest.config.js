// Server suites boot the real playground Strapi (one per test file, its own
// database); two run at a time on this 2-core machine. Browser suites drive
// Debian's chromium against a playground started by the suite.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }];

const base = { testEnvironment: 'node', transform: { '^.+\\.(t|j)sx?$': swc } };

module.exports = {
  testTimeout: 120000,
  maxWorkers: 2,
  forceExit: true,
  projects: [
    { ...base, displayName: 'server', testMatch: ['<rootDir>/test/server/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
