/** Assessment (考核) through the API: the dispatcher assesses, others are refused or see nothing; 述职评议; 五好党支部. */
import { describe, expect, it } from "vitest";
import { DEMO_TODAY } from "@liangxin/seed/demo";
import { useDemoCity } from "./demo-kit.ts";

const TODAY = DEMO_TODAY;
const demo = useDemoCity({ qingshan: "青山县" });
const { callerFor, audits, one } = demo;

describe("instructors' annual assessment", () => {
  it("the dispatcher assesses once a year (a second save replaces it); the superior is refused; another county sees nothing", async () => {
    const township = callerFor("township");
    const townshipNode = one("select org_id from users where username = 'township'");
    const instructorId = one(
      `select i.id from instructors i where i.dispatch_org_id = ?
       and not exists(select 1 from instructor_assessments a where a.instructor_id = i.id and a.year = 2026) order by i.id limit 1`,
      townshipNode,
    );
    const before = audits("instructorAssessment.set");
    const row = await township.assessment.assess({
      instructorId,
      year: 2026,
      grade: "excellent",
      remarks: "指导有力",
    });
    expect(row).toMatchObject({
      grade: "excellent",
      assessedOn: TODAY,
      assessedById: townshipNode,
      version: 1,
    });
    const again = await township.assessment.assess({
      instructorId,
      year: 2026,
      grade: "competent",
      version: 1,
    });
    expect(again).toMatchObject({ id: row.id, grade: "competent", version: 2 });
    await expect(
      township.assessment.assess({ instructorId, year: 2026, grade: "competent", version: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(audits("instructorAssessment.set")).toBe(before + 2);

    const list = await township.assessment.instructors({ year: 2026 });
    expect(list.rows.find((r) => r.instructorId === instructorId)).toMatchObject({
      mayAssess: true,
      assessment: { grade: "competent" },
    });
    const history = await township.assessment.instructor({ instructorId });
    expect(history.rows[0]).toMatchObject({ year: 2026, grade: "competent" });

    // The county is above the township: it sees him, but only the dispatcher assesses.
    await expect(
      callerFor("county").assessment.assess({ instructorId, year: 2026, grade: "incompetent" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: "只有派出该指导员的党组织可以考核" });
    // Another county does not see him at all.
    await expect(
      callerFor("qingshan").assessment.assess({ instructorId, year: 2026, grade: "incompetent" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor("qingshan").assessment.instructor({ instructorId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("an instructor dispatched from outside the tree is assessed by the node that registered him", async () => {
    const { id, registeredById } = demo.db.$client
      .prepare(
        "select i.id, i.registered_by_id as registeredById from instructors i join users u on u.org_id = i.registered_by_id where i.dispatch_org_id is null and u.username = 'county' order by i.id limit 1",
      )
      .get() as { id: number; registeredById: number };
    const row = await callerFor("county").assessment.assess({
      instructorId: id,
      year: 2025,
      grade: "basicallyCompetent",
    });
    expect(row.assessedById).toBe(registeredById);
    await expect(
      callerFor("city").assessment.assess({ instructorId: id, year: 2025, grade: "excellent" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("登记该指导员") });
  });

  it("refuses a year to come and a grade outside the list, in Chinese", async () => {
    const instructorId = one(
      "select id from instructors where dispatch_org_id = (select org_id from users where username = 'county') order by id limit 1",
    );
    const county = callerFor("county");
    await expect(
      county.assessment.assess({ instructorId, year: 2027, grade: "excellent" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "2027年尚未开始,不能考核或评议该年度",
    });
    await expect(
      county.assessment.assess({ instructorId, year: 2026, grade: "great" as never }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("请选择考核等次") });
  });
});

describe("secretaries' 述职评议", () => {
  it("the township reviews its branches' secretaries; the list shows the review; the county is refused", async () => {
    const township = callerFor("township");
    const list = await township.assessment.secretaries({ year: 2026 });
    expect(list.rows.length).toBeGreaterThan(10);
    const target = list.rows.find((r) => r.review === null) ?? list.rows[0]!;
    const row = await township.assessment.reviewSecretary({
      orgId: target.orgId,
      memberId: target.memberId,
      year: 2026,
      grade: "fairlyGood",
      remarks: "抓党建责任落实",
      ...(target.review ? { version: target.review.version } : {}),
    });
    expect(row).toMatchObject({ grade: "fairlyGood", reviewedOn: TODAY });
    const after = await township.assessment.secretaries({ year: 2026 });
    expect(
      after.rows.find((r) => r.orgId === target.orgId && r.memberId === target.memberId)?.review,
    ).toMatchObject({
      grade: "fairlyGood",
    });
    const page = await township.assessment.org({ orgId: target.orgId });
    expect(page.secretaryReviews.some((r) => r.year === 2026 && r.grade === "fairlyGood")).toBe(true);
    await expect(
      callerFor("county").assessment.reviewSecretary({
        orgId: target.orgId,
        memberId: target.memberId,
        year: 2026,
        grade: "poor",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor("qingshan").assessment.reviewSecretary({
        orgId: target.orgId,
        memberId: target.memberId,
        year: 2026,
        grade: "poor",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("五好党支部", () => {
  it("a branch applies once; the township's peer cannot review; the county awards at 县级, once; the list puts pending first", async () => {
    const branchOrg = one("select org_id from users where username = 'branch'");
    demo.db.$client.prepare("delete from five_good_awards where org_id = ? and year = 2026").run(branchOrg);
    const branch = callerFor("branch");
    const applied = await branch.assessment.fiveGood.submit({
      orgId: branchOrg,
      year: 2026,
      application: "五个好",
    });
    expect(applied).toMatchObject({ decision: null, appliedOn: TODAY });
    await expect(branch.assessment.fiveGood.submit({ orgId: branchOrg, year: 2026 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "该组织已申报2026年度五好党支部",
    });
    await expect(
      branch.assessment.fiveGood.review({ id: applied.id, decision: "awarded" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      callerFor("qingshan").assessment.fiveGood.review({ id: applied.id, decision: "awarded" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const county = callerFor("county");
    const pending = await county.assessment.fiveGood.list();
    expect(pending[0]!.decision).toBeNull();
    expect(pending.find((r) => r.id === applied.id)).toMatchObject({ mayReview: true });
    const reviewed = await county.assessment.fiveGood.review({
      id: applied.id,
      decision: "awarded",
      reviewNote: "同意",
    });
    expect(reviewed).toMatchObject({ decision: "awarded", level: "county", reviewedOn: TODAY });
    await expect(
      callerFor("township").assessment.fiveGood.review({ id: applied.id, decision: "rejected" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: `该申报已于${TODAY}评审,不能再次评审` });

    const mine = await branch.assessment.fiveGood.list();
    expect(mine.every((r) => r.orgId === branchOrg)).toBe(true);
    expect(mine.find((r) => r.id === applied.id)).toMatchObject({ level: "county", mayReview: false });
    expect(audits("fiveGood.apply")).toBeGreaterThan(0);
    expect(audits("fiveGood.review")).toBeGreaterThan(0);
  });

  it("is not for a management node, nor for an organization out of scope", async () => {
    const townshipNode = one("select org_id from users where username = 'township'");
    await expect(
      callerFor("county").assessment.fiveGood.submit({ orgId: townshipNode, year: 2026 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "五好党支部只能由基层党组织申报" });
    const branchOrg = one("select org_id from users where username = 'branch'");
    await expect(
      callerFor("qingshan").assessment.fiveGood.submit({ orgId: branchOrg, year: 2026 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
