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
  // A worker that has grown past this after a test file (the fuzz and multi-instance suites reach
  // several hundred MB) is replaced by a fresh one: at the end of a run a bloated worker did not
  // exit within jest's 500 ms ("A worker process has failed to exit gracefully") although it held
  // no handle or timer. https://jestjs.io/docs/configuration#workeridlememorylimit-numberstring
  workerIdleMemoryLimit: '400MB',
};
