/**
 * Issue 14, at the API: a secretary finds a member's workplace by its credit code (any host of the city,
 * name only, audited); an owner's unchanged correction is refused and a pending one may be withdrawn;
 * every refusal a user reads names the field in Chinese.
 */
import { createUser } from "@liangxin/db/auth";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { cloneDb } from "@liangxin/db/queries";
import { seedDemo } from "@liangxin/seed/demo";
import { fenNumber, withCitizenIdCheckChar, withCreditCheckChar } from "@liangxin/domain";
import { TRPCError } from "@trpc/server";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createContext } from "../src/context.ts";
import { FIELD_LABELS, userMessage } from "../src/index.ts";
import { createCaller } from "../src/root.ts";
import { procedurePaths, send, shapeOf, inputSchema } from "./fuzz-kit.ts";

const TODAY = "2026-11-21";

let db: Db;
/** The demo, seeded once for the file: each test works on a copy of its own. */
let seeded: Db;
beforeAll(async () => {
  seeded = openTestDb();
  await seedDemo(seeded, { pastReports: false });
});
beforeEach(() => {
  db = cloneDb(seeded);
});

const value = <T = number>(sql: string, ...p: unknown[]) =>
  db.$client
    .prepare(sql)
    .pluck()
    .get(...p) as T;
/** A revenue held in 分 as the 万元 a user types. */
const wan = (fen: number | null) => (fen === null ? null : fenNumber(fen, "wan"));
const userId = (u: string) => value("select id from users where username = ?", u);
const caller = (u: string) => createCaller(createContext({ db, userId: userId(u), today: TODAY }));

/** The refusal of `p` as a user reads it. */
async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCError) return { code: e.code, message: userMessage(e) };
    throw e;
  }
  throw new Error("not refused");
}

/** Chinese, no identifier, no JSON, no English field path. */
function expectReadable(message: string): void {
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  expect(message).not.toMatch(/[A-Z_]{6,}|[a-z]+\.[a-z]+[A-Z]|[{[]\s*"|"\s*:|\b[a-z][A-Za-z]*\s*:/);
}

/** An operating host of 青山县, which the 柳林镇 branch neither covers nor sees. */
const foreignHost = () =>
  db.$client
    .prepare(
      `select h.id, h.name, h.credit_code as creditCode from hosts h join regions r on r.id = h.region_id
       join regions c on c.id = r.parent_id where c.name = '青山县' and h.closed_on is null order by h.id limit 1`,
    )
    .get() as { id: number; name: string; creditCode: string };

describe("a member's workplace found by its credit code", () => {
  it("gives the branch secretary any operating host of the city by its exact code: its name to confirm, audited", async () => {
    const host = foreignHost();
    const branch = caller("branch");
    await expect(branch.hosts.get({ id: host.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audits = value("select count(*) from audit_log where action = 'host.lookup'");

    const found = await branch.hosts.lookup({ creditCode: ` ${host.creditCode.toLowerCase()} ` });
    expect(found).toEqual({ id: host.id, name: host.name });
    expect(value("select count(*) from audit_log where action = 'host.lookup'")).toBe(audits + 1);
    const row = db.$client
      .prepare("select username, entity, entity_id as entityId from audit_log order by id desc limit 1")
      .get();
    expect(row).toEqual({ username: "branch", entity: "host", entityId: String(host.id) });

    // The host's own page stays out of reach: the lookup answers a name, nothing else.
    await expect(branch.hosts.get({ id: host.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("answers not found for a valid code of no host, and a Chinese refusal naming the field for a malformed one", async () => {
    const branch = caller("branch");
    const unknown = withCreditCheckChar("91369900MA00000001".slice(0, 17));
    expect(value("select count(*) from hosts where credit_code = ?", unknown)).toBe(0);
    await expect(branch.hosts.lookup({ creditCode: unknown })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const bad = await refusal(branch.hosts.lookup({ creditCode: foreignHost().creditCode.slice(0, 17) }));
    expect(bad.code).toBe("BAD_REQUEST");
    expectReadable(bad.message);
    expect(bad.message).toContain("统一社会信用代码");
  });

  it("lets the secretary record the member there: the host counts one more member working in it", async () => {
    const host = foreignHost();
    const working = async () => {
      const h = await caller("city").hosts.get({ id: host.id });
      if (!("membersWorking" in h)) throw new Error("the city sees every host in full");
      return h.membersWorking;
    };
    const before = await working();
    const branch = caller("branch");
    // The name is confirmed by the lookup; the host, not in the branch's sets, is then given by its code.
    const found = await branch.hosts.lookup({ creditCode: host.creditCode });
    expect(found.id).toBe(host.id);
    await branch.records.member.create({
      idNumber: withCitizenIdCheckChar("36992119900101123"),
      name: "工作单位测试",
      gender: "female",
      joinedOn: "2015-07-01",
      fullOn: "2016-07-01",
      orgId: value("select org_id from users where username = 'branch'"),
      workHostCreditCode: host.creditCode,
    });
    const after = await working();
    expect(after.total).toBe(before.total + 1);
    expect(after.full).toBe(before.full + 1);
  });
});

describe("an owner's correction", () => {
  const latest = () =>
    db.$client
      .prepare(
        "select year, employees, revenue_fen as revenueFen from host_years where host_id = (select host_id from users where username = 'owner') order by year desc limit 1",
      )
      .get() as { year: number; employees: number; revenueFen: number | null };
  const contact = () =>
    db.$client
      .prepare(
        "select contact_phone as contactPhone, address from hosts where id = (select host_id from users where username = 'owner')",
      )
      .get() as { contactPhone: string | null; address: string | null };

  it("refuses a correction that changes nothing, saying so in Chinese, and writes nothing", async () => {
    const y = latest();
    const c = contact();
    const rows = value("select count(*) from host_corrections");
    const r = await refusal(
      caller("owner").corrections.submit({
        year: y.year,
        employees: y.employees,
        revenue: wan(y.revenueFen),
        contactPhone: c.contactPhone,
        address: c.address,
      }),
    );
    expect(r.code).toBe("BAD_REQUEST");
    expectReadable(r.message);
    expect(r.message).toContain("从业人员");
    expect(value("select count(*) from host_corrections")).toBe(rows);
  });

  it("lets the owner withdraw a pending correction (audited) and submit another; a withdrawn one is no longer decided", async () => {
    const y = latest();
    const owner = caller("owner");
    const { id } = await owner.corrections.submit({
      year: y.year,
      employees: y.employees + 1,
      revenue: wan(y.revenueFen),
      contactPhone: null,
      address: null,
    });
    await expect(owner.corrections.withdraw({ id })).resolves.toEqual({ ok: true });
    expect(value("select state from host_corrections where id = ?", id)).toBe("withdrawn");
    expect(value<string>("select action from audit_log order by id desc limit 1")).toBe(
      "correction.withdraw",
    );
    expect((await owner.corrections.mine()).find((c) => c.id === id)?.state).toBe("withdrawn");

    const again = await refusal(owner.corrections.withdraw({ id }));
    expect(again.code).toBe("CONFLICT");
    expectReadable(again.message);
    await expect(caller("township").corrections.decide({ id, approve: true })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const next = await owner.corrections.submit({
      year: y.year,
      employees: y.employees + 2,
      revenue: wan(y.revenueFen),
      contactPhone: null,
      address: null,
    });
    expect(value("select state from host_corrections where id = ?", next.id)).toBe("pending");
  });

  it("the township's inbox counts every pending correction and gives the newest few (the home page's five)", async () => {
    const y = latest();
    const owner = caller("owner");
    for (let i = 0; i < 6; i++) {
      const { id } = await owner.corrections.submit({
        year: y.year,
        employees: y.employees + 10 + i,
        revenue: wan(y.revenueFen),
        contactPhone: null,
        address: null,
      });
      if (i < 5) await owner.corrections.withdraw({ id }); // one pending at a time per host
    }
    const township = caller("township");
    const pending = value("select count(*) from host_corrections where state = 'pending'");
    const all = value("select count(*) from host_corrections");
    const few = await township.corrections.inbox({ state: "pending", limit: 1 });
    expect(few.total).toBe(pending);
    expect(few.rows).toHaveLength(1);
    expect(few.rows[0]!.state).toBe("pending");
    const two = await township.corrections.inbox({ limit: 2 });
    expect(two.total).toBe(all);
    expect(two.rows).toHaveLength(2);
    expect(two.rows[0]!.id).toBeGreaterThan(two.rows[1]!.id); // pending first, then the newest
  });

  it("takes the revenue as typed, to the 分; a third decimal is refused, naming the field", async () => {
    const y = latest();
    const owner = caller("owner");
    const tooFine = await refusal(
      owner.corrections.submit({
        year: y.year,
        employees: y.employees,
        revenue: 1234.565,
        contactPhone: null,
        address: null,
      }),
    );
    expect(tooFine.code).toBe("BAD_REQUEST");
    expectReadable(tooFine.message);
    expect(tooFine.message).toContain("营业收入");
    expect(tooFine.message).toContain("最多两位小数");
    // The text of the form, as the server action sends it.
    const { id } = await owner.corrections.submit({
      year: y.year,
      employees: y.employees,
      revenue: "1234.56",
      contactPhone: null,
      address: null,
    });
    expect((await owner.corrections.mine()).find((c) => c.id === id)?.payload.revenueFen).toBe(1_234_560_000);
    await caller("township").corrections.decide({ id, approve: true });
    expect(latest().revenueFen).toBe(1_234_560_000);
    // The same figure typed again changes nothing: refused as unchanged.
    const same = await refusal(
      owner.corrections.submit({
        year: y.year,
        employees: y.employees,
        revenue: "1234.560",
        contactPhone: null,
        address: null,
      }),
    );
    expect(same.code).toBe("BAD_REQUEST");
    expect(same.message).toContain("相同");
  });

  it("answers not found for another owner's correction", async () => {
    const other = value<string>(
      "select credit_code from hosts where id <> (select host_id from users where username = 'owner') and closed_on is null order by id limit 1",
    );
    await createUser(db, {
      username: "owner2",
      displayName: "另一出资人",
      password: "Demo@2026",
      role: "owner",
      hostCreditCode: other,
    });
    const y = latest();
    const { id } = await caller("owner").corrections.submit({
      year: y.year,
      employees: y.employees + 3,
      revenue: wan(y.revenueFen),
      contactPhone: null,
      address: null,
    });
    await expect(caller("owner2").corrections.withdraw({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(value("select state from host_corrections where id = ?", id)).toBe("pending");
  });
});

describe("refusals a user reads", () => {
  it("name the field in Chinese when a server page calls the API (no zod JSON)", async () => {
    const y = db.$client
      .prepare(
        "select year, employees, revenue_fen as revenueFen from host_years where host_id = (select host_id from users where username = 'owner') order by year desc limit 1",
      )
      .get() as { year: number; employees: number; revenueFen: number | null };
    const { id } = await caller("owner").corrections.submit({
      year: y.year,
      employees: y.employees + 5,
      revenue: wan(y.revenueFen),
      contactPhone: null,
      address: null,
    });
    const r = await refusal(caller("township").corrections.decide({ id, approve: false, reason: "" }));
    expect(r.code).toBe("BAD_REQUEST");
    expectReadable(r.message);
    expect(r.message).toContain("驳回理由");
  });

  it("name the field in Chinese over HTTP (no English path)", async () => {
    const r = await send(db, userId("county"), "report.return", { submissionId: 1, reason: "" });
    expect(r.status).toBe(400);
    expectReadable(r.error?.message ?? "");
    expect(r.error?.message).toContain("退回原因");
    const year = await send(db, userId("owner"), "corrections.submit", {
      year: 1800,
      employees: -1,
      revenue: null,
      contactPhone: null,
      address: null,
    });
    expectReadable(year.error?.message ?? "");
    expect(year.error?.message).toContain("年度");
    expect(year.error?.message).toContain("从业人员");
  });

  it("have a Chinese name for every input field of every procedure", () => {
    const missing: string[] = [];
    for (const path of procedurePaths()) {
      const shape = shapeOf(inputSchema(path));
      for (const key of Object.keys(shape ?? {}))
        if (!FIELD_LABELS[key]?.match(/[\u4e00-\u9fff]/)) missing.push(`${path}.${key}`);
    }
    expect(missing).toEqual([]);
  });
});
