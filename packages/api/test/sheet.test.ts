/** 一个企业一张表: a host's sheet and a township's batch through the API, their scope and the masking. */
import { beforeAll, describe, expect, it } from "vitest";
import { isValidCitizenId } from "@liangxin/domain";
import { DEMO_TODAY } from "@liangxin/seed/demo";
import { useDemoCity } from "./demo-kit.ts";

const TODAY = DEMO_TODAY;
const YEAR = Number(TODAY.slice(0, 4));
const demo = useDemoCity({ shiqiao: "石桥镇" });
const { callerFor, one } = demo;

/** Every 18-character run that is a valid citizen ID (a full, unmasked one). */
const fullIds = (text: string) =>
  [...text.matchAll(/\d{17}[\dX]/g)].map((m) => m[0]).filter(isValidCitizenId);

let township: number;
let liulinRegion: number;

beforeAll(() => {
  township = one("select org_id from users where username = 'township'");
  liulinRegion = one("select region_id from orgs where id = ?", township);
});

/** The township's host where the most members work today. */
const busiestHost = () =>
  one(
    `select w.host_id from member_workplaces w join hosts h on h.id = w.host_id join members m on m.id = w.member_id
     where h.region_id = ? and w.start_on <= ? and (w.end_on is null or w.end_on > ?) and m.status = 'normal'
     group by w.host_id order by count(*) desc, w.host_id limit 1`,
    liulinRegion,
    TODAY,
    TODAY,
  );

describe("一企一表", () => {
  it("a host of the township has its sheet: identity, figures, the covering organization, members, the parts of the five basics", async () => {
    const t = callerFor("township");
    const hostId = busiestHost();
    const sheet = await t.hosts.sheet({ id: hostId });
    const host = await t.hosts.get({ id: hostId });
    expect(sheet.on).toBe(TODAY);
    expect(sheet.host).toMatchObject({ id: hostId, name: host.name, creditCode: host.creditCode });
    expect(sheet.figures.length).toBeGreaterThan(0);
    expect(sheet.figures.map((f) => f.year)).toEqual(
      [...sheet.figures.map((f) => f.year)].sort((a, b) => b - a),
    );
    // The same members as the host's page counts.
    if (host.access !== "reference") {
      expect(sheet.members.total).toBe(host.membersWorking.total);
      expect(sheet.members.full).toBe(host.membersWorking.full);
      expect(sheet.covering?.id ?? null).toBe(host.covering?.id ?? null);
      expect(sheet.instructors.map((i) => i.name)).toEqual(host.instructors.map((i) => i.name));
    }
    expect(sheet.members.rows.length).toBeGreaterThan(0);
    for (const m of sheet.members.rows) expect(fullIds(m.idNumberMasked)).toEqual([]);
    expect(fullIds(JSON.stringify(sheet))).toEqual([]);
  });

  it("what the township records for the covering organization shows on the sheet: committee, venue, funds, activities, rating", async () => {
    const t = callerFor("township");
    // A covered host of the township whose covering organization is the township's own.
    const row = demo.db.$client
      .prepare(
        `select c.host_id as hostId, c.org_id as orgId from coverages c join hosts h on h.id = c.host_id
         join orgs o on o.id = c.org_id
         where h.region_id = ? and c.end_on is null and o.path glob (select path from orgs where id = ?) || '*'
         order by c.host_id limit 1`,
      )
      .get(liulinRegion, township) as { hostId: number; orgId: number };
    await t.basics.venue.record({
      orgId: row.orgId,
      name: "党员活动室",
      checkedOn: TODAY,
      status: "standard",
      areaSqm: 80,
      equipment: ["av", "flag"],
    });
    await t.basics.funds({ orgId: row.orgId, year: YEAR, source: "duesReturn", amount: "1.25" });
    await t.work.meetings.record({
      orgId: row.orgId,
      kind: "themeDay",
      heldOn: TODAY,
      topic: "一企一表测试",
    });
    const sheet = await t.hosts.sheet({ id: row.hostId });
    expect(sheet.covering?.id).toBe(row.orgId);
    expect(sheet.venues).toContainEqual({
      shared: false,
      name: "党员活动室",
      checkedOn: TODAY,
      status: "standard",
      areaSqm: 80,
      equipment: ["av", "flag"],
    });
    expect(sheet.funds).toContainEqual({ source: "duesReturn", amountFen: 1_250_000 });
    expect(sheet.activities[0]).toMatchObject({ heldOn: TODAY, kind: "themeDay", topic: "一企一表测试" });
    expect(sheet.activities.every((a) => a.heldOn >= `${YEAR}-01-01` && a.heldOn <= TODAY)).toBe(true);
    const secretary = await t.basics.org({ orgId: row.orgId });
    expect(sheet.covering?.secretary?.name ?? null).toBe(secretary.secretary?.name ?? null);
  });

  it("a member held elsewhere and working there is masked exactly as the members list masks it", async () => {
    const t = callerFor("township");
    // The counted-only rows come last in the members list.
    const first = await t.members.list({ page: 1, pageSize: 200 });
    expect(first.countedOnly).toBeGreaterThan(0);
    const counted: typeof first.rows = [];
    for (let page = Math.ceil(first.total / 200); page >= 1 && counted.length < first.countedOnly; page--) {
      const list = page === 1 ? first : await t.members.list({ page, pageSize: 200 });
      counted.push(...list.rows.filter((r) => r.access === "counted" && r.workHostName !== null));
    }
    expect(counted.length, "the demo has counted-only members in the township").toBeGreaterThan(0);
    const hostId = one(
      "select id from hosts where name = ? and region_id in (select id from regions where path glob (select path from regions where id = ?) || '*')",
      counted[0]!.workHostName,
      liulinRegion,
    );
    const sheet = await t.hosts.sheet({ id: hostId });
    const onSheet = sheet.members.rows.filter((m) => m.access === "counted");
    expect(sheet.members.countedOnly).toBe(onSheet.length);
    const fromList = counted.filter((r) => r.workHostName === counted[0]!.workHostName);
    expect(onSheet.map((m) => [m.name, m.idNumberMasked]).sort()).toEqual(
      fromList.map((r) => [r.name, r.idNumberMasked]).sort(),
    );
    for (const m of onSheet) {
      expect(m.name).toMatch(/^.\*+$/u);
      expect(m.orgName).toBeNull();
    }
  });

  it("another township's host answers NOT_FOUND exactly like a missing id; so does a host seen for reference only", async () => {
    const other = callerFor("shiqiao");
    const hostId = busiestHost();
    const foreign = await other.hosts.sheet({ id: hostId }).catch((e: unknown) => e);
    const missing = await other.hosts.sheet({ id: 99_999_999 }).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: "NOT_FOUND" });
    expect(missing).toMatchObject({ code: "NOT_FOUND" });
    expect((foreign as Error).message).toBe((missing as Error).message);
    // A branch sees the hosts its organization covers for reference only: no sheet.
    const branch = callerFor("branch");
    const covered = one(
      "select c.host_id from coverages c where c.org_id = (select org_id from users where username = 'branch') and c.end_on is null limit 1",
    );
    await expect(branch.hosts.sheet({ id: covered })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the township's batch has one sheet per operating host of its territory, the hosts list's; another township's unit is NOT_FOUND", async () => {
    const t = callerFor("township");
    const batch = await t.hosts.sheets({ unitId: township });
    const list = await t.hosts.list({ page: 1, pageSize: 200, regionId: liulinRegion });
    expect(batch.sheets.map((s) => s.host.id).sort((a, b) => a - b)).toEqual(
      list.rows.map((r) => r.id).sort((a, b) => a - b),
    );
    expect(batch.sheets.length).toBe(list.total);
    expect(fullIds(JSON.stringify(batch))).toEqual([]);
    const one1 = await t.hosts.sheet({ id: busiestHost() });
    expect(batch.sheets.find((s) => s.host.id === one1.host.id)).toEqual(one1);

    const other = callerFor("shiqiao");
    const foreign = await other.hosts.sheets({ unitId: township }).catch((e: unknown) => e);
    const missing = await other.hosts.sheets({ unitId: 99_999_999 }).catch((e: unknown) => e);
    expect(foreign).toMatchObject({ code: "NOT_FOUND" });
    expect((foreign as Error).message).toBe((missing as Error).message);
    // A unit without a territory (a grassroots organization) has no batch.
    const branchOrg = one("select org_id from users where username = 'branch'");
    await expect(t.hosts.sheets({ unitId: branchOrg })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the units a caller may print: its own node first, then those below it with a territory, with the hosts each prints", async () => {
    const t = await callerFor("township").hosts.sheetUnits();
    const batch = await callerFor("township").hosts.sheets({ unitId: township });
    expect(t.units[0]).toMatchObject({ id: township, level: 0, hosts: batch.sheets.length });
    const county = await callerFor("county").hosts.sheetUnits();
    expect(county.units[0]!.level).toBe(0);
    expect(county.units.find((u) => u.id === township)).toMatchObject({
      level: 1,
      hosts: batch.sheets.length,
    });
    expect(county.units[0]!.hosts).toBeGreaterThan(county.max);
    // A branch has no territory: nothing to print in one go.
    expect((await callerFor("branch").hosts.sheetUnits()).units).toEqual([]);
  });

  it("a batch beyond the bound is refused, saying how many and what to do", async () => {
    const insert = demo.db.$client.prepare(
      "insert into hosts (credit_code, name, kind, region_id, founded_on, created_at) values (?, ?, 'enterprise', ?, '2020-01-01', '2026-12-03T02:00:00.000Z')",
    );
    demo.db.$client.transaction(() => {
      for (let i = 0; i < 300; i++)
        insert.run(`91360000BULK${String(i).padStart(6, "0")}`, `批量测试企业${i}`, liulinRegion);
    })();
    await expect(callerFor("township").hosts.sheets({ unitId: township })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/辖区内有\d+家两新组织,一次最多打印300张表,请按下级单位分别打印/),
    });
  });
});
