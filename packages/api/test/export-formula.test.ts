/**
 * Formula injection in the exports (issue 9): names and addresses typed as `=HYPERLINK(...)`, `+1+1`,
 * `-2+3` or `@SUM(...)` come out of every downloadable workbook as text cells, never as formulas.
 * The workbooks are taken over HTTP as the portal takes them (`io.startExport`, `io.job` until the job is
 * done, then `io.exportFile`, what /api/io/jobs/[id]/file serves) and read back with exceljs. The export
 * runs in a child process on the database file, so the world is copied to a file first.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "@liangxin/db/driver";
import { buildWorld, type World } from "./fixtures-views.ts";
import { send } from "./fuzz-kit.ts";

const TYPED = ['=HYPERLINK("http://evil.example","点我")', "+1+1", "-2+3", "@SUM(1,2)", "=cmd|' /C calc'!A0"];

const dir = mkdtempSync(path.join(tmpdir(), "liangxin-export-formula-"));
let world: World;
let fileDb: Db;
let hostIds: number[] = [];

beforeAll(async () => {
  world = await buildWorld();
  const db = world.db.$client;
  // Operating hosts of 柳林镇 (the township's own territory), renamed with formula-like text.
  hostIds = db
    .prepare(
      `select h.id from hosts h join regions r on r.id = h.region_id
       where r.name = '柳林镇' and h.closed_on is null order by h.id limit ?`,
    )
    .pluck()
    .all(TYPED.length) as number[];
  expect(hostIds).toHaveLength(TYPED.length);
  hostIds.forEach((id, i) =>
    db
      .prepare("update hosts set name = ?, owner_name = ?, address = ? where id = ?")
      .run(`${TYPED[i]}`, TYPED[i], TYPED[(i + 1) % TYPED.length], id),
  );
  const file = path.join(dir, "formula.db");
  writeFileSync(file, db.serialize());
  fileDb = openDb(file);
});
afterAll(() => {
  fileDb?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cells(format: "ledger" | "import"): Promise<ExcelJS.Cell[]> {
  // The import format (full citizen IDs) is the county's right, asked for with a confirmation; the
  // county's territory holds the township's renamed hosts.
  const user = world.ids.user(format === "import" ? "county" : "township");
  const started = await send(
    fileDb,
    user,
    "io.startExport",
    format === "import" ? { format, confirm: true } : { format },
  );
  expect(started.status, started.text.slice(0, 300)).toBe(200);
  const { id } = started.data as { id: number };
  let job = { state: "queued" };
  for (let i = 0; i < 600 && (job.state === "queued" || job.state === "running"); i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 100));
    const r = await send(fileDb, user, "io.job", { id });
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    job = r.data as typeof job;
  }
  expect(job.state, JSON.stringify(job)).toBe("succeeded");
  const r = await send(fileDb, user, "io.exportFile", { id });
  expect(r.status, r.text.slice(0, 300)).toBe(200);
  const { bytes } = r.data as { bytes: Uint8Array };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: ExcelJS.Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(c))));
  return out;
}

describe("exports against formula injection", () => {
  for (const format of ["ledger", "import"] as const) {
    it(`the ${format} export job: typed formulas are text cells`, async () => {
      const all = await cells(format);
      const typed = all.filter((c) => TYPED.includes(String(c.value)));
      // Every renamed host's name shows up as typed.
      for (const t of TYPED) expect(typed.map((c) => c.value)).toContain(t);
      for (const c of typed) expect(c.type, `${c.address} ${String(c.value)}`).toBe(ExcelJS.ValueType.String);
      // The workbook's own formulas (totals, if any) never carry typed text.
      for (const c of all.filter((x) => x.type === ExcelJS.ValueType.Formula))
        for (const t of TYPED) expect(c.formula).not.toContain(t.slice(1));
    });
  }
});
