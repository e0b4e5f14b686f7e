import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

/**
 * The suites that run on PostgreSQL (PGlite) as well as on SQLite (issue 24): `npm run test:pglite` here, and
 * a project of its own in the root's `npm run test:unit`. The base configuration is spread, not extended:
 * vitest's `extends` would add the base's `include` to this one's and run every file on PGlite.
 */
export default defineConfig({
  test: {
    ...base.test,
    name: "@liangxin/api (PGlite)",
    include: ["test/access-matrix.test.ts", "test/scope-property.test.ts", "test/list-csv.test.ts"],
    env: { LIANGXIN_TEST_ENGINE: "pglite" },
  },
});
