import type { Db } from "@liangxin/db/driver";
import { HOST_KIND_LABELS, WORK_MESSAGES, type HostKind } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applyImport,
  checkSpreadsheetUpload,
  planImport,
  readImportFolder,
  readImportWorkbook,
  totalCounts,
  writeErrorReport,
  writeImportTemplate,
  readWorkbookSheets,
  TABLE_LIST,
} from "../src/index.ts";
import { creditCode, hostsWorkbook } from "./fixtures.ts";
import { demoDb, folder, tableState, TODAY } from "./helpers.ts";

const TOWNSHIP = "369902001";

describe("a 5,000-row import with one bad row", () => {
  let db: Db;
  beforeAll(async () => {
    db = await demoDb();
  });

  it("writes nothing and names the row; after fixing it succeeds; a second run changes nothing", async () => {
    const before = tableState(db);
    // 1,250 hosts + 3,750 host-year rows = 5,000 data rows; host-year row 2,000 is bad.
    const bad = await hostsWorkbook({ hosts: 1250, township: TOWNSHIP, badYearRow: 1999 });
    const parsed = await readImportWorkbook(bad);
    expect(parsed.rowCount).toBe(5000);
    const plan = await planImport(db, parsed, { today: TODAY });
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({ sheet: "经营数据", row: 2001, column: "从业人员数", value: "-3" });
    expect(plan.errors[0]!.reason).toMatch(/整数/);
    await expect(applyImport(db, plan, { userId: null, username: "t" })).rejects.toThrow();
    expect(tableState(db)).toBe(before);

    const good = await hostsWorkbook({ hosts: 1250, township: TOWNSHIP });
    const started = performance.now();
    const plan2 = await planImport(db, await readImportWorkbook(good), { today: TODAY });
    expect(plan2.errors).toEqual([]);
    const counts = await applyImport(db, plan2, { userId: null, username: "t" });
    console.log("5,000 rows planned and written in", Math.round(performance.now() - started), "ms");
    expect(counts.hosts.created).toBe(1250);
    expect(counts.host_years.created).toBe(3750);
    const audited = db.$client
      .prepare("select count(*) from audit_log where action = 'import.create'")
      .pluck()
      .get();
    expect(audited).toBe(5000);

    const plan3 = await planImport(db, await readImportWorkbook(good), { today: TODAY });
    expect(plan3.errors).toEqual([]);
    expect(totalCounts(plan3.counts)).toEqual({ created: 0, updated: 0, unchanged: 5000 });

    // A changed figure updates in place.
    const more = await hostsWorkbook({ hosts: 1250, township: TOWNSHIP, employees: 11 });
    const plan4 = await planImport(db, await readImportWorkbook(more), { today: TODAY });
    expect(plan4.counts.host_years.updated).toBe(3750);
    expect(plan4.counts.hosts.unchanged).toBe(1250);
  });
});

describe("validation", () => {
  let db: Db;
  beforeAll(async () => {
    db = await demoDb();
  });

  it("reads CSV with a byte-order mark, headers in any order, and reports cell errors with row and column", () => {
    const dir = folder({
      "hosts.csv":
        "\uFEFF名称,统一社会信用代码,类别,所在区划代码,成立日期\r\n" +
        `甲公司,${creditCode(1)},非公企业,${TOWNSHIP},2020-01-01\r\n` +
        `乙公司,913699029999999999,非公企业,${TOWNSHIP},2020-01-01\r\n` +
        `丙公司,${creditCode(3)},企业集团,369902,2020-02-30\r\n`,
      "members.csv":
        "公民身份号码,姓名,性别,入党日期,出生日期,所在党组织代码,未知列\r\n110101199003074514,张三,男,2015-07-01,1990-03-08,G369900,x\r\n",
    });
    const parsed = readImportFolder(dir);
    const where = parsed.errors.map((e) => `${e.sheet}:${e.row}:${e.column}`);
    expect(where).toContain("hosts.csv:3:统一社会信用代码");
    expect(where).toContain("hosts.csv:4:类别");
    expect(where).toContain("hosts.csv:4:成立日期");
    expect(where).toContain("members.csv:1:未知列");
    expect(parsed.tables.hosts).toHaveLength(1);
  });

  it("reads a revenue exactly into 分 and refuses one finer than 分, naming the column in Chinese", () => {
    const dir = folder({
      "host-years.csv":
        "统一社会信用代码,年度,从业人员数,年营业收入(万元)\r\n" +
        `${creditCode(1)},2024,10,96.123456\r\n` +
        `${creditCode(1)},2025,10,1.2345678\r\n` +
        `${creditCode(2)},2025,10,-5\r\n` +
        `${creditCode(3)},2025,10,500\r\n`,
    });
    const parsed = readImportFolder(dir);
    expect(parsed.tables.hostYears.map((y) => y.revenueFen)).toEqual([96_123_456, 500_000_000]);
    expect(parsed.errors).toEqual([
      {
        sheet: "host-years.csv",
        row: 3,
        column: "年营业收入(万元)",
        value: "1.2345678",
        reason: "年营业收入(万元)最多精确到分(以万元计小数点后最多6位)",
      },
      {
        sheet: "host-years.csv",
        row: 4,
        column: "年营业收入(万元)",
        value: "-5",
        reason: "年营业收入(万元)应为不小于0的数字",
      },
    ]);
  });

  it("checks references, township level, birth dates and the domain rules, naming the rows", async () => {
    const host = db.$client
      .prepare(
        "select h.credit_code as code, c.org_id as orgId, o.code as orgCode from hosts h join coverages c on c.host_id = h.id join orgs o on o.id = c.org_id where c.end_on is null limit 1",
      )
      .get() as { code: string; orgCode: string };
    const other = db.$client
      .prepare("select code from orgs where category = 'jointBranch' and code != ? limit 1")
      .pluck()
      .get(host.orgCode) as string;
    const dir = folder({
      "hosts.csv": `统一社会信用代码,名称,类别,所在区划代码,成立日期\r\n${creditCode(9)},丁公司,非公企业,369902,2020-01-01\r\n`,
      "coverage.csv": `统一社会信用代码,组织代码,开始日期\r\n${host.code},${other},2024-01-01\r\n${creditCode(8)},${other},2024-01-01\r\n`,
      "members.csv":
        "公民身份号码,姓名,性别,入党日期,出生日期,所在党组织代码\r\n110101199003074514,张三,男,2015-07-01,1990-03-08,G369900\r\n",
    });
    const plan = await planImport(db, readImportFolder(dir), { today: TODAY });
    const reasons = plan.errors.map((e) => `${e.sheet}:${e.row}:${e.reason}`);
    expect(reasons.some((r) => r.startsWith("hosts.csv:2:") && r.includes("乡镇级"))).toBe(true);
    expect(reasons.some((r) => r.startsWith("coverage.csv:3:") && r.includes("不存在"))).toBe(true);
    expect(reasons.some((r) => r.startsWith("members.csv:2:") && r.includes("1990-03-07"))).toBe(true);
    expect(plan.changes).toEqual([]);

    // Without the cell errors, the rule: the host would be covered twice from 2024-01-01.
    const dir2 = folder({
      "coverage.csv": `统一社会信用代码,组织代码,开始日期\r\n${host.code},${other},2024-01-01\r\n`,
    });
    const plan2 = await planImport(db, readImportFolder(dir2), { today: TODAY });
    expect(plan2.errors).toHaveLength(1);
    expect(plan2.errors[0]).toMatchObject({ sheet: "coverage.csv", row: 2 });
    expect(plan2.errors[0]!.reason).toContain("coverage.csv第2行");
  });

  it("an imported coverage ends the host's open establishment plan, in the import's transaction, audited", async () => {
    const open = db.$client
      .prepare(
        `select p.id, h.credit_code as code, h.region_id as regionId from establishment_plans p
         join hosts h on h.id = p.host_id where p.state = 'open' order by p.id limit 1`,
      )
      .get() as { id: number; code: string; regionId: number };
    // A joint branch of the host's township (联合建 may cover one more host).
    const joint = db.$client
      .prepare(
        `select o.code from orgs o where o.category = 'jointBranch' and o.revoked_on is null
           and o.region_id = (select id from regions where id = ?) order by o.id limit 1`,
      )
      .pluck()
      .get(open.regionId) as string | undefined;
    const org =
      joint ??
      (db.$client
        .prepare(
          "select code from orgs where category = 'jointBranch' and revoked_on is null order by id limit 1",
        )
        .pluck()
        .get() as string);
    const dir = folder({
      "coverage.csv": `统一社会信用代码,组织代码,开始日期\r\n${open.code},${org},2026-11-01\r\n`,
    });
    const plan = await planImport(db, readImportFolder(dir), { today: TODAY });
    expect(plan.errors).toEqual([]);
    await applyImport(db, plan, { userId: null, username: "t" });
    expect(
      db.$client
        .prepare("select state, closed_on as closedOn from establishment_plans where id = ?")
        .get(open.id),
    ).toEqual({ state: "closed", closedOn: "2026-11-01" });
    expect(
      db.$client
        .prepare("select count(*) from audit_log where action = 'plan.close' and entity_id = ?")
        .pluck()
        .get(String(open.id)),
    ).toBe(1);
  });

  it("refuses a member without any relationship and a re-parenting without a date", async () => {
    const org = db.$client
      .prepare("select code from orgs where category = 'branch' limit 1")
      .pluck()
      .get() as string;
    const dir = folder({
      "members.csv": "公民身份号码,姓名,性别,入党日期\r\n110101199003074514,张三,男,2015-07-01\r\n",
      "orgs.csv": `组织代码,名称,组织类别,上级组织代码,成立日期\r\n${org},改名支部,党支部,G369900,2010-01-01\r\n`,
    });
    const plan = await planImport(db, readImportFolder(dir), { today: TODAY });
    const reasons = plan.errors.map((e) => e.reason);
    expect(reasons.some((r) => r.includes("须填一项"))).toBe(true);
    expect(reasons.some((r) => r.includes("隶属变更"))).toBe(true);
  });

  it("records whether an organization has party groups (设有党小组), never for a management node", async () => {
    const org = db.$client
      .prepare(
        `select o.code, o.name, o.founded_on as foundedOn, p.code as parentCode from orgs o
         join orgs p on p.id = o.parent_id
         where o.category = 'branch' and o.has_party_groups = 0 and o.revoked_on is null order by o.id limit 1`,
      )
      .get() as { code: string; name: string; foundedOn: string; parentCode: string };
    const node = db.$client
      .prepare(
        `select o.code, o.name, o.founded_on as foundedOn, p.code as parentCode, r.code as regionCode from orgs o
         join orgs p on p.id = o.parent_id join regions r on r.id = o.region_id
         where o.category = 'townshipCommittee' order by o.id limit 1`,
      )
      .get() as { code: string; name: string; foundedOn: string; parentCode: string; regionCode: string };
    const header = "组织代码,名称,组织类别,上级组织代码,区划代码,成立日期,设有党小组\r\n";
    const branchRow = `${org.code},${org.name},党支部,${org.parentCode},,${org.foundedOn},是\r\n`;
    const refused = await planImport(
      db,
      readImportFolder(
        folder({
          "orgs.csv": `${header}${branchRow}${node.code},${node.name},乡镇党委,${node.parentCode},${node.regionCode},${node.foundedOn},是\r\n`,
        }),
      ),
      { today: TODAY },
    );
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors[0]).toMatchObject({ sheet: "orgs.csv", row: 3, column: "设有党小组" });
    expect(refused.errors[0]!.reason).toContain("管理单位不设党小组");
    const plan = await planImport(db, readImportFolder(folder({ "orgs.csv": `${header}${branchRow}` })), {
      today: TODAY,
    });
    expect(plan.errors).toEqual([]);
    expect(totalCounts(await applyImport(db, plan, { userId: null, username: "t" })).updated).toBe(1);
    expect(db.$client.prepare("select has_party_groups from orgs where code = ?").pluck().get(org.code)).toBe(
      1,
    );
  });

  it("writes a template with every sheet and an error report that reads back", async () => {
    const sheets = await readWorkbookSheets(await writeImportTemplate());
    expect(sheets.map((s) => s.name)).toEqual(["说明", ...TABLE_LIST.map((t) => t.sheet)]);
    expect(sheets.find((s) => s.name === "党员")!.header).toContain("公民身份号码");
    const report = await readWorkbookSheets(
      await writeErrorReport([
        { sheet: "党员", row: 3, column: "性别", value: "x", reason: "不在可选值之内" },
      ]),
    );
    expect(report[0]!.rows[0]!.cells).toEqual(["党员", "3", "性别", "x", "不在可选值之内"]);
  });

  it("refuses non-spreadsheets and zip bombs before parsing", async () => {
    expect(checkSpreadsheetUpload(new TextEncoder().encode("not a zip at all, just text"))).toMatchObject({
      ok: false,
    });
    const ok = await writeImportTemplate();
    expect(checkSpreadsheetUpload(ok)).toEqual({ ok: true });
    expect(checkSpreadsheetUpload(ok, { maxUncompressed: 1000 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("压缩炸弹"),
    });
    expect(checkSpreadsheetUpload(ok, { maxBytes: 100 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("上限"),
    });
  });
});

describe("the import writes through the write model", () => {
  let db: Db;
  beforeAll(async () => {
    db = await demoDb();
  });

  it("a host imported as closing ends its open establishment plan as the host form does (even a closing announced for a later day): dated, with the reason, audited", async () => {
    const open = db.$client
      .prepare(
        `select p.id, h.credit_code as code, h.name, h.kind, h.founded_on as foundedOn, r.code as regionCode,
                h.version
           from establishment_plans p join hosts h on h.id = p.host_id join regions r on r.id = h.region_id
          where p.state = 'open' order by p.id limit 1`,
      )
      .get() as {
      id: number;
      code: string;
      name: string;
      kind: HostKind;
      foundedOn: string;
      regionCode: string;
      version: number;
    };
    const kind = HOST_KIND_LABELS[open.kind];
    const dir = folder({
      "hosts.csv": `统一社会信用代码,名称,类别,所在区划代码,成立日期,注销日期\r\n${open.code},${open.name},${kind},${open.regionCode},${open.foundedOn},2026-12-20\r\n`,
    });
    const plan = await planImport(db, readImportFolder(dir), { today: TODAY });
    expect(plan.errors).toEqual([]);
    await applyImport(db, plan, { userId: null, username: "t" });
    expect(
      db.$client
        .prepare(
          "select state, closed_on as closedOn, closed_reason as reason from establishment_plans where id = ?",
        )
        .get(open.id),
    ).toEqual({ state: "closed", closedOn: "2026-12-20", reason: WORK_MESSAGES.planClosedByHostClosed });
    expect(
      db.$client
        .prepare("select count(*) from audit_log where action = 'plan.close' and entity_id = ?")
        .pluck()
        .get(String(open.id)),
    ).toBe(1);
    // The row itself: written at a new version, like a save in the form.
    expect(
      db.$client
        .prepare("select closed_on as closedOn, version from hosts where credit_code = ?")
        .get(open.code),
    ).toEqual({ closedOn: "2026-12-20", version: open.version + 1 });
  });
});
