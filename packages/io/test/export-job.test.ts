/**
 * Issue 20: the ledger and import-format exports run as jobs. The job row shows the rows written of the
 * total while the workbook is written, and the finished file holds exactly the rows of the same scope's
 * workbook written directly.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { eq } from "drizzle-orm";
import { jobs } from "@liangxin/db/schema";
import { type Db } from "@liangxin/db/driver";
import { beforeAll, describe, expect, it } from "vitest";
import {
  exportImportWorkbook,
  ioMessages,
  runExportJob,
  settleAbandonedJob,
  workerMarker,
  writeLedgerWorkbook,
} from "../src/index.ts";
import { demoDb, scopeOf, tmpDir, TODAY } from "./helpers.ts";

interface Seen {
  state: string;
  done: number;
  total: number;
  stage: string | null;
}

/** Every state the job row goes through (a trigger copies each update), so progress can be asserted. */
function watchJobs(db: Db): () => Seen[] {
  db.$client.exec(`
    create temp table if not exists job_trace (id integer, state text, done integer, total integer, stage text);
    create temp trigger if not exists job_trace_t after update on jobs
      begin insert into job_trace values (new.id, new.state, new.done, new.total, new.stage); end;`);
  return () => db.$client.prepare("select state, done, total, stage from job_trace").all() as Seen[];
}

async function newExportJob(db: Db): Promise<number> {
  return (
    await db
      .insert(jobs)
      .values({ kind: "export", fileName: "t.xlsx", state: "queued", summary: { format: "ledger" } })
      .returning({ id: jobs.id })
  )[0]!.id;
}

/** Every row of every sheet, as values. */
async function sheets(src: string | Uint8Array): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  if (typeof src === "string") await wb.xlsx.readFile(src);
  else await wb.xlsx.load(src as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push(r.values as unknown[]));
    out[ws.name] = rows;
  });
  return out;
}

describe("exports as jobs", () => {
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    db = await demoDb();
    dir = tmpDir();
  });

  it("the ledger job reports its rows written of the total and its file equals the ledger written directly", async () => {
    const trace = watchJobs(db);
    const scope = await scopeOf(db, "county");
    const id = await newExportJob(db);
    const file = path.join(dir, `${id}.xlsx`);
    const res = await runExportJob(db, id, file, { format: "ledger", scope, today: TODAY });
    expect(res.ok).toBe(true);
    expect(res.rows).toBeGreaterThan(10);

    const seen = trace();
    expect(seen[0]).toMatchObject({ state: "running", done: 0 });
    const progress = seen.filter((s) => s.state === "running" && s.total > 0);
    expect(progress.at(-1)).toMatchObject({ done: res.rows, total: res.rows, stage: ioMessages.ledgerTitle });
    const row = (await db.select().from(jobs).where(eq(jobs.id, id)).limit(1))[0]!;
    expect(row).toMatchObject({
      state: "succeeded",
      resultPath: file,
      summary: { format: "ledger", rows: res.rows },
    });
    expect(existsSync(workerMarker(file))).toBe(false);

    const today = path.join(dir, `${id}-direct.xlsx`);
    await writeLedgerWorkbook(db, scope, today, { asOf: TODAY });
    const fromJob = await sheets(file);
    expect(fromJob).toEqual(await sheets(today));
    // Header rows, one row per host, the total row.
    const ledger = Object.values(fromJob)[0]!;
    expect(ledger.length).toBeGreaterThan(res.rows);
  });

  it("the import-format job equals the file written directly and is audited with its rows when done", async () => {
    const scope = await scopeOf(db, "county");
    const id = await newExportJob(db);
    const file = path.join(dir, `${id}.xlsx`);
    const audits = () =>
      db.$client
        .prepare("select after from audit_log where action = 'export.importFormat'")
        .pluck()
        .all() as string[];
    const before = audits().length;
    const res = await runExportJob(db, id, file, { format: "import", scope, today: TODAY });
    expect(res.ok).toBe(true);
    const after = audits();
    expect(after).toHaveLength(before + 1);
    expect(JSON.parse(after.at(-1)!)).toMatchObject({ rows: res.rows, fullCitizenIds: true, job: id });

    const today = path.join(dir, `${id}-direct.xlsx`);
    const { rows } = await exportImportWorkbook(db, scope, today, { today: TODAY });
    expect(res.rows).toBe(rows);
    expect(await sheets(file)).toEqual(await sheets(today));
  });

  it("a failed export leaves no file; an export whose worker died is settled as failed", async () => {
    const id = await newExportJob(db);
    const file = path.join(dir, `${id}.xlsx`);
    const res = await runExportJob(db, id, file, {
      format: "ledger",
      scope: { ...(await scopeOf(db, "county")), org: null },
      today: TODAY,
    });
    expect(res.ok).toBe(false);
    expect(existsSync(file)).toBe(false);
    const row = (await db.select().from(jobs).where(eq(jobs.id, id)).limit(1))[0]!;
    expect(row.state).toBe("failed");
    expect(row.resultPath).toBeNull();

    const dead = await newExportJob(db);
    await db.update(jobs).set({ state: "running" }).where(eq(jobs.id, dead));
    expect(await settleAbandonedJob(db, dead, path.join(dir, `${dead}.xlsx`))).toBe(true);
    const settled = (await db.select().from(jobs).where(eq(jobs.id, dead)).limit(1))[0]!;
    expect(settled.state).toBe("failed");
    expect(settled.errors).toEqual([
      { sheet: "", row: null, column: "", value: "", reason: ioMessages.exportAbandoned },
    ]);
  });
});
