/** The five basics (五个基本) through the API: records, the check turning, the board's counts, the scope. */
import { describe, expect, it } from "vitest";
import { BASICS } from "@liangxin/domain";
import { DEMO_TODAY } from "@liangxin/seed/demo";
import { useDemoCity } from "./demo-kit.ts";

const TODAY = DEMO_TODAY;
const demo = useDemoCity({ shiqiao: "石桥镇" });
const { callerFor, audits } = demo;

describe("the five basics", () => {
  it("a township records a venue up to standard and the funds of an organization: those basics turn, the board counts it, another township sees neither", async () => {
    const township = callerFor("township");
    const before = await township.basics.board();
    // An organization whose venue is not up to standard and for which the demo records no funds this year.
    const row = before.rows.find(
      (r) => !r.check.venue.ok && r.check.means.reasons[0] === "本年度未登记党建工作经费",
    )!;
    expect(row, "an organization without venue and funds").toBeDefined();

    await township.basics.venue.record({
      orgId: row.orgId,
      name: "党员活动室",
      checkedOn: TODAY,
      status: "standard",
      areaSqm: 60,
      equipment: ["av", "furniture", "flag", "emblem", "reading"],
    });
    await township.basics.funds({ orgId: row.orgId, year: 2026, source: "duesReturn", amount: "0.8" });
    const after = await township.basics.org({ orgId: row.orgId });
    expect(after.check.venue).toEqual({ ok: true, reasons: [] });
    expect(after.venue).toMatchObject({ name: "党员活动室", status: "standard", areaSqm: 60 });
    expect(after.venue!.equipment).toHaveLength(5);
    expect(after.funds).toEqual([{ source: "duesReturn", amountFen: 800_000 }]);
    const board = await township.basics.board();
    expect(board.total.met.venue).toBe(before.total.met.venue + 1);
    expect(board.total.orgs).toBe(before.total.orgs);
    expect(audits("venue.check")).toBeGreaterThan(0);
    expect(audits("funds.set")).toBeGreaterThan(0);

    // Another township: neither the organization nor its records exist for it.
    const other = callerFor("shiqiao");
    await expect(other.basics.org({ orgId: row.orgId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      other.basics.funds({ orgId: row.orgId, year: 2026, source: "fiscal", amount: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await other.basics.board()).rows.some((r) => r.orgId === row.orgId)).toBe(false);
  });

  it("a shared 党群服务中心 up to standard holds the venue of the organizations it serves, from the day of the link", async () => {
    const township = callerFor("township");
    const row = (await township.basics.board()).rows.find((r) => !r.check.venue.ok)!;
    const { venue } = await township.basics.venue.createShared({
      name: "柳林镇党群服务中心",
      checkedOn: "2026-06-01",
      status: "standard",
      areaSqm: 400,
      equipment: ["av", "flag"],
    });
    await township.basics.venue.link({ venueId: venue.id, orgId: row.orgId, startOn: "2026-07-01" });
    expect((await township.basics.org({ orgId: row.orgId, on: "2026-06-30" })).check.venue.ok).toBe(false);
    const linked = await township.basics.org({ orgId: row.orgId });
    expect(linked.check.venue.ok).toBe(true);
    expect(linked.sharedVenues).toMatchObject([{ venueId: venue.id, status: "standard" }]);
    expect((await township.basics.sharedVenues()).find((v) => v.id === venue.id)).toMatchObject({
      linked: 1,
    });
    // Another township's organization cannot be linked to it (not found, as a missing one).
    const foreign = (await callerFor("shiqiao").basics.board()).rows[0]!.orgId;
    await expect(
      township.basics.venue.link({ venueId: venue.id, orgId: foreign, startOn: TODAY }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("team: from 7 members a committee of 3 in office; the secretary counts, a second post of one member is refused", async () => {
    const township = callerFor("township");
    const board = await township.basics.board();
    // An organization of 7 members or more with a secretary and no committee recorded.
    const big = board.rows.find((r) => r.check.team.reasons.some((x) => x.includes("应设支委会")));
    expect(big, "an organization of 7+ members").toBeDefined();
    const members = demo.db.$client
      .prepare(
        `select id from members where org_id = ? and status = 'normal'
           and id not in (select member_id from secretaries where org_id = ? and end_on is null) order by id limit 2`,
      )
      .pluck()
      .all(big!.orgId, big!.orgId) as number[];
    await township.basics.committee.set({
      orgId: big!.orgId,
      memberId: members[0]!,
      post: "organization",
      startOn: TODAY,
    });
    await expect(
      township.basics.committee.set({
        orgId: big!.orgId,
        memberId: members[0]!,
        post: "propaganda",
        startOn: TODAY,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("已在班子中任职") });
    expect((await township.basics.org({ orgId: big!.orgId })).check.team.ok).toBe(false);
    await township.basics.committee.set({
      orgId: big!.orgId,
      memberId: members[1]!,
      post: "propaganda",
      startOn: TODAY,
    });
    const after = await township.basics.org({ orgId: big!.orgId });
    expect(after.check.team).toEqual({ ok: true, reasons: [] });
    expect(after.committee.map((c) => c.post).sort()).toEqual(["organization", "propaganda"]);
  });

  it("means: with a payroll recorded, funds below 0.5% of it do not hold; the management fee is judged against the band", async () => {
    const township = callerFor("township");
    const board = await township.basics.board();
    const covered = demo.db.$client
      .prepare(
        `select c.org_id as orgId, c.host_id as hostId from coverages c join orgs o on o.id = c.org_id
          where c.end_on is null and o.category = 'branch' and o.id in (${board.rows.map((r) => r.orgId).join(",")})
          and (select count(*) from coverages x where x.org_id = c.org_id and x.end_on is null) = 1
          and not exists (select 1 from org_funds f where f.org_id = c.org_id and f.year = 2026)
          order by c.org_id limit 1`,
      )
      .get() as { orgId: number; hostId: number };
    // 职工工资总额 of 2026: 200 万元 → the band's lower bound is 1 万元.
    await township.records.host.setYear({ hostId: covered.hostId, year: 2026, employees: 80, payroll: 200 });
    await township.basics.funds({
      orgId: covered.orgId,
      year: 2026,
      source: "managementFee",
      amount: "0.9999",
    });
    let org = await township.basics.org({ orgId: covered.orgId });
    expect(org.payrollFen).toBe(200_000_000);
    expect(org.check.means.ok).toBe(false);
    expect(org.managementFee).toBe("below");
    await township.basics.funds({ orgId: covered.orgId, year: 2026, source: "managementFee", amount: 1 });
    org = await township.basics.org({ orgId: covered.orgId });
    expect(org.check.means.ok).toBe(true);
    expect(org.managementFee).toBe("within");
    // Saving the year's employees again keeps the payroll.
    await township.records.host.setYear({ hostId: covered.hostId, year: 2026, employees: 81 });
    expect((await township.basics.org({ orgId: covered.orgId })).payrollFen).toBe(200_000_000);
  });

  it("rules: the four core rules adopted hold; a rule cannot be adopted twice nor dropped before it was adopted", async () => {
    const township = callerFor("township");
    // An organization that has adopted none of the four core rules.
    const orgId = (await township.basics.board()).rows.find(
      (r) => r.check.rules.reasons[0] === "未建立三会一课、主题党日、民主评议党员、党务公开制度",
    )!.orgId;
    const ids: number[] = [];
    for (const rule of ["threeMeetingsOneLesson", "themeDay", "democraticReview", "openAffairs"] as const)
      ids.push((await township.basics.rules.adopt({ orgId, rule, adoptedOn: "2026-03-01" })).id);
    expect((await township.basics.org({ orgId })).check.rules.ok).toBe(true);
    expect((await township.basics.org({ orgId, on: "2026-02-28" })).check.rules.ok).toBe(false);
    await expect(
      township.basics.rules.adopt({ orgId, rule: "themeDay", adoptedOn: "2026-05-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(township.basics.rules.drop({ id: ids[1]!, droppedOn: "2026-03-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await township.basics.rules.drop({ id: ids[1]!, droppedOn: "2026-11-01" });
    const org = await township.basics.org({ orgId });
    expect(org.check.rules).toEqual({ ok: false, reasons: ["未建立主题党日制度"] });
  });

  it("the figures of every node equal the sum of its parts, each organization counted once", async () => {
    const county = await callerFor("county").basics.board();
    expect(new Set(county.rows.map((r) => r.orgId)).size).toBe(county.rows.length);
    // Each township's own board is its line in the county's drill-down.
    for (const user of ["township", "shiqiao"]) {
      const node = demo.db.$client
        .prepare("select org_id from users where username = ?")
        .pluck()
        .get(user) as number;
      expect(county.byChild.find((c) => c.orgId === node)?.count).toEqual(
        (await callerFor(user).basics.board()).total,
      );
    }
    // The county's figures: its subordinates' plus its own grassroots organizations (in no subordinate).
    const pathOf = (id: number) =>
      demo.db.$client.prepare("select path from orgs where id = ?").pluck().get(id) as string;
    const childPaths = county.byChild.map((c) => pathOf(c.orgId));
    const direct = county.rows.filter((r) => !childPaths.some((p) => r.path.startsWith(p)));
    for (const key of [...BASICS, "all"] as const) {
      const holds = (r: (typeof county.rows)[number]) => (key === "all" ? r.check.all : r.check[key].ok);
      expect(county.total.met[key]).toBe(county.rows.filter(holds).length);
      expect(county.total.met[key]).toBe(
        county.byChild.reduce((s, c) => s + c.count.met[key], 0) + direct.filter(holds).length,
      );
    }
    expect(county.total.orgs).toBe(county.byChild.reduce((s, c) => s + c.count.orgs, 0) + direct.length);
  });

  it("its criteria are dated policy parameters: the city sets them, an inverted fee band is refused", async () => {
    const city = callerFor("city");
    await expect(
      city.records.policy.set({ effectiveOn: "2026-12-01", params: { basics: { feeBandLowPermille: 12 } } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("下限不能高于上限") });
    const township = callerFor("township");
    const before = (await township.basics.board({ on: "2026-12-01" })).rows;
    const row = (await township.basics.board()).rows.find(
      (r) => r.check.team.ok && before.some((b) => b.orgId === r.orgId && b.check.team.ok),
    )!;
    const committee = (await township.basics.org({ orgId: row.orgId })).committee.length;
    // From a day on, every organization with a member needs a committee bigger than this one has.
    await city.records.policy.set({
      effectiveOn: "2026-12-02",
      params: { basics: { committeeFromMembers: 1, committeeMinSize: committee + 2 } },
    });
    expect((await township.basics.org({ orgId: row.orgId, on: "2026-12-01" })).check.team.ok).toBe(true);
    expect((await township.basics.org({ orgId: row.orgId })).check.team.ok).toBe(false);
  });
});
