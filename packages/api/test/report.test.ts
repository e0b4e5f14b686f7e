/**
 * Acceptance of the year-end report on a fixture whose answers are worked out by hand (see
 * fixtures/report-fixture.ts for the records). As of 2025-12-31 (default policy: above scale = ≥100
 * employees, or ≥50 and revenue ≥500万元; should establish = ≥3 full members working there):
 *
 * Host facts (h6 closed 2025-06-30: not counted anywhere):
 *   h1 A ent 120 above-scale, covered J (joint), members working m1 + m3 = 2 (full 2)
 *   h2 A ent 20, not covered, instructor I1 → instructorCovered, workCovered
 *   h5 A ent 30, covered IB (standalone; a 行业党委 branch covering a host of A's territory), m4 (prob.) = 1
 *   h3 B social 10, covered J (joint; J belongs to A, the host lies in B), m2 = 1
 *   h4 B ent 60/600 above-scale, covered S1 standalone, m10 deceased → 0
 *   h7 B ent 15, covered MV standalone, m8 = 1
 *   h9 B ent 25, not covered, m5–m7 (held outside the city, full) = 3 → 应建未建, instructor I1
 *   h8 Z ent 40, covered KD standalone, m9 = 1 → the county's 直属 row
 *
 * Row 甲镇 (A): hosts 3 (ent 3), employees 170, aboveScale 1, withMembers 2, withThree 0, covered 2
 *   (standalone 1, joint 1) → 66.67%, standaloneRate 33.33, aboveScaleCoverageRate 100,
 *   threeMemberStandaloneRate null, SENE 0, instructorCovered 1, instructors 1, workCovered 3 → 100,
 *   membersEmployed 3 → 3/170 = 1.76. Orgs by subordination: J + R = 2 (generalBranches 1, branches 1,
 *   joint 1); MV is not here (re-parented only in 2026). Members held: m1, m2, m11 = 3 (full 2, prob. 1).
 * Row 乙镇 (B): hosts 4 (ent 3, social 1), employees 110, aboveScale 1, withMembers 3, withThree 1,
 *   covered 3 (standalone 2, joint 1) → 75%, standaloneRate 50, aboveScaleCoverageRate 100,
 *   threeMemberStandaloneRate 0, SENE 1, instructorCovered 1, instructors 1, workCovered 4 → 100,
 *   membersEmployed 5 → 4.55. Orgs: S1 + MV = 2 branches. Members: m3 + m8 = 2 full (m10 deceased).
 *   The dual-management link S1→R adds nothing to 甲镇.
 * Row 行业党委: host-side keys null; orgs IB = 1 branch; members m4 = 1 probationary.
 * Row 直属 (KD, region Z): hosts 1, employees 40, covered 1 standalone → 100, membersEmployed 1 → 2.5;
 *   orgs KD = 1 committee; members m9 = 1 full.
 * 合计 (county): hosts 8, ent 7, social 1, employees 320, aboveScale 2, withMembers 6, withThree 1,
 *   covered 6 (standalone 4, joint 2) → 75, standaloneRate 50, aboveScaleCoverageRate 100,
 *   threeMemberStandaloneRate 0, SENE 1, instructorCovered 2, instructors 1 (I1 serves A and B: one
 *   person), workCovered 8 → 100, membersEmployed 9 → 9/320 = 2.81; orgs 6 (committees 1,
 *   generalBranches 1, branches 4, joint 1); members 7 (full 5, prob. 2). m5–m7 are in no member count.
 * Year over year (2024-12-31, h3 not yet covered, h6 still operating): county 5/9 = 55.56% → +19.44 pp;
 *   甲镇 2/4 = 50% → +16.67 pp; 乙镇 2/4 = 50% → +25 pp.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { reportSignature, type ReportView } from "@liangxin/core/reports";
import { chinaDateOf, fixedClock, setClock } from "@liangxin/domain";
import { buildReportFixture, callerAs, F } from "./fixtures/report-fixture.ts";

let db: Db;

const as = (username: string) => callerAs(db, username);
/** A day after the 2026 year end: the 2026 reporting window is open. */
const AFTER_YEAR_END = "2027-01-10T10:00:00+08:00";

const row = (v: ReportView, orgId: number, kind: "child" | "direct" = "child") =>
  v.rows.find((r) => r.orgId === orgId && r.kind === kind)!;

beforeEach(() => {
  db = openTestDb();
  buildReportFixture(db);
});

describe("the county's 2025 report, worked out by hand", () => {
  it("has one row per child management node, a 直属 row and the 合计", async () => {
    const v = await as("county").report.get({ year: 2025 });
    expect(v.asOf).toBe("2025-12-31");
    expect(v.rows.map((r) => [r.kind, r.orgId])).toEqual([
      ["child", F.org.TA],
      ["child", F.org.TB],
      ["child", F.org.IND],
      ["direct", F.org.KW],
    ]);
    expect(v.policy.effectiveOn).toBe("1900-01-01"); // no policy stored: the defaults apply
  });

  it("counts township A: a joint branch's host in B and a 行业党委 branch's host in A by territory", async () => {
    const a = row(await as("county").report.get({ year: 2025 }), F.org.TA).indicators;
    expect(a).toMatchObject({
      hosts: 3,
      enterprises: 3,
      socialOrgs: 0,
      employees: 170,
      aboveScale: 1,
      withMembers: 2,
      withThreeMembers: 0,
      orgCovered: 2,
      coveredByMode: { standalone: 1, joint: 1, affiliated: 0, regional: 0 },
      orgCoverageRate: 66.67,
      standaloneRate: 33.33,
      aboveScaleCoverageRate: 100,
      threeMemberStandaloneRate: null,
      shouldEstablishNotEstablished: 0,
      instructorCovered: 1,
      instructors: 1,
      workCovered: 3,
      workCoverageRate: 100,
      membersEmployed: 3,
      membersShareOfEmployees: 1.76,
      orgs: { total: 2, committees: 0, generalBranches: 1, branches: 1, jointBranches: 1 },
      members: { total: 3, full: 2, probationary: 1 },
      prevOrgCoverageRate: 50,
      orgCoverageRateChangePp: 16.67,
    });
  });

  it("counts township B with the organization re-parented after the year still under B", async () => {
    const b = row(await as("county").report.get({ year: 2025 }), F.org.TB).indicators;
    expect(b).toMatchObject({
      hosts: 4,
      enterprises: 3,
      socialOrgs: 1,
      employees: 110,
      aboveScale: 1,
      withMembers: 3,
      withThreeMembers: 1,
      orgCovered: 3,
      coveredByMode: { standalone: 2, joint: 1, affiliated: 0, regional: 0 },
      orgCoverageRate: 75,
      standaloneRate: 50,
      aboveScaleCoverageRate: 100,
      threeMemberStandaloneRate: 0,
      shouldEstablishNotEstablished: 1,
      instructorCovered: 1,
      instructors: 1,
      workCovered: 4,
      workCoverageRate: 100,
      membersEmployed: 5,
      membersShareOfEmployees: 4.55,
      orgs: { total: 2, committees: 0, generalBranches: 0, branches: 2, jointBranches: 0 },
      members: { total: 2, full: 2, probationary: 0 },
      prevOrgCoverageRate: 50,
      orgCoverageRateChangePp: 25,
    });
  });

  it("gives the 行业党委 null host-side keys and the 直属 row the county's own organization and host", async () => {
    const v = await as("county").report.get({ year: 2025 });
    const ind = row(v, F.org.IND).indicators;
    expect(ind.hosts).toBeNull();
    expect(ind.orgCoverageRate).toBeNull();
    expect(ind.coveredByMode.standalone).toBeNull();
    expect(ind.orgs).toEqual({ total: 1, committees: 0, generalBranches: 0, branches: 1, jointBranches: 0 });
    expect(ind.members).toEqual({ total: 1, full: 0, probationary: 1 });
    const d = row(v, F.org.KW, "direct").indicators;
    expect(d).toMatchObject({
      hosts: 1,
      employees: 40,
      orgCovered: 1,
      orgCoverageRate: 100,
      membersEmployed: 1,
      membersShareOfEmployees: 2.5,
      orgs: { total: 1, committees: 1, generalBranches: 0, branches: 0, jointBranches: 0 },
      members: { total: 1, full: 1, probationary: 0 },
    });
  });

  it("adds up to the 合计 with every host, organization and member once (one instructor across two townships)", async () => {
    const v = await as("county").report.get({ year: 2025 });
    expect(v.total).toMatchObject({
      hosts: 8,
      enterprises: 7,
      socialOrgs: 1,
      employees: 320,
      aboveScale: 2,
      withMembers: 6,
      withThreeMembers: 1,
      orgCovered: 6,
      coveredByMode: { standalone: 4, joint: 2, affiliated: 0, regional: 0 },
      orgCoverageRate: 75,
      standaloneRate: 50,
      aboveScaleCoverageRate: 100,
      threeMemberStandaloneRate: 0,
      shouldEstablishNotEstablished: 1,
      instructorCovered: 2,
      instructors: 1,
      workCovered: 8,
      workCoverageRate: 100,
      membersEmployed: 9,
      membersShareOfEmployees: 2.81,
      orgs: { total: 6, committees: 1, generalBranches: 1, branches: 4, jointBranches: 1 },
      members: { total: 7, full: 5, probationary: 2 },
      prevOrgCoverageRate: 55.56,
      orgCoverageRateChangePp: 19.44,
    });
    expect(v.checks.filter((c) => c.level === "error")).toEqual([]);
  });

  it("counts h4 (60 employees) above scale at 500 万元 exactly, not at 499.99 万元", async () => {
    const tb = as("tb");
    const aboveScale = async () => (await as("county").report.get({ year: 2025 })).total.aboveScale;
    await tb.records.host.setYear({ hostId: F.host.h4, year: 2025, employees: 60, revenue: 500 });
    expect(await aboveScale()).toBe(2);
    await tb.records.host.setYear({ hostId: F.host.h4, year: 2025, employees: 60, revenue: 499.99 });
    expect(await aboveScale()).toBe(1);
    // As the form's text.
    await tb.records.host.setYear({ hostId: F.host.h4, year: 2025, employees: 60, revenue: "500.00" });
    expect(await aboveScale()).toBe(2);
    const figures = (await tb.hosts.get({ id: F.host.h4 })).figures;
    expect(figures.find((f) => f.year === 2025)?.revenueFen).toBe(500_000_000);
    // A third decimal is refused, naming the field.
    await expect(
      tb.records.host.setYear({ hostId: F.host.h4, year: 2025, employees: 60, revenue: 499.999 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("营业收入(万元)") });
  });

  it("gives the city the same figures once more (one county row, an empty 直属 row)", async () => {
    const city = await as("city").report.get({ year: 2025 });
    const county = await as("county").report.get({ year: 2025 });
    expect(row(city, F.org.KW).indicators).toEqual(county.total);
    expect(city.total.hosts).toBe(8);
    expect(city.total.members.total).toBe(7);
    expect(city.total.orgs.total).toBe(6);
    expect(city.total.instructors).toBe(1);
    expect(row(city, F.org.CW, "direct").indicators.hosts).toBe(0);
  });

  it("gives a township its single row and an annex per grassroots organization", async () => {
    const v = await as("ta").report.get({ year: 2025 });
    expect(v.rows).toHaveLength(1);
    expect(v.rows[0]!.kind).toBe("direct");
    expect(v.total.hosts).toBe(3);
    expect(v.annex.map((r) => [r.orgId, r.indicators.orgs.total, r.indicators.members.total])).toEqual([
      [F.org.J, 1, 3],
      [F.org.R, 1, 0],
    ]);
    // In 2026 the re-parented branch counts under A.
    const next = await as("ta").report.get({ year: 2026 });
    expect(next.total.orgs.total).toBe(3);
  });

  it("keeps other areas out of scope (NOT_FOUND) and drills to the records behind a figure", async () => {
    await expect(as("ta").report.get({ year: 2025, nodeId: F.org.TB })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const sene = await as("county").report.drill({
      nodeId: F.org.KW,
      year: 2025,
      rowOrgId: F.org.TB,
      key: "shouldEstablishNotEstablished",
    });
    expect(sene.hosts.map((h) => h.id)).toEqual([F.host.h9]);
    const employed = await as("county").report.drill({
      nodeId: F.org.KW,
      year: 2025,
      rowOrgId: F.org.TB,
      key: "membersEmployed",
    });
    expect(employed.members).toHaveLength(5);
    expect(employed.members.every((m) => m.name.endsWith("*"))).toBe(true);
    const orgs = await as("county").report.drill({ nodeId: F.org.KW, year: 2025, key: "orgs.branches" });
    expect(orgs.orgs).toHaveLength(4);
  });
});

describe("the workflow and frozen figures", () => {
  it("submits, returns with a reason, resubmits, approves; later edits leave the approved figures alone", async () => {
    const tb = as("tb");
    const county = as("county");
    const first = await tb.report.get({ year: 2025 });
    expect(first.actions.canSubmit).toBe(true);
    // Every warning code needs a written explanation.
    const warningCodes = [...new Set(first.checks.filter((c) => c.level === "warning").map((c) => c.code))];
    const explanations = Object.fromEntries(warningCodes.map((c) => [c, "已核实"]));
    const sub = await tb.report.submit({
      nodeId: F.org.TB,
      year: 2025,
      explanations,
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    await expect(tb.report.approve({ submissionId: sub.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(county.report.return({ submissionId: sub.id, reason: "  " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await county.report.return({ submissionId: sub.id, reason: "丙单位从业人员数有误" });
    expect((await tb.report.get({ year: 2025 })).submission?.returnReason).toBe("丙单位从业人员数有误");
    // Fix a record: h7 had 18 employees; a returned report is recomputed.
    db.$client.prepare("update host_years set employees = 18 where host_id = 7 and year = 2025").run();
    const again = await tb.report.submit({
      nodeId: F.org.TB,
      year: 2025,
      explanations,
      version: 2,
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    expect(again.version).toBe(3);
    await expect(county.report.approve({ submissionId: sub.id, version: 2 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await county.report.approve({ submissionId: sub.id, version: 3 });

    // After approval: close h7 in 2025 and move m8 out — the approved figures stay.
    db.$client.prepare("update hosts set closed_on = '2025-10-01' where id = 7").run();
    const frozen = await tb.report.get({ year: 2025 });
    expect(frozen.source).toBe("approved");
    expect(frozen.total.hosts).toBe(4);
    expect(frozen.total.employees).toBe(113);
    // The county sees B as a frozen row, and its 合计 is derived from the rows.
    const c = await county.report.get({ year: 2025 });
    const b = row(c, F.org.TB);
    expect(b.source).toBe("approved");
    expect(b.indicators.hosts).toBe(4);
    expect(c.total.hosts).toBe(3 + 4 + 1);
    expect(c.total.employees).toBe(170 + 113 + 40);
    // The audit trail has every step.
    const actions = db.$client
      .prepare("select action from audit_log where entity = 'report_submission' order by id")
      .pluck()
      .all();
    expect(actions).toEqual(["report.submit", "report.return", "report.submit", "report.approve"]);
  });

  it("上报 names 单位负责人 and 填表人: both required and not blank; the view and the signature block show them", async () => {
    const tb = as("tb");
    const live = await tb.report.get({ year: 2025 });
    expect(reportSignature(live)).toEqual({
      unit: live.node.name,
      unitHead: null,
      preparer: null,
      date: null,
    });
    const explanations = Object.fromEntries(live.checks.map((c) => [c.code, "已核实"]));
    const base = { nodeId: F.org.TB, year: 2025, explanations };
    await expect(tb.report.submit({ ...base, unitHead: "  ", preparer: "李晓梅" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("上报须填写单位负责人姓名"),
    });
    await expect(
      tb.report.submit({ ...base, unitHead: "张建国" } as Parameters<typeof tb.report.submit>[0]),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("上报须填写填表人姓名"),
    });
    await expect(
      tb.report.submit({ ...base, unitHead: "张建国", preparer: "李".repeat(31) }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("填表人姓名不超过30字"),
    });
    expect((await tb.report.get({ year: 2025 })).submission).toBeNull();

    await tb.report.submit({ ...base, unitHead: " 张建国 ", preparer: "李晓梅" });
    const submitted = await tb.report.get({ year: 2025 });
    expect(submitted.submission).toMatchObject({ unitHead: "张建国", preparer: "李晓梅" });
    expect(reportSignature(submitted)).toEqual({
      unit: live.node.name,
      unitHead: "张建国",
      preparer: "李晓梅",
      date: chinaDateOf(submitted.submission!.submittedAt!),
    });
    // The county sees the same names on the township's report.
    const seen = await as("county").report.get({ nodeId: F.org.TB, year: 2025 });
    expect(reportSignature(seen)).toMatchObject({ unitHead: "张建国", preparer: "李晓梅" });
  });

  it("carry-forward: a record of last year edited after its approval fails this year's check", async () => {
    const tb = as("tb");
    const v = await tb.report.get({ year: 2025 });
    const explanations = Object.fromEntries(v.checks.map((c) => [c.code, "已核实"]));
    const sub = await tb.report.submit({
      nodeId: F.org.TB,
      year: 2025,
      explanations,
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    await as("county").report.approve({ submissionId: sub.id });
    expect((await tb.report.get({ year: 2025 })).total.members.total).toBe(2);

    // Before any edit, 2026's opening members (as of 2025-12-31, MV still under B) equal the approved 2.
    const ok = await tb.report.checks({ year: 2026 });
    expect(ok.checks.some((c) => c.code === "OPENING_MEMBERS_MISMATCH")).toBe(false);

    // Edit 2025 after its approval: m8 died on 2025-11-01.
    db.$client
      .prepare(
        "insert into member_status_events (member_id, status, effective_on, created_at) values (?, 'deceased', '2025-11-01', '2026-12-03T02:00:00.000Z')",
      )
      .run(F.member.m8);
    const checks = await tb.report.checks({ year: 2026 });
    const failed = checks.checks.find((c) => c.code === "OPENING_MEMBERS_MISMATCH");
    expect(failed?.level).toBe("warning");
    expect(failed?.message).toContain("年初党员数1名");
    expect(failed?.message).toContain("2名");
    // The row holding m8 no longer balances: 年初 is the approved 2, 年末 the live 1, with no flow of 2026.
    const balance = checks.checks.filter((c) => c.code === "MEMBER_BALANCE");
    expect(balance.map((c) => c.message)).toEqual([
      expect.stringContaining("党员数不平衡:年末1名,按年初2名(上年审核数)及本年变动推算应为2名,少1名"),
    ]);
    // After the year end (the reporting window is open), the difference must be explained before submitting.
    const restore = setClock(fixedClock(AFTER_YEAR_END));
    try {
      await expect(
        tb.report.submit({
          nodeId: F.org.TB,
          year: 2026,
          explanations: { CHILD_NOT_APPROVED: "x" },
          unitHead: "张建国",
          preparer: "李晓梅",
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("需要填写书面说明") });
      const explained = await tb.report.submit({
        nodeId: F.org.TB,
        year: 2026,
        explanations: {
          CHILD_NOT_APPROVED: "x",
          OPENING_MEMBERS_MISMATCH: "m8 于 2025 年去世,补录",
          MEMBER_BALANCE: "同上",
        },
        unitHead: "张建国",
        preparer: "李晓梅",
      });
      expect(explained.state).toBe("submitted");
    } finally {
      restore();
    }
  });

  it("reporting window: a year is submitted from 1 January after it, or earlier once the city opens it by policy", async () => {
    const tb = as("tb");
    const explanations = { CHILD_NOT_APPROVED: "已核实" };
    // On the demo day (2026-12-03) the 2026 window is closed: refused, saying from when; the page has no 上报.
    await expect(
      tb.report.submit({
        nodeId: F.org.TB,
        year: 2026,
        explanations,
        unitHead: "张建国",
        preparer: "李晓梅",
      }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("2026年年报自 2027-01-01 起方可上报(今天是 2026-12-03)"),
    });
    const closed = await tb.report.get({ year: 2026 });
    expect(closed.window).toEqual({ opensOn: "2027-01-01", today: "2026-12-03", open: false });
    expect(closed.actions.canSubmit).toBe(false);
    const children = await as("county").report.children({ year: 2026 });
    expect(children.children.find((c) => c.orgId === F.org.TB)?.state).toBeNull();

    // The city opens it 31 days early, effective 2026-11-20: TB submits on the demo day.
    const policy = await as("city").records.policy.set({
      effectiveOn: "2026-11-20",
      params: { reportEarlyOpenDays: 31 },
    });
    expect(policy.params.reportEarlyOpenDays).toBe(31);
    const open = await tb.report.get({ year: 2026 });
    expect(open.window).toEqual({ opensOn: "2026-12-01", today: "2026-12-03", open: true });
    expect(open.actions.canSubmit).toBe(true);
    const sub = await tb.report.submit({
      nodeId: F.org.TB,
      year: 2026,
      explanations,
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    expect(sub.state).toBe("submitted");
    // Past years were open long ago; a window of more than a quarter is refused at the edge.
    await expect(
      as("city").records.policy.set({ effectiveOn: "2026-11-20", params: { reportEarlyOpenDays: 93 } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("年报提前开放天数应为 0–92 天"),
    });
  });

  it("the county submits its own report with its 直属 and 行业党委 rows to the city", async () => {
    const county = as("county");
    const v = await county.report.get({ year: 2025 });
    const explanations = Object.fromEntries(v.checks.map((c) => [c.code, "下级尚在审核"]));
    const sub = await county.report.submit({
      nodeId: F.org.KW,
      year: 2025,
      explanations,
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    const children = await as("city").report.children({ year: 2025 });
    expect(children.children.map((c) => [c.orgId, c.state])).toEqual([[F.org.KW, "submitted"]]);
    await as("city").report.approve({ submissionId: sub.id });
    const city = await as("city").report.get({ year: 2025 });
    expect(row(city, F.org.KW).source).toBe("approved");
    expect(row(city, F.org.KW).indicators.orgs.total).toBe(6);
  });
});
