/**
 * The boundary cases of the three sets, the county dashboard adding up, the citizen ID masking, and
 * sign-in attempts seen from above.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { authenticate, createUser } from "@liangxin/db/auth";
import { hostAccess, loadScope, memberAccess, orgAccess } from "@liangxin/db/scope";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import { type Db } from "@liangxin/db/driver";
import { computeNodeIndicators, maskCitizenId, policyAsOf, type Indicators } from "@liangxin/domain";
import { buildWorld, callerOn, cloneDb, TODAY, type World } from "./fixtures-views.ts";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

const scopeOf = async (db: Db, username: string) => (await loadScope(db, w.ids.user(username)))!;

describe("a joint branch of township A (柳林镇) covering a host of township B (石桥镇)", () => {
  it("A's administrator sees the host for reference only and cannot edit it", async () => {
    const township = callerOn(w.db, "township");
    expect(await hostAccess(w.db, await scopeOf(w.db, "township"), w.ids.crossHost, TODAY)).toBe("reference");
    const host = await township.hosts.get({ id: w.ids.crossHost });
    expect(host.access).toBe("reference");
    expect(host).not.toHaveProperty("contactPhone");
    expect(host).not.toHaveProperty("ownerName");
    expect(host.figures.length).toBeGreaterThan(0);
    const db = cloneDb(w.db);
    await expect(
      callerOn(db, "township").hosts.updateContact({
        id: w.ids.crossHost,
        contactPhone: null,
        address: null,
        version: 1,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A still edits the branch itself.
    expect(await orgAccess(w.db, await scopeOf(w.db, "township"), w.ids.crossJoint, TODAY)).toBe("edit");
  });

  it("B's administrator edits the host and sees the branch only for reference (name, mode, secretary)", async () => {
    const db = cloneDb(w.db);
    const shiqiao = callerOn(db, "shiqiao");
    const host = await shiqiao.hosts.get({ id: w.ids.crossHost });
    expect(host.access).toBe("edit");
    if (host.access !== "edit") throw new Error("unreachable");
    await expect(
      shiqiao.hosts.updateContact({
        id: host.id,
        contactPhone: "0791-1111111",
        address: "石桥镇新街1号",
        version: host.version,
      }),
    ).resolves.toEqual({ version: host.version + 1 });
    expect(await orgAccess(db, await scopeOf(db, "shiqiao"), w.ids.crossJoint, TODAY)).toBe("reference");
    const org = await shiqiao.orgs.get({ id: w.ids.crossJoint });
    expect(org.access).toBe("reference");
    expect(org.name).toContain("第一联合支部");
    expect(org.formationMode).toBe("joint");
    expect(org.secretaryName).toBeTruthy();
    expect(org).not.toHaveProperty("members");
    // It cannot touch the branch: no secretary account for it, its members do not exist for B.
    await expect(
      shiqiao.users.create({
        username: "x-sec",
        displayName: "某",
        password: "Passw0rd2026",
        role: "secretary",
        orgId: w.ids.crossJoint,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const memberOfBranch = db.$client
      .prepare("select id from members where org_id = ? limit 1")
      .pluck()
      .get(w.ids.crossJoint) as number;
    await expect(shiqiao.members.get({ id: memberOfBranch })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const refs = await shiqiao.orgs.references();
    expect(refs.map((r) => r.id)).toContain(w.ids.crossJoint);
    // The host's corrections are B's to decide, not A's.
    const id = db.$client
      .prepare(
        "insert into host_corrections (host_id, requested_by, payload, created_at) values (?, ?, ?, '2026-12-03T02:00:00.000Z') returning id",
      )
      .pluck()
      .get(
        w.ids.crossHost,
        w.ids.user("owner"),
        // A payload in its form before migration 0011 (the revenue in 万元) still reads and applies.
        JSON.stringify({
          year: 2026,
          employees: 9,
          revenue: 10.5,
          contactPhone: null,
          address: null,
        }),
      ) as number;
    await expect(callerOn(db, "township").corrections.decide({ id, approve: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(shiqiao.corrections.decide({ id, approve: true })).resolves.toEqual({ ok: true });
    expect(
      db.$client
        .prepare(
          "select employees, revenue_fen as revenueFen from host_years where host_id = ? and year = 2026",
        )
        .get(w.ids.crossHost),
    ).toEqual({ employees: 9, revenueFen: 10_500_000 });
  });

  it("the branch secretary sees the hosts it covers for reference, across the township boundary", async () => {
    const host = await callerOn(w.db, "branch").hosts.get({ id: w.ids.crossHost });
    expect(host.access).toBe("reference");
  });
});

describe("a dual-management link", () => {
  it("gives the regional organization's administrator the header of the linked organization, never its members", async () => {
    const db = cloneDb(w.db);
    const link = db.$client
      .prepare(
        "select d.org_id as orgId, d.regional_org_id as regionalId from dual_links d order by d.id limit 1",
      )
      .get() as { orgId: number; regionalId: number };
    const park = db.$client
      .prepare("select parent_id from orgs where id = ?")
      .pluck()
      .get(link.regionalId) as number;
    const parkCode = db.$client.prepare("select code from orgs where id = ?").pluck().get(park) as string;
    await createUser(db, {
      username: "park",
      displayName: "园区",
      password: "Demo@2026",
      role: "admin",
      orgCode: parkCode,
    });
    const parkScope = (await loadScope(
      db,
      db.$client.prepare("select id from users where username='park'").pluck().get() as number,
    ))!;
    expect(await orgAccess(db, parkScope, link.orgId, TODAY)).toBe("reference");
    const caller = callerOn(db, "park");
    const org = await caller.orgs.get({ id: link.orgId });
    expect(org.access).toBe("reference");
    expect(org.dualLinks.map((d) => d.regionalOrgId)).toContain(link.regionalId);
    const member = db.$client
      .prepare("select id from members where org_id = ? limit 1")
      .pluck()
      .get(link.orgId) as number;
    await expect(caller.members.get({ id: member })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Visibility, never a second count: the linked organization is not in the park's own list.
    const list = await caller.orgs.list({ page: 1, pageSize: 200 });
    expect(list.rows.map((r) => r.id)).not.toContain(link.orgId);
  });
});

describe("a 行业党委 administrator", () => {
  it("edits its organizations, sees their hosts only for reference and has no host-side figures", async () => {
    const industry = callerOn(w.db, "industry");
    const hosts = await industry.hosts.list({ page: 1, pageSize: 200 });
    expect(hosts.total).toBeGreaterThan(0);
    expect(hosts.rows.every((h) => h.access === "reference")).toBe(true);
    const dash = await industry.dashboard.admin();
    expect(dash.total.hosts).toBeNull();
    expect(dash.total.orgs.total).toBeGreaterThan(0);
    // The organization re-parented from 石桥镇 in 2025 is the 行业党委's now, and only a reference for 石桥镇.
    const moved = w.db.$client
      .prepare(
        "select org_id from org_reparentings where to_parent_id = (select org_id from users where username='industry')",
      )
      .pluck()
      .get() as number;
    expect(await orgAccess(w.db, await scopeOf(w.db, "industry"), moved, TODAY)).toBe("edit");
    expect(await orgAccess(w.db, await scopeOf(w.db, "shiqiao"), moved, TODAY)).toBe("reference");
    await expect(industry.corrections.inbox()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("a member working outside the territory of the organization holding the relationship", () => {
  it("is editable by the holder's chain and a masked counted-only row (no link) where they work", async () => {
    const db = cloneDb(w.db);
    const m = db.$client
      .prepare(
        `select m.id, m.name, m.id_number as idNumber, o.path, h.region_id as regionId, hr.path as hostRegionPath from members m
         join orgs o on o.id = m.org_id join member_workplaces wp on wp.member_id = m.id
         join hosts h on h.id = wp.host_id join regions hr on hr.id = h.region_id
         join orgs t on o.path glob t.path || '*' and t.category in ('townshipCommittee','parkCommittee')
         join regions tr on tr.id = t.region_id
         where m.status = 'normal' and wp.start_on <= ? and (wp.end_on is null or ? < wp.end_on)
           and hr.path not glob tr.path || '*' and m.org_id is not null order by m.id limit 1`,
      )
      .get(TODAY, TODAY) as { id: number; name: string; idNumber: string; path: string; regionId: number };
    expect(m).toBeTruthy();
    const holderNode = db.$client
      .prepare(
        "select code from orgs where ? glob path || '*' and category in ('townshipCommittee','parkCommittee') limit 1",
      )
      .pluck()
      .get(m.path) as string;
    const workNode = db.$client
      .prepare("select code from orgs where region_id = ? limit 1")
      .pluck()
      .get(m.regionId) as string;
    await createUser(db, {
      username: "holder",
      displayName: "甲",
      password: "Demo@2026",
      role: "admin",
      orgCode: holderNode,
    });
    await createUser(db, {
      username: "workplace",
      displayName: "乙",
      password: "Demo@2026",
      role: "admin",
      orgCode: workNode,
    });
    const holder = callerOn(db, "holder");
    const workplace = callerOn(db, "workplace");
    expect(
      await memberAccess(
        db,
        (await loadScope(
          db,
          db.$client.prepare("select id from users where username='holder'").pluck().get() as number,
        ))!,
        m.id,
        TODAY,
      ),
    ).toBe("edit");
    expect((await holder.members.get({ id: m.id })).name).toBe(m.name);
    await expect(workplace.members.get({ id: m.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Found by what the counted row shows (the masked ID), not by the name it hides.
    const list = await workplace.members.list({ page: 1, pageSize: 200, q: maskCitizenId(m.idNumber) });
    const counted = list.rows.filter((r) => r.access === "counted");
    expect(counted.length).toBeGreaterThan(0);
    for (const r of counted) {
      expect(r.id).toBeNull();
      expect(r.name).not.toBe(m.name);
      expect(r.idNumberMasked).toMatch(/^\d{6}\*+[\dX]{4}$/);
    }
  });
});

describe("citizen ID masking", () => {
  it("lists are masked; only an administrator of the chain unmasks, and each unmasked view is audited", async () => {
    const db = cloneDb(w.db);
    const township = callerOn(db, "township");
    const list = await township.members.list({ page: 1, pageSize: 20 });
    expect(list.rows.every((r) => /^\d{6}\*{8}[\dX]{4}$/.test(r.idNumberMasked))).toBe(true);
    const id = list.rows.find((r) => r.id !== null)!.id!;
    const detail = await township.members.get({ id });
    expect(detail.idNumberMasked).toContain("********");
    const full = await township.members.unmask({ id });
    expect(full.idNumber).toMatch(/^\d{17}[\dX]$/);
    const audited = db.$client
      .prepare(
        "select count(*) from audit_log where action = 'member.unmask' and entity_id = ? and username = 'township'",
      )
      .pluck()
      .get(String(id));
    expect(audited).toBe(1);
    const branchMember = (await callerOn(db, "branch").members.list({ page: 1, pageSize: 1 })).rows[0]!.id!;
    await expect(callerOn(db, "branch").members.unmask({ id: branchMember })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the county administrator's dashboard", () => {
  const COUNT_KEYS = [
    "hosts",
    "enterprises",
    "socialOrgs",
    "employees",
    "aboveScale",
    "withMembers",
    "withThreeMembers",
    "orgCovered",
    "shouldEstablishNotEstablished",
    "instructorCovered",
    "workCovered",
    "membersEmployed",
  ] as const;
  const sum = (rows: Indicators[], get: (i: Indicators) => number | null) =>
    rows.reduce((s, r) => s + (get(r) ?? 0), 0);

  it("shows counts equal to the sum of its rows (townships, 行业党委, 直属), except distinct instructors", async () => {
    const dash = await callerOn(w.db, "county").dashboard.admin();
    const rows = dash.rows.map((r) => r.indicators);
    expect(dash.rows.map((r) => r.kind)).toContain("direct");
    expect(dash.rows.some((r) => r.name.includes("行业"))).toBe(true);
    expect(dash.rows.filter((r) => r.kind === "child").length).toBeGreaterThanOrEqual(5);
    for (const k of COUNT_KEYS) expect(dash.total[k], k).toBe(sum(rows, (i) => i[k]));
    for (const k of ["standalone", "joint", "affiliated", "regional"] as const)
      expect(dash.total.coveredByMode[k], k).toBe(sum(rows, (i) => i.coveredByMode[k]));
    for (const k of ["total", "committees", "generalBranches", "branches", "jointBranches"] as const)
      expect(dash.total.orgs[k], k).toBe(sum(rows, (i) => i.orgs[k]));
    for (const k of ["total", "full", "probationary"] as const)
      expect(dash.total.members[k], k).toBe(sum(rows, (i) => i.members[k]));
    expect(dash.total.instructors!).toBeLessThanOrEqual(sum(rows, (i) => i.instructors));
    expect(dash.total.hosts).toBeGreaterThan(0);
  });

  it("equals the domain's node indicators as of today, and the city's counties add up to the city", async () => {
    const dash = await callerOn(w.db, "county").dashboard.admin();
    const policy = policyAsOf(await loadPolicyVersions(w.db), TODAY).params;
    const expected = computeNodeIndicators(await loadSnapshot(w.db), dash.node.id, TODAY, policy);
    expect(dash.total.hosts).toBe(expected.hosts);
    expect(dash.total.orgCovered).toBe(expected.orgCovered);
    expect(dash.total.members).toEqual(expected.members);
    const city = await callerOn(w.db, "city").dashboard.admin();
    const countyRow = city.rows.find((r) => r.orgId === dash.node.id)!;
    expect(countyRow.indicators.hosts).toBe(dash.total.hosts);
    expect(countyRow.indicators.members).toEqual(dash.total.members);
  });
});

describe("sign-in attempts, seen from the administrator above", () => {
  it("the township sees a secretary's failed and throttled attempts in the audit log; another township sees none", async () => {
    const db = cloneDb(w.db);
    const attempt = (password: string) =>
      authenticate(db, { username: "branch", password, clientAddress: "127.0.0.7" });
    for (let i = 0; i < 5; i++)
      expect(await attempt("wrong-password")).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt("Demo@2026")).toMatchObject({ ok: false, reason: "throttled" });
    const township = callerOn(db, "township");
    const audit = await township.audit.search({ page: 1, pageSize: 50, username: "branch" });
    const actions = audit.rows.map((r) => r.action);
    expect(actions.filter((a) => a === "login.failed")).toHaveLength(5);
    expect(actions).toContain("login.throttled");
    const far = await callerOn(db, "shiqiao").audit.search({ page: 1, pageSize: 50, username: "branch" });
    expect(far.total).toBe(0);
  });

  it("changes the own password only with the old one, at least 8 characters", async () => {
    const db = cloneDb(w.db);
    const c = callerOn(db, "owner");
    await expect(
      c.account.changePassword({ oldPassword: "nope", newPassword: "Another#2026" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      c.account.changePassword({ oldPassword: "Demo@2026", newPassword: "short" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await c.account.changePassword({ oldPassword: "Demo@2026", newPassword: "Another#2026" });
    expect(
      await authenticate(db, { username: "owner", password: "Another#2026", clientAddress: "127.0.0.8" }),
    ).toMatchObject({ ok: true });
  });
});
