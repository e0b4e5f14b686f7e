/**
 * The job queue on PostgreSQL (PGlite here; two real instances in e2e/tests/pg-instances.spec.ts): a
 * dispatcher claims the oldest waiting job and starts its worker with the stored arguments, never more
 * workers than its cap, the next as soon as one ends; an instance with no workers runs none; a database
 * that cannot be reached is logged once per streak of failures; stopped, it claims nothing more.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDatabase, execute, pgliteDb, pgPort, selectAll, type Db, type Port } from "@liangxin/db/driver";
import { openTestPglite } from "@liangxin/db/pg";
import { queueJob, setJobWorkerArgs } from "@liangxin/db/queries";
import { users } from "@liangxin/db/schema";
import { sql } from "drizzle-orm";
import { jobQueue, jobQueueMessages, startJobQueue, type JobQueue } from "../src/job-queue.ts";

let db: Db;
let port: Port;
let userId: number;

beforeAll(async () => {
  db = pgliteDb((await openTestPglite()).$client);
  port = pgPort(db, "pglite");
  userId = (
    await db
      .insert(users)
      .values({ username: "queue", passwordHash: "x", role: "admin", displayName: "队列" })
      .returning({ id: users.id })
  )[0]!.id;
}, 60_000);
afterAll(() => closeDatabase(db));

async function waiting(n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let k = 0; k < n; k++) {
    const id = await queueJob(db, { kind: "export", userId, fileName: `e${k}.xlsx` });
    await setJobWorkerArgs(db, id, ["export-job", "--job", String(id)]);
    ids.push(id);
  }
  return ids;
}

const silent = () => ({ error: vi.fn(), info: vi.fn() });

describe("the job queue's dispatcher", () => {
  it("claims the oldest waiting jobs up to its cap, the next when a worker ends, and names itself in the claim", async () => {
    const ids = await waiting(3);
    const launched: { args: string[]; done: () => void }[] = [];
    let queue: JobQueue | undefined;
    try {
      queue = startJobQueue({
        port,
        workers: 2,
        intervalMs: 20,
        name: "host-b:42",
        log: silent(),
        launch: (args, done) => launched.push({ args, done }),
      });
      expect(jobQueue()).toBe(queue);
      await vi.waitFor(() => expect(launched.length).toBe(2));
      expect(launched.map((l) => l.args)).toEqual([
        ["export-job", "--job", String(ids[0])],
        ["export-job", "--job", String(ids[1])],
      ]);
      expect(queue.active).toBe(2);
      expect(queue.reserve()).toBeNull();
      await new Promise((r) => setTimeout(r, 100));
      expect(launched.length).toBe(2);
      launched[0]!.done();
      await vi.waitFor(() => expect(launched.length).toBe(3));
      expect(launched[2]!.args).toEqual(["export-job", "--job", String(ids[2])]);
      const rows = await selectAll<{ id: number; by: string | null; at: string | null }>(
        db,
        sql`select id, claimed_by as "by", claimed_at as "at" from jobs where id >= ${ids[0]} order by id`,
      );
      expect(rows.map((r) => r.by)).toEqual(["host-b:42", "host-b:42", "host-b:42"]);
      expect(rows.every((r) => r.at !== null)).toBe(true);
      // A slot taken for a job queued here (claimed as it is inserted) counts against the cap, given back
      // unused it frees its place.
      launched[1]!.done();
      launched[2]!.done();
      await vi.waitFor(() => expect(queue!.active).toBe(0));
      const slot = queue.reserve()!;
      expect(queue.active).toBe(1);
      slot.cancel();
      slot.cancel();
      expect(queue.active).toBe(0);
    } finally {
      await queue?.stop();
    }
    expect(jobQueue()).toBeUndefined();
    // Stopped: a job queued now stays waiting for another instance.
    const [later] = await waiting(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(launched.length).toBe(3);
    await execute(db, sql`update jobs set state = 'failed' where id = ${later}`);
  });

  it("an instance with no workers claims nothing and has no place for a job queued through it", async () => {
    const [id] = await waiting(1);
    const launch = vi.fn();
    const queue = startJobQueue({ port, workers: 0, intervalMs: 10, log: silent(), launch });
    try {
      expect(queue.reserve()).toBeNull();
      queue.poke();
      await new Promise((r) => setTimeout(r, 60));
      expect(launch).not.toHaveBeenCalled();
      const [row] = await selectAll<{ at: string | null }>(
        db,
        sql`select claimed_at as "at" from jobs where id = ${id}`,
      );
      expect(row!.at).toBeNull();
    } finally {
      await queue.stop();
      await execute(db, sql`update jobs set state = 'failed' where id = ${id}`);
    }
  });

  it("while the database cannot be reached it logs one error, and one line when it reads again", async () => {
    let down = true;
    const flaky: Port = {
      ...port,
      write: (fn) =>
        down ? Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432")) : port.write(fn),
    };
    const log = silent();
    const queue = startJobQueue({
      port: flaky,
      workers: 1,
      intervalMs: 5,
      log,
      launch: (_args, done) => done(),
    });
    try {
      await new Promise((r) => setTimeout(r, 80));
      expect(log.error).toHaveBeenCalledTimes(1);
      expect(log.error.mock.calls[0]![1]).toBe(jobQueueMessages.unreachable);
      expect(queue.active).toBe(0);
      down = false;
      await vi.waitFor(() =>
        expect(log.info.mock.calls.map((c) => c[1])).toContain(jobQueueMessages.recovered),
      );
      down = true;
      await new Promise((r) => setTimeout(r, 40));
      expect(log.error).toHaveBeenCalledTimes(2);
    } finally {
      await queue.stop();
    }
  });
});
