/**
 * Issue 18: the year-end figures add up and reconcile. On the hand-worked fixture (report-fixture.ts):
 * 乙镇 (TB) holds 丁公司党支部 (S1, member m3; m10 died in 2025) in 2025. Approved figures are frozen with
 * the records behind them; a back-dated re-parenting that would count S1 twice is caught by 校核 and
 * blocks the county; 撤销审核 reopens 乙镇 (and every ancestor report including it); after the fix the
 * city's figures equal a live computation.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { openTestDb, type Db } from "@liangxin/db/driver";
import {
  buildReportFixture,
  callerAs,
  explainAll,
  F,
  liveTotal as liveTotalOf,
  reparentInSql as reparentSql,
} from "./fixtures/report-fixture.ts";

let db: Db;

const as = (username: string) => callerAs(db, username);

const explain = explainAll;

const reconcileErrors = (v: { checks: { level: string; code: string; message: string }[] }) =>
  v.checks.filter((c) => c.level === "error" && c.code.startsWith("RECONCILE")).map((c) => c.message);

/** 乙镇 submits 2025 and the county approves it. */
async function approveTb(): Promise<number> {
  const tb = as("tb");
  const sub = await tb.report.submit({
    nodeId: F.org.TB,
    year: 2025,
    explanations: explain(await tb.report.get({ year: 2025 })),
    unitHead: "张建国",
    preparer: "李晓梅",
  });
  await as("county").report.approve({ submissionId: sub.id });
  return sub.id;
}

const liveTotal = (nodeId: number, year: number) => liveTotalOf(db, nodeId, year);
const reparentInSql = (orgId: number, from: number, to: number, on: string) =>
  reparentSql(db, orgId, from, to, on);

beforeEach(() => {
  db = openTestDb();
  buildReportFixture(db);
});

describe("校核 compares a 合计 built from frozen rows with the live figures", () => {
  it("finds nothing when nothing changed after the approval", async () => {
    await approveTb();
    const county = await as("county").report.get({ year: 2025 });
    expect(county.rows.find((r) => r.orgId === F.org.TB)!.source).toBe("approved");
    expect(reconcileErrors(county)).toEqual([]);
  });

  it("names the branch and its member counted twice after a back-dated re-parenting, and blocks the county", async () => {
    await approveTb();
    // 丁公司党支部 moves from 乙镇 to the 行业党委, back-dated into the approved year, past the period lock
    // (written in the database directly, as a stale import or a repair script would).
    reparentInSql(F.org.S1, F.org.TB, F.org.IND, "2025-12-01");
    const county = await as("county").report.get({ year: 2025 });
    // Shown as before: 乙镇's frozen row still holds S1, the 行业党委's live row holds it too.
    expect(county.total.orgs.total).toBe(7);
    const errors = reconcileErrors(county);
    expect(errors).toContain("合计「党组织合计」按下级上报(含已审核)数据汇总为7,按实时数据计算为6");
    expect(errors).toContain(
      "党组织「乙镇丁公司党支部」同时计入「乙镇党委」与「测试县商贸行业党委」,重复统计",
    );
    expect(errors.some((e) => /^党员「.+\*」同时计入「乙镇党委」与「测试县商贸行业党委」/.test(e))).toBe(
      true,
    );
    // No citizen's full name in a message.
    expect(errors.join("")).not.toMatch(/党员「[^*」]+」/);
    await expect(
      as("county").report.submit({
        nodeId: F.org.KW,
        year: 2025,
        explanations: explain(county),
        unitHead: "张建国",
        preparer: "李晓梅",
      }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("refuses to approve a submission whose records changed after it was submitted", async () => {
    const tb = as("tb");
    const sub = await tb.report.submit({
      nodeId: F.org.TB,
      year: 2025,
      explanations: explain(await tb.report.get({ year: 2025 })),
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    db.$client.prepare("update hosts set closed_on = '2025-10-01' where id = ?").run(F.host.h7);
    const refused = as("county").report.approve({ submissionId: sub.id });
    await expect(refused).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(refused).rejects.toThrow(/两新组织「[^」]+」计入「[^」]+」,但按实时数据已不属于本单位/);
    // Returned, fixed by resubmission, then approved.
    await as("county").report.return({ submissionId: sub.id, reason: "庚公司已注销" });
    const again = await tb.report.submit({
      nodeId: F.org.TB,
      year: 2025,
      explanations: explain(await tb.report.get({ year: 2025 })),
      version: 2,
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    await as("county").report.approve({ submissionId: again.id });
    expect((await tb.report.get({ year: 2025 })).source).toBe("approved");
  });
});

describe("the drill-down of frozen figures", () => {
  it("lists the records counted at approval, marks what the live records no longer count, and shows the live list on request", async () => {
    await approveTb();
    const county = as("county");
    const ask = { nodeId: F.org.KW, year: 2025, rowOrgId: F.org.TB, key: "hosts" } as const;
    const before = await county.report.drill(ask);
    expect(before.source).toBe("frozen");
    expect(before.state).toBe("approved");
    expect(before.hosts).toHaveLength(4);
    expect(before.hosts.every((h) => h.live)).toBe(true);
    // h7 closed in 2025, written past the lock: the approved list still holds it, marked.
    db.$client.prepare("update hosts set closed_on = '2025-10-01' where id = ?").run(F.host.h7);
    const after = await county.report.drill(ask);
    expect(after.hosts.map((h) => [h.id, h.live]).sort()).toEqual(
      [
        [F.host.h3, true],
        [F.host.h4, true],
        [F.host.h7, false],
        [F.host.h9, true],
      ].sort(),
    );
    expect(after.liveOnly).toBe(0);
    const live = await county.report.drill({ ...ask, live: true });
    expect(live.source).toBe("live");
    expect(live.hosts.map((h) => h.id).sort()).toEqual([F.host.h3, F.host.h4, F.host.h9].sort());
  });
});

describe("the drill-down of member flows", () => {
  it("lists the members behind each flow, frozen once approved; the live list follows the ledger", async () => {
    await approveTb();
    const county = as("county");
    const ask = { nodeId: F.org.KW, year: 2025, rowOrgId: F.org.TB, key: "flows.deceased" } as const;
    const row = (await county.report.get({ year: 2025 })).rows.find((r) => r.orgId === F.org.TB)!;
    // m10 (S1, 乙镇) died on 2025-05-01: 乙镇's approved row counts one death, and lists that member.
    expect(row.indicators.flows.deceased).toBe(1);
    const dead = await county.report.drill(ask);
    expect(dead.source).toBe("frozen");
    expect(dead.label).toBe("党员变动·死亡");
    expect(dead.members).toHaveLength(1);
    expect(dead.members[0]!.idNumber).toMatch(/\*/);
    // The 年末 of the row lists as many members as the figure.
    const closing = await county.report.drill({ ...ask, key: "flows.closing" });
    expect(closing.members).toHaveLength(row.indicators.flows.closing);
    // The death deleted in SQL (past the lock): the approved list keeps m10, marked; live has none.
    db.$client.prepare("delete from member_status_events where member_id = 10").run();
    const after = await county.report.drill(ask);
    expect(after.members.map((x) => x.live)).toEqual([false]);
    expect((await county.report.drill({ ...ask, live: true })).members).toEqual([]);
  });

  it("年初 of the next year lists the members of last year's approved closing figure, as many as the figure", async () => {
    await approveTb();
    const tb = as("tb");
    const figure = (await tb.report.get({ year: 2026 })).total.flows.opening;
    expect(figure).toBe(2);
    // m10's death deleted in SQL (past the lock): the ledger now holds 3 members at the end of 2025.
    db.$client.prepare("delete from member_status_events where member_id = 10").run();
    const ask = { nodeId: F.org.TB, year: 2026, key: "flows.opening" } as const;
    const opening = await tb.report.drill(ask);
    expect(opening.source).toBe("frozen");
    expect(opening.state).toBe("approved");
    expect(opening.members).toHaveLength(figure);
    expect(opening.liveOnly).toBe(1);
    expect((await tb.report.drill({ ...ask, live: true })).members).toHaveLength(3);
    // The county's row of 乙镇 and its own 直属 row the same way.
    const row = await as("county").report.drill({ ...ask, nodeId: F.org.KW, rowOrgId: F.org.TB });
    expect(row.members).toHaveLength(figure);
  });
});

describe("the period lock", () => {
  it("refuses a change dated in an approved year that touches its figures, naming the lock and who can lift it", async () => {
    await approveTb();
    const county = as("county");
    const refused = county.records.org.reparent({
      orgId: F.org.S1,
      toParentId: F.org.IND,
      effectiveOn: "2025-12-01",
    });
    await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(refused).rejects.toThrow("乙镇党委 2025 年年报已审核通过,数据已锁定");
    await expect(refused).rejects.toThrow("请由 测试县两新工委 或更上级的管理员先撤销审核");
    // Nothing was written.
    expect(db.$client.prepare("select parent_id from orgs where id = ?").pluck().get(F.org.S1)).toBe(
      F.org.TB,
    );
    // A host of its territory closed in the approved year: refused too.
    const versionOf = (id: number) =>
      db.$client.prepare("select version from hosts where id = ?").pluck().get(id) as number;
    await expect(
      as("tb").records.host.update({ id: F.host.h7, closedOn: "2025-10-01", version: versionOf(F.host.h7) }),
    ).rejects.toThrow("已审核通过,数据已锁定");
    // Dated after the approved year: allowed. Another township's records: not locked.
    await county.records.org.reparent({ orgId: F.org.S1, toParentId: F.org.IND, effectiveOn: "2026-01-05" });
    await as("ta").records.host.update({
      id: F.host.h2,
      closedOn: "2025-10-01",
      version: versionOf(F.host.h2),
    });
  });

  it("refuses a policy version that changes the counting rules of an approved year; a later date or the window alone is allowed", async () => {
    const city = as("city");
    await city.records.policy.set({ effectiveOn: "2025-01-01", params: { jointCap: 9 } });
    await approveTb();
    const policies = () => db.$client.prepare("select effective_on from policies order by 1").pluck().all();
    const before = policies();
    const refused = city.records.policy.set({
      effectiveOn: "2025-03-01",
      params: { aboveScaleEmployees: 80 },
    });
    await expect(refused).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(refused).rejects.toThrow(
      "乙镇党委 2025 年年报已审核通过,数据已锁定:自 2025-03-01 起变更统计口径参数(规模以上:从业人员数不少于)会改变其数据",
    );
    await expect(refused).rejects.toThrow("请将新版本的生效日期定在 2026-01-01 或以后");
    // The same value as in force changes nothing: allowed; so is opening the reporting window earlier.
    await city.records.policy.set({ effectiveOn: "2025-03-01", params: { aboveScaleEmployees: 100 } });
    await city.records.policy.set({ effectiveOn: "2025-04-01", params: { reportEarlyOpenDays: 10 } });
    // Before 2025's version: it governs 2024 only (not approved).
    await city.records.policy.set({ effectiveOn: "2024-07-01", params: { aboveScaleEmployees: 80 } });
    // From the next year on.
    await city.records.policy.set({ effectiveOn: "2026-01-01", params: { aboveScaleEmployees: 80 } });
    expect(policies()).toEqual([...before, "2024-07-01", "2025-03-01", "2025-04-01", "2026-01-01"].sort());
  });
});

describe("撤销审核 (reopen)", () => {
  it("reopens 乙镇 with the county's and the city's reports that include it; after the fix the city equals the live figures", async () => {
    const tbSub = await approveTb();
    const county = as("county");
    const kw = await county.report.submit({
      nodeId: F.org.KW,
      year: 2025,
      explanations: explain(await county.report.get({ year: 2025 })),
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    await as("city").report.approve({ submissionId: kw.id });
    expect((await county.report.get({ year: 2025 })).source).toBe("approved");

    // Only a level above may reopen, with a reason; outside the scope the report does not exist.
    await expect(as("tb").report.reopen({ submissionId: tbSub, reason: "自查" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(as("ta").report.reopen({ submissionId: tbSub, reason: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(as("ta").report.reopen({ submissionId: 99999, reason: "x" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(county.report.reopen({ submissionId: tbSub, reason: " " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    // The city reopens 乙镇 (any level above the approver may): the county's approved report goes with it.
    await as("city").report.reopen({ submissionId: tbSub, reason: "丁公司党支部隶属关系调整" });
    const tbView = await as("tb").report.get({ year: 2025 });
    expect(tbView.source).toBe("live");
    expect(tbView.submission?.state).toBe("returned");
    expect(tbView.submission?.returnReason).toBe("撤销审核:丁公司党支部隶属关系调整");
    const kwView = await county.report.get({ year: 2025 });
    expect(kwView.submission?.state).toBe("returned");
    expect(kwView.submission?.returnReason).toContain("乙镇党委");
    const audit = db.$client
      .prepare("select action, entity_id as id from audit_log where action = 'report.reopen' order by id")
      .all();
    expect(audit).toEqual([
      { action: "report.reopen", id: String(tbSub) },
      { action: "report.reopen", id: String(kw.id) },
    ]);

    // Fix: the branch moves, back-dated; 校核 shows no difference; resubmit and approve up to the city.
    await county.records.org.reparent({ orgId: F.org.S1, toParentId: F.org.IND, effectiveOn: "2025-12-01" });
    const tb = as("tb");
    const tbLive = await tb.report.get({ year: 2025 });
    expect(reconcileErrors(tbLive)).toEqual([]);
    await tb.report.submit({
      nodeId: F.org.TB,
      year: 2025,
      explanations: explain(tbLive),
      version: tbLive.submission!.version,
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    await county.report.approve({ submissionId: tbSub });
    const kwLive = await county.report.get({ year: 2025 });
    expect(reconcileErrors(kwLive)).toEqual([]);
    await county.report.submit({
      nodeId: F.org.KW,
      year: 2025,
      explanations: explain(kwLive),
      version: kwLive.submission!.version,
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    await as("city").report.approve({ submissionId: kw.id });
    const city = await as("city").report.get({ year: 2025 });
    expect(reconcileErrors(city)).toEqual([]);
    const live = await liveTotal(F.org.CW, 2025);
    // (The live node computation has no member flows: a report's own columns.)
    expect({
      ...city.total,
      prevOrgCoverageRate: null,
      orgCoverageRateChangePp: null,
      flows: live.flows,
    }).toEqual(live);
    expect(city.total.flows.closing).toBe(city.total.members.total);
    expect(city.total.orgs.total).toBe(6);
  });

  it("refuses to reopen a report that is not approved", async () => {
    const tb = as("tb");
    const sub = await tb.report.submit({
      nodeId: F.org.TB,
      year: 2025,
      explanations: explain(await tb.report.get({ year: 2025 })),
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    await expect(as("county").report.reopen({ submissionId: sub.id, reason: "x" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("past years that change (数据已变更)", () => {
  it("flags a returned past year whose records changed after its submission, with the audit entries; the next year's base says recomputed", async () => {
    const tb = as("tb");
    const sub = await tb.report.submit({
      nodeId: F.org.TB,
      year: 2025,
      explanations: explain(await tb.report.get({ year: 2025 })),
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    // Nothing changed yet: no flag.
    expect((await tb.report.get({ year: 2025 })).changed).toBeNull();
    await as("county").report.return({ submissionId: sub.id, reason: "请核实" });
    expect((await tb.report.get({ year: 2025 })).changed).toBeNull();
    // A back-dated edit of 2025 (not approved: no lock) through the API.
    await tb.records.host.setYear({ hostId: F.host.h4, year: 2025, employees: 75, revenue: 600 });
    const v = await tb.report.get({ year: 2025 });
    expect(v.changed).not.toBeNull();
    expect(v.changed!.differences.join(";")).toContain("合计「从业人员」");
    expect(v.changed!.audit.map((a) => a.action)).toEqual(["host.setYear"]);
    expect(v.changed!.audit[0]!.username).toBe("tb");
    // 2026's year-over-year base is 2025 recomputed (not approved); once approved it is the approved figure.
    expect((await tb.report.get({ year: 2026 })).previousBase).toBe("recomputed");
    const again = await tb.report.submit({
      nodeId: F.org.TB,
      year: 2025,
      explanations: explain(v),
      version: v.submission!.version,
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    expect((await tb.report.get({ year: 2025 })).changed).toBeNull();
    await as("county").report.approve({ submissionId: again.id });
    expect((await tb.report.get({ year: 2026 })).previousBase).toBe("approved");
  });

  it("flags a past year never submitted against its last stored 校核 (保存校核), audited; the newer of 校核 and submission counts", async () => {
    const tb = as("tb");
    const before = await tb.report.get({ year: 2025 });
    expect(before.submission).toBeNull();
    expect(before.lastCheck).toBeNull();
    expect(before.actions.canSaveCheck).toBe(true);
    // Without a stored 校核 a back-dated change has nothing to be compared with.
    await tb.records.host.setYear({ hostId: F.host.h4, year: 2025, employees: 70, revenue: 600 });
    expect((await tb.report.get({ year: 2025 })).changed).toBeNull();

    const saved = await tb.report.saveCheck({ nodeId: F.org.TB, year: 2025 });
    const kept = await tb.report.get({ year: 2025 });
    expect(kept.lastCheck).toMatchObject({ id: saved.id, checkedAt: saved.checkedAt, checkedBy: "tb" });
    expect(kept.changed).toBeNull();
    const audit = db.$client
      .prepare("select username, entity, entity_id as entityId from audit_log where action = 'report.check'")
      .all();
    expect(audit).toEqual([{ username: "tb", entity: "report_check", entityId: String(saved.id) }]);

    await tb.records.host.setYear({ hostId: F.host.h4, year: 2025, employees: 75, revenue: 600 });
    const v = await tb.report.get({ year: 2025 });
    expect(v.changed).toMatchObject({ against: "check", since: saved.checkedAt });
    expect(v.changed!.differences.join(";")).toContain("合计「从业人员」按下级上报(含已审核)数据汇总为");
    expect(v.changed!.audit.map((a) => a.action)).toEqual(["host.setYear"]);
    // Saving the 校核 again takes the change in: nothing to flag.
    await tb.report.saveCheck({ nodeId: F.org.TB, year: 2025 });
    expect((await tb.report.get({ year: 2025 })).changed).toBeNull();

    // Another node's 校核 is its own administrator's; a submitted year is frozen already.
    await expect(as("county").report.saveCheck({ nodeId: F.org.TB, year: 2025 })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "只能保存本单位年报的校核",
    });
    const sub = await tb.report.submit({
      nodeId: F.org.TB,
      year: 2025,
      explanations: explain(v),
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    expect((await tb.report.get({ year: 2025 })).actions.canSaveCheck).toBe(false);
    await expect(tb.report.saveCheck({ nodeId: F.org.TB, year: 2025 })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // Returned, then changed: compared with the submission, the newer of the two.
    await as("county").report.return({ submissionId: sub.id, reason: "请核实" });
    await tb.records.host.setYear({ hostId: F.host.h4, year: 2025, employees: 80, revenue: 600 });
    const after = await tb.report.get({ year: 2025 });
    expect(after.changed).toMatchObject({ against: "submission" });
  });

  it("keeps no 校核 with errors: the county's double count after a back-dated re-parenting must be fixed first", async () => {
    await approveTb();
    reparentInSql(F.org.S1, F.org.TB, F.org.IND, "2025-12-01");
    await expect(as("county").report.saveCheck({ nodeId: F.org.KW, year: 2025 })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("校核未通过"),
    });
    expect((await as("county").report.get({ year: 2025 })).lastCheck).toBeNull();
  });
});

describe("待办 of the year-end report", () => {
  it("the county sees 乙镇's report waiting for it; returned, 乙镇 sees it with the reason; decided, it leaves the county's", async () => {
    const tb = as("tb");
    const county = as("county");
    const sub = await tb.report.submit({
      nodeId: F.org.TB,
      year: 2025,
      explanations: explain(await tb.report.get({ year: 2025 })),
      unitHead: "张建国",
      preparer: "李晓梅",
    });
    const reportItems = async (c: ReturnType<typeof as>) =>
      (await c.work.inbox()).filter((i) => i.kind === "reportAwaiting" || i.kind === "reportReturned");
    expect(await reportItems(county)).toEqual([
      expect.objectContaining({
        kind: "reportAwaiting",
        kindLabel: "年报待审核",
        subject: "乙镇党委 2025年年报",
        href: `/reports/2025?node=${F.org.TB}`,
        refId: sub.id,
      }),
    ]);
    // Only the parent decides: the city is not asked.
    expect(await reportItems(as("city"))).toEqual([]);
    expect(await reportItems(tb)).toEqual([]);

    await county.report.return({ submissionId: sub.id, reason: "请核实从业人员数" });
    expect(await reportItems(county)).toEqual([]);
    expect(await reportItems(tb)).toEqual([
      expect.objectContaining({
        kind: "reportReturned",
        subject: "2025年年报",
        detail: "上级退回,原因:请核实从业人员数;请修正后重新上报",
        href: "/reports/2025",
      }),
    ]);
  });
});
