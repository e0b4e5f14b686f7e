/**
 * Access-matrix rows of `io.*`, import and export (issue 5). Administrators only: the downloads are of
 * the caller's scope; an import job and its error report belong to the user who started it (another
 * user's job does not exist, whatever the area).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDb, type Db } from "@liangxin/db/driver";
import { callerOn, type Caller, type Role } from "./fixtures-views.ts";
import { ADMINS, allow, val, type Entry } from "./matrix-kit.ts";
import { one } from "./sql-kit.ts";

const userOf = (r: Role): string | null => (r === "anonymous" ? null : r);

/** A finished import job of `username` with an error report on disk. */
async function finishedJob(db: Db, username: string, dir: string): Promise<number> {
  const report = path.join(dir, `errors-${username}.xlsx`);
  writeFileSync(report, "report");
  return one(
    db,
    `insert into jobs (kind, user_id, file_name, state, done, total, result_path, finished_at, created_at)
     values ('import', ?, 'hosts.xlsx', 'failed', 100, 100, ?, '2026-11-21T08:00:00Z', '2026-12-03T02:00:00.000Z') returning id`,
    await val(db, "select id from users where username = ?", username),
    report,
  );
}

/** A finished export job of `username` with its workbook on disk. */
async function finishedExport(db: Db, username: string, dir: string): Promise<number> {
  const file = path.join(dir, `export-${username}.xlsx`);
  writeFileSync(file, "workbook");
  return one(
    db,
    `insert into jobs (kind, user_id, file_name, state, done, total, summary, result_path, finished_at, created_at)
     values ('export', ?, '台账.xlsx', 'succeeded', 10, 10, '{"format":"ledger","rows":10}', ?, '2026-12-03T02:00:01.000Z', '2026-12-03T02:00:00.000Z') returning id`,
    await val(db, "select id from users where username = ?", username),
    file,
  );
}

/** Run `fn` with a scratch directory that is removed afterwards. */
async function withScratch<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), "liangxin-matrix-io-"));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The import runs in a child process on the database file: the role's call runs on a file copy of the
 * database, and waits for any job it started to finish before the copy is removed. SQLite only: a child
 * process cannot reach an in-process PGlite (`sqliteOnly` rows).
 */
async function onFileCopy<T>(db: Db, r: Role, fn: (c: Caller) => Promise<T>): Promise<T> {
  return withScratch(async (dir) => {
    const file = path.join(dir, "matrix.db");
    writeFileSync(file, db.$client.serialize());
    const fileDb = openDb(file);
    try {
      return await fn(callerOn(fileDb, userOf(r)));
    } finally {
      for (let i = 0; i < 300; i++) {
        const pending = await one(fileDb, "select count(*) from jobs where state in ('queued','running')");
        if (pending === 0) break;
        await new Promise((res) => setTimeout(res, 100));
      }
      fileDb.$client.close();
    }
  });
}

const CHILD_PROCESS = "the job runs in a child process on a file copy of the database";

export const IO_MATRIX: Record<string, Entry> = {
  "io.template": { expect: allow([...ADMINS]), own: (c) => c.io.template() },
  "io.canExportFullIds": { expect: allow([...ADMINS]), own: (c) => c.io.canExportFullIds() },
  "io.startImport": {
    // A valid workbook (the template itself); what the import may touch is the job's own scope check.
    expect: allow([...ADMINS]),
    own: async (_c, r, _w, db) => {
      const { bytes } = await callerOn(db, "city").io.template();
      return onFileCopy(db, r, (c) => c.io.startImport({ fileName: "导入.xlsx", data: bytes }));
    },
    mutates: true,
    sqliteOnly: CHILD_PROCESS,
  },
  "io.startExport": {
    // The ledger of the caller's scope, written by a child process on a file copy of the database.
    expect: allow([...ADMINS]),
    own: (_c, r, _w, db) => onFileCopy(db, r, (c) => c.io.startExport({ format: "ledger" })),
    mutates: true,
    sqliteOnly: CHILD_PROCESS,
  },
  "io.exportFile": {
    expect: allow([...ADMINS]),
    own: (c, r, _w, db) =>
      withScratch(async (dir) =>
        c.io.exportFile({ id: await finishedExport(db, userOf(r) ?? "township", dir) }),
      ),
    // Another user's export does not exist, even for the city.
    foreign: (c, _r, _w, db) =>
      withScratch(async (dir) => c.io.exportFile({ id: await finishedExport(db, "qingshan", dir) })),
    mutates: true,
  },
  "io.job": {
    expect: allow([...ADMINS]),
    own: (c, r, _w, db) =>
      withScratch(async (dir) => c.io.job({ id: await finishedJob(db, userOf(r) ?? "township", dir) })),
    // Another user's job (青山县's administrator) does not exist, even for the city.
    foreign: (c, _r, _w, db) =>
      withScratch(async (dir) => c.io.job({ id: await finishedJob(db, "qingshan", dir) })),
    mutates: true,
  },
  "io.errorReport": {
    expect: allow([...ADMINS]),
    own: (c, r, _w, db) =>
      withScratch(async (dir) =>
        c.io.errorReport({ id: await finishedJob(db, userOf(r) ?? "township", dir) }),
      ),
    foreign: (c, _r, _w, db) =>
      withScratch(async (dir) => c.io.errorReport({ id: await finishedJob(db, "qingshan", dir) })),
    mutates: true,
  },
};
