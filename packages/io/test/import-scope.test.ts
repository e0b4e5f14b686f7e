/**
 * Issue 15, finding 5: an administrator below the city imports within its editable set, and the import
 * checks scope first, then rules. A row that refers to a record outside the set (by its 统一社会信用代码,
 * 组织代码, 公民身份号码 or 编号) gets one message naming only the sheet and row of the caller's own file,
 * whether or not it equals the stored row — so an import is no oracle for another area's values — and
 * rule checks run only on the rows within scope, so no message names another area's records.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { jobs } from "@liangxin/db/schema";
import { type Db } from "@liangxin/db/driver";
import { withCitizenIdCheckChar, withCreditCheckChar } from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  exportImportWorkbook,
  readWorkbookSheets,
  runImportJob,
  TABLES,
  type ImportError,
  type RawSheet,
} from "../src/index.ts";
import { demoDb, scopeOf, tmpDir, TODAY } from "./helpers.ts";

let db: Db;
let dir: string;
/** The whole city in the import format: the source of exact copies of other areas' rows. */
let city: RawSheet[];

beforeAll(async () => {
  db = await demoDb();
  dir = tmpDir();
  const file = path.join(dir, "city.xlsx");
  await exportImportWorkbook(db, await scopeOf(db, "city"), file, { today: TODAY });
  city = await readWorkbookSheets(file);
});

type Sheet = { name: string; header: string[]; rows: string[][] };

/** The city export's row of `sheet` whose `column` is `key` (header and cells). */
function rowOf(sheet: string, column: string, key: string): Sheet {
  const s = city.find((x) => x.name === sheet)!;
  const i = s.header.indexOf(column);
  const row = s.rows.find((r) => r.cells[i] === key);
  if (!row) throw new Error(`${sheet}: no row with ${column} = ${key}`);
  return { name: sheet, header: s.header, rows: [row.cells.slice(0, s.header.length)] };
}

/** The same sheet with one cell changed. */
function changed(s: Sheet, column: string, value: string): Sheet {
  const i = s.header.indexOf(column);
  return { ...s, rows: s.rows.map((r) => r.map((c, j) => (j === i ? value : c))) };
}

let files = 0;
async function workbook(sheets: Sheet[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.header);
    for (const r of s.rows) ws.addRow(r);
  }
  const file = path.join(dir, `in-${++files}.xlsx`);
  writeFileSync(file, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  return file;
}

/** The portal's import (the job with the caller's scope), checked only (a dry run). */
async function importAs(username: string, sheets: Sheet[] | string) {
  const file = typeof sheets === "string" ? sheets : await workbook(sheets);
  const id = (
    await db
      .insert(jobs)
      .values({ kind: "import", fileName: "t.xlsx", state: "queued", total: 100 })
      .returning({ id: jobs.id })
  )[0]!.id;
  return runImportJob(
    db,
    id,
    file,
    { userId: null, username },
    {
      today: TODAY,
      dryRun: true,
      scope: await scopeOf(db, username),
    },
  );
}

const one = <T>(sql: string, ...p: (string | number)[]) => db.$client.prepare(sql).get(...p) as T;

/** Another county's records (outside 清河县, path /1/7/, for both the county and its township). */
function elsewhere() {
  const county = one<{ path: string }>(
    "select o.path from users u join orgs o on o.id = u.org_id where u.username = 'county'",
  ).path;
  const member = one<{ idNumber: string; name: string; orgCode: string; orgName: string }>(
    `select m.id_number as idNumber, m.name, o.code as orgCode, o.name as orgName from members m
     join orgs o on o.id = m.org_id where o.path not like ? || '%' and o.parent_id is not null
     and m.work_host_id is null and m.status = 'normal' order by m.id limit 1`,
    county,
  );
  const host = one<{ creditCode: string; name: string; orgCode: string; orgName: string }>(
    `select h.credit_code as creditCode, h.name, o.code as orgCode, o.name as orgName from hosts h
     join coverages c on c.host_id = h.id and c.end_on is null join orgs o on o.id = c.org_id
     join regions r on r.id = h.region_id where r.path not like ? || '%' order by h.id limit 1`,
    county,
  );
  const instructor = one<{ number: string; name: string }>(
    `select i.number, i.name from instructors i join orgs o on o.id = i.registered_by_id
     where o.path not like ? || '%' and o.parent_id is not null order by i.id limit 1`,
    county,
  );
  const org = one<{ code: string; name: string }>(
    "select code, name from orgs where path not like ? || '%' and parent_id is not null order by id limit 1",
    county,
  );
  return { member, host, instructor, org };
}

/** No text of an error holds any of these strings. */
function namesNone(errors: readonly ImportError[], secrets: readonly string[]) {
  const text = JSON.stringify(errors);
  for (const s of secrets) expect(text, s).not.toContain(s);
}

function expectOutOfScope(errors: readonly ImportError[], sheet: string, rows: number[]) {
  expect(errors.map((e) => ({ sheet: e.sheet, row: e.row }))).toEqual(rows.map((row) => ({ sheet, row })));
  for (const e of errors) {
    expect(e.reason).toContain("管辖范围");
    expect(e.value).toBe("");
  }
}

describe("import below the city: scope first, one message per row, no oracle", () => {
  for (const who of ["township", "county"])
    it(`${who}: another area's member row answers the same whether it equals the stored row or not`, async () => {
      const { member } = elsewhere();
      const copy = rowOf(TABLES.members.sheet, "公民身份号码", member.idNumber);
      const exact = await importAs(who, [copy]);
      const edited = await importAs(who, [changed(copy, "姓名", `${member.name}甲`)]);
      expect(exact.ok).toBe(false);
      expectOutOfScope(exact.errors, TABLES.members.sheet, [2]);
      expect(edited.errors).toEqual(exact.errors);
      namesNone(exact.errors, [member.idNumber, member.name, member.orgCode, member.orgName]);
    });

  it("another area's host, organization and instructor rows: the same one message, copied or changed", async () => {
    const { host, org, instructor } = elsewhere();
    const cases: [Sheet, string, string][] = [
      [rowOf(TABLES.hosts.sheet, "统一社会信用代码", host.creditCode), "名称", `${host.name}甲`],
      [rowOf(TABLES.orgs.sheet, "组织代码", org.code), "名称", `${org.name}甲`],
      [rowOf(TABLES.instructors.sheet, "编号", instructor.number), "姓名", `${instructor.name}甲`],
    ];
    for (const [copy, column, value] of cases) {
      const exact = await importAs("township", [copy]);
      const edited = await importAs("township", [changed(copy, column, value)]);
      expect(exact.ok, copy.name).toBe(false);
      expectOutOfScope(exact.errors, copy.name, [2]);
      expect(edited.errors, copy.name).toEqual(exact.errors);
      namesNone(exact.errors, [
        host.creditCode,
        host.name,
        org.code,
        org.name,
        instructor.number,
        instructor.name,
      ]);
    }
  });

  it("rows that would break a rule in another area get the scope message only, naming nothing of it", async () => {
    const { host, member } = elsewhere();
    // The host's covering organization again from 2024: covered twice (a rule names host and organizations).
    const coverage: Sheet = {
      name: TABLES.coverage.sheet,
      header: ["统一社会信用代码", "组织代码", "开始日期"],
      rows: [[host.creditCode, host.orgCode, "2024-01-01"]],
    };
    // Working in the other area's host from before joining: a member of the other area.
    const workplace: Sheet = {
      name: TABLES.workplaces.sheet,
      header: ["公民身份号码", "工作单位信用代码", "开始日期", "结束日期"],
      rows: [[member.idNumber, host.creditCode, "2024-01-01", "2023-01-01"]],
    };
    const alone = await importAs("township", [coverage]);
    expectOutOfScope(alone.errors, TABLES.coverage.sheet, [2]);
    namesNone(alone.errors, [host.creditCode, host.name, host.orgCode, host.orgName]);
    const res = await importAs("township", [coverage, workplace]);
    expect(res.ok).toBe(false);
    expect(res.errors.map((e) => `${e.sheet}:${e.row}`)).toEqual([
      `${TABLES.coverage.sheet}:2`,
      `${TABLES.workplaces.sheet}:2`,
    ]);
    for (const e of res.errors) expect(e.reason).toContain("管辖范围");
    namesNone(res.errors, [host.name, host.orgName, member.name, member.orgName]);
  });

  it("rules still run on the rows within scope, after the scope check, in the same answer", async () => {
    const { member } = elsewhere();
    const township = one<{ code: string }>(
      "select r.code from users u join orgs o on o.id = u.org_id join regions r on r.id = o.region_id where u.username = 'township'",
    ).code;
    const hosts: Sheet = {
      name: TABLES.hosts.sheet,
      header: ["统一社会信用代码", "名称", "类别", "所在区划代码", "成立日期", "注销日期"],
      rows: [["91369921MA0000001X", "本镇新企业", "非公企业", township, "2020-01-01", "2019-01-01"]],
    };
    const copy = rowOf(TABLES.members.sheet, "公民身份号码", member.idNumber);
    const res = await importAs("township", [hosts, copy]);
    expect(res.ok).toBe(false);
    const scope = res.errors.filter((e) => e.reason.includes("管辖范围"));
    const rules = res.errors.filter((e) => !e.reason.includes("管辖范围"));
    expect(
      scope.map((e) => `${e.sheet}:${e.row}`),
      JSON.stringify(res.errors),
    ).toEqual([`${TABLES.members.sheet}:2`]);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.every((e) => e.sheet === TABLES.hosts.sheet && e.row === 2)).toBe(true);
    expect(res.errors.indexOf(scope[0]!)).toBe(0);
  });

  it("the city imports every row as before: an exact copy is unchanged", async () => {
    const { member, host } = elsewhere();
    const res = await importAs("city", [
      rowOf(TABLES.members.sheet, "公民身份号码", member.idNumber),
      rowOf(TABLES.hosts.sheet, "统一社会信用代码", host.creditCode),
    ]);
    expect(res.errors).toEqual([]);
    expect(res.summary).toMatchObject({ created: 0, updated: 0 });
  });

  it("within scope the import goes on as before: new records hung on the caller's own, edits of its own", async () => {
    const own = one<{ region: string; branch: string }>(
      `select r.code as region, (select o2.code from orgs o2 where o2.parent_id = o.id and o2.category in ('branch', 'jointBranch')
         order by o2.id limit 1) as branch
       from users u join orgs o on o.id = u.org_id join regions r on r.id = o.region_id where u.username = 'township'`,
    );
    const credit = withCreditCheckChar("91369921MA0000002");
    const idNumber = withCitizenIdCheckChar("36992119900101123");
    const res = await importAs("township", [
      {
        name: TABLES.hosts.sheet,
        header: ["统一社会信用代码", "名称", "类别", "所在区划代码", "成立日期"],
        rows: [[credit, "本镇新企业", "非公企业", own.region, "2020-01-01"]],
      },
      {
        name: TABLES.members.sheet,
        header: ["公民身份号码", "姓名", "性别", "入党日期", "所在党组织代码", "工作单位信用代码"],
        rows: [[idNumber, "新党员", "男", "2015-07-01", own.branch, credit]],
      },
    ]);
    expect(res.errors).toEqual([]);
    expect(res.summary).toMatchObject({ created: 4, updated: 0 });

    // The county's own member: renamed in place; moved to another area's organization: outside.
    const mine = one<{ idNumber: string; name: string }>(
      `select m.id_number as idNumber, m.name from members m join orgs o on o.id = m.org_id
       where o.path like (select o2.path from users u join orgs o2 on o2.id = u.org_id where u.username = 'county') || '%'
       and m.work_host_id is null order by m.id limit 1`,
    );
    const row = rowOf(TABLES.members.sheet, "公民身份号码", mine.idNumber);
    const renamed = await importAs("county", [changed(row, "姓名", `${mine.name}乙`)]);
    expect(renamed.errors).toEqual([]);
    expect(renamed.summary).toMatchObject({ created: 0, updated: 1 });
    const moved = await importAs("county", [changed(row, "所在党组织代码", elsewhere().member.orgCode)]);
    expectOutOfScope(moved.errors, TABLES.members.sheet, [2]);
  });

  it("a county imports its own import-format export back without any change", async () => {
    const file = path.join(dir, "county.xlsx");
    await exportImportWorkbook(db, await scopeOf(db, "county"), file, { today: TODAY });
    const res = await importAs("county", file);
    expect(res.errors.slice(0, 5)).toEqual([]);
    expect(res.summary).toMatchObject({ created: 0, updated: 0 });
  });
});
