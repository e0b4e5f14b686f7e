import { spawn, spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { jobs } from "@liangxin/db/schema";
import { closeDatabase, pgliteDb, type Db } from "@liangxin/db/driver";
import { openTestPglite } from "@liangxin/db/pg";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

async function newJob(db: Db, state: "queued" | "running", createdAt?: string): Promise<number> {
  return (
    await db
      .insert(jobs)
      .values({ kind: "import", fileName: "t.xlsx", state, total: 100, ...(createdAt ? { createdAt } : {}) })
      .returning({ id: jobs.id })
  )[0]!.id;
}

const jobRow = async (db: Db, id: number) =>
  (await db.select().from(jobs).where(eq(jobs.id, id)).limit(1))[0]!;

describe("import jobs after a crash of their worker", () => {
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    db = await demoDb();
    dir = tmpDir();
  });

  it("a running job whose worker died is settled as failed, saying nothing was written", async () => {
    const id = await newJob(db, "running");
    const file = path.join(dir, `${id}.xlsx`);
    writeFileSync(workerMarker(file), String(deadPid()));
    expect(await settleAbandonedJob(db, id, file)).toBe(true);
    const row = await jobRow(db, id);
    expect(row.state).toBe("failed");
    expect(row.errors).toEqual([
      { sheet: "", row: null, column: "", value: "", reason: ioMessages.jobAbandoned },
    ]);
    expect(ioMessages.jobAbandoned).toContain("未写入任何数据");
    expect(await settleAbandonedJob(db, id, file)).toBe(false);
  });

  it("a job whose worker is alive is left running; a pid now used by another program does not count", async () => {
    const id = await newJob(db, "running");
    const file = path.join(dir, `${id}.xlsx`);
    const worker = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)", "import-job"], {
      stdio: "ignore",
    });
    try {
      writeFileSync(workerMarker(file), String(worker.pid));
      expect(await settleAbandonedJob(db, id, file)).toBe(false);
      expect((await jobRow(db, id)).state).toBe("running");
    } finally {
      worker.kill("SIGKILL");
    }
    if (existsSync("/proc/self/cmdline")) {
      // This test process is alive but is no import worker.
      writeFileSync(workerMarker(file), String(process.pid));
      expect(await settleAbandonedJob(db, id, file)).toBe(true);
      expect((await jobRow(db, id)).state).toBe("failed");
    }
  });

  it("a queued job whose worker never started is settled only after the start timeout", async () => {
    const id = await newJob(db, "queued");
    const file = path.join(dir, `${id}.xlsx`);
    expect(await settleAbandonedJob(db, id, file)).toBe(false);
    expect((await jobRow(db, id)).state).toBe("queued");
    expect(await settleAbandonedJob(db, id, file, clock.now().getTime() + QUEUED_TIMEOUT_MS + 1000)).toBe(
      true,
    );
    expect((await jobRow(db, id)).state).toBe("failed");
  });

  it("a finished import commits its data with the job's success and leaves no marker behind", async () => {
    const id = await newJob(db, "queued");
    const file = path.join(dir, `${id}.xlsx`);
    writeFileSync(file, await hostsWorkbook({ hosts: 5, township: "369902001" }));
    const hostsBefore = db.$client.prepare("select count(*) from hosts").pluck().get() as number;
    const res = await runImportJob(db, id, file, { userId: null, username: "test" }, { today: TODAY });
    expect(res.ok, JSON.stringify(res.errors)).toBe(true);
    expect((await jobRow(db, id)).state).toBe("succeeded");
    expect(db.$client.prepare("select count(*) from hosts").pluck().get()).toBe(hostsBefore + 5);
    expect(existsSync(workerMarker(file))).toBe(false);
    expect(await settleAbandonedJob(db, id, file)).toBe(false);
    expect((await jobRow(db, id)).state).toBe("succeeded");
  });
});

describe("on PostgreSQL (PGlite): the queue any instance may run", () => {
  let db: Db;
  beforeAll(async () => {
    db = pgliteDb((await openTestPglite()).$client);
  }, 60_000);
  afterAll(() => closeDatabase(db));

  const at = (ms: number) => clock.now().getTime() + ms;
  const queued = async (fields: Partial<typeof jobs.$inferInsert>) =>
    (
      await db
        .insert(jobs)
        .values({ kind: "import", fileName: "t.xlsx", state: "queued", total: 100, ...fields })
        .returning({ id: jobs.id })
    )[0]!.id;
  const file = "/nonexistent/t.xlsx";

  it("a queued job no instance has claimed yet is waiting for a free worker, not abandoned, however long", async () => {
    const id = await queued({ workerArgs: ["import-job", "--job", "1"] });
    expect(await settleAbandonedJob(db, id, file, at(10 * QUEUED_TIMEOUT_MS))).toBe(false);
    expect((await jobRow(db, id)).state).toBe("queued");
  });

  it("a claimed job whose worker never took its lock is abandoned only after the start timeout from the claim", async () => {
    const claimedAt = new Date(at(5 * QUEUED_TIMEOUT_MS)).toISOString();
    const id = await queued({ workerArgs: ["import-job"], claimedAt, claimedBy: "host:1" });
    // Long after the job was queued, but just claimed: its worker is starting.
    expect(await settleAbandonedJob(db, id, file, at(5 * QUEUED_TIMEOUT_MS + 1000))).toBe(false);
    expect(await settleAbandonedJob(db, id, file, at(6 * QUEUED_TIMEOUT_MS + 1000))).toBe(true);
    const row = await jobRow(db, id);
    expect(row.state).toBe("failed");
    expect(row.errors).toEqual([
      { sheet: "", row: null, column: "", value: "", reason: ioMessages.jobAbandoned },
    ]);
  });

  it("a running job whose lock nobody holds is abandoned at once", async () => {
    const id = await queued({ state: "running", workerArgs: ["import-job"], claimedAt: clock.nowIso() });
    expect(await settleAbandonedJob(db, id, file)).toBe(true);
    expect((await jobRow(db, id)).state).toBe("failed");
  });

  it("a queued job still without its arguments (its upload was being stored) times out from its creation", async () => {
    const id = await queued({});
    expect(await settleAbandonedJob(db, id, file)).toBe(false);
    expect(await settleAbandonedJob(db, id, file, at(QUEUED_TIMEOUT_MS + 1000))).toBe(true);
  });
});
