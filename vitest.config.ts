// Sized for a busy 2-core machine: CI and developers' machines run the suite beside other work, and a
// test that is slow there is not wrong.
//
// Test files share the modules they import within a worker (isolate: false): loading src/ and its
// dependencies afresh for every file cost more CPU than most files' tests. Nothing in src/ keeps state
// between commands that a test could see, and temporary directories are removed per file by
// test/support/setup.ts. Files that replace a module with vi.mock need a module graph of their own:
// a mock only reaches modules imported after it, so they run isolated, in a project of their own
// (test/vitest-config.test.ts fails when such a file is missing from MOCKING). That project runs on
// one thread beside the two forks, for the few seconds its files take.
import { defineConfig } from 'vitest/config';

/** The test files that call vi.mock. */
export const MOCKING = ['test/io/event-log.test.ts', 'test/io/stdio.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    minWorkers: 1,
    setupFiles: ['test/support/setup.ts'],
    // Read per pool, not per project: 'shared' runs on forks, 'isolated' on threads.
    poolOptions: {
      forks: { isolate: false },
      threads: { isolate: true, maxThreads: 1 },
    },
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: MOCKING, pool: 'forks' } },
      { extends: true, test: { name: 'isolated', include: MOCKING, pool: 'threads' } },
    ],
  },
});
