import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:unit`: every package's tests in one vitest run, spread over one worker per core.
 *
 * Run package by package (turbo, one at a time) they used one worker: vitest takes a core less than the machine
 * has, which on CI's two cores is one, so half the machine sat idle for the unit step's 18 minutes. Here the
 * files of all packages share the workers. Each package keeps its own configuration (its
 * `vitest.config.ts`, its root, the shared setup file), and `npm test` inside a package still runs it alone.
 * Every file runs in a process of its own with its own databases and temporary folders, as before.
 */
export default defineConfig({
  test: {
    maxWorkers: availableParallelism(),
    projects: [
      "apps/*/vitest.config.ts",
      "packages/*/vitest.config.ts",
      // The suites that run on PostgreSQL (PGlite) too, as `npm run test:pglite` in packages/api runs them.
      "packages/api/vitest.pglite.config.ts",
    ],
  },
});
