/** @type {import('jest').Config} */
module.exports = {
  // jest's node environment, plus a line naming any test file that leaves a server, socket or
  // child process open (what makes jest say "A worker process has failed to exit gracefully").
  testEnvironment: '<rootDir>/test/support/jestEnvironment.ts',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 30000,
  // A scratch directory per run (SDS_JEST_RUN_DIR), e.g. to print "no browser" once, not per suite.
  globalSetup: '<rootDir>/test/support/jestRunSetup.ts',
  globalTeardown: '<rootDir>/test/support/jestRunTeardown.ts',
  // Component tests start real HTTP servers; keep workers at the machine's two cores.
  maxWorkers: 2,
};
