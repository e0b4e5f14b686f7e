/**
 * Issue 15, finding 3: foreign keys through scope. A host, organization or person a caller names by id
 * must be in the caller's sets (editable or reference, as fits the field), else NOT_FOUND exactly as for a
 * missing id — so that neither the answer (400 vs 404) nor what the record shows afterwards (a foreign
 * host's name on a member's page, an instructor handed to another chain) reveals other areas' records.
 * The exception a secretary needs: a member's workplace, an instructor's dispatcher (and the other side of
 * a transfer or a dual-management link) may be given by its exact key — 统一社会信用代码 or 组织代码 —
 * resolved on the server and audited as a lookup.
 */
import { createHash } from "node:crypto";
import { createUser } from "@liangxin/db/auth";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { seedDemo } from "@liangxin/seed/demo";
import { withCitizenIdCheckChar } from "@liangxin/domain";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context.ts";
import { createCaller } from "../src/root.ts";
import { TODAY } from "./fixtures-views.ts";

const NONE = 99_999_999;

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
const WRITTEN = [
  "members",
  "member_relationships",
  "member_workplaces",
  "instructors",
  "transfers",
  "dual_links",
  "audit_log",
];

/** The error of a call (a TRPCError), or "ok". */
async function outcome(p: Promise<unknown>): Promise<{ code: string; message: string } | "ok"> {
  try {
    await p;
    return "ok";
  } catch (e) {
    if (e instanceof TRPCError) return { code: e.code, message: e.message };
    throw e;
  }
}

const lookups = (action: string, username: string, entityId: number) =>
  value(
    "select count(*) from audit_log where action = ? and username = ? and entity_id = ?",
    action,
    username,
    String(entityId),
  );

let seq = 0;
const person = () => ({
  idNumber: withCitizenIdCheckChar(`36992119900101${String(100 + seq++)}`),
  name: "测试党员",
  gender: "male" as const,
  joinedOn: "2015-07-01",
  fullOn: "2016-07-01",
});

let ids: {
  branchOrg: number;
  /** A host of 石桥镇 covered by the branch's joint branch: the branch sees it (reference). */
  crossHost: number;
  /** An operating host of 青山县: nobody in 清河县 sees it. */
  foreignHost: number;
  foreignHostCode: string;
  foreignHostName: string;
  qingshan: number;
  qingshanCode: string;
  township: number;
  county: number;
  countyCode: string;
  /** A grassroots organization of 石桥镇 (outside 柳林镇's sets) and its code. */
  shiqiaoBranch: number;
  shiqiaoBranchCode: string;
  /** A regional organization of 石桥镇 and its code; a standalone organization of 柳林镇 to link to it. */
  regional: number;
  regionalCode: string;
  linkable: number;
  /** A normal member of 柳林镇 with no pending transfer. */
  liulinMember: number;
};

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db, { pastReports: false });
  const qingshan = value<number>("select id from orgs where name like '%青山县委%'");
  await createUser(db, {
    username: "qingshan",
    displayName: "青山县管理员",
    password: "Demo@2026",
    role: "admin",
    orgCode: value<string>("select code from orgs where id = ?", qingshan),
  });
  const branchOrg = value<number>("select org_id from users where username = 'branch'");
  const foreignHost = value<number>(
    `select h.id from hosts h join regions r on r.id = h.region_id where r.path like '/1/13/%'
     and h.closed_on is null and h.founded_on < '2026-01-01' order by h.id limit 1`,
  );
  ids = {
    branchOrg,
    crossHost: value(
      `select c.host_id from coverages c where c.org_id = ? and c.end_on is null order by c.host_id limit 1`,
      branchOrg,
    ),
    foreignHost,
    foreignHostCode: value("select credit_code from hosts where id = ?", foreignHost),
    foreignHostName: value("select name from hosts where id = ?", foreignHost),
    qingshan,
    qingshanCode: value("select code from orgs where id = ?", qingshan),
    township: value("select org_id from users where username = 'township'"),
    county: value("select org_id from users where username = 'county'"),
    countyCode: value(
      "select o.code from users u join orgs o on o.id = u.org_id where u.username = 'county'",
    ),
    shiqiaoBranch: value("select id from orgs where name like '%石桥镇石桥村支部委员会'"),
    shiqiaoBranchCode: value("select code from orgs where name like '%石桥镇石桥村支部委员会'"),
    regional: value("select id from orgs where name = '中共石桥镇工业集中区区域支部委员会'"),
    regionalCode: value("select code from orgs where name = '中共石桥镇工业集中区区域支部委员会'"),
    linkable: value(
      `select id from orgs where path like '/1/7/9/%' and category in ('committee','generalBranch','branch','jointBranch')
       and formation_mode = 'standalone' and revoked_on is null order by id limit 1`,
    ),
    liulinMember: value(
      `select m.id from members m join orgs o on o.id = m.org_id where o.path like '/1/7/9/%' and m.status = 'normal'
       and not exists (select 1 from transfers t where t.member_id = m.id and t.state = 'pending') order by m.id limit 1`,
    ),
  };
});

describe("a member's workplace (records.member.create / update)", () => {
  it("by id: a host the caller sees is taken", async () => {
    const row = await caller("branch").records.member.create({
      ...person(),
      orgId: ids.branchOrg,
      workHostId: ids.crossHost,
    });
    expect(row.workHostId).toBe(ids.crossHost);
  });

  it("by id: another area's host answers NOT_FOUND exactly like a missing id, and nothing is written", async () => {
    const before = hash(...WRITTEN);
    const foreign = await outcome(
      caller("branch").records.member.create({
        ...person(),
        orgId: ids.branchOrg,
        workHostId: ids.foreignHost,
      }),
    );
    const missing = await outcome(
      caller("branch").records.member.create({ ...person(), orgId: ids.branchOrg, workHostId: NONE }),
    );
    expect(foreign).toEqual({ code: "NOT_FOUND", message: "记录不存在" });
    expect(missing).toEqual(foreign);
    expect(hash(...WRITTEN)).toBe(before);
  });

  it("by its exact credit code: any operating host of the city, the name shown, audited as host.lookup", async () => {
    const audited = lookups("host.lookup", "branch", ids.foreignHost);
    const row = await caller("branch").records.member.create({
      ...person(),
      orgId: ids.branchOrg,
      workHostCreditCode: ids.foreignHostCode.toLowerCase(),
    });
    expect(row.workHostId).toBe(ids.foreignHost);
    const shown = await caller("branch").members.get({ id: row.id });
    expect(JSON.stringify(shown)).toContain(ids.foreignHostName);
    expect(lookups("host.lookup", "branch", ids.foreignHost)).toBe(audited + 1);
    // A code of no host: not found, nothing written.
    const before = hash(...WRITTEN);
    expect(
      await outcome(
        caller("branch").records.member.create({
          ...person(),
          orgId: ids.branchOrg,
          workHostCreditCode: "91369900MA0000000H",
        }),
      ),
    ).toEqual({ code: "NOT_FOUND", message: "记录不存在" });
    expect(hash(...WRITTEN)).toBe(before);
  });

  it("update: another area's host by id is NOT_FOUND and changes nothing; by credit code it is taken", async () => {
    const member = await caller("branch").records.member.create({ ...person(), orgId: ids.branchOrg });
    const before = hash(...WRITTEN);
    const foreign = await outcome(
      caller("branch").records.member.update({
        id: member.id,
        version: member.version,
        workHostId: ids.foreignHost,
      }),
    );
    const missing = await outcome(
      caller("branch").records.member.update({ id: member.id, version: member.version, workHostId: NONE }),
    );
    expect(foreign).toEqual({ code: "NOT_FOUND", message: "记录不存在" });
    expect(missing).toEqual(foreign);
    expect(hash(...WRITTEN)).toBe(before);
    const updated = await caller("branch").records.member.update({
      id: member.id,
      version: member.version,
      workHostCreditCode: ids.foreignHostCode,
      workSince: "2024-03-01",
    });
    expect(updated.workHostId).toBe(ids.foreignHost);
    expect(
      value("select host_id from member_workplaces where member_id = ? and end_on is null", member.id),
    ).toBe(ids.foreignHost);
  });
});

describe("an instructor's dispatcher (records.instructor.create / update)", () => {
  const instructor = (n: string) => ({
    number: `ZDY-FK-${n}`,
    name: "测试指导员",
    kind: "partTime" as const,
  });

  it("by id: an organization of the caller's sets is taken", async () => {
    const row = await caller("township").records.instructor.create({
      ...instructor("own"),
      dispatchOrgId: ids.township,
    });
    expect(row.dispatchOrgId).toBe(ids.township);
  });

  it("by id: another area's organization answers NOT_FOUND like a missing id; its chain gains nothing", async () => {
    const before = hash(...WRITTEN);
    const foreign = await outcome(
      caller("township").records.instructor.create({ ...instructor("far"), dispatchOrgId: ids.qingshan }),
    );
    const missing = await outcome(
      caller("township").records.instructor.create({ ...instructor("none"), dispatchOrgId: NONE }),
    );
    expect(foreign).toEqual({ code: "NOT_FOUND", message: "记录不存在" });
    expect(missing).toEqual(foreign);
    // The superior's node is named beside the caller's records, not one of its sets: by code only.
    expect(
      await outcome(
        caller("township").records.instructor.create({ ...instructor("up"), dispatchOrgId: ids.county }),
      ),
    ).toEqual(foreign);
    expect(hash(...WRITTEN)).toBe(before);

    const own = await caller("township").records.instructor.create({
      ...instructor("upd"),
      dispatchOrgName: "清河县商务局",
    });
    const before2 = hash(...WRITTEN);
    expect(
      await outcome(
        caller("township").records.instructor.update({
          id: own.id,
          version: own.version,
          dispatchOrgId: ids.qingshan,
        }),
      ),
    ).toEqual(foreign);
    expect(hash(...WRITTEN)).toBe(before2);
    expect(await outcome(caller("qingshan").instructors.get({ id: own.id }))).toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("by its exact 组织代码: any organization of the city, audited as org.lookup", async () => {
    const audited = lookups("org.lookup", "township", ids.county);
    const row = await caller("township").records.instructor.create({
      ...instructor("code"),
      dispatchOrgCode: ids.countyCode,
    });
    expect(row.dispatchOrgId).toBe(ids.county);
    expect(row.dispatchOrgName).toBeNull();
    expect(lookups("org.lookup", "township", ids.county)).toBe(audited + 1);
    const updated = await caller("township").records.instructor.update({
      id: row.id,
      version: row.version,
      dispatchOrgCode: ids.qingshanCode,
    });
    expect(updated.dispatchOrgId).toBe(ids.qingshan);
    expect(lookups("org.lookup", "township", ids.qingshan)).toBe(1);
    // A code of no organization: not found.
    expect(
      await outcome(
        caller("township").records.instructor.create({
          ...instructor("nocode"),
          dispatchOrgCode: "G000000000",
        }),
      ),
    ).toEqual({ code: "NOT_FOUND", message: "记录不存在" });
  });
});

describe("the other side of a transfer and of a dual-management link", () => {
  it("a receiving organization outside the caller's sets by id: NOT_FOUND like a missing one; by 组织代码: requested, audited", async () => {
    const before = hash(...WRITTEN);
    const foreign = await outcome(
      caller("township").records.transfer.request({
        memberId: ids.liulinMember,
        toOrgId: ids.shiqiaoBranch,
        effectiveOn: TODAY,
      }),
    );
    const missing = await outcome(
      caller("township").records.transfer.request({
        memberId: ids.liulinMember,
        toOrgId: NONE,
        effectiveOn: TODAY,
      }),
    );
    expect(foreign).toEqual({ code: "NOT_FOUND", message: "记录不存在" });
    expect(missing).toEqual(foreign);
    expect(hash(...WRITTEN)).toBe(before);
    const t = await caller("township").records.transfer.request({
      memberId: ids.liulinMember,
      toOrgCode: ids.shiqiaoBranchCode,
      effectiveOn: TODAY,
    });
    expect(t.toOrgId).toBe(ids.shiqiaoBranch);
    expect(lookups("org.lookup", "township", ids.shiqiaoBranch)).toBe(1);
  });

  it("a regional organization outside the caller's sets by id: NOT_FOUND like a missing one; by 组织代码: linked, audited", async () => {
    const before = hash(...WRITTEN);
    const foreign = await outcome(
      caller("township").records.dualLink.set({
        orgId: ids.linkable,
        regionalOrgId: ids.regional,
        startOn: TODAY,
      }),
    );
    const missing = await outcome(
      caller("township").records.dualLink.set({ orgId: ids.linkable, regionalOrgId: NONE, startOn: TODAY }),
    );
    expect(foreign).toEqual({ code: "NOT_FOUND", message: "记录不存在" });
    expect(missing).toEqual(foreign);
    expect(hash(...WRITTEN)).toBe(before);
    const link = await caller("township").records.dualLink.set({
      orgId: ids.linkable,
      regionalOrgCode: ids.regionalCode,
      startOn: TODAY,
    });
    expect(link.regionalOrgId).toBe(ids.regional);
    expect(lookups("org.lookup", "township", ids.regional)).toBe(1);
  });
});

describe("orgs.lookup", () => {
  it("is audited like hosts.lookup (org.lookup, by the caller)", async () => {
    const before = lookups("org.lookup", "branch", ids.shiqiaoBranch);
    const found = await caller("branch").orgs.lookup({ code: ids.shiqiaoBranchCode });
    expect(found.name).toContain("石桥村");
    expect(lookups("org.lookup", "branch", ids.shiqiaoBranch)).toBe(before + 1);
  });
});
