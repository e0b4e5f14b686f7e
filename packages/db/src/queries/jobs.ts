/**
 * The jobs (imports and exports run by a worker process) of a user: queued here by the API, updated by the
 * worker on its own connection. A job belongs to the user who started it; another user's job does not exist
 * for the caller.
 */
import { and, eq } from "drizzle-orm";
import type { Cx } from "../cx.ts";
import type { Db } from "../driver/client.ts";
import { connectionFile } from "../driver/connection.ts";
import { jobs } from "../schema.ts";
import type { Scope } from "../scope/index.ts";

export type JobRow = typeof jobs.$inferSelect;
export type JobKind = JobRow["kind"];

/** The database file the connection works on (the workers open it too); "" or ":memory:" in memory. */
export function databaseFile(db: Db): string {
  return connectionFile(db);
}

/** Queue a job of the user; returns its id. */
export async function queueJob(
  db: Db,
  job: { kind: JobKind; userId: number; fileName: string; total?: number; summary?: Record<string, unknown> },
): Promise<number> {
  const [row] = await db
    .insert(jobs)
    .values({ ...job, state: "queued" })
    .returning({ id: jobs.id });
  return row!.id;
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
