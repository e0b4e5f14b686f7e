/**
 * One clock (issue 13): rows are stamped from `clock`, never from SQLite's own 'now' (which the pinned
 * clock cannot reach). Drizzle inserts get the clock through the column's `$defaultFn`; every hand-written
 * `insert into` a stamped table must name its stamp column. Checked on the source of every package.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fixedClock, setClock } from "@liangxin/domain";
import { describe, expect, it } from "vitest";
import { openTestDb } from "../src/driver/client.ts";
import { writeAudit } from "../src/audit.ts";
import { meetings } from "../src/schema.ts";
import { STAMPED_TABLES } from "../src/stamped.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === ".next" || name === "test" || name === "drizzle") continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sources(full, out);
    else if (/\.(ts|tsx|mjs)$/.test(name) && !/\.test\.ts$/.test(name)) out.push(full);
  }
  return out;
}

describe("timestamps come from the one clock", () => {
  it("knows the stamped tables", () => {
    for (const t of ["meetings", "host_corrections", "report_submissions", "users", "jobs", "orgs"])
      expect(STAMPED_TABLES.has(t), t).toBe(true);
  });

  it("names the stamp column in every hand-written insert into a stamped table", () => {
    const missing: string[] = [];
    const files = [...sources(path.join(root, "packages")), ...sources(path.join(root, "apps"))];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/insert\s+(?:or\s+\w+\s+)?into\s+(\w+)\s*\(([^)]*)\)/gi)) {
        const [, table, columns] = m as unknown as [string, string, string];
        const stamp = table === "audit_log" ? "at" : "created_at";
        if (
          (table === "audit_log" || STAMPED_TABLES.has(table)) &&
          !new RegExp(`\\b${stamp}\\b`).test(columns)
        )
          missing.push(
            `${path.relative(root, file)}: insert into ${table} (${columns.replace(/\s+/g, " ")})`,
          );
      }
    }
    expect(missing).toEqual([]);
  });

  it("stamps drizzle inserts and audit rows with the pinned clock, not the machine's", async () => {
    const restore = setClock(fixedClock("2031-05-05T09:15:00+08:00"));
    try {
      const db = openTestDb();
      const id = await writeAudit(db, { action: "test", entity: "test" });
      const at = db.$client.prepare("select at from audit_log where id = ?").pluck().get(id);
      expect(at).toBe("2031-05-05T01:15:00.000Z");
      db.$client
        .prepare(
          "insert into orgs (code, name, category, path, depth, founded_on, created_at) values ('X1', '测试', 'branch', '/1/', 1, '2020-01-01', ?)",
        )
        .run("2031-05-05T01:15:00.000Z");
      const [row] = await db
        .insert(meetings)
        .values({ orgId: 1, kind: "themeDay", heldOn: "2031-05-01" })
        .returning();
      expect(row!.createdAt).toBe("2031-05-05T01:15:00.000Z");
    } finally {
      restore();
    }
  });
});
