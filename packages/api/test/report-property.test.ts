/**
 * Issue 18, property: random sequences of submit / return / approve / reopen and dated changes — through the
 * API (the period lock applies) and written in SQL (bypassing it, as a repair of the database would) — on
 * the report fixture's small city, year 2025. After every step:
 * - when 校核 of the city's 2025 report names no difference, its 合计 equals the live computation;
 * - every 合计 difference it names is real: the figure it quotes as reported is the city's, the one it
 *   quotes as live is the live computation's, and they differ.
 */
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Indicators } from "@liangxin/domain";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { TRPCError } from "@trpc/server";
import {
  buildReportFixture,
  callerAs,
  explainAll,
  F,
  liveTotal,
  reparentInSql,
} from "./fixtures/report-fixture.ts";

const YEAR = 2025;
/** Units that report to a parent, with their administrator and the parent's. */
const UNITS = [
  { node: F.org.TA, user: "ta", parent: "county" },
  { node: F.org.TB, user: "tb", parent: "county" },
  { node: F.org.IND, user: "ind", parent: "county" },
  { node: F.org.KW, user: "county", parent: "city" },
] as const;

type Step =
  | { kind: "submit" | "return" | "approve" | "reopen"; unit: number }
  | { kind: "apiEmployees" | "sqlEmployees"; host: number; employees: number }
  | { kind: "sqlReparentMv" | "sqlDeath" | "apiDeath" };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constantFrom("submit", "return", "approve", "reopen"), unit: fc.nat(3) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom("apiEmployees", "sqlEmployees"),
      host: fc.constantFrom(F.host.h1, F.host.h4, F.host.h5, F.host.h8),
      employees: fc.integer({ min: 1, max: 300 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom("sqlReparentMv", "sqlDeath", "apiDeath") }) },
) as fc.Arbitrary<Step>;

let db: Db;
/** What the runs went through, so that the property cannot hold vacuously. */
let refused = 0;
let withDifferences = 0;
let reconciledWithFrozen = 0;
const as = (username: string) => callerAs(db, username);

beforeEach(() => {
  db = openTestDb();
  buildReportFixture(db);
});
afterEach(() => db.$client.close());

async function submissionOf(node: number): Promise<{ id: number; version: number } | null> {
  const row = db.$client
    .prepare("select id, version from report_submissions where org_id = ? and year = ?")
    .get(node, YEAR) as { id: number; version: number } | undefined;
  return row ?? null;
}

/** One step; a refusal (a rule, the lock, a state) is an outcome like any other. */
async function apply(s: Step): Promise<void> {
  const run = (sql: string, ...args: unknown[]) => db.$client.prepare(sql).run(...args);
  try {
    if (s.kind === "submit" || s.kind === "return" || s.kind === "approve" || s.kind === "reopen") {
      const u = UNITS[s.unit]!;
      const sub = await submissionOf(u.node);
      if (s.kind === "submit") {
        const v = await as(u.user).report.get({ nodeId: u.node, year: YEAR });
        await as(u.user).report.submit({
          nodeId: u.node,
          year: YEAR,
          explanations: explainAll(v),
          ...(sub ? { version: sub.version } : {}),
          unitHead: "张建国",
          preparer: "李晓梅",
        });
      } else if (sub && s.kind === "return") {
        await as(u.parent).report.return({ submissionId: sub.id, reason: "请核实" });
      } else if (sub && s.kind === "approve") {
        await as(u.parent).report.approve({ submissionId: sub.id });
      } else if (sub && s.kind === "reopen") {
        await as("city").report.reopen({ submissionId: sub.id, reason: "修正" });
      }
    } else if (s.kind === "apiEmployees") {
      await as("county").records.host.setYear({ hostId: s.host, year: YEAR, employees: s.employees });
    } else if (s.kind === "sqlEmployees") {
      run(
        "insert into host_years (host_id, year, employees) values (?, ?, ?) on conflict (host_id, year) do update set employees = excluded.employees",
        s.host,
        YEAR,
        s.employees,
      );
    } else if (s.kind === "sqlReparentMv") {
      const parent = db.$client.prepare("select parent_id from orgs where id = ?").pluck().get(F.org.MV);
      const to = parent === F.org.TA ? F.org.TB : F.org.TA;
      reparentInSql(db, F.org.MV, parent as number, to, "2025-06-01");
    } else if (s.kind === "sqlDeath" || s.kind === "apiDeath") {
      const alive = db.$client
        .prepare("select count(*) from member_status_events where member_id = ?")
        .pluck()
        .get(F.member.m8);
      if (alive !== 0) return;
      if (s.kind === "sqlDeath")
        run(
          "insert into member_status_events (member_id, status, effective_on, created_at) values (?, 'deceased', '2025-11-01', '2026-12-03T02:00:00.000Z')",
          F.member.m8,
        );
      else
        await as("county").records.member.changeStatus({
          memberId: F.member.m8,
          status: "deceased",
          effectiveOn: "2025-11-01",
        });
    }
  } catch (e) {
    // A refusal of the product is an outcome; a call the router does not know is a broken test.
    if (!(e instanceof TRPCError) || e.message.startsWith("No procedure")) throw e;
    refused++;
  }
}

/** The additive figures of a 合计, without the year-over-year base and the member flows. */
function counts(t: Indicators) {
  const { prevOrgCoverageRate: _p, orgCoverageRateChangePp: _c, flows: _f, ...rest } = t;
  return rest;
}

describe("property: 校核 of random workflows and dated changes", () => {
  it("no difference named ⇒ the city's 合计 is the live one; every 合计 difference named is real", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        db.$client.close();
        db = openTestDb();
        buildReportFixture(db);
        for (const s of steps) {
          await apply(s);
          const city = await as("city").report.get({ year: YEAR });
          const live = await liveTotal(db, F.org.CW, YEAR);
          const differences = city.checks.filter(
            (c) => c.level === "error" && c.code.startsWith("RECONCILE"),
          );
          if (differences.length === 0) {
            expect(counts(city.total), JSON.stringify(steps)).toEqual(counts(live));
            if (city.rows.some((r) => r.source !== "computed")) reconciledWithFrozen++;
          } else withDifferences++;
          for (const d of differences.filter((c) => c.code === "RECONCILE_TOTAL")) {
            const m = /汇总为(-?\d+),按实时数据计算为(-?\d+)/.exec(d.message);
            expect(m, d.message).not.toBeNull();
            expect(m![1]).not.toBe(m![2]);
          }
        }
      }),
      {
        numRuns: 40,
        // Besides the random runs, the paths the property is about, every time: approved rows that
        // reconcile, an edit the lock refuses, and a SQL repair behind an approval that 校核 must name.
        examples: [
          [
            [
              { kind: "submit", unit: 1 },
              { kind: "approve", unit: 1 },
              { kind: "apiEmployees", host: F.host.h4, employees: 99 },
              { kind: "sqlDeath" },
              { kind: "reopen", unit: 1 },
              { kind: "submit", unit: 1 },
              { kind: "approve", unit: 1 },
            ],
          ],
          [
            [
              { kind: "submit", unit: 0 },
              { kind: "submit", unit: 1 },
              { kind: "approve", unit: 0 },
              { kind: "approve", unit: 1 },
              { kind: "sqlReparentMv" },
              { kind: "sqlEmployees", host: F.host.h1, employees: 7 },
            ],
          ],
        ],
      },
    );
    expect(refused).toBeGreaterThan(0);
    expect(withDifferences).toBeGreaterThan(0);
    expect(reconciledWithFrozen).toBeGreaterThan(0);
  }, 120_000);
});
