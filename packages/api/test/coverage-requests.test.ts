/**
 * Issue 15, finding 4: coverage across a boundary is a request. A host of the caller's own territory is
 * covered directly (records.coverage.set, as before); any other host — for a branch secretary or a 行业党委
 * every host — is proposed (records.coverageRequest.propose, the host by its exact credit code) and takes
 * effect only when the host's territory administrator (the township-level administrator of the host's
 * region, or a common superior) accepts it; the acceptance writes the coverage through the same command
 * and its checks. Before, coverage.set only checked that the host existed: a branch could cover any
 * uncovered host of the city, change another area's figures and gain a view of the host.
 */
import { createHash } from "node:crypto";
import { createUser } from "@liangxin/db/auth";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { seedDemo } from "@liangxin/seed/demo";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context.ts";
import { createCaller } from "../src/root.ts";
import { TODAY } from "./fixtures-views.ts";

let db: Db;
const value = <T = number>(sql: string, ...p: unknown[]): T => {
  const v = db.$client
    .prepare(sql)
    .pluck()
    .get(...p) as T | undefined;
  if (v === undefined) throw new Error(`fixture missing: ${sql}`);
  return v;
};
const caller = (username: string) =>
  createCaller(
    createContext({ db, userId: value("select id from users where username = ?", username), today: TODAY }),
  );
const hash = (...tables: string[]) =>
  createHash("sha256")
    .update(
      JSON.stringify(
        tables.map((t) => db.$client.prepare(`select * from ${t} order by rowid`).raw(true).all()),
      ),
    )
    .digest("hex");

async function outcome(p: Promise<unknown>): Promise<{ code: string; message: string } | "ok"> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof TRPCError) return { code: e.code, message: e.message };
    throw e;
  }
}

/** Operating hosts of a township (by name) covered by nobody from today on. */
const uncoveredIn = (township: string, n: number): number[] =>
  db.$client
    .prepare(
      `select h.id from hosts h join regions r on r.id = h.region_id where r.name = ? and h.closed_on is null
       and h.founded_on < '2026-01-01' and not exists (select 1 from coverages c where c.host_id = h.id
         and (c.end_on is null or c.end_on > ?)) order by h.id limit ?`,
    )
    .pluck()
    .all(township, TODAY, n) as number[];
const codeOf = (hostId: number) => value<string>("select credit_code from hosts where id = ?", hostId);
const nameOf = (hostId: number) => value<string>("select name from hosts where id = ?", hostId);
const coveringOf = (hostId: number) =>
  db.$client
    .prepare("select org_id from coverages where host_id = ? and (end_on is null or end_on > ?)")
    .pluck()
    .all(hostId, TODAY) as number[];

let branchOrg: number;
let shiqiaoNode: number;
/** Uncovered hosts of 石桥镇 (township B), of 柳林镇 (township A, the branch's) and of 青山县 (another county). */
let bHosts: number[];
let aHost: number;
let farHost: number;

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db, { pastReports: false });
  for (const [username, like] of [
    ["shiqiao", "%石桥镇委员会"],
    ["qingshan", "%青山县委%"],
  ] as const)
    await createUser(db, {
      username,
      displayName: username,
      password: "Demo@2026",
      role: "admin",
      orgCode: value<string>("select code from orgs where name like ?", like),
    });
  branchOrg = value("select org_id from users where username = 'branch'");
  shiqiaoNode = value("select org_id from users where username = 'shiqiao'");
  bHosts = uncoveredIn("石桥镇", 4);
  aHost = uncoveredIn("柳林镇", 1)[0]!;
  farHost = value(
    `select h.id from hosts h join regions r on r.id = h.region_id where r.path like '/1/13/%' and h.closed_on is null
     and h.founded_on < '2026-01-01' and not exists (select 1 from coverages c where c.host_id = h.id) order by h.id limit 1`,
  );
  expect(bHosts).toHaveLength(4);
});

describe("records.coverage.set covers only hosts of the caller's own territory", () => {
  it("a branch secretary cannot cover another township's or county's host: not found, nothing written", async () => {
    const before = hash("coverages", "audit_log");
    for (const hostId of [bHosts[0]!, farHost, aHost])
      expect(
        await outcome(caller("branch").records.coverage.set({ hostId, orgId: branchOrg, startOn: TODAY })),
      ).toEqual({ code: "NOT_FOUND", message: "记录不存在" });
    expect(hash("coverages", "audit_log")).toBe(before);
  });

  it("nor can a township administrator with its joint branch on another township's host, nor a 行业党委", async () => {
    const before = hash("coverages", "audit_log");
    expect(
      await outcome(
        caller("township").records.coverage.set({ hostId: bHosts[0]!, orgId: branchOrg, startOn: TODAY }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    const industryJoint = value(
      `select id from orgs where path like (select o.path from users u join orgs o on o.id = u.org_id
         where u.username = 'industry') || '%' and formation_mode = 'joint' and revoked_on is null order by id limit 1`,
    );
    expect(
      await outcome(
        caller("industry").records.coverage.set({ hostId: aHost, orgId: industryJoint, startOn: TODAY }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
    expect(hash("coverages", "audit_log")).toBe(before);
  });

  it("a host of the caller's own territory is covered directly, as before", async () => {
    const own = uncoveredIn("柳林镇", 2)[1]!;
    const r = await caller("township").records.coverage.set({
      hostId: own,
      orgId: branchOrg,
      startOn: TODAY,
    });
    expect(r.coverage).toMatchObject({ hostId: own, orgId: branchOrg });
  });
});

describe("records.coverageRequest: propose, list on both sides, accept or reject with a reason", () => {
  let requestId: number;

  it("the branch proposes covering a host of another township by its credit code: nothing is covered yet", async () => {
    const before = hash("coverages");
    const r = await caller("branch").records.coverageRequest.propose({
      orgId: branchOrg,
      hostCreditCode: codeOf(bHosts[0]!),
      startOn: TODAY,
      reason: "区域相邻、行业相近,纳入联合支部",
    });
    requestId = r.id;
    expect(r.state).toBe("pending");
    expect(hash("coverages")).toBe(before);
    expect(coveringOf(bHosts[0]!)).toEqual([]);
    expect(value("select count(*) from audit_log where action = 'coverageRequest.propose'")).toBe(1);
    expect(
      value(
        "select count(*) from audit_log where action = 'host.lookup' and username = 'branch' and entity_id = ?",
        String(bHosts[0]!),
      ),
    ).toBe(1);
    // The same proposal twice, while the first waits: refused.
    expect(
      await outcome(
        caller("branch").records.coverageRequest.propose({
          orgId: branchOrg,
          hostCreditCode: codeOf(bHosts[0]!),
          startOn: TODAY,
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lists on both sides: the proposer's own, and the host's township administrator's to decide (also in 待办)", async () => {
    const mine = await caller("branch").records.coverageRequest.list();
    expect(mine.made.find((r) => r.id === requestId)).toMatchObject({
      hostName: nameOf(bHosts[0]!),
      state: "pending",
      canDecide: false,
    });
    expect(mine.waiting.some((r) => r.id === requestId)).toBe(false);
    const theirs = await caller("shiqiao").records.coverageRequest.list();
    expect(theirs.waiting.find((r) => r.id === requestId)).toMatchObject({
      hostName: nameOf(bHosts[0]!),
      orgName: "中共柳林镇非公企业第一联合支部委员会",
      state: "pending",
      canDecide: true,
    });
    const inbox = await caller("shiqiao").work.inbox();
    expect(inbox.find((i) => i.kind === "coverageRequestAwaiting" && i.refId === requestId)).toMatchObject({
      subject: nameOf(bHosts[0]!),
      href: "/coverage-requests",
    });
    // Another county sees nothing of it and cannot decide it.
    const far = await caller("qingshan").records.coverageRequest.list();
    expect([...far.made, ...far.waiting].some((r) => r.id === requestId)).toBe(false);
    expect(await outcome(caller("qingshan").records.coverageRequest.accept({ id: requestId }))).toEqual({
      code: "NOT_FOUND",
      message: "记录不存在",
    });
    // The proposer does not decide its own proposal.
    expect(await outcome(caller("branch").records.coverageRequest.accept({ id: requestId }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(
      (await caller("qingshan").work.inbox()).some(
        (i) => i.kind === "coverageRequestAwaiting" && i.refId === requestId,
      ),
    ).toBe(false);
  });

  it("the township administrator accepts: the coverage is written and audited, the figures count it, the branch sees the host", async () => {
    const covered = async () =>
      (await caller("shiqiao").records.indicators.node({ nodeId: shiqiaoNode, asOf: TODAY })).indicators
        .orgCovered;
    const before = await covered();
    await expect(caller("branch").hosts.get({ id: bHosts[0]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const r = await caller("shiqiao").records.coverageRequest.accept({ id: requestId });
    expect(r.state).toBe("accepted");
    expect(coveringOf(bHosts[0]!)).toEqual([branchOrg]);
    expect(await covered()).toBe(before! + 1);
    expect(
      value("select count(*) from audit_log where action = 'coverage.set' and username = 'shiqiao'"),
    ).toBe(1);
    expect(value("select count(*) from audit_log where action = 'coverageRequest.accept'")).toBe(1);
    expect((await caller("branch").hosts.get({ id: bHosts[0]! })).access).toBe("reference");
    const mine = await caller("branch").records.coverageRequest.list();
    expect(mine.made.find((x) => x.id === requestId)).toMatchObject({ state: "accepted" });
    // Decided once: not again.
    expect(await outcome(caller("shiqiao").records.coverageRequest.accept({ id: requestId }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await caller("shiqiao").work.inbox()).some((i) => i.kind === "coverageRequestAwaiting")).toBe(
      false,
    );
  });

  it("acceptance runs the coverage checks of the write command: a host covered meanwhile is refused, nothing written", async () => {
    const { id } = await caller("branch").records.coverageRequest.propose({
      orgId: branchOrg,
      hostCreditCode: codeOf(bHosts[1]!),
      startOn: TODAY,
    });
    const own = value(
      `select id from orgs where path like (select path from orgs where id = ?) || '%'
       and formation_mode in ('joint','regional','grid') and revoked_on is null order by id limit 1`,
      shiqiaoNode,
    );
    await caller("shiqiao").records.coverage.set({ hostId: bHosts[1]!, orgId: own, startOn: TODAY });
    const before = hash("coverages", "coverage_requests", "audit_log");
    expect(await outcome(caller("shiqiao").records.coverageRequest.accept({ id }))).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(hash("coverages", "coverage_requests", "audit_log")).toBe(before);
    expect(coveringOf(bHosts[1]!)).toEqual([own]);
  });

  it("a rejection needs a reason, which the proposer reads", async () => {
    const { id } = await caller("branch").records.coverageRequest.propose({
      orgId: branchOrg,
      hostCreditCode: codeOf(bHosts[2]!),
      startOn: TODAY,
    });
    expect(
      await outcome(caller("shiqiao").records.coverageRequest.reject({ id, reason: "  " })),
    ).toMatchObject({ code: "BAD_REQUEST" });
    const r = await caller("shiqiao").records.coverageRequest.reject({
      id,
      reason: "该企业拟单独组建党支部",
    });
    expect(r.state).toBe("rejected");
    expect(coveringOf(bHosts[2]!)).toEqual([]);
    expect(value("select count(*) from audit_log where action = 'coverageRequest.reject'")).toBe(1);
    const mine = await caller("branch").records.coverageRequest.list();
    expect(mine.made.find((x) => x.id === id)).toMatchObject({
      state: "rejected",
      decisionReason: "该企业拟单独组建党支部",
    });
  });

  it("a common superior may decide: the county accepts its township branch's proposal for another township's host", async () => {
    const { id } = await caller("branch").records.coverageRequest.propose({
      orgId: branchOrg,
      hostCreditCode: codeOf(bHosts[3]!),
      startOn: TODAY,
    });
    expect((await caller("county").records.coverageRequest.list()).waiting.some((r) => r.id === id)).toBe(
      true,
    );
    // The proposer's own township administrator is no superior of the host's territory.
    expect(await outcome(caller("township").records.coverageRequest.accept({ id }))).toMatchObject({
      code: "NOT_FOUND",
    });
    await caller("county").records.coverageRequest.accept({ id });
    expect(coveringOf(bHosts[3]!)).toEqual([branchOrg]);
  });

  it("a host of the proposer's own territory is not proposed but covered directly; another area's organization does not exist", async () => {
    expect(
      await outcome(
        caller("township").records.coverageRequest.propose({
          orgId: branchOrg,
          hostCreditCode: codeOf(aHost),
          startOn: TODAY,
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
    const farOrg = value(
      "select id from orgs where path like '/1/13/%' and formation_mode = 'joint' and revoked_on is null order by id limit 1",
    );
    expect(
      await outcome(
        caller("branch").records.coverageRequest.propose({
          orgId: farOrg,
          hostCreditCode: codeOf(farHost),
          startOn: TODAY,
        }),
      ),
    ).toEqual({ code: "NOT_FOUND", message: "记录不存在" });
    // A host by id that the caller does not see: not found either (by credit code it could be named).
    expect(
      await outcome(
        caller("branch").records.coverageRequest.propose({
          orgId: branchOrg,
          hostId: farHost,
          startOn: TODAY,
        }),
      ),
    ).toEqual({ code: "NOT_FOUND", message: "记录不存在" });
  });
});
