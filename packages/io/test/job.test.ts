import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { jobs } from "@liangxin/db/schema";
import { type Db } from "@liangxin/db/driver";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ioMessages,
  QUEUED_TIMEOUT_MS,
  runImportJob,
  settleAbandonedJob,
  workerMarker,
} from "../src/index.ts";
import { hostsWorkbook } from "./fixtures.ts";
import { demoDb, tmpDir, TODAY } from "./helpers.ts";
import { clock } from "@liangxin/domain";

/** The pid of a process that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(r.stdout.toString());
}

function newJob(db: Db, state: "queued" | "running", createdAt?: string): number {
  return db
    .insert(jobs)
    .values({ kind: "import", fileName: "t.xlsx", state, total: 100, ...(createdAt ? { createdAt } : {}) })
    .returning({ id: jobs.id })
    .get().id;
}

const jobRow = (db: Db, id: number) => db.select().from(jobs).where(eq(jobs.id, id)).get()!;

describe("import jobs after a crash of their worker", () => {
  let db: Db;
  let dir: string;
  beforeAll(() => {
    db = demoDb();
    dir = tmpDir();
  });

  it("a running job whose worker died is settled as failed, saying nothing was written", () => {
    const id = newJob(db, "running");
    const file = path.join(dir, `${id}.xlsx`);
    writeFileSync(workerMarker(file), String(deadPid()));
    expect(settleAbandonedJob(db, id, file)).toBe(true);
    const row = jobRow(db, id);
    expect(row.state).toBe("failed");
    expect(row.errors).toEqual([
      { sheet: "", row: null, column: "", value: "", reason: ioMessages.jobAbandoned },
    ]);
    expect(ioMessages.jobAbandoned).toContain("未写入任何数据");
    expect(settleAbandonedJob(db, id, file)).toBe(false);
  });

  it("a job whose worker is alive is left running; a pid now used by another program does not count", async () => {
    const id = newJob(db, "running");
    const file = path.join(dir, `${id}.xlsx`);
    const worker = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)", "import-job"], {
      stdio: "ignore",
    });
    try {
      writeFileSync(workerMarker(file), String(worker.pid));
      expect(settleAbandonedJob(db, id, file)).toBe(false);
      expect(jobRow(db, id).state).toBe("running");
    } finally {
      worker.kill("SIGKILL");
    }
    if (existsSync("/proc/self/cmdline")) {
      // This test process is alive but is no import worker.
      writeFileSync(workerMarker(file), String(process.pid));
      expect(settleAbandonedJob(db, id, file)).toBe(true);
      expect(jobRow(db, id).state).toBe("failed");
    }
  });

  it("a queued job whose worker never started is settled only after the start timeout", () => {
    const id = newJob(db, "queued");
    const file = path.join(dir, `${id}.xlsx`);
    expect(settleAbandonedJob(db, id, file)).toBe(false);
    expect(jobRow(db, id).state).toBe("queued");
    expect(settleAbandonedJob(db, id, file, clock.now().getTime() + QUEUED_TIMEOUT_MS + 1000)).toBe(true);
    expect(jobRow(db, id).state).toBe("failed");
  });

  it("a finished import commits its data with the job's success and leaves no marker behind", async () => {
    const id = newJob(db, "queued");
    const file = path.join(dir, `${id}.xlsx`);
    writeFileSync(file, await hostsWorkbook({ hosts: 5, township: "369902001" }));
    const hostsBefore = db.$client.prepare("select count(*) from hosts").pluck().get() as number;
    const res = await runImportJob(db, id, file, { userId: null, username: "test" }, { today: TODAY });
    expect(res.ok, JSON.stringify(res.errors)).toBe(true);
    expect(jobRow(db, id).state).toBe("succeeded");
    expect(db.$client.prepare("select count(*) from hosts").pluck().get()).toBe(hostsBefore + 5);
    expect(existsSync(workerMarker(file))).toBe(false);
    expect(settleAbandonedJob(db, id, file)).toBe(false);
    expect(jobRow(db, id).state).toBe("succeeded");
  });
});
