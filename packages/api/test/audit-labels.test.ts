/** The audit log reads in Chinese: every action, record kind and field has a name; details are no JSON. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { getTableColumns, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { openTestDb } from "@liangxin/db/driver";
import * as schema from "@liangxin/db/schema";
import { seedDemo } from "@liangxin/seed/demo";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTION_LABELS,
  auditActionLabel,
  auditDetail,
  auditEntityLabel,
  auditFieldLabel,
} from "../src/audit-labels.ts";
import { createContext } from "../src/context.ts";
import { createCaller } from "../src/root.ts";

const CHINESE = /[\u4e00-\u9fff]/;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") ? [p] : [];
  });
}

describe("audit labels", () => {
  it("name every column of every table in Chinese", () => {
    const missing: string[] = [];
    for (const [name, table] of Object.entries(schema)) {
      if (!is(table, SQLiteTable)) continue;
      for (const key of Object.keys(getTableColumns(table)))
        if (!auditFieldLabel(key)?.match(CHINESE)) missing.push(`${name}.${key}`);
    }
    expect(missing).toEqual([]);
  });

  it("name every action the write side records", () => {
    const written = new Set<string>();
    for (const file of [
      ...sources(path.join(root, "packages/db/src")),
      ...sources(path.join(root, "packages/core/src")),
      ...sources(path.join(root, "packages/io/src")),
    ]) {
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (!/action|auditWork|audit\(/.test(line)) continue;
        for (const m of line.matchAll(/"([a-z]+(?:\.[a-zA-Z]+)?)"/g))
          if (m[1] && (m[1].includes(".") || m[1] === "login")) written.add(m[1]);
      }
    }
    // Actions composed at run time: `${entity}.end`, `transfer.${decision}`, `import.${op}`.
    for (const a of [
      "coverage.end",
      "dualLink.end",
      "secretary.end",
      "assignment.end",
      "transfer.accept",
      "transfer.reject",
      "import.create",
      "import.update",
      // Named with a capital inside the entity, which the pattern above does not read.
      "coverageRequest.propose",
      "coverageRequest.accept",
      "coverageRequest.reject",
    ])
      written.add(a);
    expect(written.size).toBeGreaterThan(40);
    const missing = [...written].filter((a) => !AUDIT_ACTION_LABELS[a]).sort();
    expect(missing).toEqual([]);
    for (const label of Object.values(AUDIT_ACTION_LABELS)) expect(label).toMatch(CHINESE);
  });

  it("show an administrator only Chinese: actions, records and what changed (no JSON)", async () => {
    const db = openTestDb();
    await seedDemo(db);
    const id = (u: string) =>
      db.$client.prepare("select id from users where username = ?").pluck().get(u) as number;
    const city = createCaller(createContext({ db, userId: id("city"), today: "2026-11-21" }));
    await city.users.setDisabled({ id: id("branch"), disabled: true });
    // The seed wrote the past years' reports (issue 18): a page large enough for them and the seed itself.
    const page = await city.audit.search({ page: 1, pageSize: 200 });
    expect(page.rows.map((r) => r.actionLabel)).toContain("停用用户");
    expect(page.rows.map((r) => r.actionLabel)).toContain("载入演示数据");
    for (const r of page.rows) {
      expect(`${r.actionLabel}${r.entityLabel}`).not.toMatch(/[A-Za-z]/);
      // Values may be Latin (a username), never JSON or an identifier.
      expect(r.detail).not.toMatch(/[{}"]|[A-Z_]{6,}|[a-z]+\.[a-z]+[A-Z]|\b[a-z][A-Za-z]*:/);
    }
    const created = page.rows.find((r) => r.action === "user.create" && r.detail.includes("branch"));
    expect(created?.detail).toContain("角色 党组织书记");
  });

  it("describe a change as the fields that differ, translated", () => {
    expect(
      auditDetail(
        JSON.stringify({ status: "normal", name: "张三", version: 1 }),
        JSON.stringify({ status: "transferredOut", name: "张三", version: 2 }),
      ),
    ).toBe("党员状态 正常 → 转出");
    // A person's change names them first, with the citizen ID as the search gives it (masked).
    expect(
      auditDetail(
        JSON.stringify({ name: "张三", idNumber: "110101********4514", phone: null, version: 1 }),
        JSON.stringify({ name: "张三", idNumber: "110101********4514", phone: "13800000000", version: 2 }),
      ),
    ).toBe("张三(110101********4514):联系电话 — → 13800000000");
    // An amount in 分 reads in 万元, as typed; an entry written before the 分 reads as it was.
    expect(
      auditDetail(
        JSON.stringify({ hostId: 1, year: 2025, employees: 60, revenueFen: 499_990_000 }),
        JSON.stringify({ hostId: 1, year: 2025, employees: 60, revenueFen: 500_000_000 }),
      ),
    ).toBe("营业收入(万元) 499.99 → 500");
    expect(auditDetail(null, JSON.stringify({ name: "联建", fundsFen: 2_500_000 }))).toBe(
      "名称 联建;经费(万元) 2.5",
    );
    expect(auditDetail(null, JSON.stringify({ year: 2024, revenue: 96.5 }))).toBe(
      "年度 2024;营业收入(万元) 96.5",
    );
    expect(auditActionLabel("no.such")).toBe("其他操作");
    expect(auditEntityLabel("host_years")).toBe("经营数据");
  });
});
