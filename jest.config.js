/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Type checking is done once by `tsc -p tsconfig.dev.json` in `npm test`; ts-jest only transpiles,
  // which keeps the suite well under a minute on two cores.
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
  // Scratch folders of every test live under one folder per run, removed at the end.
  globalSetup: '<rootDir>/test/support/tmp-setup.js',
  globalTeardown: '<rootDir>/test/support/tmp-teardown.js',
};
