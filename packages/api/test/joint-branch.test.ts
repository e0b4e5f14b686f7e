/**
 * A joint branch founded over several hosts in one step (issue 19, item 2), with the suggested 组织代码:
 * all hosts covered from the founding day, or, on any refusal, nothing written at all.
 */
import { createHash } from "node:crypto";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../src/context.ts";
import { createCaller } from "../src/root.ts";
import { userMessage } from "../src/index.ts";

const TODAY = DEMO_TODAY;
let db: Db;

const value = <T = number>(sql: string, ...p: unknown[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...p) as T;
const column = <T = number>(sql: string, ...p: unknown[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .all(...p) as T[];
const caller = (username: string) =>
  createCaller(
    createContext({ db, userId: value("select id from users where username = ?", username), today: TODAY }),
  );
const hash = () =>
  createHash("sha256")
    .update(
      JSON.stringify(
        ["orgs", "coverages", "establishment_plans", "audit_log"].map((t) =>
          db.$client.prepare(`select * from ${t} order by rowid`).raw(true).all(),
        ),
      ),
    )
    .digest("hex");

/** The township's node (柳林镇) and `n` hosts of its territory open today and covered by no one. */
const township = () => value("select org_id from users where username = 'township'");
const uncoveredOfTownship = (n: number) =>
  column(
    `select h.id from hosts h join regions r on r.id = h.region_id
     where r.path glob (select path || '*' from regions where id = (select region_id from orgs where id = ?))
       and h.closed_on is null and h.founded_on < ?
       and not exists (select 1 from coverages c where c.host_id = h.id and (c.end_on is null or c.end_on > ?))
     order by h.id limit ?`,
    township(),
    TODAY,
    TODAY,
    n,
  );

beforeAll(async () => {
  db = openTestDb();
  await seedDemo(db, { pastReports: false });
});

describe("the suggested 组织代码", () => {
  it("is the next number after the highest of the parent's series, and moves on once it is taken", async () => {
    const node = township();
    const digits = value<string>("select substr(code, 2) from orgs where id = ?", node);
    const highest = value<string>(
      "select max(code) from orgs where code glob ?",
      `D${digits}[0-9][0-9][0-9]`,
    );
    const expected = `D${digits}${String(Number(highest.slice(-3)) + 1).padStart(3, "0")}`;
    const c = caller("township");
    expect(await c.records.org.suggestCode({ parentId: node })).toEqual({ code: expected });
    await c.records.org.create({
      code: expected,
      name: "中共柳林镇测试建议代码支部委员会",
      category: "branch",
      parentId: node,
      formationMode: "standalone",
      foundedOn: "2026-11-01",
    });
    const after = await c.records.org.suggestCode({ parentId: node });
    expect(after.code).toBe(`D${digits}${String(Number(highest.slice(-3)) + 2).padStart(3, "0")}`);
  });

  it("under a grassroots organization, its superior's series goes on", async () => {
    const parent = value<number>(
      "select id from orgs where path glob (select path || '*' from orgs where id = ?) and category = 'committee' order by id limit 1",
      township(),
    );
    const code = value<string>("select code from orgs where id = ?", parent);
    const suggested = (await caller("township").records.org.suggestCode({ parentId: parent })).code!;
    expect(suggested.slice(0, -3)).toBe(code.slice(0, -3));
    expect(value("select count(*) from orgs where code = ?", suggested)).toBe(0);
  });

  it("another area's organization does not exist for the caller", async () => {
    const far = value("select id from orgs where name like '%白沙乡委员会'");
    await expect(caller("township").records.org.suggestCode({ parentId: far })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("a joint branch founded over three hosts in one step", () => {
  it("creates the organization and its three coverages from the founding day, each audited", async () => {
    const hosts = uncoveredOfTownship(3);
    expect(hosts).toHaveLength(3);
    const c = caller("township");
    const { code } = await c.records.org.suggestCode({ parentId: township() });
    const org = await c.records.org.create({
      code: code!,
      name: "中共柳林镇测试联合支部委员会",
      category: "jointBranch",
      parentId: township(),
      formationMode: "joint",
      foundedOn: "2026-11-20",
      hostIds: hosts,
    });
    expect(org.code).toBe(code);
    expect(
      db.$client
        .prepare("select host_id, start_on, end_on from coverages where org_id = ? order by host_id")
        .raw(true)
        .all(org.id),
    ).toEqual(hosts.map((h) => [h, "2026-11-20", null]));
    expect(
      value("select count(*) from audit_log where action = 'coverage.set' and scope_org_id = ?", org.id),
    ).toBe(3);
  });

  it("over the joint cap (10): founded all the same, with the cap's warning to show", async () => {
    const hosts = uncoveredOfTownship(11);
    expect(hosts).toHaveLength(11);
    const c = caller("township");
    const { code } = await c.records.org.suggestCode({ parentId: township() });
    const org = await c.records.org.create({
      code: code!,
      name: "中共柳林镇测试大联合支部委员会",
      category: "jointBranch",
      parentId: township(),
      formationMode: "joint",
      foundedOn: "2026-11-20",
      hostIds: hosts,
    });
    expect(value("select count(*) from coverages where org_id = ?", org.id)).toBe(11);
    expect(org.warnings).toHaveLength(1);
    expect(org.warnings[0]!.code).toBe("JOINT_OVER_CAP");
    expect(org.warnings[0]!.message).toMatch(/11.*10/);
  });

  it("one host outside the territory among them: not found, and neither the organization nor any coverage is made", async () => {
    const [own] = uncoveredOfTownship(1);
    const far = value(
      "select h.id from hosts h join regions r on r.id = h.region_id where r.name like '白沙乡%' order by h.id limit 1",
    );
    const before = hash();
    await expect(
      caller("township").records.org.create({
        code: "D-TEST-FAR",
        name: "中共柳林镇测试越界联合支部委员会",
        category: "jointBranch",
        parentId: township(),
        formationMode: "joint",
        foundedOn: "2026-11-20",
        hostIds: [own!, far],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(hash()).toBe(before);
  });

  it("the same host twice is refused with a Chinese message, before anything is written", async () => {
    const [h] = uncoveredOfTownship(1);
    const before = hash();
    const err = await caller("township")
      .records.org.create({
        code: "D-TEST-TWICE",
        name: "中共柳林镇测试重复联合支部委员会",
        category: "jointBranch",
        parentId: township(),
        formationMode: "joint",
        foundedOn: "2026-11-20",
        hostIds: [h!, h!],
      })
      .catch((e: unknown) => e as Error);
    expect(userMessage(err, "records.org.create")).toMatch(/覆盖的两新组织.*同一两新组织选了两次/);
    expect(hash()).toBe(before);
  });
});

describe("several hosts covered in one step from the organization's page", () => {
  it("an existing joint organization covers two more hosts from one day", async () => {
    const joint = value(
      "select id from orgs where path glob (select path || '*' from orgs where id = ?) and formation_mode = 'joint' and revoked_on is null order by id limit 1",
      township(),
    );
    const hosts = uncoveredOfTownship(2);
    const before = value("select count(*) from coverages where org_id = ?", joint);
    const r = await caller("township").records.coverage.setMany({
      orgId: joint,
      hostIds: hosts,
      startOn: TODAY,
    });
    expect(r.coverages.map((c) => c.hostId)).toEqual(hosts);
    expect(value("select count(*) from coverages where org_id = ?", joint)).toBe(before + 2);
  });

  it("a standalone organization cannot take two: the rule's message, and neither host is covered", async () => {
    const standalone = value(
      `select o.id from orgs o where o.path glob (select path || '*' from orgs where id = ?) and o.formation_mode = 'standalone'
       and o.revoked_on is null and not exists (select 1 from coverages c where c.org_id = o.id) order by o.id limit 1`,
      township(),
    );
    const hosts = uncoveredOfTownship(2);
    const before = hash();
    await expect(
      caller("township").records.coverage.setMany({ orgId: standalone, hostIds: hosts, startOn: TODAY }),
    ).rejects.toThrow(/单独建只能覆盖一个两新组织/);
    expect(hash()).toBe(before);
  });
});
