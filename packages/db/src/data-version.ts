/**
 * The data version: a counter in the database (the one row of `data_version`) that moves with every
 * committed write that changes figures, in the same transaction. What is computed from the records (a
 * report, a dashboard, a drill-down) may be kept per version: every process sharing the database reads the
 * same counter, so none keeps a figure from before a write it can see.
 *
 * - Writers: `writeAudit` and `auditBatch` bump it (every mutation writes an audit row), as do the writes
 *   that change figures without an audit row (the seed, a restore, a migration). On SQLite the statement
 *   runs in place (writers are one at a time); on PostgreSQL it runs once per transaction just before the
 *   commit, and its row lock orders the writers (an audit id does not: PostgreSQL assigns those before
 *   commit, so a cache keyed by the largest id could keep a figure a later-committing smaller id changed).
 * - Readers: read the version first, in the read transaction that reads the data (`readDataVersion`):
 *   the version and the data are then of one moment.
 */
import { sql } from "drizzle-orm";
import type { Db } from "./driver/client.ts";
import { execute, selectValue } from "./driver/query.ts";
import { BUMP_DATA_VERSION, bumpDataVersionOnCommit } from "./driver/pg-db.ts";
// Every process that changes figures bumps the version: with it, the report's facts are recounted before its
// write transactions commit (report-facts.ts registers that).
import "./report-facts.ts";

/**
 * Record that the transaction open on `db` changes figures: the version moves when it commits (at once
 * outside a transaction). Call it inside the transaction that writes.
 */
export async function bumpDataVersion(db: Db): Promise<void> {
  if (await bumpDataVersionOnCommit(db)) return;
  await execute(db, sql.raw(BUMP_DATA_VERSION));
}

/** The version as of the read (transaction) `db` runs in: 0 before any write. */
export async function readDataVersion(db: Db): Promise<number> {
  return Number((await selectValue<number>(db, sql`select version from data_version where id = 1`)) ?? 0);
}

/**
 * The actions that change no figure: signing in and out, accounts, reading a record's details, downloads.
 * Their audit rows leave the version (and every cached figure) as it is.
 */
const FIGURELESS_ENTITIES = new Set(["user", "session", "export"]);

/** Whether an audited action may change figures (every action but reads, accounts and sessions). */
export function changesFigures(entry: { action: string; entity: string }): boolean {
  if (FIGURELESS_ENTITIES.has(entry.entity)) return false;
  return !(entry.action.endsWith(".lookup") || entry.action === "member.unmask");
}
