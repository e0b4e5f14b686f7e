/**
 * Issue 25: the report counted by the database (`loadReportCounts` + `computeReportFromCounts`) is the
 * domain's reference computation (`computeReport` over the full dated history), row for row: on the demo
 * (every management node, every year, SQLite and PostgreSQL) and on random cities.
 */
import fc from "fast-check";
import {
  DEFAULT_POLICY,
  computeReport,
  computeReportFromCounts,
  fixedClock,
  setClock,
  type PolicyVersion,
  type Snapshot,
} from "@liangxin/domain";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDb, openDb, readThreadStats } from "@liangxin/db/driver";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadReportCounts } from "@liangxin/db/report-counts";
import { writeSeedData } from "../src/write.ts";
import { rowsOf } from "./random-city-rows.ts";
import { genCity } from "../../domain/test/fixtures/city-gen.ts";

const DEMO_DAY = "2026-12-03";
const restore = setClock(fixedClock(`${DEMO_DAY}T10:00:00+08:00`));
afterAll(() => restore());

/**
 * The city with what only a repair of the database makes: members with two relationships or two workplaces
 * in force at once (some starting the same day), hosts with two coverages in force, an instructor assigned
 * twice to a host — where the domain picks the latest row (ties: the later one) and counts persons once.
 */
function withOverlaps(s: Snapshot, g: fc.GeneratorValue): Snapshot {
  const int = (min: number, max: number): number => g(fc.integer, { min, max });
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const day = (): string =>
    pick(["2019-12-31", "2020-06-30", "2021-12-31", "2022-01-01", "2023-12-31", "2024-12-31"]);
  const out: Snapshot = {
    ...s,
    relationships: [...s.relationships],
    workplaces: [...s.workplaces],
    coverages: [...s.coverages],
    assignments: [...s.assignments],
  };
  const grassroots = s.orgs.filter((o) => o.formationMode !== null);
  for (let i = int(0, 6); i > 0 && s.relationships.length > 0; i--) {
    const r = pick(s.relationships);
    const startOn = int(0, 2) === 0 ? r.startOn : day();
    out.relationships.push({
      memberId: r.memberId,
      orgId: int(0, 4) === 0 ? null : pick(s.orgs).id,
      startOn,
      endOn: null,
    });
  }
  for (let i = int(0, 6); i > 0 && s.workplaces.length > 0 && s.hosts.length > 0; i--) {
    const w = pick(s.workplaces);
    const startOn = int(0, 2) === 0 ? w.startOn : day();
    out.workplaces.push({ memberId: w.memberId, hostId: pick(s.hosts).id, startOn, endOn: null });
  }
  for (let i = int(0, 4); i > 0 && s.hosts.length > 0 && grassroots.length > 0; i--)
    out.coverages.push({ hostId: pick(s.hosts).id, orgId: pick(grassroots).id, startOn: day(), endOn: null });
  for (let i = int(0, 3); i > 0 && s.assignments.length > 0; i--)
    out.assignments.push({ ...pick(s.assignments) });
  return out;
}

describe("the report counted by the database", () => {
  it("is the reference computation on random cities: every management node, every year", async () => {
    let compared = 0;
    let counted = 0;
    const answeredBefore = readThreadStats.answered;
    const takenBackBefore = readThreadStats.takenBack;
    await fc.assert(
      fc.asyncProperty(
        fc.gen(),
        fc.record({
          onlyFullMembersCount: fc.boolean(),
          minMembersForBranch: fc.integer({ min: 1, max: 4 }),
          instructor: fc.boolean(),
          massOrganizations: fc.boolean(),
        }),
        async (g, p) => {
          const { b, mgmt } = genCity(g);
          const snapshot = withOverlaps(b.snapshot(), g);
          // A database file, as the portal reads: the host statements run on the read thread
          // (read-thread.ts) while the members are counted on this one.
          const dir = mkdtempSync(path.join(tmpdir(), "liangxin-counts-"));
          const db = openDb(path.join(dir, "city.db"));
          migrateDb(db);
          try {
            await writeSeedData(db, rowsOf(snapshot), "2026-01-01T00:00:00Z");
            const params = {
              ...DEFAULT_POLICY,
              onlyFullMembersCount: p.onlyFullMembersCount,
              minMembersForBranch: p.minMembersForBranch,
              workCoverage: { instructor: p.instructor, massOrganizations: p.massOrganizations },
            };
            const policy: PolicyVersion = { effectiveOn: "2000-01-01", params };
            for (const year of [2020, 2021, 2022, 2023, 2024])
              for (const { id } of mgmt) {
                let expected: string;
                try {
                  expected = JSON.stringify(computeReport(snapshot, id, year, policy));
                } catch (e) {
                  const counts = await loadReportCounts(db, id, year, params);
                  counted++;
                  expect(() => computeReportFromCounts(counts, id, policy)).toThrow((e as Error).message);
                  continue;
                }
                const counts = await loadReportCounts(db, id, year, params);
                counted++;
                expect(
                  JSON.stringify(computeReportFromCounts(counts, id, policy)),
                  `${year} node ${id}`,
                ).toBe(expected);
                compared++;
              }
          } finally {
            db.$client.close();
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 15 },
    );
    expect(compared).toBeGreaterThan(150);
    // The host statements (two per report) went to the read thread: each answered by it, or taken back by
    // this thread when awaited before the read thread started it (read-thread.ts) — never another version
    // or a failure; and the read thread's own answers were among those compared.
    const answered = readThreadStats.answered - answeredBefore;
    expect(answered + readThreadStats.takenBack - takenBackBefore).toBe(2 * counted);
    expect(answered).toBeGreaterThan(0);
  }, 600_000);
});
