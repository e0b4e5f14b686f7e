/**
 * Issue 21's safety net: the year-end report of the demo (seeded on the canonical demo day) and of a
 * 20,000-host city, as the report JSON of the command line, must not change while the data layer is
 * rebuilt. The hashes in `golden/report-hashes.json` were written before the rebuild began; a change of
 * figures that is meant must rewrite them on purpose (`LIANGXIN_UPDATE_GOLDEN=1 npx vitest run
 * test/report-golden.test.ts`) and say why in its commit.
 *
 * Every management node of every year of the demo is hashed, and the city, its counties and its townships
 * for the scale city's current and previous year. The JSON is serialized with sorted keys, so that only
 * figures (and names, codes, the 截至 day and the counting rule) count, not the order of properties.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fixedClock, isManagement, setClock, type OrgCategory } from "@liangxin/domain";
import { stringify } from "safe-stable-stringify";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { buildReport, ReportComputer, reportJson } from "@liangxin/core/reports";
import { unsafeSystemScope } from "@liangxin/db/scope";
import { seedDemo } from "../src/demo.ts";
import { seedScale } from "../src/scale.ts";
import { demoYears } from "../src/shift.ts";

const DEMO_DAY = "2026-12-03";
const GOLDEN = fileURLToPath(new URL("./golden/report-hashes.json", import.meta.url));
const UPDATE = process.env.LIANGXIN_UPDATE_GOLDEN === "1";

type Hashes = Record<string, string>;

const restore = setClock(fixedClock(`${DEMO_DAY}T10:00:00+08:00`));
afterAll(() => restore());

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The report JSON's hash of every management node at most `maxDepth` levels below the root. */
async function hashReports(db: Db, years: number[], maxDepth: number): Promise<Hashes> {
  const cx = { db, scope: await unsafeSystemScope(db), today: DEMO_DAY };
  const computer = new ReportComputer(db);
  const nodes = (
    db.$client.prepare("select id, code, category, depth from orgs order by code").all() as {
      id: number;
      code: string;
      category: OrgCategory;
      depth: number;
    }[]
  ).filter((o) => isManagement(o.category));
  const minDepth = Math.min(...nodes.map((n) => n.depth));
  const out: Hashes = {};
  for (const year of years)
    for (const node of nodes) {
      if (node.depth - minDepth > maxDepth) continue;
      const view = await buildReport(cx, { nodeId: node.id, year, computer });
      out[`${year} ${node.code}`] = sha256(stringify(reportJson(view)) ?? "");
    }
  return out;
}

function readGolden(): { demo: Hashes; scale: Hashes } {
  return JSON.parse(readFileSync(GOLDEN, "utf8")) as { demo: Hashes; scale: Hashes };
}

const computed: { demo?: Hashes; scale?: Hashes } = {};

describe("the report JSON does not change (golden hashes)", () => {
  it("the demo seeded on 2026-12-03: every management node, every year", async () => {
    const db = openTestDb();
    await seedDemo(db, { today: DEMO_DAY });
    computed.demo = await hashReports(db, demoYears(DEMO_DAY), Number.POSITIVE_INFINITY);
    db.$client.close();
    expect(Object.keys(computed.demo).length).toBeGreaterThan(40);
    if (!UPDATE) expect(computed.demo).toEqual(readGolden().demo);
  });

  it("a city of 20,000 hosts: the city, its counties and townships, this year and last", async () => {
    const db = openTestDb();
    await seedScale(db, { hosts: 20_000, today: DEMO_DAY });
    computed.scale = await hashReports(db, [2025, 2026], 2);
    db.$client.close();
    expect(Object.keys(computed.scale).length).toBeGreaterThan(20);
    if (!UPDATE) expect(computed.scale).toEqual(readGolden().scale);
  }, 300_000);

  afterAll(() => {
    if (UPDATE && computed.demo && computed.scale)
      writeFileSync(GOLDEN, `${JSON.stringify({ demo: computed.demo, scale: computed.scale }, null, 2)}\n`);
  });
});
