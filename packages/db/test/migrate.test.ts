import { describe, expect, it } from "vitest";
import { openTestDb } from "../src/driver/client.ts";

describe("migrations", () => {
  it("build every table from the committed migrations", () => {
    const db = openTestDb();
    const tables = db.$client
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'",
      )
      .pluck()
      .all() as string[];
    expect(tables).toEqual(
      expect.arrayContaining(["regions", "orgs", "hosts", "coverages", "members", "users", "audit_log"]),
    );
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
  });
});
