/**
 * Issue 25: the quality warnings of a year-end report's checks (校核) — a standalone organization covering
 * no host, a joint organization over its cap, an instructor over his — are asked of the database
 * (core/src/reports/quality.ts) instead of running the domain's coverage rules over the coverages,
 * instructors and assignments read into memory. The rules stay the reference: over the full dated history,
 * their warnings naming an organization of the node's subtree or a host of its territory are the ones the
 * report lists, in the same order, with the same messages — on random cities (every management node, every
 * year) and on the demo with a case of each warning, on SQLite and PostgreSQL.
 */
import fc from "fast-check";
import {
  AsOfIndex,
  DEFAULT_POLICY,
  checkInstructorCap,
  checkJointCap,
  checkStandaloneCoverage,
  fixedClock,
  isManagement,
  policyAsOf,
  setClock,
  yearEnd,
  type OrgCategory,
  type Policy,
  type Snapshot,
} from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import {
  execute,
  openTestDb,
  pgliteDb,
  selectAll,
  selectOne,
  selectValue,
  type Db,
} from "@liangxin/db/driver";
import { copyInto } from "@liangxin/db/copy";
import { openTestPglite } from "@liangxin/db/pg";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import { ReportComputer, type ReportCheck } from "@liangxin/core/reports";
import { seedDemo } from "../src/demo.ts";
import { writeSeedData } from "../src/write.ts";
import { rowsOf } from "./random-city-rows.ts";
import { genCity } from "../../domain/test/fixtures/city-gen.ts";

const DEMO_DAY = "2026-12-03";
const restore = setClock(fixedClock(`${DEMO_DAY}T10:00:00+08:00`));
afterAll(() => restore());

const QUALITY = new Set(["STANDALONE_WITHOUT_HOST", "JOINT_OVER_CAP", "INSTRUCTOR_OVER_CAP"]);

/**
 * The reference: the domain's rules over the full dated history as of 31 December, their warnings kept
 * when they name an organization of the node's subtree that day or a host of its territory.
 */
function referenceWarnings(full: Snapshot, nodeId: number, year: number, policy: Policy): ReportCheck[] {
  const d = yearEnd(year);
  const index = new AsOfIndex(full, d);
  const orgIds = new Set(index.tree.has(nodeId) ? index.tree.subtree(nodeId) : []);
  const node = index.tree.org(nodeId);
  const regions = new Set(
    node?.regionId != null && index.regionTree.has(node.regionId)
      ? index.regionTree.subtree(node.regionId)
      : [],
  );
  const hostRegion = new Map(full.hosts.map((h) => [h.id, h.regionId]));
  return [
    ...checkStandaloneCoverage(full, { asOf: d }),
    ...checkJointCap(full, policy, d),
    ...checkInstructorCap(full, policy, d),
  ]
    .filter(
      (v) =>
        v.level === "warning" &&
        ((v.refs?.orgIds ?? []).some((id) => orgIds.has(id)) ||
          (v.refs?.hostIds ?? []).some((id) => regions.has(hostRegion.get(id) ?? -1))),
    )
    .map((v) => ({ level: v.level, code: v.code, message: v.message }));
}

/** The checks of a node's live report from a fresh computer (the report counted by the database). */
async function leanChecks(db: Db, nodeId: number, year: number): Promise<ReportCheck[] | null> {
  const comp = new ReportComputer(db);
  let report;
  try {
    report = await comp.live(nodeId, year);
  } catch {
    return null; // not in force at the year end
  }
  return comp.checks(report, year);
}

/** The checks from a computer that loaded the year's records first (the domain's rules over them). */
async function fullChecks(db: Db, nodeId: number, year: number): Promise<ReportCheck[]> {
  const comp = new ReportComputer(db);
  await comp.snapshotFor(year);
  return comp.checks(await comp.live(nodeId, year), year);
}

const quality = (checks: readonly ReportCheck[]) => checks.filter((c) => QUALITY.has(c.code));

// ——— random cities ———

/**
 * The city with more of what the warnings look at: joint organizations covering many hosts (of several
 * townships, some twice), instructors assigned to many hosts (some twice, some no longer), standalone
 * organizations without a host, some under a grassroots organization only before or after a re-parenting.
 */
function withQualityCases(s: Snapshot, g: fc.GeneratorValue): Snapshot {
  const int = (min: number, max: number): number => g(fc.integer, { min, max });
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  const day = (): string =>
    pick(["2019-12-31", "2020-06-30", "2020-12-31", "2021-01-01", "2022-12-31", "2023-06-01", "2024-12-31"]);
  /** No end, or an end after `startOn` (some on a year end: not in force that day). */
  const endAfter = (startOn: string): string | null => {
    const ends = ["2021-01-01", "2022-12-31", "2024-12-31"].filter((e) => e > startOn);
    return ends.length > 0 && int(0, 2) === 0 ? pick(ends) : null;
  };
  const out: Snapshot = {
    ...s,
    orgs: [...s.orgs],
    reparentings: [...s.reparentings],
    coverages: [...s.coverages],
    assignments: [...s.assignments],
  };
  const joint = s.orgs.filter((o) => o.formationMode === "joint");
  for (let i = int(0, 8); i > 0 && joint.length > 0 && s.hosts.length > 0; i--) {
    const startOn = day();
    out.coverages.push({
      hostId: pick(s.hosts).id,
      orgId: pick(joint).id,
      startOn,
      endOn: endAfter(startOn),
    });
  }
  for (let i = int(0, 8); i > 0 && s.instructors.length > 0 && s.hosts.length > 0; i--) {
    const startOn = day();
    out.assignments.push({
      instructorId: pick(s.instructors).id,
      hostId: pick(s.hosts).id,
      startOn,
      endOn: endAfter(startOn),
    });
  }
  // Standalone organizations without a host, under a management node or a grassroots organization, with a
  // re-parenting between the two.
  const mgmt = s.orgs.filter((o) => isManagement(o.category));
  const grassroots = s.orgs.filter((o) => o.category === "committee" || o.category === "generalBranch");
  let nextId = Math.max(...s.orgs.map((o) => o.id)) + 1;
  for (let i = int(0, 3); i > 0; i--) {
    const underGrassroots = grassroots.length > 0 && int(0, 1) === 0;
    const parent = underGrassroots ? pick(grassroots) : pick(mgmt);
    const id = nextId++;
    out.orgs.push({
      id,
      code: `Q${id}`,
      name: `单独建${id}`,
      category: "branch",
      parentId: parent.id,
      regionId: null,
      formationMode: "standalone",
      foundedOn: day(),
      revokedOn: int(0, 3) === 0 ? "2023-01-01" : null,
    });
    if (int(0, 1) === 0) {
      const other = underGrassroots ? pick(mgmt) : grassroots.length > 0 ? pick(grassroots) : pick(mgmt);
      if (other.id !== parent.id)
        out.reparentings.push({
          orgId: id,
          fromParentId: other.id,
          toParentId: parent.id,
          effectiveOn: day(),
        });
    }
  }
  return out;
}

describe("the quality warnings of a report's checks", () => {
  it("are the domain's rules over the full records on random cities: every management node, every year", async () => {
    let compared = 0;
    let warnings = 0;
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.gen(),
        fc.record({
          jointCap: fc.integer({ min: 1, max: 3 }),
          instructorCap: fc.integer({ min: 1, max: 2 }),
        }),
        async (g, caps) => {
          const { b, mgmt } = genCity(g);
          const snapshot = withQualityCases(b.snapshot(), g);
          const policy: Policy = { ...DEFAULT_POLICY, ...caps };
          const db = openTestDb();
          try {
            await writeSeedData(db, rowsOf(snapshot, policy), "2026-01-01T00:00:00Z");
            const full = await loadSnapshot(db);
            for (const year of [2020, 2021, 2022, 2023, 2024])
              for (const { id } of mgmt) {
                const checks = await leanChecks(db, id, year);
                if (!checks) continue;
                const expected = referenceWarnings(full, id, year, policy);
                expect(quality(checks), `${year} node ${id}`).toEqual(expected);
                compared++;
                warnings += expected.length;
                for (const c of expected) codes.add(c.code);
              }
          } finally {
            db.$client.close();
          }
        },
      ),
      { numRuns: 12 },
    );
    expect(compared).toBeGreaterThan(150);
    expect(warnings).toBeGreaterThan(50);
    expect([...codes].sort()).toEqual([...QUALITY].sort());
  }, 240_000);

  it("are those of the full records on the demo with a case of each, city and townships, SQLite and PostgreSQL", async () => {
    const db = openTestDb();
    await seedDemo(db, { today: DEMO_DAY });
    const year = 2025;
    const d = yearEnd(year);
    const policy = policyAsOf(await loadPolicyVersions(db), d).params;
    const city = (await selectValue<number>(db, sql`select id from orgs where parent_id is null`))!;
    // The township account's node, and another township with hosts.
    const t1 = (await selectValue<number>(db, sql`select org_id from users where username = 'township'`))!;
    const t2 = (await selectValue<number>(
      db,
      sql`select o.id from orgs o where o.category = 'townshipCommittee' and o.id <> ${t1} and o.region_id is not null
          and exists (select 1 from hosts h where h.region_id = o.region_id) order by o.id limit 1`,
    ))!;
    /** Hosts of a township's territory operating and covered by no one on the year end. */
    const uncovered = (node: number, n: number) =>
      selectAll<{ id: number }>(
        db,
        sql`select h.id from hosts h join regions r on r.id = h.region_id
            join regions nr on nr.id = (select region_id from orgs where id = ${node})
            where r.path >= nr.path and r.path < nr.path || '~'
              and h.founded_on <= ${d} and (h.closed_on is null or h.closed_on > ${d})
              and not exists (select 1 from coverages c where c.host_id = h.id)
              and not exists (select 1 from assignments a where a.host_id = h.id)
            order by h.id limit ${n}`,
      ).then((rows) => rows.map((r) => r.id));
    const stamp = "2025-01-01T00:00:00Z";
    const addOrg = async (o: {
      code: string;
      name: string;
      category: OrgCategory;
      parentId: number;
      mode: string;
      foundedOn: string;
      revokedOn?: string;
    }): Promise<number> => {
      const parent = (await selectOne<{ path: string; depth: number }>(
        db,
        sql`select path, depth from orgs where id = ${o.parentId}`,
      ))!;
      const { lastInsertRowid: id } = await execute(
        db,
        sql`insert into orgs (code, name, category, parent_id, path, depth, formation_mode, founded_on, revoked_on, created_at)
            values (${o.code}, ${o.name}, ${o.category}, ${o.parentId}, ${"/"}, ${parent.depth + 1}, ${o.mode},
                    ${o.foundedOn}, ${o.revokedOn ?? null}, ${stamp})`,
      );
      await execute(db, sql`update orgs set path = ${`${parent.path}${id}/`} where id = ${id}`);
      return Number(id);
    };
    const cover = (hostId: number, orgId: number, startOn: string, endOn: string | null = null) =>
      execute(
        db,
        sql`insert into coverages (host_id, org_id, start_on, end_on) values (${hostId}, ${orgId}, ${startOn}, ${endOn})`,
      );
    const reparent = (orgId: number, from: number, to: number, on: string) =>
      execute(
        db,
        sql`insert into org_reparentings (org_id, from_parent_id, to_parent_id, effective_on, created_at)
            values (${orgId}, ${from}, ${to}, ${on}, ${stamp})`,
      );

    const inT1 = await uncovered(t1, 3);
    const inT2 = await uncovered(t2, policy.jointCap + policy.instructorCap + 2);
    expect(inT1).toHaveLength(3);
    expect(inT2).toHaveLength(policy.jointCap + policy.instructorCap + 2);
    const [h1, h1b, h1c] = inT1 as [number, number, number];

    // A joint organization of the second township over its cap, one of its hosts in the first's territory
    // (the first township's report names it with all its hosts); a coverage ended and one to come not counted.
    const joint = await addOrg({
      code: "QJ1",
      name: "中共校核测试联合支部委员会",
      category: "jointBranch",
      parentId: t2,
      mode: "joint",
      foundedOn: "2025-01-01",
    });
    const jointHosts = [h1, ...inT2.slice(0, policy.jointCap)];
    for (const h of jointHosts) await cover(h, joint, "2025-03-01");
    await cover(inT2[policy.jointCap]!, joint, "2025-01-01", "2025-06-01");
    await cover(inT2[policy.jointCap]!, joint, "2026-01-01");

    // An instructor over his cap, one host in the first township, one host assigned twice, one no longer.
    const { lastInsertRowid: instructor } = await execute(
      db,
      sql`insert into instructors (number, name, kind, registered_by_id, created_at)
          values (${"ZD-QC-01"}, ${"校核测试指导员"}, ${"fullTime"}, ${t2}, ${stamp})`,
    );
    const assigned = [h1b, ...inT2.slice(policy.jointCap + 1, policy.jointCap + 1 + policy.instructorCap)];
    const assign = (hostId: number, startOn: string, endOn: string | null = null) =>
      execute(
        db,
        sql`insert into assignments (instructor_id, host_id, start_on, end_on)
            values (${instructor}, ${hostId}, ${startOn}, ${endOn})`,
      );
    for (const h of assigned) await assign(h, "2025-02-01");
    await assign(assigned[1]!, "2025-04-01");
    await assign(inT2.at(-1)!, "2024-01-01", "2025-12-31");

    // Standalone organizations of the first township: without a host (warned); revoked (not); whose coverage
    // ended on 31 December (warned); under a grassroots organization on 31 December and re-parented since
    // (not); under one today but under the township on 31 December (warned).
    const committee = (await selectValue<number>(
      db,
      sql`select o.id from orgs o join orgs t on t.id = ${t1}
          where o.category = 'committee' and o.path >= t.path and o.path < t.path || '~'
            and o.founded_on <= ${d} and o.revoked_on is null order by o.id limit 1`,
    ))!;
    expect(committee).toBeGreaterThan(0);
    const standalone = (code: string, parentId: number, extra: { revokedOn?: string } = {}) =>
      addOrg({
        code,
        name: `中共校核测试${code}支部委员会`,
        category: "branch",
        parentId,
        mode: "standalone",
        foundedOn: "2025-01-01",
        ...extra,
      });
    await standalone("QS1", t1);
    await standalone("QS2", t1, { revokedOn: "2025-06-01" });
    const s3 = await standalone("QS3", t1);
    await cover(h1c, s3, "2025-02-01", d);
    const s4 = await standalone("QS4", t1);
    await reparent(s4, committee, t1, "2026-03-01");
    const s5 = await standalone("QS5", committee);
    await reparent(s5, t1, committee, "2026-03-01");

    const full = await loadSnapshot(db);
    const nodes = [city, t1, t2];
    const onSqlite = new Map<number, ReportCheck[]>();
    for (const node of nodes) {
      const comp = new ReportComputer(db);
      const report = await comp.live(node, year);
      const lean = await comp.checks(report, year);
      expect(lean, `node ${node}`).toEqual(await fullChecks(db, node, year));
      expect(quality(lean), `node ${node}`).toEqual(referenceWarnings(full, node, year, policy));
      // A computer that neither counted the report nor loaded the year reads the trees itself.
      expect(await new ReportComputer(db).checks(report, year), `node ${node}`).toEqual(lean);
      onSqlite.set(node, lean);
    }
    const messages = (node: number, code: string) =>
      quality(onSqlite.get(node)!)
        .filter((c) => c.code === code)
        .map((c) => c.message);
    const jointMessage = `联合建党组织“中共校核测试联合支部委员会”在${d}覆盖${policy.jointCap + 1}个两新组织`;
    const instructorMessage = `党建工作指导员“ZD-QC-01”在${d}联系${policy.instructorCap + 1}个两新组织`;
    for (const node of nodes) {
      expect(messages(node, "JOINT_OVER_CAP").filter((m) => m.includes(jointMessage))).toHaveLength(1);
      expect(messages(node, "INSTRUCTOR_OVER_CAP").filter((m) => m.includes(instructorMessage))).toHaveLength(
        1,
      );
    }
    const standaloneWarned = (node: number) =>
      messages(node, "STANDALONE_WITHOUT_HOST")
        .map((m) => m.match(/中共校核测试(QS\d)支部委员会/)?.[1])
        .filter((c) => c !== undefined);
    expect(standaloneWarned(t1)).toEqual(["QS1", "QS3", "QS5"]);
    expect(standaloneWarned(city)).toEqual(["QS1", "QS3", "QS5"]);
    expect(standaloneWarned(t2)).toEqual([]);

    // PostgreSQL answers the same checks.
    const pg = pgliteDb((await openTestPglite()).$client);
    await copyInto(db, pg);
    db.$client.close();
    for (const node of nodes)
      expect(await leanChecks(pg, node, year), `node ${node} on PostgreSQL`).toEqual(onSqlite.get(node));
  }, 240_000);
});
