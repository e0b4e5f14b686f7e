import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * `npm run test:unit`: every package's tests in one vitest run, spread over one worker per core.
 *
 * Run package by package (turbo, one at a time) they used one worker: vitest takes a core less than the machine
 * has, which on CI's two cores is one, so half the machine sat idle for the unit step's 18 minutes. Here the
 * files of all packages share the workers, longest first. Each package keeps its own configuration (its
 * `vitest.config.ts`, its root, the shared setup file), and `npm test` inside a package still runs it alone.
 * Every file runs in a process of its own with its own databases and temporary folders, as before.
 */
export default defineConfig({
  test: {
    maxWorkers: availableParallelism(),
    projects: [
      "apps/*/vitest.config.ts",
      "packages/*/vitest.config.ts",
      // The suites that run on PostgreSQL (PGlite) as well, as `npm run test:pglite` in packages/api runs
      // them (not extending packages/api's configuration: vitest would add its include to this one's).
      {
        test: {
          name: "@liangxin/api (PGlite)",
          root: "./packages/api",
          include: ["test/access-matrix.test.ts", "test/scope-property.test.ts", "test/list-csv.test.ts"],
          env: { LIANGXIN_TEST_ENGINE: "pglite" },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          setupFiles: ["../../vitest.setup.ts"],
        },
      },
    ],
  },
});
