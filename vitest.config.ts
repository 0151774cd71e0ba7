// Sized for a busy 2-core machine: CI and developers' machines run the suite beside other work, and a
// test that is slow there is not wrong. The pool and worker count were measured on such a machine
// (see the commit that added this file).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    minWorkers: 1,
  },
});
