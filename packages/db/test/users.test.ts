import { isValidCreditCode, withCreditCheckChar } from "@liangxin/domain";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { writeAudit } from "../src/audit.ts";
import { openTestDb, type Db } from "../src/driver/client.ts";
import { writeTransaction } from "../src/driver/query.ts";
import { auditLog, hosts, orgs, regions, users } from "../src/schema.ts";
import {
  createUser,
  findUserByUsername,
  hashPassword,
  userRoleLabel,
  verifyPassword,
  verifyPasswordAsync,
} from "../src/users.ts";

const HOST_CODE = withCreditCheckChar("91369921MA35K2L7X");

let db: Db;

/** A city node, a township node, one branch and one host: the least a user can be bound to. */
async function arrange(): Promise<void> {
  db = openTestDb();
  const [city] = await db
    .insert(regions)
    .values({ code: "369900", name: "清源市", level: "city", path: "/1/", depth: 0 })
    .returning();
  const [town] = await db
    .insert(regions)
    .values({
      code: "369921101",
      name: "柳林镇",
      level: "township",
      parentId: city!.id,
      path: "/1/2/",
      depth: 1,
    })
    .returning();
  await db.insert(orgs).values([
    {
      id: 1,
      code: "G369900",
      name: "中共清源市委两新组织工作委员会",
      category: "cityCommittee",
      path: "/1/",
      depth: 0,
      regionId: city!.id,
      foundedOn: "2009-03-16",
    },
    {
      id: 2,
      code: "D369921101001",
      name: "中共柳林镇非公企业第一联合支部委员会",
      category: "jointBranch",
      parentId: 1,
      path: "/1/2/",
      depth: 1,
      formationMode: "joint",
      foundedOn: "2019-04-01",
    },
    {
      id: 3,
      code: "D369921101002",
      name: "中共柳林镇已撤销支部委员会",
      category: "branch",
      parentId: 1,
      path: "/1/3/",
      depth: 1,
      foundedOn: "2010-01-01",
      revokedOn: "2020-01-01",
    },
  ]);
  await db.insert(hosts).values({
    creditCode: HOST_CODE,
    name: "清源市恒达机械制造有限公司",
    kind: "enterprise",
    regionId: town!.id,
    foundedOn: "2012-05-01",
  });
}

describe("users", () => {
  beforeEach(arrange);

  it("hashes passwords with bcrypt (cost 10) and verifies them", async () => {
    const hash = hashPassword("Demo@2026");
    expect(hash).toMatch(/^\$2[aby]\$10\$/);
    expect(hash).not.toContain("Demo@2026");
    expect(verifyPassword("Demo@2026", hash)).toBe(true);
    expect(verifyPassword("demo@2026", hash)).toBe(false);
    expect(verifyPassword("Demo@2026", "not-a-hash")).toBe(false);
    expect(await verifyPasswordAsync("Demo@2026", hash)).toBe(true);
    expect(await verifyPasswordAsync("x", hash)).toBe(false);
    expect(isValidCreditCode(HOST_CODE)).toBe(true);
  });

  it("creates an administrator, a secretary and an owner bound to what exists, with an audit row each", async () => {
    const admin = await createUser(db, {
      username: "city",
      displayName: "市管理员",
      password: "Demo@2026",
      role: "admin",
      orgCode: "G369900",
    });
    const secretary = await createUser(db, {
      username: "branch",
      displayName: "王书记",
      password: "Demo@2026",
      role: "secretary",
      orgCode: "D369921101001",
    });
    const owner = await createUser(
      db,
      {
        username: "owner",
        displayName: "李出资人",
        password: "Demo@2026",
        role: "owner",
        hostCreditCode: HOST_CODE,
      },
      { userId: admin, username: "city" },
    );
    const u = await findUserByUsername(db, "branch");
    expect(u?.id).toBe(secretary);
    expect(u?.orgId).toBe(2);
    expect(u?.hostId).toBeNull();
    expect(verifyPassword("Demo@2026", u!.passwordHash)).toBe(true);
    expect((await findUserByUsername(db, "owner"))?.hostId).toBe(1);
    expect(await findUserByUsername(db, "nobody")).toBeUndefined();

    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "user.create"));
    expect(audit.map((a) => a.entityId)).toEqual([String(admin), String(secretary), String(owner)]);
    const last = audit[2];
    expect(last?.userId).toBe(admin);
    expect(last?.username).toBe("city");
    expect(last?.after).toEqual({
      username: "owner",
      displayName: "李出资人",
      role: "owner",
      orgId: null,
      hostId: 1,
    });
    expect(JSON.stringify(audit)).not.toContain("$2");
  });

  it("refuses invalid input with a Chinese message naming what is wrong, and writes nothing", async () => {
    const base = { displayName: "张三", password: "Demo@2026" };
    const cases: [Parameters<typeof createUser>[1], RegExp][] = [
      [{ ...base, username: "a", role: "admin", orgCode: "G369900" }, /用户名.*a/],
      [{ ...base, username: "x1", displayName: " ", role: "admin", orgCode: "G369900" }, /姓名不能为空/],
      [{ ...base, username: "x2", password: "short", role: "admin", orgCode: "G369900" }, /密码至少 8 位/],
      [{ ...base, username: "x3", role: "admin" }, /管理员账号必须指定所在党组织代码/],
      [{ ...base, username: "x4", role: "admin", orgCode: "G000000" }, /党组织不存在:G000000/],
      [
        { ...base, username: "x5", role: "admin", orgCode: "D369921101001" },
        /管理员账号只能绑定管理单位.*联合支部委员会/,
      ],
      [
        { ...base, username: "x6", role: "secretary", orgCode: "G369900" },
        /书记账号只能绑定基层党组织.*工作委员会/,
      ],
      [{ ...base, username: "x7", role: "secretary", orgCode: "D369921101002" }, /党组织已撤销/],
      [{ ...base, username: "x8", role: "owner" }, /出资人账号必须指定两新组织的统一社会信用代码/],
      [{ ...base, username: "x9", role: "owner", hostCreditCode: "91369921MA35K2L7XX" }, /两新组织不存在/],
      [
        { ...base, username: "x10", role: "owner", hostCreditCode: HOST_CODE, orgCode: "G369900" },
        /出资人账号不绑定党组织/,
      ],
      [
        { ...base, username: "x11", role: "admin", orgCode: "G369900", hostCreditCode: HOST_CODE },
        /不绑定两新组织/,
      ],
    ];
    for (const [input, message] of cases)
      await expect(createUser(db, input), input.username).rejects.toThrow(message);
    expect(await db.select().from(users)).toHaveLength(0);
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });

  it("refuses a username already taken, without a second row or audit entry", async () => {
    const input = {
      username: "county",
      displayName: "县管理员",
      password: "Demo@2026",
      role: "admin",
      orgCode: "G369900",
    } as const;
    await createUser(db, input);
    await expect(createUser(db, { ...input, displayName: "另一个" })).rejects.toThrow("用户名已存在:county");
    expect(await db.select().from(users)).toHaveLength(1);
    expect(await db.select().from(auditLog)).toHaveLength(1);
  });

  it("rolls the user back with the surrounding transaction", async () => {
    await expect(
      writeTransaction(db, async (tx) => {
        await createUser(tx, {
          username: "temp",
          displayName: "临时",
          password: "Demo@2026",
          role: "admin",
          orgCode: "G369900",
        });
        throw new Error("回滚");
      }),
    ).rejects.toThrow("回滚");
    expect(await findUserByUsername(db, "temp")).toBeUndefined();
    expect(await db.select().from(auditLog)).toHaveLength(0);
  });

  it("writes audit rows with JSON before/after inside the caller's transaction", async () => {
    const id = await writeTransaction(db, (tx) =>
      writeAudit(tx, {
        userId: 7,
        username: "city",
        action: "host.update",
        entity: "host",
        entityId: 1,
        scopeOrgId: 1,
        before: { name: "旧名称" },
        after: { name: "新名称" },
      }),
    );
    const [row] = await db.select().from(auditLog).where(eq(auditLog.id, id)).limit(1);
    expect(row).toMatchObject({
      userId: 7,
      entityId: "1",
      scopeOrgId: 1,
      before: { name: "旧名称" },
      after: { name: "新名称" },
    });
    expect(row?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("labels roles in Chinese by the category of the bound organization", () => {
    expect(userRoleLabel("admin", "cityCommittee")).toBe("市级管理员");
    expect(userRoleLabel("admin", "countyCommittee")).toBe("县级管理员");
    expect(userRoleLabel("admin", "industryCommittee")).toBe("行业党委管理员");
    expect(userRoleLabel("secretary", "jointBranch")).toBe("党组织书记");
    expect(userRoleLabel("owner", null)).toBe("出资人");
  });
});
