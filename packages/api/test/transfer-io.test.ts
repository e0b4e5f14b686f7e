import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_TODAY, migrateDb, openDb, seedDemo, type Db } from "@liangxin/db";
import { withCreditCheckChar } from "@liangxin/domain";
import { createCaller } from "../src/root.ts";
import { createContext } from "../src/context.ts";

const TODAY = DEMO_TODAY;
const dir = mkdtempSync(path.join(tmpdir(), "liangxin-api-io-"));
let db: Db;

function callerFor(username: string) {
  const userId = db.$client
    .prepare("select id from users where username = ?")
    .pluck()
    .get(username) as number;
  return createCaller(createContext({ db, userId, today: TODAY }));
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
  for (let i = 0; i < 200; i++) {
    const job = await caller.io.job({ id });
    if (job.state === "succeeded" || job.state === "failed") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("job did not finish");
}

beforeAll(() => {
  db = openDb(path.join(dir, "api-io.db"));
  migrateDb(db);
  seedDemo(db);
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("io router", () => {
  it("refuses non-administrators as not found", async () => {
    await expect(callerFor("branch").io.template()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor("owner").io.exportLedger()).rejects.toMatchObject({ code: "NOT_FOUND" });
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

  it("exports the ledger and the import format of the caller's scope", async () => {
    const ledger = await callerFor("county").io.exportLedger();
    expect(ledger.fileName).toMatch(/^非公企业党建工作台账-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ledger.bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(4);
    const exp = await callerFor("county").io.exportImportFormat({ confirm: true });
    expect(exp.bytes.length).toBeGreaterThan(1000);
    await expect(callerFor("township").io.exportImportFormat({ confirm: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
