import { defineConfig } from 'vitest/config';

// Browser tests: one file at a time (each starts a server and a browser).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // a poll of what a page shows waits like a user would: a full navigation of the console (bundle,
    // session, reference data, the case) takes about a second on a loaded 2-core machine, which is
    // the default poll timeout
    expect: { poll: { timeout: 10_000, interval: 100 } },
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
  },
});
