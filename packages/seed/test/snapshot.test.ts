import { DEFAULT_POLICY, policyAsOf } from "@liangxin/domain";
import { asc } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import * as s from "@liangxin/db/schema";
import { seedDemo } from "../src/demo.ts";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";

let db: Db;

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db);
});

describe("loadSnapshot", () => {
  it("maps every table to the domain's plain records with the same values as the schema", async () => {
    const snap = await loadSnapshot(db);
    const pick = <T extends object, K extends keyof T>(row: T, keys: readonly K[]) =>
      Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;

    const orgs = await db.select().from(s.orgs).orderBy(asc(s.orgs.id));
    expect(snap.orgs).toEqual(
      orgs.map((o) =>
        pick(o, [
          "id",
          "code",
          "name",
          "category",
          "parentId",
          "regionId",
          "formationMode",
          "foundedOn",
          "revokedOn",
        ]),
      ),
    );
    const hosts = await db.select().from(s.hosts).orderBy(asc(s.hosts.id));
    expect(snap.hosts).toEqual(
      hosts.map((h) =>
        pick(h, [
          "id",
          "creditCode",
          "name",
          "kind",
          "regionId",
          "foundedOn",
          "closedOn",
          "unionOn",
          "youthLeagueOn",
          "womenOn",
        ]),
      ),
    );
    const rels = await db.select().from(s.memberRelationships).orderBy(asc(s.memberRelationships.id));
    expect(snap.relationships).toEqual(rels.map((r) => pick(r, ["memberId", "orgId", "startOn", "endOn"])));
    const reps = await db.select().from(s.orgReparentings);
    expect(snap.reparentings).toEqual(
      expect.arrayContaining(
        reps.map((r) => pick(r, ["orgId", "fromParentId", "toParentId", "effectiveOn"])),
      ),
    );
    expect(snap.regions[0]).toEqual({ id: 1, code: "369900", name: "清源市", level: "city", parentId: null });
    expect(snap.members.every((m) => typeof m.joinedOn === "string" && "fullOn" in m)).toBe(true);
    expect(snap.hostYears.some((y) => y.revenueFen === null)).toBe(true);
    expect(snap.dualLinks.length).toBeGreaterThan(0);
    // Plain records: no snake_case keys anywhere.
    for (const list of Object.values(snap)) {
      for (const key of Object.keys((list as object[])[0] ?? {})) expect(key).not.toContain("_");
    }
  });

  it("reads a whole city quickly, one statement per table", async () => {
    const t0 = performance.now();
    const snap = await loadSnapshot(db);
    const ms = performance.now() - t0;
    expect(snap.hosts.length).toBeGreaterThanOrEqual(2000);
    expect(ms).toBeLessThan(1000);
  });

  it("loads policy versions oldest first, filling keys a stored version lacks from the defaults", async () => {
    await db.insert(s.policies).values({
      effectiveOn: "2025-01-01",
      params: { aboveScaleEmployees: 80, termYears: { branch: 5 } },
      note: "试行",
    });
    const versions = await loadPolicyVersions(db);
    expect(versions.map((v) => v.effectiveOn)).toEqual(["2020-01-01", "2025-01-01"]);
    const v2025 = policyAsOf(versions, "2025-12-31").params;
    expect(v2025.aboveScaleEmployees).toBe(80);
    expect(v2025.termYears).toEqual({ ...DEFAULT_POLICY.termYears, branch: 5 });
    expect(v2025.meetingsPerYear).toEqual(DEFAULT_POLICY.meetingsPerYear);
    expect(policyAsOf(versions, "2024-12-31").params).toEqual(DEFAULT_POLICY);
  });
});
