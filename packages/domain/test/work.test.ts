import { describe, expect, it } from "vitest";
import {
  DEFAULT_POLICY,
  advanceApplicant,
  applicantStage,
  assertRating,
  assertRatingYear,
  assertResolve,
  electionDue,
  expectedMeetings,
  instructorCapWarning,
  isPlanOverdue,
  meetingCompliance,
  assertAttendance,
  nextMilestone,
  planMilestones,
  probationEnding,
  probationEndsOn,
  quarterToDate,
  rectificationState,
  yearToDate,
  type ApplicantDates,
  type MeetingRec,
} from "../src/index.ts";

const TODAY = "2026-11-21";

describe("establishment plans (倒排组建时限)", () => {
  it("counts the milestones back from the target date", () => {
    const ms = planMilestones({ targetOn: "2027-03-01", state: "open" }, TODAY);
    expect(ms.map((m) => [m.label, m.dueOn])).toEqual([
      ["摸清党员底数", "2026-12-01"],
      ["确定组建方案", "2026-12-31"],
      ["物色书记人选", "2027-01-15"],
      ["上级党组织批复", "2027-01-30"],
      ["召开党员大会成立", "2027-03-01"],
    ]);
    expect(ms.some((m) => m.overdue)).toBe(false);
  });

  it("flags passed milestones and a passed target of an open plan, never of a closed one", () => {
    const open = { targetOn: "2027-01-10", state: "open" as const };
    const ms = planMilestones(open, TODAY);
    expect(ms.filter((m) => m.overdue).map((m) => m.label)).toEqual(["摸清党员底数", "确定组建方案"]);
    expect(nextMilestone(open, TODAY)?.label).toBe("物色书记人选");
    expect(isPlanOverdue(open, TODAY)).toBe(false);
    expect(isPlanOverdue({ targetOn: "2026-11-20", state: "open" }, TODAY)).toBe(true);
    expect(isPlanOverdue({ targetOn: "2026-11-21", state: "open" }, TODAY)).toBe(false);
    expect(isPlanOverdue({ targetOn: "2026-01-01", state: "closed" }, TODAY)).toBe(false);
    expect(planMilestones({ targetOn: "2026-01-01", state: "closed" }, TODAY).some((m) => m.overdue)).toBe(
      false,
    );
  });

  it("a milestone ticked off with its day is no longer overdue nor next", () => {
    const open = { targetOn: "2027-01-10", state: "open" as const };
    const done = new Map([
      ["survey", "2026-10-05"],
      ["secretary", "2026-11-01"],
    ] as const);
    const ms = planMilestones(open, TODAY, done);
    expect(ms.filter((m) => m.overdue).map((m) => m.label)).toEqual(["确定组建方案"]);
    expect(ms.find((m) => m.key === "survey")?.doneOn).toBe("2026-10-05");
    expect(nextMilestone(open, TODAY, done)?.label).toBe("上级党组织批复");
  });
});

describe("meeting attendance", () => {
  it("is at most the organization's members that day", () => {
    expect(() => assertAttendance(5, { name: "甲支部", members: 5 }, "2026-03-01")).not.toThrow();
    expect(() => assertAttendance(6, { name: "甲支部", members: 5 }, "2026-03-01")).toThrow(
      "出席人数6人超过“甲支部”2026-03-01的党员人数5人",
    );
  });
});

describe("meeting compliance (三会一课, pro rata)", () => {
  const monthly = (orgId: number, kind: MeetingRec["kind"], months: number): MeetingRec[] =>
    Array.from({ length: months }, (_, i) => ({
      orgId,
      kind,
      heldOn: `2026-${String(i + 1).padStart(2, "0")}-10`,
    }));

  it("expects whole intervals only", () => {
    expect(expectedMeetings(12, 30)).toBe(0);
    expect(expectedMeetings(12, 31)).toBe(1);
    expect(expectedMeetings(4, 91)).toBe(0);
    expect(expectedMeetings(4, 92)).toBe(1);
    expect(expectedMeetings(1, 364)).toBe(0);
    expect(expectedMeetings(1, 365)).toBe(1);
    expect(expectedMeetings(0, 365)).toBe(0);
  });

  it("computes year-to-date expectations from the policy and marks an organization behind", () => {
    const ytd = yearToDate(TODAY);
    expect(ytd).toEqual({ from: "2026-01-01", to: TODAY });
    const c = meetingCompliance(1, [], DEFAULT_POLICY, ytd);
    const exp = Object.fromEntries(c.kinds.map((k) => [k.kind, k.expected]));
    // 325 days: monthly 12×325/365 = 10.7 → 10; quarterly 4×325/365 = 3.6 → 3; yearly 0.89 → 0.
    expect(exp).toEqual({
      memberAssembly: 3,
      branchCommittee: 10,
      groupMeeting: 10,
      partyLecture: 3,
      themeDay: 10,
      lifeMeeting: 0,
      democraticReview: 0,
    });
    expect(c.behind).toBe(true);
    expect(c.rate).toBe(0);
  });

  it("is compliant once every kind is held often enough; other organizations' meetings do not count", () => {
    const meetings: MeetingRec[] = [
      ...monthly(1, "branchCommittee", 10),
      ...monthly(1, "groupMeeting", 10),
      ...monthly(1, "themeDay", 10),
      ...monthly(1, "memberAssembly", 3),
      ...monthly(1, "partyLecture", 2),
      ...monthly(2, "partyLecture", 5),
    ];
    const c = meetingCompliance(1, meetings, DEFAULT_POLICY, yearToDate(TODAY));
    expect(c.behind).toBe(true);
    expect(c.kinds.find((k) => k.kind === "partyLecture")).toMatchObject({
      expected: 3,
      held: 2,
      behind: true,
    });
    expect(c.rate).toBe(97.22); // 35 of 36
    const after = meetingCompliance(
      1,
      [...meetings, { orgId: 1, kind: "partyLecture", heldOn: "2026-11-01" }],
      DEFAULT_POLICY,
      yearToDate(TODAY),
    );
    expect(after.behind).toBe(false);
    expect(after.rate).toBe(100);
  });

  it("expects 党小组会 only of an organization with party groups (党小组)", () => {
    const withoutGroups: MeetingRec[] = [
      ...monthly(1, "branchCommittee", 10),
      ...monthly(1, "themeDay", 10),
      ...monthly(1, "memberAssembly", 3),
      ...monthly(1, "partyLecture", 3),
    ];
    // Without party groups: 100% without a single 党小组会, and nothing is behind.
    const none = meetingCompliance(1, withoutGroups, DEFAULT_POLICY, yearToDate(TODAY), undefined, false);
    expect(none.rate).toBe(100);
    expect(none.behind).toBe(false);
    expect(none.kinds.find((k) => k.kind === "groupMeeting")).toMatchObject({ expected: 0, behind: false });
    // The same meetings with party groups: ten 党小组会 are missing.
    const some = meetingCompliance(1, withoutGroups, DEFAULT_POLICY, yearToDate(TODAY), undefined, true);
    expect(some.behind).toBe(true);
    expect(some.kinds.find((k) => k.kind === "groupMeeting")).toMatchObject({ expected: 10, held: 0 });
    expect(some.rate).toBe(72.22); // 26 of 36
  });

  it("prorates from the founding date and over a quarter", () => {
    const c = meetingCompliance(1, [], DEFAULT_POLICY, yearToDate(TODAY), "2026-10-01");
    expect(c.kinds.find((k) => k.kind === "branchCommittee")?.expected).toBe(1);
    expect(c.kinds.find((k) => k.kind === "memberAssembly")?.expected).toBe(0);
    expect(quarterToDate(TODAY)).toEqual({ from: "2026-10-01", to: TODAY });
    const none = meetingCompliance(1, [], DEFAULT_POLICY, { from: "2026-11-01", to: "2026-11-10" });
    expect(none.expected).toBe(0);
    expect(none.rate).toBeNull();
    expect(none.behind).toBe(false);
  });
});

describe("elections (换届)", () => {
  it("uses 5-year terms for a 基层党委 and 3-year terms for branches", () => {
    const committee = electionDue(
      { category: "committee", foundedOn: "2015-01-01", lastElectionOn: "2022-03-01" },
      DEFAULT_POLICY,
      TODAY,
    );
    expect(committee).toMatchObject({ termYears: 5, dueOn: "2027-03-01", state: "ok" });
    const branch = electionDue(
      { category: "jointBranch", foundedOn: "2015-01-01", lastElectionOn: "2024-01-10" },
      DEFAULT_POLICY,
      TODAY,
    );
    expect(branch).toMatchObject({ termYears: 3, dueOn: "2027-01-10", state: "dueSoon", daysLeft: 50 });
  });

  it("is overdue the day after the due date and falls back to the founding date", () => {
    expect(
      electionDue(
        { category: "branch", foundedOn: "2023-11-20", lastElectionOn: null },
        DEFAULT_POLICY,
        TODAY,
      )?.state,
    ).toBe("overdue");
    expect(
      electionDue(
        { category: "branch", foundedOn: "2023-11-21", lastElectionOn: null },
        DEFAULT_POLICY,
        TODAY,
      )?.state,
    ).toBe("dueSoon");
    expect(
      electionDue(
        { category: "generalBranch", foundedOn: "2024-02-20", lastElectionOn: null },
        DEFAULT_POLICY,
        TODAY,
      )?.state,
    ).toBe("ok");
    expect(
      electionDue(
        { category: "townshipCommittee", foundedOn: "2000-01-01", lastElectionOn: null },
        DEFAULT_POLICY,
        TODAY,
      ),
    ).toBeNull();
  });
});

describe("development pipeline (发展党员)", () => {
  const start: ApplicantDates = {
    appliedOn: "2025-01-05",
    activistOn: null,
    candidateOn: null,
    probationaryOn: null,
    fullOn: null,
  };

  it("advances one stage at a time in order", () => {
    const a1 = advanceApplicant(start, "activist", "2025-04-01", TODAY, DEFAULT_POLICY);
    expect(applicantStage(a1)).toBe("activist");
    expect(() => advanceApplicant(a1, "probationary", "2026-01-01", TODAY, DEFAULT_POLICY)).toThrow(
      /逐阶段推进.*发展对象/,
    );
    const a2 = advanceApplicant(a1, "candidate", "2026-04-01", TODAY, DEFAULT_POLICY);
    expect(applicantStage(a2)).toBe("candidate");
  });

  it("refuses dates going backwards or in the future, and a completed pipeline", () => {
    const a1 = advanceApplicant(start, "activist", "2025-04-01", TODAY, DEFAULT_POLICY);
    expect(() => advanceApplicant(a1, "candidate", "2025-03-31", TODAY, DEFAULT_POLICY)).toThrow(
      /不能早于上一阶段日期2025-04-01/,
    );
    expect(() => advanceApplicant(a1, "candidate", "2026-12-01", TODAY, DEFAULT_POLICY)).toThrow(
      /不能晚于今天/,
    );
    const done = {
      ...start,
      activistOn: "2025-02-01",
      candidateOn: "2025-03-01",
      probationaryOn: "2025-04-01",
      fullOn: "2026-04-01",
    };
    expect(() => advanceApplicant(done, "full", TODAY, TODAY, DEFAULT_POLICY)).toThrow(/已转为正式党员/);
  });

  it("makes an activist a 发展对象 only after a year of training, and a probationary member full only after a year", () => {
    // 2025-01-10 + 364 days = 2026-01-09 (no 29 February between): refused; 365 days = one year: accepted.
    const a1 = advanceApplicant(
      { ...start, appliedOn: "2025-01-01" },
      "activist",
      "2025-01-10",
      TODAY,
      DEFAULT_POLICY,
    );
    expect(() => advanceApplicant(a1, "candidate", "2026-01-09", TODAY, DEFAULT_POLICY)).toThrow(
      "入党积极分子须经12个月以上的培养教育和考察:2025-01-10确定为积极分子,最早2026-01-10可确定为发展对象",
    );
    const a2 = advanceApplicant(a1, "candidate", "2026-01-10", TODAY, DEFAULT_POLICY);
    expect(a2.candidateOn).toBe("2026-01-10");
    // Probation: 364 days refused, 365 accepted (2025-11-01 → 2026-10-31 / 2026-11-01).
    const p = { ...a2, candidateOn: "2025-10-01", probationaryOn: "2025-11-01" };
    expect(() => advanceApplicant(p, "full", "2026-10-31", TODAY, DEFAULT_POLICY)).toThrow(
      "预备期为12个月:2025-11-01接收为预备党员,最早2026-11-01可转为正式党员",
    );
    expect(advanceApplicant(p, "full", "2026-11-01", TODAY, DEFAULT_POLICY).fullOn).toBe("2026-11-01");
    // The dated policy decides: a 6-month training period.
    const six = { ...DEFAULT_POLICY, activistMonths: 6 };
    expect(advanceApplicant(a1, "candidate", "2025-07-10", TODAY, six).candidateOn).toBe("2025-07-10");
  });

  it("flags probationary members whose year ends within 30 days", () => {
    expect(probationEndsOn("2025-12-21", DEFAULT_POLICY)).toBe("2026-12-21");
    expect(probationEnding({ joinedOn: "2025-12-21", fullOn: null }, DEFAULT_POLICY, TODAY)).toBe(true);
    expect(probationEnding({ joinedOn: "2025-12-22", fullOn: null }, DEFAULT_POLICY, TODAY)).toBe(false);
    expect(probationEnding({ joinedOn: "2025-01-01", fullOn: null }, DEFAULT_POLICY, TODAY)).toBe(true);
    expect(probationEnding({ joinedOn: "2025-01-01", fullOn: "2026-01-01" }, DEFAULT_POLICY, TODAY)).toBe(
      false,
    );
  });
});

describe("ratings, rectifications and the instructor cap", () => {
  it("accepts stars 1–5 or a grade, exactly one", () => {
    expect(() => assertRating(5, null)).not.toThrow();
    expect(() => assertRating(null, "lagging")).not.toThrow();
    expect(() => assertRating(6, null)).toThrow(/星级/);
    expect(() => assertRating(null, null)).toThrow(/二者填其一/);
    expect(() => assertRating(3, "advanced")).toThrow();
  });

  it("rates a past or the current year, of an organization that existed in it", () => {
    const org = { name: "甲支部", foundedOn: "2023-11-20", revokedOn: null };
    // Its founding year and later: yes; the year before: no; a year not begun: no.
    expect(() => assertRatingYear(2023, org, TODAY)).not.toThrow();
    expect(() => assertRatingYear(2026, org, TODAY)).not.toThrow();
    expect(() => assertRatingYear(2022, org, TODAY)).toThrow(
      "“甲支部”在2022年不存在(成立于2023-11-20),不能评定该年度",
    );
    expect(() => assertRatingYear(2027, org, TODAY)).toThrow("2027年尚未开始");
    // Revoked on 2025-01-01 (its last day in force 2024-12-31): 2024 yes, 2025 no.
    const revoked = { ...org, revokedOn: "2025-01-01" };
    expect(() => assertRatingYear(2024, revoked, TODAY)).not.toThrow();
    expect(() => assertRatingYear(2025, revoked, TODAY)).toThrow("撤销于2025-01-01");
  });

  it("keeps a weak-and-lax case open until resolved, overdue after its deadline", () => {
    expect(rectificationState({ deadline: "2026-12-31", resolvedOn: null }, TODAY)).toBe("open");
    expect(rectificationState({ deadline: "2026-10-31", resolvedOn: null }, TODAY)).toBe("overdue");
    expect(rectificationState({ deadline: "2026-10-31", resolvedOn: "2026-11-01" }, TODAY)).toBe("closed");
    expect(() => assertResolve({ year: 2026, resolvedOn: "2026-11-01" }, TODAY, TODAY)).toThrow(/已销号/);
    expect(() => assertResolve({ year: 2026, resolvedOn: null }, "2025-12-31", TODAY)).toThrow();
    expect(() => assertResolve({ year: 2026, resolvedOn: null }, TODAY, TODAY)).not.toThrow();
  });

  it("warns (never refuses) over the instructor cap", () => {
    expect(instructorCapWarning("张三", 5, DEFAULT_POLICY)).toBeNull();
    expect(instructorCapWarning("张三", 6, DEFAULT_POLICY)).toMatch(/张三.*6个.*超过5个/);
  });
});
