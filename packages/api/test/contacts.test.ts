/** Showcase sites (示范点) and leaders' contact points (联系点) through the API: rules, 待办, scope. */
import { describe, expect, it } from "vitest";
import { DEMO_TODAY } from "@liangxin/seed/demo";
import { useDemoCity } from "./demo-kit.ts";

const TODAY = DEMO_TODAY; // 2026-12-03
const demo = useDemoCity({ shiqiao: "石桥镇" });
const { callerFor, audits } = demo;

/** A grassroots organization in force under the user's node. */
const orgUnder = (username: string, offset = 0) =>
  demo.db.$client
    .prepare(
      `select o.id from orgs o join orgs n on o.path glob n.path || '*' join users u on u.org_id = n.id
       where u.username = ? and o.category in ('committee','generalBranch','branch','jointBranch')
         and o.revoked_on is null order by o.id limit 1 offset ?`,
    )
    .pluck()
    .get(username, offset) as number;

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
async function message(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

describe("leaders' contact points", () => {
  it("a point is overdue the day after its due day: in the registering administrator's 待办 until a visit is recorded", async () => {
    const township = callerFor("township");
    const orgId = orgUnder("township");
    const leader = await township.contacts.createLeader({
      name: "韩联系",
      post: "镇长",
      unit: "柳林镇人民政府",
    });
    // Started exactly three months ago: due today, not overdue.
    const onTime = await township.contacts.link({ leaderId: leader.id, orgId, startOn: "2026-09-03" });
    // Started a day earlier: due yesterday, overdue today.
    const late = await township.contacts.link({
      leaderId: leader.id,
      orgId: orgUnder("township", 1),
      startOn: "2026-09-02",
    });
    const overdue = (await township.contacts.overdue()).map((p) => p.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(onTime.id);
    const inbox = async () =>
      (await township.work.inbox()).filter((i) => i.kind === "contactVisitOverdue").map((i) => i.refId);
    expect(await inbox()).toContain(late.id);
    expect(await inbox()).not.toContain(onTime.id);
    // The county sees the point (its subtree), but it is not in the county's 待办 (not its leader).
    const county = callerFor("county");
    expect((await county.contacts.overdue()).map((p) => p.id)).toContain(late.id);
    expect(
      (await county.work.inbox()).some((i) => i.kind === "contactVisitOverdue" && i.refId === late.id),
    ).toBe(false);

    // A visit: not in the future, not before the point's start.
    expect(
      await message(
        township.contacts.visit({ contactPointId: late.id, visitedOn: "2026-12-04", content: "座谈" }),
      ),
    ).toMatch(/不能晚于今天/);
    expect(
      await message(
        township.contacts.visit({ contactPointId: late.id, visitedOn: "2026-09-01", content: "座谈" }),
      ),
    ).toMatch(/早于联系开始日期/);
    const visitsBefore = audits("contactVisit.record");
    await township.contacts.visit({
      contactPointId: late.id,
      visitedOn: TODAY,
      content: "召开党员座谈会",
      problems: "活动场所偏小",
      followUp: "协调共享党群服务中心",
    });
    expect(audits("contactVisit.record")).toBe(visitsBefore + 1);
    expect(await inbox()).not.toContain(late.id);
    // A second visit on the same day, and a second leader of the same name and unit, are refused (the
    // import knows a visit by its point and day, a leader by name and unit: two would not import back).
    expect(
      await message(
        township.contacts.visit({ contactPointId: late.id, visitedOn: TODAY, content: "再次座谈" }),
      ),
    ).toBe(`该联系点${TODAY}已有走访记录,请修改原记录的内容或改填其他日期`);
    expect(audits("contactVisit.record")).toBe(visitsBefore + 1);
    expect(
      await message(
        township.contacts.createLeader({ name: "韩联系", post: "副镇长", unit: "柳林镇人民政府" }),
      ),
    ).toBe("本单位已登记柳林镇人民政府的领导干部韩联系");
    const list = await township.contacts.leaders();
    const mine = list.find((l) => l.id === leader.id)!;
    const point = mine.points.find((p) => p.id === late.id)!;
    expect(point).toMatchObject({ lastVisitOn: TODAY, dueOn: "2027-03-03", overdue: false, visits: 1 });
    const { visits } = await township.contacts.visits({ contactPointId: late.id });
    expect(visits[0]).toMatchObject({
      visitedOn: TODAY,
      content: "召开党员座谈会",
      problems: "活动场所偏小",
    });

    // Another township: the leader and the point do not exist.
    const other = callerFor("shiqiao");
    expect((await other.contacts.leaders()).some((l) => l.id === leader.id)).toBe(false);
    expect(await outcome(other.contacts.visits({ contactPointId: late.id }))).toBe("NOT_FOUND");
    expect(
      await outcome(other.contacts.visit({ contactPointId: late.id, visitedOn: TODAY, content: "座谈" })),
    ).toBe("NOT_FOUND");
    expect(
      await outcome(
        other.contacts.updateLeader({ id: leader.id, version: 1, name: "x", post: "y", unit: "z" }),
      ),
    ).toBe("NOT_FOUND");
    // Nor can the other township link its own leader to this township's organization.
    const theirs = await other.contacts.createLeader({ name: "石联系", post: "书记", unit: "石桥镇党委" });
    expect(await outcome(other.contacts.link({ leaderId: theirs.id, orgId, startOn: TODAY }))).toBe(
      "NOT_FOUND",
    );
  });

  it("an ended point is never overdue; a second open link to the same subject is refused; a stale update changes nothing", async () => {
    const township = callerFor("township");
    const orgId = orgUnder("township", 2);
    const leader = await township.contacts.createLeader({
      name: "曹联系",
      post: "副镇长",
      unit: "柳林镇人民政府",
    });
    const point = await township.contacts.link({ leaderId: leader.id, orgId, startOn: "2025-01-01" });
    expect((await township.contacts.overdue()).map((p) => p.id)).toContain(point.id);
    expect(await message(township.contacts.link({ leaderId: leader.id, orgId, startOn: TODAY }))).toMatch(
      /不能重复建立联系点/,
    );
    await township.contacts.endLink({ id: point.id, endOn: "2026-11-01" });
    expect((await township.contacts.overdue()).map((p) => p.id)).not.toContain(point.id);
    expect(
      await message(
        township.contacts.visit({ contactPointId: point.id, visitedOn: "2026-11-15", content: "座谈" }),
      ),
    ).toMatch(/不在联系期内/);
    expect(await message(township.contacts.endLink({ id: point.id, endOn: TODAY }))).toMatch(
      /已于2026-11-01结束/,
    );

    const updated = await township.contacts.updateLeader({
      id: leader.id,
      version: 1,
      name: "曹联系",
      post: "镇长",
      unit: "柳林镇人民政府",
    });
    expect(updated.version).toBe(2);
    expect(
      await outcome(
        township.contacts.updateLeader({
          id: leader.id,
          version: 1,
          name: "曹某",
          post: "镇长",
          unit: "柳林镇",
        }),
      ),
    ).toBe("CONFLICT");
    expect(await outcome(township.contacts.link({ leaderId: leader.id, startOn: TODAY }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("the visit period is a dated policy parameter", async () => {
    const city = callerFor("city");
    const township = callerFor("township");
    const leader = await township.contacts.createLeader({ name: "邹联系", post: "委员", unit: "柳林镇党委" });
    const point = await township.contacts.link({
      leaderId: leader.id,
      orgId: orgUnder("township", 3),
      startOn: "2026-07-01",
    });
    expect((await township.contacts.overdue()).map((p) => p.id)).toContain(point.id);
    await city.records.policy.set({ effectiveOn: "2026-11-01", params: { contactVisitMonths: 6 } });
    expect((await township.contacts.overdue()).map((p) => p.id)).not.toContain(point.id);
    expect(
      await outcome(
        city.records.policy.set({ effectiveOn: "2026-11-02", params: { contactVisitMonths: 0 } }),
      ),
    ).toBe("BAD_REQUEST");
  });
});

describe("showcase sites", () => {
  it("the county names a township's organization a county-level showcase: listed and counted; the township may not end it, the county may", async () => {
    const county = callerFor("county");
    const township = callerFor("township");
    const orgId = orgUnder("township");
    const before = await county.showcases.count();
    const tBefore = await township.showcases.count();
    expect((await county.showcases.mine()).level).toBe("county");
    const named = await county.showcases.name({ orgId, startOn: "2026-06-01", reasons: "党建引领产业发展" });
    expect(named.level).toBe("county");
    expect(audits("showcase.name")).toBeGreaterThan(0);
    const after = await county.showcases.count();
    expect(after.county).toBe(before.county + 1);
    expect(after.total).toBe(before.total + 1);
    expect((await township.showcases.count()).county).toBe(tBefore.county + 1);
    const row = (await township.showcases.list({ orgId })).find((s) => s.id === named.id)!;
    expect(row).toMatchObject({
      levelLabel: "县级",
      reasons: "党建引领产业发展",
      inForce: true,
      canEnd: false,
    });
    expect(await outcome(township.showcases.end({ id: named.id, endOn: TODAY }))).toBe("FORBIDDEN");
    // Another township does not see it.
    const other = callerFor("shiqiao");
    expect((await other.showcases.list({ all: true })).some((s) => s.id === named.id)).toBe(false);
    expect(await outcome(other.showcases.end({ id: named.id, endOn: TODAY }))).toBe("NOT_FOUND");
    // A second county showcase over the same period is refused.
    expect(await message(county.showcases.name({ orgId, startOn: TODAY, reasons: "再次命名" }))).toMatch(
      /已是县级示范点/,
    );

    await county.showcases.end({ id: named.id, endOn: TODAY });
    expect((await county.showcases.count()).county).toBe(before.county);
    expect((await county.showcases.list({ all: true })).find((s) => s.id === named.id)).toMatchObject({
      endOn: TODAY,
      inForce: false,
    });
    expect((await county.showcases.list({ on: "2026-07-01" })).some((s) => s.id === named.id)).toBe(true);
  });

  it("a township names at township level; the 行业党委 names none; bad input is refused in Chinese", async () => {
    const township = callerFor("township");
    const s = await township.showcases.name({
      orgId: orgUnder("township", 1),
      startOn: TODAY,
      reasons: "支部标准化建设",
    });
    expect(s.level).toBe("township");
    const industry = callerFor("industry");
    expect(
      await message(
        industry.showcases.name({ orgId: orgUnder("industry"), startOn: TODAY, reasons: "行业示范" }),
      ),
    ).toMatch(/不能命名示范点/);
    expect(await outcome(township.showcases.name({ startOn: TODAY, reasons: "x" }))).toBe("BAD_REQUEST");
    expect(
      await message(
        township.showcases.name({ orgId: orgUnder("township", 1), startOn: TODAY, reasons: " " }),
      ),
    ).toMatch(/命名理由/);
    expect(
      await message(
        township.showcases.name({
          orgId: orgUnder("township", 2),
          startOn: TODAY,
          endOn: "2026-01-01",
          reasons: "期间倒置",
        }),
      ),
    ).toMatch(/晚于开始日期/);
  });
});
