import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { loadScope } from "@liangxin/db/scope";
import { migrateDb, openDb, type Db } from "@liangxin/db/driver";
import { withCreditCheckChar } from "@liangxin/domain";
import { writeLedgerWorkbook } from "@liangxin/io";
import { createCaller } from "../src/root.ts";
import { createContext } from "../src/context.ts";
import { apiMessages } from "../src/messages.ts";

const TODAY = DEMO_TODAY;
const dir = mkdtempSync(path.join(tmpdir(), "liangxin-api-io-"));
let db: Db;

const userIdOf = (username: string) =>
  db.$client.prepare("select id from users where username = ?").pluck().get(username) as number;

function callerFor(username: string) {
  return createCaller(createContext({ db, userId: userIdOf(username), today: TODAY }));
}

async function hostsWorkbook(region: string, n: number, from = 0): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("两新组织");
  ws.addRow(["统一社会信用代码", "名称", "类别", "所在区划代码", "成立日期"]);
  for (let i = from; i < from + n; i++)
    ws.addRow([
      withCreditCheckChar(`9136990288${String(i).padStart(7, "0")}`),
      `接口测试企业${i}`,
      "非公企业",
      region,
      "2021-01-01",
    ]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function waitFor(caller: ReturnType<typeof callerFor>, id: number) {
  for (let i = 0; i < 600; i++) {
    const job = await caller.io.job({ id });
    if (job.state === "succeeded" || job.state === "failed") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("job did not finish");
}

/**
 * An export as the portal takes it: the job started (the import format with its confirmation), waited for
 * until it succeeds, and its finished file fetched (what /api/io/jobs/[id]/file serves).
 */
async function exportJob(username: string, format: "ledger" | "import") {
  const caller = callerFor(username);
  const { id } = await caller.io.startExport(format === "import" ? { format, confirm: true } : { format });
  const job = await waitFor(caller, id);
  expect(job.state, JSON.stringify(job.errors)).toBe("succeeded");
  return { id, job, ...(await caller.io.exportFile({ id })) };
}

beforeAll(async () => {
  db = openDb(path.join(dir, "api-io.db"));
  migrateDb(db);
  await seedDemo(db, { pastReports: false });
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("io router", () => {
  it("refuses non-administrators as not found", async () => {
    await expect(callerFor("branch").io.template()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor("owner").io.startExport({ format: "ledger" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses a file that is not a workbook", async () => {
    await expect(
      callerFor("city").io.startImport({ fileName: "a.xlsx", data: new TextEncoder().encode("hello") }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("不是有效的 Excel") });
    await expect(
      callerFor("city").io.startImport({ fileName: "a.csv", data: await hostsWorkbook("369902001", 1) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("imports in another process and reports progress; another user's job does not exist", async () => {
    const city = callerFor("city");
    const { id } = await city.io.startImport({
      fileName: "hosts.xlsx",
      data: await hostsWorkbook("369902001", 20),
    });
    const job = await waitFor(city, id);
    expect(job.state, JSON.stringify(job.errors)).toBe("succeeded");
    expect(job.summary).toMatchObject({ created: 20 });
    await expect(callerFor("county").io.job({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps a township administrator's import within its territory", async () => {
    const township = callerFor("township");
    const own = db.$client
      .prepare(
        "select r.code from users u join orgs o on o.id = u.org_id join regions r on r.id = o.region_id where u.username = 'township'",
      )
      .pluck()
      .get() as string;
    const other = db.$client
      .prepare("select code from regions where level = 'township' and code != ? limit 1")
      .pluck()
      .get(own) as string;
    const { id } = await township.io.startImport({
      fileName: "other.xlsx",
      data: await hostsWorkbook(other, 2, 100),
    });
    const job = await waitFor(township, id);
    expect(job.state, JSON.stringify(job)).toBe("failed");
    expect(job.errors[0]).toMatchObject({ sheet: "两新组织", row: 2 });
    expect(job.errors[0]!.reason).toContain("管辖范围");
    expect(job.hasReport).toBe(true);
    const report = await township.io.errorReport({ id });
    expect(report.fileName).toContain("导入错误报告");
  });

  it("answers another area's host row with one scope message, copied exactly or not (issue 15)", async () => {
    const other = db.$client
      .prepare(
        `select h.credit_code as code, h.name from hosts h join regions r on r.id = h.region_id
         where r.path not like (select r2.path from users u join orgs o on o.id = u.org_id
         join regions r2 on r2.id = o.region_id where u.username = 'township') || '%' order by h.id limit 1`,
      )
      .get() as { code: string; name: string };
    // The row exactly as the city's import-format export holds it.
    const cityExport = new ExcelJS.Workbook();
    await cityExport.xlsx.load(
      (await exportJob("city", "import")).bytes as unknown as Parameters<typeof cityExport.xlsx.load>[0],
    );
    const hostsSheet = cityExport.getWorksheet("两新组织")!;
    const header = (hostsSheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
    let copy: ExcelJS.CellValue[] = [];
    hostsSheet.eachRow((row) => {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1);
      if (cells[header.indexOf("统一社会信用代码")] === other.code) copy = cells;
    });
    expect(copy.length).toBeGreaterThan(0);
    const township = callerFor("township");
    const answers = [];
    for (const name of [other.name, `${other.name}甲`]) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("两新组织");
      ws.addRow(header);
      ws.addRow(copy.map((c, i) => (header[i] === "名称" ? name : c)));
      const data = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
      const { id } = await township.io.startImport({ fileName: "copy.xlsx", data });
      const job = await waitFor(township, id);
      expect(job.state, JSON.stringify(job)).toBe("failed");
      answers.push(job.errors);
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toHaveLength(1);
    expect(answers[0]![0]).toMatchObject({ sheet: "两新组织", row: 2, column: "", value: "" });
    expect(answers[0]![0]!.reason).toContain("管辖范围");
    expect(JSON.stringify(answers[0])).not.toContain(other.name);
  }, 180_000);

  it("exports as a job in another process: progress, then the ledger of the caller's scope as of today; another user's job does not exist", async () => {
    const township = callerFor("township");
    const { id } = await township.io.startExport({ format: "ledger" });
    const job = await waitFor(township, id);
    expect(job.state, JSON.stringify(job.errors)).toBe("succeeded");
    const rows = (job.summary as { rows: number }).rows;
    expect(rows).toBeGreaterThan(1);
    expect(job).toMatchObject({ done: rows, total: rows, hasFile: true, hasReport: false });
    const file = await township.io.exportFile({ id });
    const scope = (await loadScope(db, userIdOf("township")))!;
    expect(file.fileName).toBe(`非公企业党建工作台账-${scope.org!.name}-${TODAY}.xlsx`);
    // The same ledger as the writer gives for the township's scope as of today, written here directly.
    const direct = path.join(dir, `ledger-direct-${id}.xlsx`);
    await writeLedgerWorkbook(db, scope, direct, { asOf: TODAY });
    const values = async (src: Uint8Array | string) => {
      const wb = new ExcelJS.Workbook();
      if (typeof src === "string") await wb.xlsx.readFile(src);
      else await wb.xlsx.load(src as unknown as Parameters<typeof wb.xlsx.load>[0]);
      const out: unknown[][] = [];
      wb.worksheets[0]!.eachRow((r) => out.push(r.values as unknown[]));
      return out;
    };
    const fromJob = await values(file.bytes);
    expect(fromJob).toEqual(await values(direct));
    expect(fromJob.length).toBeGreaterThan(rows);
    // Another administrator, even the city above, finds neither the job nor its file.
    for (const who of ["city", "county"]) {
      await expect(callerFor(who).io.job({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(callerFor(who).io.exportFile({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // An import job is not an export's file, and an export job has no error report.
    await expect(township.io.errorReport({ id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the import-format export job is the city's and the counties' right, audited when its file is done", async () => {
    await expect(
      callerFor("township").io.startExport({ format: "import", confirm: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const audits = () =>
      db.$client.prepare("select count(*) from audit_log where action = 'export.importFormat'").pluck().get();
    const before = audits() as number;
    const county = callerFor("county");
    const { id } = await county.io.startExport({ format: "import", confirm: true });
    const job = await waitFor(county, id);
    expect(job.state, JSON.stringify(job.errors)).toBe("succeeded");
    expect(audits()).toBe(before + 1);
    const file = await county.io.exportFile({ id });
    expect(file.fileName).toMatch(/^台账数据\(导入格式\)-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.getWorksheet("两新组织")!.rowCount).toBeGreaterThan(1);
  });
});

/** Every member's full citizen ID, to find them in any cell of a workbook. */
function citizenIds(): Map<string, number> {
  const rows = db.$client.prepare("select id, id_number as idNumber from members").all() as {
    id: number;
    idNumber: string;
  }[];
  return new Map(rows.map((r) => [r.idNumber, r.id]));
}

/** The members whose full citizen ID appears anywhere in the workbook, and its data rows (headers apart). */
async function idsInWorkbook(bytes: Uint8Array): Promise<{ members: Set<number>; dataRows: number }> {
  const known = citizenIds();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  const members = new Set<number>();
  let dataRows = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row, n) => {
      if (n > 1) dataRows++;
      row.eachCell((cell) => {
        for (const m of String(cell.text ?? "").matchAll(/[0-9]{17}[0-9X]/g)) {
          const id = known.get(m[0]);
          if (id !== undefined) members.add(id);
        }
      });
    }),
  );
  return { members, dataRows };
}

/**
 * The county's sets computed here in plain SQL (not through the scope module): members held today in its
 * subtree; counted-only members (held elsewhere, 正常, working today in its territory); members it cannot
 * see at all although they once worked in its territory (a workplace that ended).
 */
function countySets() {
  const q = (sql: string) => new Set(db.$client.prepare(sql).pluck().all({ today: TODAY }) as number[]);
  const subtree = `select o.id from orgs o where o.path like (select o2.path from users u join orgs o2 on o2.id = u.org_id where u.username = 'county') || '%'`;
  const territory = `select h.id from hosts h join regions r on r.id = h.region_id
    where r.path like (select r2.path from users u join orgs o on o.id = u.org_id join regions r2 on r2.id = o.region_id where u.username = 'county') || '%'`;
  const inForce = (a: string) => `${a}.start_on <= @today and (${a}.end_on is null or @today < ${a}.end_on)`;
  const editable = q(
    `select r.member_id from member_relationships r where r.org_id in (${subtree}) and ${inForce("r")}`,
  );
  const normal = `coalesce((select e.status from member_status_events e where e.member_id = w.member_id and e.effective_on <= @today
    order by e.effective_on desc, e.id desc limit 1), 'normal') = 'normal'`;
  const counted = q(
    `select w.member_id from member_workplaces w where w.host_id in (${territory}) and ${inForce("w")} and ${normal}`,
  );
  for (const id of editable) counted.delete(id);
  const formerWorkers = q(
    `select w.member_id from member_workplaces w where w.host_id in (${territory}) and w.end_on is not null and w.end_on <= @today`,
  );
  for (const id of [...editable, ...counted]) formerWorkers.delete(id);
  return { editable, counted, formerWorkers };
}

describe("the import-format export holds the caller's editable set and nothing else (issue 15)", () => {
  it("a county's export holds the full citizen IDs of its own members only, and is audited with its row count", async () => {
    const { editable, counted, formerWorkers } = countySets();
    // The demo has both kinds of members the county must not get.
    expect(counted.size).toBeGreaterThan(0);
    expect(formerWorkers.size).toBeGreaterThan(0);
    const auditsBefore = db.$client
      .prepare("select coalesce(max(id), 0) from audit_log")
      .pluck()
      .get() as number;

    const exp = await exportJob("county", "import");
    expect(exp.fileName).toMatch(/^台账数据\(导入格式\)-.*\.xlsx$/);
    const { members, dataRows } = await idsInWorkbook(exp.bytes);
    expect([...members].filter((id) => counted.has(id))).toEqual([]);
    expect([...members].filter((id) => formerWorkers.has(id))).toEqual([]);
    expect([...members].filter((id) => !editable.has(id))).toEqual([]);
    expect(members.size).toBe(editable.size);

    const audit = db.$client
      .prepare(
        "select username, action, after from audit_log where id > ? and action = 'export.importFormat'",
      )
      .all(auditsBefore) as { username: string; action: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.username).toBe("county");
    expect(JSON.parse(audit[0]!.after)).toMatchObject({
      format: "import",
      rows: dataRows,
      fullCitizenIds: true,
      job: exp.id,
    });
    expect(exp.job.summary).toMatchObject({ format: "import", rows: dataRows });
    expect(dataRows).toBeGreaterThan(editable.size);
  });

  it("refuses a township's and a 行业党委's import-format export, starting no job and writing no audit row", async () => {
    const auditsBefore = db.$client
      .prepare("select count(*) from audit_log where action = 'export.importFormat'")
      .pluck()
      .get();
    const jobs = () => db.$client.prepare("select count(*) from jobs").pluck().get() as number;
    const jobsBefore = jobs();
    for (const who of ["township", "industry"])
      await expect(callerFor(who).io.startExport({ format: "import", confirm: true })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: apiMessages.exportFullIdsForbidden,
      });
    expect(
      db.$client.prepare("select count(*) from audit_log where action = 'export.importFormat'").pluck().get(),
    ).toBe(auditsBefore);
    expect(jobs()).toBe(jobsBefore);
  });

  it("the ledger export job holds no full citizen ID for any administrator", async () => {
    for (const who of ["city", "county", "township", "industry"]) {
      const ledger = await exportJob(who, "ledger");
      expect(ledger.fileName, who).toMatch(/^非公企业党建工作台账-.*\.xlsx$/);
      // One row per host of the scope was written.
      expect((ledger.job.summary as { rows: number }).rows, who).toBeGreaterThan(0);
      const { members, dataRows } = await idsInWorkbook(ledger.bytes);
      expect(dataRows, who).toBeGreaterThan(1);
      expect([...members], who).toEqual([]);
    }
  }, 180_000);
});
