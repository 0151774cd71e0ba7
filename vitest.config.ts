// Sized for a busy 2-core machine: CI and developers' machines run the suite beside other work, and a
// test that is slow there is not wrong. Measured on an idle 2-core machine (`npx vitest run`, 2026-12-01,
// ~900 tests): two forks sharing modules ~67 s; three forks ~71 s; two threads sharing modules ~72 s;
// two forks with a fresh one per test file (vitest's default isolation) ~124 s. (2026-12-02: 1,053
// tests, ~100 s at load 3–4; not measured idle.)
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
export const MOCKING = ['test/commands/hostile-terminal.test.ts', 'test/io/event-log.test.ts', 'test/io/event-window.test.ts', 'test/io/stdio.test.ts', 'test/io/write-faults.test.ts'];

export default defineConfig({
  // Dependencies run as the bundle ships them: esbuild resolves no "development" condition, but vite
  // resolves it and vitest starts its workers with --conditions development, which loads micromark's
  // dev builds (debug calls and assertions in every tokenizer step): the Markdown tests took a third
  // longer for code that never ships. test/vitest-config.test.ts checks that it stays off.
  plugins: [
    {
      name: 'production-conditions',
      configResolved(config) {
        const production = (conditions: readonly string[]) => conditions.map((c) => (c === 'development|production' ? 'production' : c));
        const ssr = config.ssr.resolve as { conditions?: string[] } | undefined;
        if (ssr?.conditions) ssr.conditions = production(ssr.conditions);
        for (const env of Object.values(config.environments)) (env.resolve as { conditions: string[] }).conditions = production(env.resolve.conditions);
      },
    },
  ],
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // As many workers from start to end: tinypool stops a worker left idle above minWorkers while
    // others still run, and with files sharing workers that teardown could fail the run at its end
    // ("Unhandled Rejection: Terminating worker thread", forks left running): seen with 3 workers
    // and minWorkers 1.
    maxWorkers: 2,
    minWorkers: 2,
    setupFiles: ['test/support/setup.ts'],
    // Read per pool, not per project: 'shared' runs on forks, 'isolated' on threads.
    poolOptions: {
      forks: { isolate: false },
      threads: { isolate: true, minThreads: 1, maxThreads: 1 },
    },
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: MOCKING, pool: 'forks' } },
      { extends: true, test: { name: 'isolated', include: MOCKING, pool: 'threads' } },
    ],
  },
});
