import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BASICS,
  checkFiveBasics,
  complianceFromCounts,
  countFiveBasics,
  DEFAULT_POLICY,
  feeBandLowFen,
  managementFeeInBand,
  MEETING_KINDS,
  ORG_RULES,
  policyAsOf,
  THREE_MEETINGS_ONE_LESSON,
  threeMeetingsOneLessonPct,
  type BasicsCheck,
  type BasicsFacts,
  type MeetingKind,
  type Policy,
} from "../src/index.ts";

const YEAR = { from: "2026-01-01", to: "2026-12-31" };

/** An organization meeting all five basics under the default policy, to vary one fact at a time. */
function facts(over: Partial<BasicsFacts> = {}): BasicsFacts {
  return {
    orgId: 1,
    members: 5,
    hasSecretary: true,
    committeeSize: 1,
    venueStatus: "standard",
    sharedVenueStatuses: [],
    meetingsHeld: new Map<MeetingKind, number>([
      ["memberAssembly", 4],
      ["branchCommittee", 12],
      ["groupMeeting", 12],
      ["partyLecture", 4],
    ]),
    period: YEAR,
    hasPartyGroups: true,
    rulesAdopted: new Set(["threeMeetingsOneLesson", "themeDay", "democraticReview", "openAffairs"]),
    fundsFen: 1,
    payrollFen: null,
    ...over,
  };
}

const check = (over: Partial<BasicsFacts>, policy: Policy = DEFAULT_POLICY) =>
  checkFiveBasics(facts(over), policy);

describe("the five basics of one organization", () => {
  it("holds all five for the reference organization", () => {
    const c = check({});
    expect(c.all).toBe(true);
    for (const b of BASICS) expect(c[b]).toEqual({ ok: true, reasons: [] });
  });

  it("team: a secretary, and from 7 members a committee of 3", () => {
    expect(check({ hasSecretary: false }).team).toEqual({ ok: false, reasons: ["未配备书记"] });
    expect(check({ members: 6, committeeSize: 1 }).team.ok).toBe(true);
    const seven = check({ members: 7, committeeSize: 2 });
    expect(seven.team.ok).toBe(false);
    expect(seven.all).toBe(false);
    expect(seven.team.reasons[0]).toContain("应设支委会");
    expect(check({ members: 7, committeeSize: 3 }).team.ok).toBe(true);
  });

  it("venue: its own 达标, or a shared one 达标; else says what it has", () => {
    expect(check({ venueStatus: "substandard", sharedVenueStatuses: ["standard"] }).venue.ok).toBe(true);
    expect(check({ venueStatus: "incomplete" }).venue).toEqual({ ok: false, reasons: ["活动场所不配套"] });
    expect(check({ venueStatus: null }).venue.reasons).toEqual(["未登记活动场所"]);
    expect(check({ venueStatus: null, sharedVenueStatuses: ["substandard"] }).venue.reasons).toEqual([
      "共享的活动场所不达标",
    ]);
  });

  it("activities: 三会一课 at 80% of what is due holds, below it does not; nothing due yet holds", () => {
    // Without party groups: 4 + 12 + 4 = 20 due over the whole year; 16 is 80%.
    const held = (n: number) =>
      new Map<MeetingKind, number>([
        ["memberAssembly", 4],
        ["branchCommittee", n - 8],
        ["partyLecture", 4],
        ["themeDay", 12],
      ]);
    expect(check({ hasPartyGroups: false, meetingsHeld: held(16) }).activities.ok).toBe(true);
    const behind = check({ hasPartyGroups: false, meetingsHeld: held(15) }).activities;
    expect(behind).toEqual({ ok: false, reasons: ["三会一课完成率75%,低于80%"] });
    // Other kinds (主题党日) do not make up for 三会一课.
    expect(check({ meetingsHeld: new Map([["themeDay", 40]]) }).activities.ok).toBe(false);
    // Founded today: nothing is due yet.
    const today = { from: "2026-01-01", to: "2026-06-30" };
    expect(check({ period: today, foundedOn: "2026-06-30", meetingsHeld: new Map() }).activities.ok).toBe(
      true,
    );
  });

  it("rules: every core rule adopted; a missing one is named", () => {
    const c = check({ rulesAdopted: new Set(["threeMeetingsOneLesson", "themeDay", "democraticReview"]) });
    expect(c.rules).toEqual({ ok: false, reasons: ["未建立党务公开制度"] });
    expect(check({ rulesAdopted: new Set(ORG_RULES) }).rules.ok).toBe(true);
  });

  it("means: funds this year; with a payroll, at least 0.5% of it, to the 分", () => {
    expect(check({ fundsFen: 0 }).means.ok).toBe(false);
    expect(check({ fundsFen: 1 }).means.ok).toBe(true);
    // 1 万元 of payroll: the bound is 50 元 = 5,000 分.
    expect(check({ payrollFen: 1_000_000, fundsFen: 4_999 }).means.ok).toBe(false);
    expect(check({ payrollFen: 1_000_000, fundsFen: 5_000 }).means.ok).toBe(true);
    // The bound is a minimum: 5,000.005 分 asks for 5,001.
    expect(feeBandLowFen(1_000_001, DEFAULT_POLICY)).toBe(5_001);
    expect(check({ payrollFen: 1_000_001, fundsFen: 5_000 }).means.ok).toBe(false);
    expect(check({ payrollFen: 0, fundsFen: 0 }).means.ok).toBe(false);
  });

  it("uses the criteria of the policy in force on the day", () => {
    const versions = [
      {
        effectiveOn: "2026-07-01",
        params: { ...DEFAULT_POLICY, basics: { ...DEFAULT_POLICY.basics, committeeFromMembers: 5 } },
      },
    ];
    expect(check({ members: 5, committeeSize: 1 }, policyAsOf(versions, "2026-06-30").params).team.ok).toBe(
      true,
    );
    expect(check({ members: 5, committeeSize: 1 }, policyAsOf(versions, "2026-07-01").params).team.ok).toBe(
      false,
    );
  });
});

describe("the management fee against the band", () => {
  it("is within from 0.5% to 1% of the payroll, both ends included", () => {
    expect(managementFeeInBand(4_999, 1_000_000, DEFAULT_POLICY)).toBe("below");
    expect(managementFeeInBand(5_000, 1_000_000, DEFAULT_POLICY)).toBe("within");
    expect(managementFeeInBand(10_000, 1_000_000, DEFAULT_POLICY)).toBe("within");
    expect(managementFeeInBand(10_001, 1_000_000, DEFAULT_POLICY)).toBe("above");
    expect(managementFeeInBand(10_001, null, DEFAULT_POLICY)).toBeNull();
  });
});

describe("the five-basics figures of a node", () => {
  const checkArb = fc.record({
    orgId: fc.integer({ min: 1, max: 60 }),
    team: fc.boolean(),
    venue: fc.boolean(),
    activities: fc.boolean(),
    rules: fc.boolean(),
    means: fc.boolean(),
  });
  const toCheck = (r: { orgId: number } & Record<(typeof BASICS)[number], boolean>): BasicsCheck => ({
    orgId: r.orgId,
    team: { ok: r.team, reasons: [] },
    venue: { ok: r.venue, reasons: [] },
    activities: { ok: r.activities, reasons: [] },
    rules: { ok: r.rules, reasons: [] },
    means: { ok: r.means, reasons: [] },
    all: BASICS.every((b) => r[b]),
  });

  it("equal the sum of their parts, each organization counted once", () => {
    fc.assert(
      fc.property(fc.array(checkArb, { maxLength: 80 }), fc.integer({ min: 1, max: 5 }), (rows, parts) => {
        // One check per organization (the same organization listed twice is the same check).
        const byOrg = new Map(rows.map((r) => [r.orgId, toCheck(r)]));
        const checks = [...byOrg.values()];
        // Children: the organizations split among `parts` nodes; the parent sees them all, some twice.
        const children = Array.from({ length: parts }, (_, i) => checks.filter((c) => c.orgId % parts === i));
        const parent = countFiveBasics([...checks, ...checks.slice(0, 3)]);
        expect(parent.orgs).toBe(byOrg.size);
        for (const key of [...BASICS, "all"] as const)
          expect(parent.met[key]).toBe(children.reduce((s, c) => s + countFiveBasics(c).met[key], 0));
      }),
    );
  });
});

describe("三会一课's rate", () => {
  // threeMeetingsOneLessonPct counts the four kinds without building the per-kind records; it must be the
  // full compliance's rate with every other kind expected zero times.
  it("is the full compliance's rate over the four kinds, for any meetings, founding day and period", () => {
    const day = fc
      .integer({ min: 0, max: 3 * 366 })
      .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const held = fc.dictionary(fc.constantFrom(...MEETING_KINDS), fc.integer({ min: 0, max: 20 }));
    fc.assert(
      fc.property(held, day, day, fc.option(day), fc.boolean(), (counts, a, b, founded, groups) => {
        const period = a <= b ? { from: a, to: b } : { from: b, to: a };
        const heldBy = new Map(Object.entries(counts) as [MeetingKind, number][]);
        const only: Policy = {
          ...DEFAULT_POLICY,
          meetingsPerYear: Object.fromEntries(
            MEETING_KINDS.map((k) => [
              k,
              THREE_MEETINGS_ONE_LESSON.includes(k) ? DEFAULT_POLICY.meetingsPerYear[k] : 0,
            ]),
          ) as Policy["meetingsPerYear"],
        };
        const foundedOn = founded ?? undefined;
        expect(threeMeetingsOneLessonPct(heldBy, DEFAULT_POLICY, period, foundedOn, groups)).toBe(
          complianceFromCounts(1, heldBy, only, period, foundedOn, groups).rate,
        );
      }),
    );
  });
});
