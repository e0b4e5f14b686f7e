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
export function queueJob(
  db: Db,
  job: { kind: JobKind; userId: number; fileName: string; total?: number; summary?: Record<string, unknown> },
): number {
  return db
    .insert(jobs)
    .values({ ...job, state: "queued" })
    .returning({ id: jobs.id })
    .get().id;
}

/** A job of the caller (of the given kind), or undefined when it is not theirs or does not exist. */
export async function ownJob(cx: Cx, input: { id: number; kind?: JobKind }): Promise<JobRow | undefined> {
  return ownJobIn(cx.db, cx.scope, input.id, input.kind);
}

/** `ownJob` for a synchronous caller (inside a write transaction). */
export function ownJobIn(db: Db, scope: Scope, id: number, kind?: JobKind): JobRow | undefined {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.userId, scope.userId), kind ? eq(jobs.kind, kind) : undefined))
    .get();
}
