/**
 * What the ledger pages added to the API: list filters (area, category, mode, status, membership, kind,
 * activity) staying within the caller's scope, the receiving organization looked up by code, the transfers
 * page's list, and the correction of an instructor's record (optimistic version, audited).
 */
import { TRPCError } from "@trpc/server";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { createUser } from "@liangxin/db/auth";
import { factsToday } from "@liangxin/db/queries";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { withCitizenIdCheckChar } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context.ts";
import { createCaller } from "../src/root.ts";

const TODAY = DEMO_TODAY;

let db: Db;
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
const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db, { pastReports: false });
  await createUser(db, {
    username: "shiqiao",
    displayName: "石桥镇管理员",
    password: "Demo@2026",
    role: "admin",
    orgCode: value<string>("select code from orgs where name like '%石桥镇委员会'"),
  });
});

/** Every row of a list (all pages). */
async function all<R>(fetch: (page: number) => Promise<{ rows: R[]; total: number }>): Promise<R[]> {
  const rows: R[] = [];
  for (let page = 1; ; page++) {
    const p = await fetch(page);
    rows.push(...p.rows);
    if (p.rows.length === 0 || rows.length >= p.total) return rows;
  }
}

describe("list filters", () => {
  it("an area narrows the county's organizations to that township's subtree; a foreign area lists nothing", async () => {
    const county = caller("county");
    const whole = await county.orgs.list({ page: 1, pageSize: 5 });
    const liulin = whole.areas.find((a) => a.name.includes("柳林镇"));
    expect(liulin).toBeDefined();
    expect(whole.areas.every((a) => !a.name.includes("青山县"))).toBe(true);
    const narrowed = await all((page) => county.orgs.list({ page, pageSize: 200, nodeId: liulin!.id }));
    const expected = value(
      `select count(*) from orgs where path glob (select path || '*' from orgs where id = ?)
       and founded_on <= ? and (revoked_on is null or ? < revoked_on)`,
      liulin!.id,
      TODAY,
      TODAY,
    );
    expect(narrowed.length).toBe(expected);
    expect(narrowed.length).toBeLessThan(whole.total);
    // Another county's node as the area: nothing of it leaks into the list.
    const foreign = value("select id from orgs where name like '%青山县委两新%'");
    expect((await county.orgs.list({ page: 1, pageSize: 5, nodeId: foreign })).total).toBe(0);
  });

  it("category and formation mode filter the township's organizations", async () => {
    const township = caller("township");
    const joint = await all((page) =>
      township.orgs.list({ page, pageSize: 200, category: "jointBranch", formationMode: "joint" }),
    );
    expect(joint.length).toBeGreaterThan(0);
    expect(joint.every((o) => o.category === "jointBranch" && o.formationMode === "joint")).toBe(true);
  });

  it("status and membership filter members; a full citizen ID finds its member, still masked", async () => {
    const township = caller("township");
    const probationary = await all((page) =>
      township.members.list({ page, pageSize: 200, status: "normal", membership: "probationary" }),
    );
    expect(probationary.length).toBeGreaterThan(0);
    expect(probationary.every((m) => m.status === "normal" && !m.full)).toBe(true);
    const stopped = await township.members.list({ page: 1, pageSize: 200, status: "stopped" });
    expect(stopped.rows.every((m) => m.status === "stopped" && m.access === "edit")).toBe(true);

    const [id, idNumber] = db.$client
      .prepare(
        `select m.id, m.id_number from members m join orgs o on o.id = m.org_id
         where o.path glob (select o2.path || '*' from users u join orgs o2 on o2.id = u.org_id where u.username = 'township')
         order by m.id limit 1`,
      )
      .raw(true)
      .get() as [number, string];
    const found = await township.members.list({ page: 1, pageSize: 5, q: idNumber });
    expect(found.rows.map((r) => r.id)).toEqual([id]);
    expect(found.rows[0]!.idNumberMasked).not.toContain(idNumber.slice(6, 14));
    // Another township's member is not found by the citizen ID.
    const far = value<string>(
      `select m.id_number from members m join orgs o on o.id = m.org_id where o.name like '%石桥村支部委员会'`,
    );
    expect((await township.members.list({ page: 1, pageSize: 5, q: far })).total).toBe(0);
  });

  it("instructor kind and activity filters partition the list", async () => {
    const county = caller("county");
    const total = (await county.instructors.list({ page: 1, pageSize: 1 })).total;
    const active = (await county.instructors.list({ page: 1, pageSize: 1, activity: "active" })).total;
    const idle = (await county.instructors.list({ page: 1, pageSize: 1, activity: "idle" })).total;
    expect(active + idle).toBe(total);
    const partTime = await all((page) => county.instructors.list({ page, pageSize: 200, kind: "partTime" }));
    expect(partTime.every((i) => i.kind === "partTime")).toBe(true);
  });

  it("a filter value outside the domain is refused in Chinese", async () => {
    await expect(
      caller("township").orgs.list({ page: 1, pageSize: 5, category: "nonsense" as never }),
    ).rejects.toThrow("筛选条件不正确");
  });
});

describe("orgs.lookup", () => {
  it("finds a grassroots organization anywhere in the city by its exact code, and nothing else", async () => {
    const township = caller("township");
    const code = value<string>("select code from orgs where name like '%石桥镇石桥村支部委员会'");
    const found = await township.orgs.lookup({ code });
    expect(found).toEqual({
      id: value("select id from orgs where code = ?", code),
      code,
      name: "中共石桥镇石桥村支部委员会",
      category: "branch",
    });
    // A management node's code, or a partial code: not found.
    const node = value<string>("select code from orgs where name like '%石桥镇委员会'");
    await expect(township.orgs.lookup({ code: node })).rejects.toSatisfy((e) => codeOf(e) === "NOT_FOUND");
    await expect(township.orgs.lookup({ code: code.slice(0, -1) })).rejects.toSatisfy(
      (e) => codeOf(e) === "NOT_FOUND",
    );
  });
});

describe("members.transfers", () => {
  it("the sender sees its request as outgoing; the receiver sees it incoming and decides it", async () => {
    const township = caller("township");
    const shiqiao = caller("shiqiao");
    const receivingCode = value<string>("select code from orgs where name like '%石桥镇石桥村支部委员会'");
    const member = await township.records.member.create({
      idNumber: withCitizenIdCheckChar("11010119900101321"),
      name: "接转测试",
      gender: "male",
      joinedOn: "2015-07-01",
      fullOn: "2016-07-01",
      orgId: value(`select o.id from orgs o where o.name like '%柳林镇杨家庄村支部委员会'`),
    });
    const t = await township.records.transfer.request({
      memberId: member.id,
      toOrgCode: receivingCode,
      effectiveOn: TODAY,
      reason: "工作调动",
    });
    const sent = (await township.members.transfers()).find((r) => r.id === t.id);
    expect(sent).toMatchObject({
      direction: "out",
      memberId: member.id,
      toName: "中共石桥镇石桥村支部委员会",
      state: "pending",
      canDecide: false,
    });
    const received = (await shiqiao.members.transfers()).find((r) => r.id === t.id);
    expect(received).toMatchObject({ direction: "in", memberId: null, state: "pending", canDecide: true });
    // A third township sees nothing of it.
    expect((await caller("industry").members.transfers()).some((r) => r.id === t.id)).toBe(false);

    await shiqiao.records.transfer.decide({ transferId: t.id, decision: "accept" });
    const after = (await shiqiao.members.transfers()).find((r) => r.id === t.id);
    expect(after).toMatchObject({ state: "accepted", memberId: member.id, canDecide: false });
    await expect(township.members.get({ id: member.id })).rejects.toSatisfy((e) => codeOf(e) === "NOT_FOUND");
  });
});

describe("records.instructor.update", () => {
  it("corrects the record with the version read, refuses a stale version in Chinese, and audits", async () => {
    const township = caller("township");
    const created = await township.records.instructor.create({
      number: "ZDY-UI-1",
      name: "更正测试",
      kind: "partTime",
      dispatchOrgName: "清河县市场监督管理局",
    });
    const updated = await township.records.instructor.update({
      id: created.id,
      version: created.version,
      kind: "fullTime",
      phone: "13900000011",
      dispatchOrgId: value("select org_id from users where username = 'township'"),
    });
    expect(updated).toMatchObject({ kind: "fullTime", phone: "13900000011", dispatchOrgName: null });
    expect(updated.version).toBe(created.version + 1);
    await expect(
      township.records.instructor.update({ id: created.id, version: created.version, name: "旧版本" }),
    ).rejects.toThrow("该记录已被他人修改,请刷新后重试");
    expect(
      value(
        "select count(*) from audit_log where action = 'instructor.update' and entity_id = ?",
        String(created.id),
      ),
    ).toBe(1);
    // Another township's administrator: the instructor does not exist for it.
    await expect(
      caller("shiqiao").records.instructor.update({ id: created.id, version: updated.version, name: "越权" }),
    ).rejects.toSatisfy((e) => codeOf(e) === "NOT_FOUND");
    // A number already in use is refused, naming it.
    const taken = value<string>(
      "select number from instructors where id <> ? order by id limit 1",
      created.id,
    );
    await expect(
      township.records.instructor.update({ id: created.id, version: updated.version, number: taken }),
    ).rejects.toThrow(`指导员编号“${taken}”已使用`);
  });

  it("a dispatcher of the tree and an organ outside it together are refused at the edge", async () => {
    await expect(
      caller("township").records.instructor.update({
        id: 1,
        version: 1,
        dispatchOrgId: 1,
        dispatchOrgName: "某局",
      }),
    ).rejects.toThrow("派出党组织与系统外派出单位须填写且只填写一项");
  });
});

describe("orgs.get: the tree around an organization", () => {
  it("shows superiors only from the caller's node down, the subtree below, and the re-parenting history", async () => {
    const township = caller("township");
    const node = value("select org_id from users where username = 'township'");
    const general = value("select id from orgs where name like '%柳林镇柳林村总支部委员会'");
    const created = await township.records.org.create({
      code: "UI-TREE-1",
      name: "中共树形测试支部委员会",
      category: "branch",
      parentId: node,
      foundedOn: "2024-01-01",
    });
    await township.records.org.reparent({
      orgId: created.id,
      toParentId: general,
      effectiveOn: TODAY,
      docNo: "柳组〔2026〕1号",
      reason: "便于管理",
    });
    const mine = await township.orgs.get({ id: created.id });
    if (mine.access !== "edit") throw new Error("expected edit access");
    expect(mine.parentId).toBe(general);
    expect(mine.ancestors.map((a) => a.id)).toEqual([node, general]);
    expect(mine.reparentings).toEqual([
      expect.objectContaining({
        effectiveOn: TODAY,
        fromName: "中共清河县柳林镇委员会",
        toName: "中共柳林镇柳林村总支部委员会",
        docNo: "柳组〔2026〕1号",
      }),
    ]);
    // The county sees its own node above the township's; never the city's.
    const county = await caller("county").orgs.get({ id: created.id });
    if (county.access !== "edit") throw new Error("expected edit access");
    expect(county.ancestors[0]!.id).toBe(value("select org_id from users where username = 'county'"));
    expect(county.ancestors).toHaveLength(3);
    // The general branch's tree holds it.
    const parent = await township.orgs.get({ id: general });
    if (parent.access !== "edit") throw new Error("expected edit access");
    expect(parent.subtree.some((o) => o.id === created.id && o.parentId === general)).toBe(true);
  });
});

describe("instructors.get", () => {
  it("names the assignment in force so that the page can end it", async () => {
    const township = caller("township");
    const instructor = await township.records.instructor.create({
      number: "ZDY-UI-2",
      name: "选派测试",
      kind: "seconded",
      dispatchOrgName: "清河县人力资源和社会保障局",
    });
    const hostId = value(
      `select h.id from hosts h join regions r on r.id = h.region_id where r.name = '柳林镇' order by h.id limit 1`,
    );
    const { assignment } = await township.records.assignment.start({
      instructorId: instructor.id,
      hostId,
      startOn: "2026-10-01",
    });
    const before = await township.instructors.get({ id: instructor.id });
    expect(before.hosts).toEqual([expect.objectContaining({ id: hostId, assignmentId: assignment.id })]);
    await township.records.assignment.end({ id: assignment.id, endOn: TODAY });
    const after = await township.instructors.get({ id: instructor.id });
    expect(after.hosts).toEqual([]);
    expect(after.activeHosts).toBe(0);
  });
});

describe("filters, orders and page sizes of the lists (issue 19, item 3)", () => {
  const hostsAll = (filter: Record<string, unknown> = {}) =>
    all((page) => caller("township").hosts.list({ page, pageSize: 200, ...filter }));

  it("hosts by 行业 (a GB/T 4754 section): only that section, every one of them", async () => {
    const every = await hostsAll();
    const manufacturing = await hostsAll({ industry: "C" });
    expect(manufacturing.length).toBeGreaterThan(0);
    expect(manufacturing.length).toBeLessThan(every.length);
    expect(manufacturing.map((h) => h.id)).toEqual(every.filter((h) => h.industry === "C").map((h) => h.id));
    await expect(
      caller("township").hosts.list({ page: 1, pageSize: 20, industry: "Z" as "C" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("hosts 规上, 有党员 and 应建未建: exactly those of today's facts", async () => {
    const { facts } = await factsToday(db, TODAY);
    const every = await hostsAll();
    for (const [flag, fact] of [
      ["aboveScale", "aboveScale"],
      ["withMembers", "withMembers"],
      ["shouldEstablish", "shouldEstablishNotEstablished"],
    ] as const) {
      const listed = await hostsAll({ [flag]: true });
      const expected = every.filter((h) => facts.get(h.id)?.[fact] === true).map((h) => h.id);
      expect(expected.length, flag).toBeGreaterThan(0);
      expect(expected.length, flag).toBeLessThan(every.length);
      expect(
        listed.map((h) => h.id),
        flag,
      ).toEqual(expected);
    }
  });

  it("hosts sorted by name or founding date: the first row changes to the least (or greatest)", async () => {
    const every = await hostsAll();
    const byName = await caller("township").hosts.list({ page: 1, pageSize: 20, sort: "name" });
    const names = every.map((h) => h.name).sort();
    expect(byName.rows.map((h) => h.name)).toEqual(names.slice(0, 20));
    const dates = every.map((h) => h.foundedOn).sort();
    const oldest = await caller("township").hosts.list({ page: 1, pageSize: 20, sort: "foundedOn" });
    const newest = await caller("township").hosts.list({ page: 1, pageSize: 20, sort: "-foundedOn" });
    expect(oldest.rows[0]!.foundedOn).toBe(dates[0]);
    expect(newest.rows[0]!.foundedOn).toBe(dates.at(-1));
    expect(oldest.total).toBe(every.length);
  });

  it("a page size of 50: fifty rows, the same count, page 2 begins at the 51st", async () => {
    const every = await hostsAll();
    const one = await caller("township").hosts.list({ page: 1, pageSize: 50 });
    const two = await caller("township").hosts.list({ page: 2, pageSize: 50 });
    expect(one.rows).toHaveLength(50);
    expect(one.total).toBe(every.length);
    expect(two.rows[0]!.id).toBe(every[50]!.id);
  });

  it("members by flag (流动/失联/口袋): exactly the rows so flagged, counted-only ones included", async () => {
    const township = caller("township");
    const every = await all((page) => township.members.list({ page, pageSize: 200 }));
    for (const flag of ["mobile", "lostContact", "pocket"] as const) {
      const listed = await all((page) => township.members.list({ page, pageSize: 200, flag }));
      const expected = every.filter((m) => m.flags.includes(flag));
      expect(expected.length, flag).toBeGreaterThan(0);
      expect(listed.length, flag).toBeLessThan(every.length);
      expect(
        listed.map((m) => `${m.access}${m.id}${m.idNumberMasked}`),
        flag,
      ).toEqual(expected.map((m) => `${m.access}${m.id}${m.idNumberMasked}`));
    }
    // Against the database: the township's own members flagged 失联.
    const path = value<string>(
      "select o.path from users u join orgs o on o.id = u.org_id where u.username = 'township'",
    );
    const lost = value(
      `select count(*) from members m join orgs o on o.id = m.org_id
       where substr(o.path, 1, length(?)) = ? and m.lost_contact = 1`,
      path,
      path,
    );
    expect(lost).toBeGreaterThan(0);
    expect(
      (await township.members.list({ page: 1, pageSize: 20, flag: "lostContact", counted: false })).total,
    ).toBe(lost);
  });

  it("members of one organization: exactly the members it holds, and another township's organization lists none", async () => {
    const township = caller("township");
    const every = await all((page) => township.members.list({ page, pageSize: 200, counted: false }));
    const counts = new Map<string, number>();
    for (const m of every) if (m.orgName) counts.set(m.orgName, (counts.get(m.orgName) ?? 0) + 1);
    const [orgName, held] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const orgId = value("select id from orgs where name = ?", orgName);
    const listed = await all((page) => township.members.list({ page, pageSize: 200, orgId }));
    expect(held).toBeGreaterThan(1);
    expect(held).toBeLessThan(every.length);
    expect(listed).toHaveLength(held);
    expect(listed.every((m) => m.orgName === orgName)).toBe(true);
    const far = value(`select id from orgs where name like '%石桥村支部委员会'`);
    expect((await township.members.list({ page: 1, pageSize: 20, orgId: far })).total).toBe(0);
  });

  it("members sorted by 入党日期 either way; the count says how many rows are counted-only", async () => {
    const township = caller("township");
    const every = await all((page) => township.members.list({ page, pageSize: 200, counted: false }));
    const dates = every.map((m) => m.joinedOn!).sort();
    const first = await township.members.list({ page: 1, pageSize: 20, sort: "joinedOn", counted: false });
    const last = await township.members.list({ page: 1, pageSize: 20, sort: "-joinedOn", counted: false });
    expect(first.rows[0]!.joinedOn).toBe(dates[0]);
    expect(last.rows[0]!.joinedOn).toBe(dates.at(-1));
    const withCounted = await township.members.list({ page: 1, pageSize: 20 });
    expect(withCounted.countedOnly).toBeGreaterThan(0);
    expect(withCounted.total).toBe(every.length + withCounted.countedOnly);
    expect(first.countedOnly).toBe(0);
  });

  it("organizations sorted by name, code, members or covered hosts: the first row is the least (or most)", async () => {
    const county = caller("county");
    const every = await all((page) => county.orgs.list({ page, pageSize: 200 }));
    const first = async (sort: "name" | "code" | "-members" | "-hosts") =>
      (await county.orgs.list({ page: 1, pageSize: 20, sort })).rows[0]!;
    expect((await first("name")).name).toBe(every.map((o) => o.name).sort()[0]);
    expect((await first("code")).code).toBe(every.map((o) => o.code).sort()[0]);
    const mostMembers = Math.max(...every.map((o) => o.members));
    const mostHosts = Math.max(...every.map((o) => o.coveredHosts));
    expect(mostHosts).toBeGreaterThan(1);
    expect((await first("-members")).members).toBe(mostMembers);
    expect((await first("-hosts")).coveredHosts).toBe(mostHosts);
    // The default (the tree's order) begins at the caller's node.
    expect((await county.orgs.list({ page: 1, pageSize: 20 })).rows[0]!.id).toBe(every[0]!.id);
    expect(every[0]!.category).toBe("countyCommittee");
  });

  it("each list says how many of its rows the home page counts, and they are the home page's figures", async () => {
    for (const who of ["city", "county", "township", "shiqiao"]) {
      const c = caller(who);
      const { total } = await c.dashboard.admin();
      const hosts = await c.hosts.list({ page: 1, pageSize: 20 });
      expect(hosts.inTerritory, who).toBe(total.hosts);
      // A filter narrows both: the covered hosts of the territory are the indicator's 已覆盖.
      const covered = await c.hosts.list({ page: 1, pageSize: 20, coverage: "covered" });
      expect(covered.inTerritory, who).toBe(total.orgCovered);
      const orgs = await c.orgs.list({ page: 1, pageSize: 20 });
      expect(orgs.grassroots, who).toBe(total.orgs.total);
      expect(orgs.total, who).toBeGreaterThan(orgs.grassroots); // the caller's own node is listed, not counted
      const instructors = await c.instructors.list({ page: 1, pageSize: 20 });
      expect(instructors.servingTerritory, who).toBe(total.instructors);
    }
    // The rows outside the territory (covered by the subtree) are the reference rows: listed, not counted.
    for (const who of ["township", "industry"]) {
      const c = caller(who);
      const every = await all((page) => c.hosts.list({ page, pageSize: 200 }));
      const first = await c.hosts.list({ page: 1, pageSize: 20 });
      expect(first.total - first.inTerritory, who).toBe(every.filter((h) => h.access === "reference").length);
    }
    // A 行业党委 has no territory: every host it lists is a reference, none counted (its home shows none).
    const industry = await caller("industry").hosts.list({ page: 1, pageSize: 20 });
    expect(industry.total).toBeGreaterThan(0);
    expect(industry.inTerritory).toBe(0);
  });

  it("instructors sorted by name or by the hosts they guide today", async () => {
    const county = caller("county");
    const every = await all((page) => county.instructors.list({ page, pageSize: 200 }));
    const byName = await county.instructors.list({ page: 1, pageSize: 20, sort: "name" });
    expect(byName.rows.map((i) => i.name)).toEqual(
      every
        .map((i) => i.name)
        .sort()
        .slice(0, 20),
    );
    const busiest = await county.instructors.list({ page: 1, pageSize: 20, sort: "-activeHosts" });
    expect(busiest.rows[0]!.activeHosts).toBe(Math.max(...every.map((i) => i.activeHosts)));
    expect(busiest.rows[0]!.activeHosts).toBeGreaterThan(0);
    expect(busiest.total).toBe(every.length);
  });
});

describe("a code already registered", () => {
  it("a host with a registered credit code is refused, naming the code; nothing is written", async () => {
    const taken = value<string>(
      `select h.credit_code from hosts h join regions r on r.id = h.region_id where r.name = '柳林镇' order by h.id limit 1`,
    );
    const regionId = value("select id from regions where name = '柳林镇'");
    const before = value("select count(*) from hosts");
    await expect(
      caller("county").records.host.create({
        creditCode: taken,
        name: "清河县重复登记测试有限公司",
        kind: "enterprise",
        regionId,
        foundedOn: "2026-01-05",
      }),
    ).rejects.toThrow(`统一社会信用代码“${taken}”已登记`);
    expect(value("select count(*) from hosts")).toBe(before);
  });
});
