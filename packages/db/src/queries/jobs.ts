/**
 * The jobs (imports and exports run by a worker process) of a user: queued here by the API, updated by the
 * worker on its own connection. A job belongs to the user who started it; another user's job does not exist
 * for the caller.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Cx } from "../cx.ts";
import type { Db } from "../driver/client.ts";
import { connectionFile } from "../driver/connection.ts";
import { isPg } from "../driver/pg-db.ts";
import { jobs } from "../schema.ts";
import type { Scope } from "../scope/index.ts";

export type JobRow = typeof jobs.$inferSelect;
export type JobKind = JobRow["kind"];

/** The database file the connection works on (the workers open it too); "" or ":memory:" in memory. */
export function databaseFile(db: Db): string {
  return connectionFile(db);
}

/** Whether jobs go through PostgreSQL's queue (any instance may run them) rather than a direct start. */
export function jobsQueued(db: Db): boolean {
  return isPg(db);
}

/**
 * Queue a job of the user; returns its id. `claim` (PostgreSQL's queue): the job is claimed at once by the
 * instance queuing it, which has a free worker. The job waits for its worker's arguments (`setJobWorkerArgs`)
 * before any instance may claim it, so that its file is written before another instance starts its worker.
 */
export async function queueJob(
  db: Db,
  job: { kind: JobKind; userId: number; fileName: string; total?: number; summary?: Record<string, unknown> },
  claim?: { by: string; at: string },
): Promise<number> {
  const [row] = await db
    .insert(jobs)
    .values({ ...job, state: "queued", ...(claim ? { claimedBy: claim.by, claimedAt: claim.at } : {}) })
    .returning({ id: jobs.id });
  return row!.id;
}

/** The command line's arguments that run a queued job: from now on an instance may claim it. */
export async function setJobWorkerArgs(db: Db, id: number, args: string[]): Promise<void> {
  await db.update(jobs).set({ workerArgs: args }).where(eq(jobs.id, id));
}

/**
 * PostgreSQL only: claim the oldest queued job no instance has claimed (and whose arguments are set), for
 * the instance `by`, in one statement — `for update skip locked`: two instances claiming at once take two
 * different jobs, never one twice, and neither waits for the other. Undefined when none waits.
 */
export async function claimQueuedJob(
  db: Db,
  by: string,
  at: string,
): Promise<{ id: number; workerArgs: string[] } | undefined> {
  const next = sql`(select ${jobs.id} from ${jobs} where ${jobs.state} = 'queued' and ${jobs.claimedAt} is null and ${jobs.workerArgs} is not null order by ${jobs.id} limit 1 for update skip locked)`;
  const [row] = await db
    .update(jobs)
    .set({ claimedAt: at, claimedBy: by })
    .where(and(eq(jobs.id, next), eq(jobs.state, "queued"), sql`${jobs.claimedAt} is null`))
    .returning({ id: jobs.id, workerArgs: jobs.workerArgs });
  return row ? { id: row.id, workerArgs: row.workerArgs as string[] } : undefined;
}

/** A job of the caller (of the given kind), or undefined when it is not theirs or does not exist. */
export async function ownJob(cx: Cx, input: { id: number; kind?: JobKind }): Promise<JobRow | undefined> {
  return ownJobIn(cx.db, cx.scope, input.id, input.kind);
}

/** `ownJob` on a given connection and scope (inside a write transaction). */
export async function ownJobIn(
  db: Db,
  scope: Scope,
  id: number,
  kind?: JobKind,
): Promise<JobRow | undefined> {
  const [row] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.userId, scope.userId), kind ? eq(jobs.kind, kind) : undefined))
    .limit(1);
  return row;
}
