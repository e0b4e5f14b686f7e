import { beforeAll, describe, expect, it } from "vitest";
import { addDays, computeNodeIndicators, DEFAULT_POLICY } from "@liangxin/domain";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { createUser, SYSTEM_ACTOR } from "@liangxin/db/auth";
import { loadSnapshot } from "@liangxin/db/snapshot";
import { closeStalePlans, onCoverageStarted } from "@liangxin/core/work";
import { openTestDb, writeTransaction, type Db } from "@liangxin/db/driver";
import { createCaller } from "../src/root.ts";
import { createContext } from "../src/context.ts";

const TODAY = DEMO_TODAY;
let db: Db;

function userId(username: string): number {
  return db.$client.prepare("select id from users where username = ?").pluck().get(username) as number;
}
function callerFor(username: string, today = TODAY) {
  return createCaller(createContext({ db, userId: userId(username), today }));
}
function one<T>(sql: string, ...params: unknown[]): T {
  return db.$client.prepare(sql).get(...params) as T;
}
function audits(action: string): number {
  return db.$client.prepare("select count(*) from audit_log where action = ?").pluck().get(action) as number;
}

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db, { pastReports: false });
  // A second township administrator (石桥镇), to check that reminders stay with their own township.
  const code = db.$client
    .prepare("select code from orgs where category = 'townshipCommittee' and name like '%石桥镇%'")
    .pluck()
    .get() as string;
  await createUser(
    db,
    {
      username: "shiqiao",
      displayName: "石桥镇管理员",
      password: "Demo@2026x",
      role: "admin",
      orgCode: code,
    },
    SYSTEM_ACTOR,
  );
});

describe("establishment plans", () => {
  it("a milestone is ticked off with its day, once, never in the future nor for another township", async () => {
    const township = callerFor("township");
    const open = (await township.work.plans.board()).overdue.at(-1)!;
    const plan = await township.work.plans.get({ id: open.id });
    const survey = plan.milestones.find((m) => m.key === "survey")!;
    expect(survey).toMatchObject({ overdue: true, doneOn: null });
    await expect(
      township.work.plans.completeMilestone({ planId: plan.id, key: "survey", doneOn: addDays(TODAY, 1) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      callerFor("shiqiao").work.plans.completeMilestone({ planId: plan.id, key: "survey", doneOn: TODAY }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await township.work.plans.completeMilestone({ planId: plan.id, key: "survey", doneOn: TODAY });
    const after = await township.work.plans.get({ id: plan.id });
    expect(after.milestones.find((m) => m.key === "survey")).toMatchObject({ doneOn: TODAY, overdue: false });
    expect(audits("plan.milestone")).toBe(1);
    await expect(
      township.work.plans.completeMilestone({ planId: plan.id, key: "survey", doneOn: TODAY }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("已完成") });
    await expect(
      township.work.plans.completeMilestone({ planId: plan.id, key: "founding", doneOn: TODAY }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("成立党组织") });
    expect(audits("plan.milestone")).toBe(1);
  });

  it("founding a standalone organization closes the plan, leaves the 应建未建 list and raises the coverage rate", async () => {
    const township = callerFor("township");
    const before = await township.work.plans.board();
    const target = before.shouldEstablish.find((h) => h.openPlanId === null);
    expect(target).toBeDefined();
    const { id: planId } = await township.work.plans.create({
      hostId: target!.hostId,
      targetOn: "2027-02-28",
      responsible: "王建国",
      note: "已与出资人沟通",
    });
    const plan = await township.work.plans.get({ id: planId });
    expect(plan.milestones.map((m) => m.dueOn)).toEqual([
      "2026-11-30",
      "2026-12-30",
      "2027-01-14",
      "2027-01-29",
      "2027-02-28",
    ]);
    expect(plan.notes).toHaveLength(1);
    await township.work.plans.addNote({ planId, notedOn: TODAY, note: "书记人选已确定" });

    const nodeId = one<{ id: number }>("select org_id as id from users where username = 'township'").id;
    const rateBefore = computeNodeIndicators(
      await loadSnapshot(db),
      nodeId,
      TODAY,
      DEFAULT_POLICY,
    ).orgCoverageRate!;

    const founded = await township.work.plans.foundOrganization({
      planId,
      name: "中共测试企业支部委员会",
      foundedOn: TODAY,
    });
    expect(founded.closedPlanIds).toEqual([planId]);

    const after = await township.work.plans.board();
    const closed = after.plans.find((p) => p.id === planId)!;
    expect(closed.state).toBe("closed");
    expect(closed.closedOn).toBe(TODAY);
    expect(after.shouldEstablish.some((h) => h.hostId === target!.hostId)).toBe(false);
    expect(after.summary.shouldEstablishNotEstablished).toBe(
      before.summary.shouldEstablishNotEstablished! - 1,
    );
    expect(after.summary.orgCoverageRate!).toBeGreaterThan(before.summary.orgCoverageRate!);
    const rateAfter = computeNodeIndicators(
      await loadSnapshot(db),
      nodeId,
      TODAY,
      DEFAULT_POLICY,
    ).orgCoverageRate!;
    expect(rateAfter).toBeGreaterThan(rateBefore);
    expect(rateAfter).toBe(after.summary.orgCoverageRate);

    const org = one<{ formationMode: string; parentId: number; path: string }>(
      "select formation_mode as formationMode, parent_id as parentId, path from orgs where id = ?",
      founded.orgId,
    );
    expect(org).toMatchObject({ formationMode: "standalone", parentId: nodeId });
    expect(org.path.endsWith(`/${founded.orgId}/`)).toBe(true);
    expect(audits("org.found")).toBe(1);
    expect(audits("coverage.start")).toBe(1);
    await expect(township.work.plans.addNote({ planId, notedOn: TODAY, note: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("closes a plan at the write that ends its need: a coverage (the hook), the host closing, an import or migrate; a listing never writes", async () => {
    const township = callerFor("township");
    const board = await township.work.plans.board();
    const [a, b, c] = board.shouldEstablish.filter((h) => h.openPlanId === null);
    const plan = (hostId: number) =>
      township.work.plans.create({ hostId, targetOn: "2027-01-31", responsible: "李四" });
    const [pa, pb, pc] = [await plan(a!.hostId), await plan(b!.hostId), await plan(c!.hostId)];
    const stored = (id: number) =>
      one<{ state: string; closedOn: string | null; closedReason: string | null }>(
        "select state, closed_on as closedOn, closed_reason as closedReason from establishment_plans where id = ?",
        id,
      );
    const coveringOrg = one<{ id: number }>(
      "select id from orgs where category = 'jointBranch' and path like ? limit 1",
      `${one<{ path: string }>("select o.path from users u join orgs o on o.id = u.org_id where u.username = 'township'").path}%`,
    ).id;

    // The hook, as setCoverage calls it in its transaction.
    await writeTransaction(db, async (tx) => {
      db.$client
        .prepare("insert into coverages (host_id, org_id, start_on) values (?, ?, ?)")
        .run(a!.hostId, coveringOrg, "2026-11-20");
      expect(await onCoverageStarted(tx, a!.hostId, "2026-11-20")).toEqual([pa.id]);
    });
    expect(stored(pa.id).state).toBe("closed");

    // A coverage written past the row writer (as versions before it wrote an import's rows): listing
    // changes nothing; migrate's closeStalePlans closes it, dated from the coverage, audited.
    db.$client
      .prepare("insert into coverages (host_id, org_id, start_on) values (?, ?, ?)")
      .run(b!.hostId, coveringOrg, "2026-11-19");
    await township.work.plans.board();
    await township.work.plans.get({ id: pb.id });
    expect(stored(pb.id).state).toBe("open");
    expect(await writeTransaction(db, (tx) => closeStalePlans(tx, TODAY))).toEqual([pb.id]);
    expect(stored(pb.id)).toMatchObject({ state: "closed", closedOn: "2026-11-19" });

    // The host closes: its plan closes in the same write, dated the closing day.
    const version = one<{ version: number }>("select version from hosts where id = ?", c!.hostId).version;
    await township.records.host.update({ id: c!.hostId, closedOn: "2026-11-30", version });
    expect(stored(pc.id)).toEqual({
      state: "closed",
      closedOn: "2026-11-30",
      closedReason: "两新组织已注销或停业,计划自动关闭",
    });
  });

  it("refuses a plan for a covered host, a target in the past, and answers NOT_FOUND outside the territory", async () => {
    const township = callerFor("township");
    const board = await township.work.plans.board();
    const h = board.shouldEstablish.find((x) => x.openPlanId === null)!;
    await expect(
      township.work.plans.create({ hostId: h.hostId, targetOn: "2026-11-01", responsible: "王五" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("不能早于今天") });
    const covered = one<{ hostId: number }>(
      "select host_id as hostId from coverages where end_on is null limit 1",
    );
    const shiqiao = callerFor("shiqiao");
    const other = (await shiqiao.work.plans.board()).plans[0]!;
    await expect(township.work.plans.get({ id: other.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor("branch").work.plans.board()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      township.work.plans.create({ hostId: covered.hostId, targetOn: "2027-01-01", responsible: "王五" }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/BAD_REQUEST|NOT_FOUND/) });
  });

  it("flags open plans whose target date passed as overdue", async () => {
    const board = await callerFor("township").work.plans.board();
    expect(board.overdue.length).toBeGreaterThan(0);
    expect(board.overdue.every((p) => p.state === "open" && p.targetOn < TODAY)).toBe(true);
    expect(board.overdue[0]!.milestones.every((m) => m.overdue)).toBe(true);
  });
});

describe("meetings", () => {
  it("a branch secretary records a 党课 and the compliance of the organization changes", async () => {
    const branch = callerFor("branch");
    const orgId = one<{ id: number }>("select org_id as id from users where username = 'branch'").id;
    const before = (await branch.work.meetings.compliance({ period: "ytd" })).rows.find(
      (r) => r.orgId === orgId,
    )!;
    expect(before.behind).toBe(true);
    expect(before.kinds.find((k) => k.kind === "partyLecture")).toMatchObject({ expected: 3, held: 2 });
    await branch.work.meetings.record({
      orgId,
      kind: "partyLecture",
      heldOn: "2026-11-18",
      topic: "党课",
      attendees: 9,
    });
    const after = (await branch.work.meetings.compliance({ period: "ytd" })).rows.find(
      (r) => r.orgId === orgId,
    )!;
    expect(after.behind).toBe(false);
    expect(after.rate).toBe(100);
    expect(audits("meeting.record")).toBe(1);
    // Attendance up to the organization's members that day; one more is refused, naming both numbers.
    const members = one<{ n: number }>(
      `select count(*) as n from member_relationships r join members m on m.id = r.member_id
       where r.org_id = ? and r.start_on <= '2026-11-18' and (r.end_on is null or r.end_on > '2026-11-18')
         and m.joined_on <= '2026-11-18'`,
      orgId,
    ).n;
    expect(members).toBeGreaterThan(0);
    await branch.work.meetings.record({ orgId, kind: "themeDay", heldOn: "2026-11-18", attendees: members });
    await expect(
      branch.work.meetings.record({ orgId, kind: "themeDay", heldOn: "2026-11-18", attendees: members + 1 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(`出席人数${members + 1}人超过`),
    });
    expect(audits("meeting.record")).toBe(2);
  });

  it("lists behind-schedule organizations, refuses a future date, and answers NOT_FOUND outside the subtree", async () => {
    const township = await callerFor("township").work.meetings.compliance({ period: "ytd" });
    expect(township.behind.length).toBeGreaterThan(0);
    expect(township.behind.every((r) => r.behind)).toBe(true);
    const outside = one<{ id: number }>(
      "select id from orgs where category = 'branch' and path not like (select path from orgs where id = (select org_id from users where username='township')) || '%' limit 1",
    ).id;
    const branch = callerFor("branch");
    await expect(
      branch.work.meetings.record({ orgId: outside, kind: "themeDay", heldOn: TODAY }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const own = one<{ id: number }>("select org_id as id from users where username = 'branch'").id;
    await expect(
      branch.work.meetings.record({ orgId: own, kind: "themeDay", heldOn: addDays(TODAY, 10) }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      branch.work.meetings.record({ orgId: own, kind: "themeDay", heldOn: "2026-13-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("有效日期"),
    });
  });
});

describe("party groups (党小组)", () => {
  it("expects 党小组会 only of organizations with party groups, as their editor records it", async () => {
    const township = callerFor("township");
    const kindsOf = async (orgId: number) =>
      (await township.work.meetings.compliance({ period: "ytd" })).rows.find((r) => r.orgId === orgId)!.kinds;
    const groupMeetings = async (orgId: number) =>
      (await kindsOf(orgId)).find((k) => k.kind === "groupMeeting")!;
    const board = await township.work.meetings.compliance({ period: "ytd" });
    const groups = (id: number) =>
      one<{ g: number }>("select has_party_groups as g from orgs where id = ?", id).g;
    const without = board.rows.filter((r) => groups(r.orgId) === 0);
    const withGroups = board.rows.filter((r) => groups(r.orgId) === 1);
    expect(without.length).toBeGreaterThan(0);
    expect(withGroups.length).toBeGreaterThan(0);
    for (const r of without) expect(r.kinds.find((k) => k.kind === "groupMeeting")!.expected).toBe(0);
    // An organization of last year or before, without party groups: recording them makes 党小组会 due.
    const target = one<{ id: number; version: number }>(
      `select id, version from orgs where id in (${without.map((r) => r.orgId).join(",")})
         and founded_on < '2026-01-01' order by id limit 1`,
    );
    expect((await groupMeetings(target.id)).expected).toBe(0);
    await township.records.org.update({ id: target.id, version: target.version, hasPartyGroups: true });
    // Monthly, as the 支委会: due as many times this year.
    const monthly = (await kindsOf(target.id)).find((k) => k.kind === "branchCommittee")!.expected;
    expect(monthly).toBeGreaterThan(0);
    expect((await groupMeetings(target.id)).expected).toBe(monthly);
    const detail = await township.orgs.get({ id: target.id });
    expect(detail.access === "edit" && detail.hasPartyGroups).toBe(true);
    // A management node has no party groups.
    const node = one<{ id: number; version: number }>(
      "select id, version from orgs where id = (select org_id from users where username = 'township')",
    );
    await expect(
      callerFor("county").records.org.update({ id: node.id, version: node.version, hasPartyGroups: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("管理单位不设党小组") });
  });
});

describe("elections", () => {
  it("recording an election updates the last election and removes the organization from the overdue list", async () => {
    const township = callerFor("township");
    const board = await township.work.elections.board();
    const due = board.overdue[0]!;
    expect(due.state).toBe("overdue");
    const res = await township.work.elections.record({ orgId: due.orgId, heldOn: "2026-11-10" });
    expect(res.dueOn).toBe(due.category === "committee" ? "2031-11-10" : "2029-11-10");
    const after = await township.work.elections.board();
    expect(after.overdue.some((r) => r.orgId === due.orgId)).toBe(false);
    expect(after.dueSoon.some((r) => r.orgId === due.orgId)).toBe(false);
    expect(one<{ d: string }>("select last_election_on as d from orgs where id = ?", due.orgId).d).toBe(
      "2026-11-10",
    );
    await expect(
      township.work.elections.record({ orgId: due.orgId, heldOn: "2026-11-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("counts due-within-90-days from the policy term", async () => {
    const later = await callerFor("township", "2028-10-01").work.elections.board();
    expect(later.dueSoon.every((r) => r.daysLeft >= 0 && r.daysLeft <= 90)).toBe(true);
    expect(later.overdue.every((r) => r.daysLeft < 0)).toBe(true);
  });
});

describe("instructors", () => {
  it("shows the dispatching organization its instructors, lists uncovered hosts, assigns with a cap warning and ends", async () => {
    const township = callerFor("township");
    const view = await township.work.instructors.dispatch();
    expect(view.instructors.length).toBeGreaterThan(0);
    expect(view.uncovered.length).toBeGreaterThan(0);
    const ins = view.instructors[0]!;
    // The dispatch page assigns through the one write path, records.assignment.start.
    let warnings: { message: string }[] = [];
    const hosts = view.uncovered.slice(0, view.cap + 1 - ins.activeHosts);
    for (const h of hosts) {
      warnings = (
        await township.records.assignment.start({ instructorId: ins.id, hostId: h.id, startOn: TODAY })
      ).warnings;
    }
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/超过5个/);
    const after = await township.work.instructors.dispatch();
    expect(after.instructors.find((i) => i.id === ins.id)!.overCap).toBe(true);
    expect(after.uncovered.some((h) => h.id === hosts[0]!.id)).toBe(false);
    const asg = after.instructors
      .find((i) => i.id === ins.id)!
      .assignments.find((a) => a.hostId === hosts[0]!.id)!;
    await expect(township.records.assignment.end({ id: asg.id, endOn: TODAY })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await township.records.assignment.end({ id: asg.id, endOn: addDays(TODAY, 1) });
    await expect(
      callerFor("shiqiao").records.assignment.end({ id: asg.id, endOn: addDays(TODAY, 2) }),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/NOT_FOUND|BAD_REQUEST/),
    });
  });
});

describe("ratings, rectifications and pacts", () => {
  it("rates an organization, opens a weak-and-lax case and closes it", async () => {
    const township = callerFor("township");
    const orgId = (await township.work.orgs())[0]!.id;
    await township.work.ratings.set({ orgId, year: 2026, stars: null, grade: "lagging" });
    expect((await township.work.ratings.list({ year: 2026 })).find((r) => r.orgId === orgId)?.grade).toBe(
      "lagging",
    );
    await expect(
      township.work.ratings.set({ orgId, year: 2026, stars: 3, grade: "average" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // Any past year the organization existed in: its founding year yes, the year before no; never a future year.
    const ids = (await township.work.orgs()).map((o) => o.id);
    const young = one<{ id: number; foundedOn: string }>(
      `select id, founded_on as foundedOn from orgs where id in (${ids.join(",")}) order by founded_on desc limit 1`,
    );
    const founded = Number(young.foundedOn.slice(0, 4));
    expect(founded).toBeGreaterThan(2000);
    await township.work.ratings.set({ orgId: young.id, year: founded, stars: 3, grade: null });
    await expect(
      township.work.ratings.set({ orgId: young.id, year: founded - 1, stars: 3, grade: null }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining(`在${founded - 1}年不存在`),
    });
    await expect(
      township.work.ratings.set({ orgId, year: 2027, stars: 3, grade: null }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("2027年尚未开始") });
    const { id } = await township.work.rectifications.open({
      orgId,
      year: 2026,
      reason: "班子软弱",
      deadline: "2026-12-31",
    });
    expect((await township.work.rectifications.list()).find((c) => c.id === id)?.state).toBe("open");
    await township.work.rectifications.resolve({ id, resolvedOn: TODAY });
    expect((await township.work.rectifications.list()).find((c) => c.id === id)?.state).toBe("closed");
    await expect(township.work.rectifications.resolve({ id, resolvedOn: TODAY })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      callerFor("shiqiao").work.rectifications.resolve({ id, resolvedOn: TODAY }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("records a pact with parties and shows it to its parties' scopes only", async () => {
    const township = callerFor("township");
    const orgId = (await township.work.orgs())[0]!.id;
    const { id } = await township.work.pacts.create({
      kind: "pairing",
      name: "结对帮扶测试",
      startOn: "2026-06-01",
      funds: 2.5,
      outcome: "共建活动阵地",
      parties: [{ orgId }, { name: "清源市税务局机关党委" }],
    });
    const pact = (await township.work.pacts.list()).find((p) => p.id === id)!;
    expect(pact.parties.map((p) => p.type)).toEqual(["org", "outside"]);
    expect(pact.fundsFen).toBe(2_500_000);
    // Funds finer than the form's two decimals are refused, naming the field.
    await expect(
      township.work.pacts.create({
        kind: "pairing",
        name: "结对帮扶测试二",
        startOn: "2026-06-01",
        funds: 2.555,
        parties: [{ orgId }, { name: "清源市税务局机关党委" }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("万元,最多两位小数") });
    expect((await callerFor("shiqiao").work.pacts.list()).some((p) => p.id === id)).toBe(false);
  });

  it("joins two organizations of the tree (结对帮扶), never one organization with itself", async () => {
    const township = callerFor("township");
    const [a, b] = await township.work.orgs();
    const { id } = await township.work.pacts.create({
      kind: "pairing",
      name: "支部结对测试",
      startOn: "2026-06-01",
      parties: [{ orgId: a!.id }, { orgId: b!.id }],
    });
    const pact = (await township.work.pacts.list()).find((p) => p.id === id)!;
    expect(pact.parties.map((p) => p.type)).toEqual(["org", "org"]);
    await expect(
      township.work.pacts.create({
        kind: "pairing",
        name: "同一支部",
        startOn: "2026-06-01",
        parties: [{ orgId: a!.id }, { orgId: a!.id }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("不能重复") });
  });
});

describe("development pipeline", () => {
  it("advances an applicant one stage at a time; 预备党员 becomes a member, then due for full membership", async () => {
    const branch = callerFor("branch");
    const orgId = one<{ id: number }>("select org_id as id from users where username = 'branch'").id;
    const { id } = await branch.work.development.create({
      idNumber: "11010519491231002X",
      name: "测试申请人",
      gender: "female",
      orgId,
      appliedOn: "2024-03-01",
    });
    await expect(
      branch.work.development.advance({ applicantId: id, stage: "candidate", on: "2024-06-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await branch.work.development.advance({ applicantId: id, stage: "activist", on: "2024-06-01" });
    await expect(
      branch.work.development.advance({ applicantId: id, stage: "candidate", on: "2024-05-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // Five months of training are not the year the rules ask for.
    await expect(
      branch.work.development.advance({ applicantId: id, stage: "candidate", on: "2024-11-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("最早2025-06-01可确定为发展对象"),
    });
    await branch.work.development.advance({ applicantId: id, stage: "candidate", on: "2025-06-01" });
    const res = await branch.work.development.advance({
      applicantId: id,
      stage: "probationary",
      on: "2025-12-01",
    });
    expect(res.memberId).not.toBeNull();
    const due = await branch.work.development.probationDue();
    expect(due.find((p) => p.memberId === res.memberId)?.endsOn).toBe("2026-12-01");
    const inbox = await branch.work.inbox();
    expect(inbox.some((i) => i.kind === "probationEnding" && i.refId === res.memberId)).toBe(true);
    // Four days early: refused, naming the earliest day; the member stays probationary.
    await expect(
      branch.work.development.confirmFull({ memberId: res.memberId!, fullOn: "2026-11-27" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "预备期为12个月:2025-12-01接收为预备党员,最早2026-12-01可转为正式党员",
    });
    expect(
      one<{ fullOn: string | null }>("select full_on as fullOn from members where id = ?", res.memberId)
        .fullOn,
    ).toBeNull();
    await branch.work.development.confirmFull({ memberId: res.memberId!, fullOn: TODAY });
    expect((await branch.work.development.probationDue()).some((p) => p.memberId === res.memberId)).toBe(
      false,
    );
  });

  it("never attaches a member registered elsewhere: an existing member's id is refused, at entry and at 预备党员", async () => {
    const branch = callerFor("branch");
    const orgId = one<{ id: number }>("select org_id as id from users where username = 'branch'").id;
    // A member of another county, outside the branch's subtree.
    const outside = one<{ id: number; idNumber: string; fullOn: string | null }>(
      `select m.id, m.id_number as idNumber, m.full_on as fullOn from members m join orgs o on o.id = m.org_id
       where o.path not glob (select path || '*' from orgs where id = ?) order by m.id limit 1`,
      orgId,
    );
    await expect(
      branch.work.development.create({
        idNumber: outside.idNumber,
        name: "重复登记",
        gender: "male",
        orgId,
        appliedOn: "2024-03-01",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "该人员不能在此登记,请通过组织关系接转办理" });

    // The person enters the member register elsewhere after applying here: reaching 预备党员 is refused,
    // and the other member's record is untouched.
    const idNumber = "110105194912310038";
    const { id } = await branch.work.development.create({
      idNumber,
      name: "后登记者",
      gender: "female",
      orgId,
      appliedOn: "2023-03-01",
    });
    await branch.work.development.advance({ applicantId: id, stage: "activist", on: "2023-06-01" });
    await branch.work.development.advance({ applicantId: id, stage: "candidate", on: "2024-06-01" });
    const otherOrg = one<{ id: number }>("select org_id as id from members where id = ?", outside.id).id;
    db.$client
      .prepare(
        `insert into members (id_number, name, gender, joined_on, org_id, created_at) values (?, '外县党员', 'female', '2020-01-01', ?, '2026-12-03T02:00:00.000Z')`,
      )
      .run(idNumber, otherOrg);
    const before = one<{ n: number }>("select count(*) as n from members").n;
    await expect(
      branch.work.development.advance({ applicantId: id, stage: "probationary", on: "2025-12-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "该人员不能在此登记,请通过组织关系接转办理" });
    expect(one<{ n: number }>("select count(*) as n from members").n).toBe(before);
    expect(
      one<{ memberId: number | null }>("select member_id as memberId from applicants where id = ?", id),
    ).toEqual({ memberId: null });
  });
});

describe("inbox", () => {
  it("shows the township administrator its due elections and overdue plans, and only its own", async () => {
    const mine = await callerFor("township").work.inbox();
    const theirs = await callerFor("shiqiao").work.inbox();
    const kinds = new Set(mine.map((i) => i.kind));
    expect(kinds.has("planOverdue")).toBe(true);
    expect(kinds.has("electionOverdue") || kinds.has("electionDue")).toBe(true);
    expect(theirs.length).toBeGreaterThan(0);

    // Every election reminder concerns an organization of the township's subtree, every plan one of its hosts.
    const path = one<{ path: string }>(
      "select o.path from users u join orgs o on o.id = u.org_id where u.username = 'township'",
    ).path;
    const regionPath = one<{ path: string }>(
      "select r.path from users u join orgs o on o.id = u.org_id join regions r on r.id = o.region_id where u.username = 'township'",
    ).path;
    for (const i of mine) {
      if (i.kind === "electionDue" || i.kind === "electionOverdue") {
        expect(
          one<{ path: string }>("select path from orgs where id = ?", i.refId).path.startsWith(path),
        ).toBe(true);
      }
      if (i.kind === "planOverdue") {
        const r = one<{ path: string }>(
          "select r.path from establishment_plans p join hosts h on h.id = p.host_id join regions r on r.id = h.region_id where p.id = ?",
          i.refId,
        );
        expect(r.path.startsWith(regionPath)).toBe(true);
      }
    }
    const key = (i: { kind: string; refId: number }) => `${i.kind}:${i.refId}`;
    const theirKeys = new Set(theirs.map(key));
    expect(mine.filter((i) => i.kind !== "probationEnding").some((i) => theirKeys.has(key(i)))).toBe(false);
    // The township's overdue plans are exactly those of the plans board.
    const board = await callerFor("township").work.plans.board();
    expect(
      mine
        .filter((i) => i.kind === "planOverdue")
        .map((i) => i.refId)
        .sort(),
    ).toEqual(board.overdue.map((p) => p.id).sort());
  });

  it("brings a pending transfer to the receiving organization's administrator only", async () => {
    const t = one<{ id: number; toOrgId: number }>(
      "select id, to_org_id as toOrgId from transfers where state = 'pending' limit 1",
    );
    const city = await callerFor("city").work.inbox();
    expect(city.some((i) => i.kind === "transferAwaiting" && i.refId === t.id)).toBe(true);
    const shiqiaoPath = one<{ path: string }>(
      "select o.path from users u join orgs o on o.id = u.org_id where u.username = 'shiqiao'",
    ).path;
    const toPath = one<{ path: string }>("select path from orgs where id = ?", t.toOrgId).path;
    const shiqiao = await callerFor("shiqiao").work.inbox();
    expect(shiqiao.some((i) => i.kind === "transferAwaiting" && i.refId === t.id)).toBe(
      toPath.startsWith(shiqiaoPath),
    );
  });
});
