/**
 * The queue of import and export jobs on PostgreSQL: any instance of a deployment may run a job queued by
 * any other. A job row carries its worker's command-line arguments (`worker_args`); each portal instance
 * runs this dispatcher, which claims the oldest unclaimed queued job in one statement (`for update skip
 * locked`, `claimQueuedJob`: two instances never take the same job, and neither waits for the other) and
 * starts its worker with the stored arguments — at most `workers` at a time (LIANGXIN_JOB_WORKERS; 0: this
 * instance runs none). It polls about once a second, and the instance queuing a job with a free worker
 * claims it in the same insert and starts it at once (`reserve`), so the usual wait is none.
 *
 * The dispatcher keeps no process alive (its timer is unref'd; the workers are detached and outlive it), and
 * while the database cannot be reached it logs one error per streak of failures, and one line when it
 * reads again. SQLite never uses it: there the instance receiving a job starts its worker directly.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { hostname } from "node:os";
import path from "node:path";
import type { Port } from "@liangxin/db/driver";
import { repoRoot } from "@liangxin/db/paths";
import { claimQueuedJob } from "@liangxin/db/queries";
import { clock, CLOCK_ENV } from "@liangxin/domain";
import { logger } from "@liangxin/runtime";
import { jobProcessSpan } from "./trace.ts";

/**
 * Start a job's process of the command line (`import-job`, `export-job`); it outlives the request. It opens
 * the SQLite file `dbFile`, or — `dbFile` "" on PostgreSQL — the server of the portal's own DATABASE_URL.
 */
export function startJobProcess(dbFile: string, args: string[]): ChildProcess {
  const cli = path.join(repoRoot(), "apps", "cli", "bin", "liangxin.mjs");
  const traced = jobProcessSpan(args);
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: repoRoot(),
    // A pinned clock carries on in the worker from where the portal's is now.
    env: {
      ...process.env,
      ...(dbFile ? { DATABASE_URL: dbFile } : {}),
      ...(clock.pinnedAt ? { [CLOCK_ENV]: clock.nowIso() } : {}),
      ...traced.env,
    },
    stdio: "ignore",
    detached: true,
  });
  child.once("exit", traced.ended);
  child.once("error", () => traced.ended(null, null));
  child.unref();
  return child;
}

/** Start a worker with `args`; call `done` once when it has ended (or could not start). */
export type LaunchWorker = (args: string[], done: () => void) => void;

/** A worker place reserved on this instance: run a job's worker in it, or give it back. */
export interface WorkerSlot {
  run(args: string[]): void;
  cancel(): void;
}

export interface JobQueue {
  /** This instance in a claim: `host:pid`. */
  readonly name: string;
  /** Workers running (or reserved) on this instance. */
  readonly active: number;
  /** A free worker place of this instance, or null when all are taken (or it runs none). */
  reserve(): WorkerSlot | null;
  /** Look for a waiting job now (a job was queued, a worker ended). */
  poke(): void;
  /** Stop polling (running workers go on); resolves when a claim in progress has ended. */
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  port: Port;
  /** Workers this instance runs at once (0: none). */
  workers: number;
  intervalMs?: number;
  launch?: LaunchWorker;
  name?: string;
  log?: Pick<ReturnType<typeof logger>, "error" | "info">;
}

export const jobQueueMessages = {
  unreachable: "任务队列无法读取数据库,导入导出任务暂不能启动;恢复前不再重复记录",
  recovered: "任务队列已恢复读取数据库",
  started: "任务队列已启动",
} as const;

/** The workers' process: the command line, on the portal's own DATABASE_URL. */
const launchProcess: LaunchWorker = (args, done) => {
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    done();
  };
  try {
    const child = startJobProcess("", args);
    child.once("exit", end);
    child.once("error", end);
  } catch {
    end();
  }
};

/**
 * The process's queue: one per process, kept on `globalThis` — Next.js bundles the start-up hook and the
 * routes apart, each with its own copy of this module.
 */
const KEY = Symbol.for("liangxin.jobQueue");
const registry = globalThis as { [KEY]?: JobQueue };

/** The queue this process started (`startJobQueue`), if any. */
export function jobQueue(): JobQueue | undefined {
  return registry[KEY];
}

export function startJobQueue(opts: JobQueueOptions): JobQueue {
  const { port, workers } = opts;
  const intervalMs = opts.intervalMs ?? 1000;
  const launch = opts.launch ?? launchProcess;
  const log = opts.log ?? logger();
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  let active = 0;
  let stopped = false;
  let failing = false;
  let timer: NodeJS.Timeout | undefined;
  let busy: Promise<void> | null = null;
  let again = false;

  function reserve(): WorkerSlot | null {
    if (stopped || active >= workers) return null;
    active++;
    let used = false;
    const give = () => {
      if (used) return;
      used = true;
      active--;
    };
    return {
      run(args) {
        if (used) return;
        launch(args, () => {
          give();
          queue.poke();
        });
      },
      cancel: give,
    };
  }

  async function claimWhileFree(): Promise<void> {
    try {
      while (!stopped) {
        const slot = reserve();
        if (!slot) break;
        let job;
        try {
          job = await port.write((db) => claimQueuedJob(db, name, clock.nowIso()));
        } catch (e) {
          slot.cancel();
          throw e;
        }
        if (!job) {
          slot.cancel();
          break;
        }
        slot.run(job.workerArgs);
      }
      if (failing) {
        failing = false;
        log.info({ instance: name }, jobQueueMessages.recovered);
      }
    } catch (e) {
      if (!failing) {
        failing = true;
        log.error({ instance: name, err: e }, jobQueueMessages.unreachable);
      }
    }
  }

  function tick(): void {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    clearTimeout(timer);
    busy = claimWhileFree().finally(() => {
      busy = null;
      if (stopped) return;
      if (again) {
        again = false;
        tick();
      } else {
        timer = setTimeout(tick, intervalMs);
        timer.unref();
      }
    });
  }

  const queue: JobQueue = {
    name,
    get active() {
      return active;
    },
    reserve,
    poke() {
      if (workers > 0) tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await busy;
      if (registry[KEY] === queue) delete registry[KEY];
    },
  };
  registry[KEY] = queue;
  log.info({ instance: name, workers }, jobQueueMessages.started);
  queue.poke();
  return queue;
}
