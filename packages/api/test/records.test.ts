import { createHash } from "node:crypto";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { createUser } from "@liangxin/db/auth";
import { deleteMember } from "@liangxin/core/commands";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { cloneDb } from "@liangxin/db/queries";
import { withCitizenIdCheckChar } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context.ts";
import { appRouter, createCaller } from "../src/root.ts";

const TODAY = DEMO_TODAY;

/**
 * A database of the caller's own: a copy of the demo seeded once for the file (seeding is most of a
 * seed's cost; the copy is the same rows).
 */
async function setup(): Promise<Db> {
  return cloneDb(await (seededOnce ??= seed()));
}
let seededOnce: Promise<Db> | undefined;

async function seed(): Promise<Db> {
  const db = openTestDb();
  await seedDemo(db, { pastReports: false });
  // An administrator of 石桥镇 (township B): the joint branch of 柳林镇 (A) covers hosts of B.
  const shiqiao = db.$client
    .prepare("select code from orgs where name like '%石桥镇委员会'")
    .pluck()
    .get() as string;
  await createUser(db, {
    username: "shiqiao",
    displayName: "石桥镇管理员",
    password: "Demo@2026",
    role: "admin",
    orgCode: shiqiao,
  });
  return db;
}

function tools(db: Db) {
  const caller = (username: string) => {
    const userId = db.$client
      .prepare("select id from users where username = ?")
      .pluck()
      .get(username) as number;
    return createCaller(createContext({ db, userId, today: TODAY }));
  };
  const value = <T = number>(sql: string, ...p: unknown[]) =>
    db.$client
      .prepare(sql)
      .pluck()
      .get(...p) as T;
  const hash = (...tables: string[]) =>
    createHash("sha256")
      .update(
        JSON.stringify(
          tables.map((t) => db.$client.prepare(`select * from ${t} order by rowid`).raw(true).all()),
        ),
      )
      .digest("hex");
  return { caller, value, hash };
}

const ALL_WRITTEN = [
  "hosts",
  "host_years",
  "orgs",
  "org_reparentings",
  "coverages",
  "members",
  "member_relationships",
  "member_workplaces",
  "member_status_events",
  "transfers",
  "secretaries",
  "dual_links",
  "instructors",
  "assignments",
  "policies",
  "audit_log",
];

describe("a state change the rules forbid is refused with a Chinese message naming the rule; nothing changes", () => {
  let db: Db;
  let t: ReturnType<typeof tools>;
  beforeAll(async () => {
    db = await setup();
    t = tools(db);
  });

  it("a second host for a standalone organization", async () => {
    const covering = db.$client
      .prepare(
        `select c.org_id as orgId from coverages c join orgs o on o.id = c.org_id
         where o.formation_mode = 'standalone' and c.end_on is null order by c.id limit 1`,
      )
      .get() as { orgId: number };
    const free = t.value(
      `select id from hosts h where closed_on is null and founded_on < '2026-01-01'
       and not exists (select 1 from coverages c where c.host_id = h.id) order by id limit 1`,
    );
    const before = t.hash(...ALL_WRITTEN);
    const err = await t
      .caller("city")
      .records.coverage.set({ hostId: free, orgId: covering.orgId, startOn: "2026-11-01" })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "BAD_REQUEST" });
    expect((err as Error).message).toMatch(/^【单独建只覆盖一个两新组织】.*单独建只能覆盖一个两新组织/);
    expect(t.hash(...ALL_WRITTEN)).toBe(before);
  });

  it("a deleted member: there is no deletion, and the guard says so", async () => {
    const before = t.hash(...ALL_WRITTEN);
    const cx = { db, scope: (await createContext({ db, userId: 1, today: TODAY })).scope!, today: TODAY };
    const memberId = t.value("select id from members order by id limit 1");
    await expect(deleteMember(cx, { id: memberId })).rejects.toThrow(
      expect.objectContaining({ code: "RULE", rule: "MEMBER_DELETE_FORBIDDEN" }),
    );
    await expect(deleteMember(cx, { id: memberId })).rejects.toThrow(/【党员不得删除】党员信息不能删除/);
    const paths = Object.keys(appRouter._def.procedures);
    expect(paths).toContain("records.member.changeStatus");
    expect(paths.filter((p) => /member\.(delete|remove)/.test(p))).toEqual([]);
    expect(t.hash(...ALL_WRITTEN)).toBe(before);
  });

  it("a transfer accepted twice", async () => {
    const memberId = t.value(
      `select m.id from members m join orgs o on o.id = m.org_id
       where o.path glob '/1/7/9/*' and o.category not like '%Committee' and m.status = 'normal' order by m.id limit 1`,
    );
    // Another township's organization: by its 组织代码 (not in the township's sets by id).
    const toOrgCode = t.value<string>("select code from orgs where name like '%石桥镇石桥村支部委员会'");
    const req = await t
      .caller("township")
      .records.transfer.request({ memberId, toOrgCode, effectiveOn: TODAY });
    expect(req.state).toBe("pending");
    const ok = await t.caller("county").records.transfer.decide({ transferId: req.id, decision: "accept" });
    expect(ok.state).toBe("accepted");
    const before = t.hash(...ALL_WRITTEN);
    const err = await t
      .caller("county")
      .records.transfer.decide({ transferId: req.id, decision: "accept" })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "BAD_REQUEST",
      message: "【组织关系接转不得重复接收】该组织关系接转已接收,不能重复接收",
    });
    const again = await t
      .caller("county")
      .records.transfer.decide({ transferId: req.id, decision: "reject", reason: "材料不全" })
      .catch((e: unknown) => e);
    expect((again as Error).message).toMatch(/^【组织关系接转已处理】/);
    expect(t.hash(...ALL_WRITTEN)).toBe(before);
  });
});

describe("optimistic concurrency", () => {
  it("of two edits from the same version, the second is refused and the first kept", async () => {
    const db = await setup();
    const t = tools(db);
    const host = db.$client
      .prepare(
        "select h.id, h.version from hosts h join regions r on r.id = h.region_id where r.name = '柳林镇' limit 1",
      )
      .get() as { id: number; version: number };
    const first = await t
      .caller("township")
      .records.host.update({ id: host.id, version: host.version, name: "甲名称" });
    expect(first.version).toBe(host.version + 1);
    const audits = t.value("select count(*) from audit_log");
    const err = await t
      .caller("county")
      .records.host.update({ id: host.id, version: host.version, name: "乙名称" })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CONFLICT", message: "该记录已被他人修改,请刷新后重试" });
    expect(t.value("select name from hosts where id = ?", host.id)).toBe("甲名称");
    expect(t.value("select count(*) from audit_log")).toBe(audits);
    const audit = db.$client
      .prepare("select before, after from audit_log where action = 'host.update' order by id desc limit 1")
      .get() as { before: string; after: string };
    expect(JSON.parse(audit.after).name).toBe("甲名称");
    expect(JSON.parse(audit.before).version).toBe(host.version);
  });
});

describe("scope", () => {
  let db: Db;
  let t: ReturnType<typeof tools>;
  let crossId: number;
  beforeAll(async () => {
    db = await setup();
    t = tools(db);
    crossId = t.value("select org_id from users where username = 'branch'");
  });

  it("a township administrator editing a host of another township: NOT_FOUND", async () => {
    const host = db.$client
      .prepare(
        `select h.id, h.version from hosts h join regions r on r.id = h.region_id where r.name = '石桥镇'
         and not exists (select 1 from coverages c where c.host_id = h.id and c.org_id = ?) limit 1`,
      )
      .get(crossId) as { id: number; version: number };
    await expect(
      t.caller("township").records.host.update({ id: host.id, version: host.version, name: "改名" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND", message: "记录不存在" });
    await expect(
      t.caller("township").records.host.setYear({ hostId: host.id, year: 2026, employees: 3 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      t.caller("owner").records.host.update({ id: host.id, version: host.version, name: "改名" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the joint branch across the boundary: A's admin proposes covering a B host, B's admin accepts; B's admin edits the host, not the branch", async () => {
    const bHost = t.value(
      `select h.id from hosts h join regions r on r.id = h.region_id where r.name = '石桥镇'
       and h.closed_on is null and h.founded_on < '2026-01-01'
       and not exists (select 1 from coverages c where c.host_id = h.id) order by h.id limit 1`,
    );
    // Not A's host to cover directly (issue 15, finding 4): a request, which B's administrator accepts.
    await expect(
      t.caller("township").records.coverage.set({ hostId: bHost, orgId: crossId, startOn: "2026-11-01" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const proposed = await t.caller("township").records.coverageRequest.propose({
      orgId: crossId,
      hostCreditCode: db.$client
        .prepare("select credit_code from hosts where id = ?")
        .pluck()
        .get(bHost) as string,
      startOn: "2026-11-01",
    });
    const accepted = await t.caller("shiqiao").records.coverageRequest.accept({ id: proposed.id });
    const set = { coverage: { id: accepted.coverageId! } };
    expect(t.value("select org_id from coverages where id = ?", set.coverage.id)).toBe(crossId);
    expect(t.value("select count(*) from audit_log where action = 'coverage.set'")).toBe(1);

    const covered = db.$client.prepare("select id, version from hosts where id = ?").get(bHost) as {
      id: number;
      version: number;
    };
    const edited = await t
      .caller("shiqiao")
      .records.host.update({ id: covered.id, version: covered.version, contactPhone: "0571-88886666" });
    expect(edited.contactPhone).toBe("0571-88886666");
    const branch = db.$client.prepare("select version from orgs where id = ?").get(crossId) as {
      version: number;
    };
    await expect(
      t.caller("shiqiao").records.org.update({ id: crossId, version: branch.version, name: "改名" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      t.caller("shiqiao").records.coverage.end({ id: set.coverage.id, endOn: "2026-11-20" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // and A's administrator cannot edit B's host itself
    await expect(
      t
        .caller("township")
        .records.host.update({ id: covered.id, version: covered.version + 1, name: "改名" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a zod error answers BAD_REQUEST with Chinese field messages", async () => {
    await expect(
      t.caller("township").records.host.create({
        creditCode: "91330100MA2ABCDE1X",
        name: "新企业",
        kind: "enterprise",
        regionId: 9,
        foundedOn: "2026-02-30",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("re-parenting through the command", () => {
  it("rewrites the subtree's paths, keeps history, leaves earlier years and city totals unchanged", async () => {
    const db = await setup();
    const t = tools(db);
    const county = t.value("select org_id from users where username = 'county'");
    const cityId = t.value("select org_id from users where username = 'city'");
    const shiqiao = db.$client.prepare("select id, path from orgs where name like '%石桥镇委员会'").get() as {
      id: number;
      path: string;
    };
    // A grassroots organization of 柳林镇 with the most descendants.
    const moving = db.$client
      .prepare(
        `select o.id, o.path, (select count(*) from orgs d where d.path glob o.path || '*') as n from orgs o
         where o.parent_id = (select org_id from users where username = 'township')
           and o.category in ('committee','generalBranch','branch','jointBranch')
         order by n desc, o.id limit 1`,
      )
      .get() as { id: number; path: string; n: number };
    const city = t.caller("city");
    const before2025 = await city.report.get({ nodeId: county, year: 2025 });
    const beforeCity = await city.records.indicators.node({ nodeId: cityId, asOf: TODAY });
    const beforeCounty = await city.records.indicators.node({ nodeId: county, asOf: TODAY });

    const res = await t.caller("county").records.org.reparent({
      orgId: moving.id,
      toParentId: shiqiao.id,
      effectiveOn: "2026-06-01",
      docNo: "清河两新〔2026〕7号",
      reason: "行政区划调整",
    });
    expect(res.moved).toBe(moving.n);
    const newPrefix = `${shiqiao.path}${moving.id}/`;
    expect(t.value("select count(*) from orgs where path glob ?", `${newPrefix}*`)).toBe(moving.n);
    expect(t.value("select count(*) from orgs where path glob ?", `${moving.path}*`)).toBe(0);
    const badDepth = t.value(
      "select count(*) from orgs c join orgs p on p.id = c.parent_id where c.depth != p.depth + 1 or c.path != p.path || c.id || '/'",
    );
    expect(badDepth).toBe(0);
    const history = db.$client
      .prepare("select * from org_reparentings where org_id = ? order by id desc")
      .get(moving.id);
    expect(history).toMatchObject({
      effective_on: "2026-06-01",
      doc_no: "清河两新〔2026〕7号",
      to_parent_id: shiqiao.id,
    });
    expect(t.value("select count(*) from audit_log where action = 'org.reparent'")).toBe(1);

    const after2025 = await city.report.get({ nodeId: county, year: 2025 });
    expect(after2025.rows.map((r) => r.indicators)).toEqual(before2025.rows.map((r) => r.indicators));
    expect(after2025.total).toEqual(before2025.total);
    const afterCity = await city.records.indicators.node({ nodeId: cityId, asOf: TODAY });
    expect(afterCity.indicators).toEqual(beforeCity.indicators);
    const afterCounty = await city.records.indicators.node({ nodeId: county, asOf: TODAY });
    expect(afterCounty.indicators.orgs).toEqual(beforeCounty.indicators.orgs);
    expect(afterCounty.indicators.members).toEqual(beforeCounty.indicators.members);
    // The township that gave the subtree away no longer sees it.
    await expect(
      t.caller("township").records.org.update({ id: moving.id, version: res.org.version, name: "改名" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a cycle and a management node under a grassroots organization, changing nothing", async () => {
    const db = await setup();
    const t = tools(db);
    const county = t.value("select org_id from users where username = 'county'");
    const township = t.value("select org_id from users where username = 'township'");
    const grassroots = t.value(
      "select id from orgs where parent_id = (select id from orgs where name like '%石桥镇委员会') and category = 'branch' and id != ? limit 1",
      township,
    );
    const before = t.hash(...ALL_WRITTEN);
    await expect(
      t
        .caller("city")
        .records.org.reparent({ orgId: county, toParentId: township, effectiveOn: "2026-06-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("其自身或其下级") });
    await expect(
      t
        .caller("city")
        .records.org.reparent({ orgId: township, toParentId: grassroots, effectiveOn: "2026-06-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("不能隶属于基层党组织"),
    });
    expect(t.hash(...ALL_WRITTEN)).toBe(before);
  });
});

describe("transfers and the member status machine", () => {
  let db: Db;
  let t: ReturnType<typeof tools>;
  const member = () =>
    t.value(
      `select m.id from members m join orgs o on o.id = m.org_id
       where o.path glob '/1/7/9/*' and o.category not like '%Committee' and m.status = 'normal'
       and not exists (select 1 from transfers x where x.member_id = m.id)
       and not exists (select 1 from secretaries s where s.member_id = m.id) order by m.id desc limit 1`,
    );
  beforeAll(async () => {
    db = await setup();
    t = tools(db);
  });

  it("reject (with a reason) keeps everything; accept moves the dated relationship", async () => {
    const memberId = member();
    const fromOrg = t.value("select org_id from members where id = ?", memberId);
    const toOrgId = t.value("select id from orgs where name like '%石桥镇石桥村支部委员会'");
    const toOrgCode = t.value<string>("select code from orgs where id = ?", toOrgId);
    const township = t.caller("township");
    const county = t.caller("county");
    const r1 = await township.records.transfer.request({ memberId, toOrgCode, effectiveOn: "2026-11-01" });
    await expect(
      township.records.transfer.request({ memberId, toOrgCode, effectiveOn: "2026-11-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("待处理") });
    await expect(
      county.records.transfer.decide({ transferId: r1.id, decision: "reject" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // 柳林镇 is not the receiving side: the transfer does not exist for it.
    await expect(
      township.records.transfer.decide({ transferId: r1.id, decision: "accept" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const rels = t.hash("member_relationships", "members");
    const rejected = await county.records.transfer.decide({
      transferId: r1.id,
      decision: "reject",
      reason: "介绍信不全",
    });
    expect(rejected).toMatchObject({ state: "rejected", decisionReason: "介绍信不全" });
    expect(t.hash("member_relationships", "members")).toBe(rels);

    const r2 = await township.records.transfer.request({ memberId, toOrgCode, effectiveOn: "2026-11-01" });
    await county.records.transfer.decide({ transferId: r2.id, decision: "accept" });
    expect(t.value("select org_id from members where id = ?", memberId)).toBe(toOrgId);
    const rows = db.$client
      .prepare(
        "select org_id as orgId, start_on as startOn, end_on as endOn from member_relationships where member_id = ? order by start_on",
      )
      .all(memberId) as { orgId: number; startOn: string; endOn: string | null }[];
    expect(rows.at(-2)).toMatchObject({ orgId: fromOrg, endOn: "2026-11-01" });
    expect(rows.at(-1)).toMatchObject({ orgId: toOrgId, startOn: "2026-11-01", endOn: null });
    // The member now belongs to 石桥镇: 柳林镇 can no longer change its status.
    await expect(
      township.records.member.changeStatus({ memberId, status: "deceased", effectiveOn: TODAY }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("moves along the state machine and refuses what it forbids", async () => {
    const memberId = member();
    const township = t.caller("township");
    const stopped = await township.records.member.changeStatus({
      memberId,
      status: "stopped",
      effectiveOn: "2026-10-01",
      reason: "长期不参加组织生活",
    });
    expect(stopped).toMatchObject({ status: "stopped", statusOn: "2026-10-01" });
    await township.records.member.changeStatus({ memberId, status: "normal", effectiveOn: "2026-11-01" });
    await township.records.member.changeStatus({ memberId, status: "deceased", effectiveOn: "2026-11-10" });
    const before = t.hash(...ALL_WRITTEN);
    await expect(
      township.records.member.changeStatus({ memberId, status: "normal", effectiveOn: TODAY }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "【党员状态变更】党员状态不能由“死亡”变更为“正常”",
    });
    expect(t.hash(...ALL_WRITTEN)).toBe(before);
    expect(t.value("select count(*) from member_status_events where member_id = ?", memberId)).toBe(3);
  });

  it("creates a member only with a valid citizen ID and a relationship, and updates with a version", async () => {
    const township = t.caller("township");
    const orgId = t.value(
      "select id from orgs where parent_id = (select org_id from users where username='township') and category = 'branch' limit 1",
    );
    await expect(
      township.records.member.create({
        idNumber: "110101199003070000",
        name: "张三",
        gender: "male",
        joinedOn: "2015-07-01",
        orgId,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("公民身份号码") });
    const m = await township.records.member.create({
      idNumber: withCitizenIdCheckChar("11010119900307663"),
      name: "张三",
      gender: "male",
      joinedOn: "2015-07-01",
      fullOn: "2016-07-01",
      orgId,
    });
    expect(m).toMatchObject({ birthDate: "1990-03-07", status: "normal", version: 1 });
    const up = await township.records.member.update({ id: m.id, version: 1, lostContact: true });
    expect(up).toMatchObject({ lostContact: true, version: 2 });
    await expect(
      township.records.member.update({ id: m.id, version: 1, pocket: true }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("policy and instructors", () => {
  it("a dated policy, set by the city only, is the one a report uses and shows", async () => {
    const db = await setup();
    const t = tools(db);
    const county = t.value("select org_id from users where username = 'county'");
    await expect(
      t.caller("county").records.policy.set({ effectiveOn: "2026-01-01", params: { jointCap: 3 } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const before2025 = await t.caller("county").report.get({ nodeId: county, year: 2025 });
    const set = await t.caller("city").records.policy.set({
      effectiveOn: "2026-01-01",
      params: { aboveScaleEmployees: 20, termYears: { branch: 2 } },
    });
    expect(set.params.aboveScaleEmployees).toBe(20);
    expect(set.params.termYears).toMatchObject({ branch: 2, committee: 5 });
    const r2026 = await t.caller("county").report.get({ nodeId: county, year: 2026 });
    expect(r2026.policy.effectiveOn).toBe("2026-01-01");
    expect(r2026.policy.params.aboveScaleEmployees).toBe(20);
    const r2025 = await t.caller("county").report.get({ nodeId: county, year: 2025 });
    expect(r2025.policy.effectiveOn).not.toBe("2026-01-01");
    expect(r2025.total).toEqual(before2025.total);
    const node = await t.caller("county").records.indicators.node({ nodeId: county, asOf: TODAY });
    expect(node.policy.effectiveOn).toBe("2026-01-01");
    // More hosts are above scale under the lower threshold.
    const node2025 = await t.caller("county").records.indicators.node({ nodeId: county, asOf: "2025-12-31" });
    expect(node.indicators.aboveScale!).toBeGreaterThan(node2025.indicators.aboveScale!);
    // Outside the caller's subtree the node does not exist.
    const city = t.value("select org_id from users where username = 'city'");
    await expect(
      t.caller("county").records.indicators.node({ nodeId: city, asOf: TODAY }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("an instructor over the cap is a warning in the result, not an error", async () => {
    const db = await setup();
    const t = tools(db);
    const township = t.caller("township");
    const ins = await township.records.instructor.create({
      number: "ZDY-T-001",
      name: "李指导",
      kind: "partTime",
      dispatchOrgName: "清河县市场监督管理局",
    });
    const hostIds = db.$client
      .prepare(
        "select h.id from hosts h join regions r on r.id = h.region_id where r.name = '柳林镇' and h.closed_on is null order by h.id limit 6",
      )
      .pluck()
      .all() as number[];
    const results = [];
    for (const hostId of hostIds)
      results.push(
        await township.records.assignment.start({ instructorId: ins.id, hostId, startOn: "2026-11-01" }),
      );
    expect(results.slice(0, 5).every((r) => r.warnings.length === 0)).toBe(true);
    expect(results[5]!.warnings).toHaveLength(1);
    expect(results[5]!.warnings[0]!.message).toMatch(/^【指导员联系数量上限】.*联系6个两新组织,超过5个/);
    expect(t.value("select count(*) from assignments where instructor_id = ?", ins.id)).toBe(6);
    const ended = await township.records.assignment.end({ id: results[5]!.assignment.id, endOn: TODAY });
    expect(ended.assignment.endOn).toBe(TODAY);
  });

  it("assigning to a host the caller cannot see answers 不存在 and writes nothing, like a missing id", async () => {
    const t = tools(await setup());
    const township = t.caller("township");
    const ins = await township.records.instructor.create({
      number: "ZDY-T-002",
      name: "王指导",
      kind: "partTime",
      dispatchOrgName: "清河县市场监督管理局",
    });
    const elsewhere = t.value(
      `select h.id from hosts h join regions r on r.id = h.region_id where r.name <> '柳林镇'
       and not exists (select 1 from coverages c join orgs o on o.id = c.org_id
                       where c.host_id = h.id and o.path glob (select o2.path || '*' from orgs o2
                         join users u on u.org_id = o2.id where u.username = 'township'))
       order by h.id limit 1`,
    ) as number;
    const before = t.value("select count(*) from assignments") as number;
    for (const hostId of [elsewhere, 99_999_999])
      await expect(
        township.records.assignment.start({ instructorId: ins.id, hostId, startOn: "2026-11-01" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(t.value("select count(*) from assignments")).toBe(before);
  });
});
