/** What several procedures of the import and export share: the right to full citizen IDs, file names, job files and worker processes. */
import { type Scope } from "@liangxin/db/scope";
import path from "node:path";
import { repoRoot, storageDir } from "@liangxin/db/paths";
import { mkdirSync } from "node:fs";
import { spawn } from "node:child_process";
import { clock, CLOCK_ENV } from "@liangxin/domain";

/** City and county administrators (a node with a territory at city or county level). */
export function mayExportFullIds(scope: Scope): boolean {
  return scope.role === "admin" && (scope.region?.level === "city" || scope.region?.level === "county");
}

export const ioFileNames = {
  template: "两新组织党建导入模板.xlsx",
  ledger: (scope: string, date: string) => `非公企业党建工作台账-${scope}-${date}.xlsx`,
  importFormat: (scope: string, date: string) => `台账数据(导入格式)-${scope}-${date}.xlsx`,
  errors: (name: string) => `导入错误报告-${name.replace(/\.xlsx$/i, "")}.xlsx`,
} as const;

/**
 * Where uploads and error reports (`imports`) and finished exports (`exports`) live: the storage directory
 * (`LIANGXIN_STORAGE_DIR`, shared by the instances of a deployment), else beside the database file.
 */
function jobsDir(dbFile: string, kind: "import" | "export"): string {
  const dir = path.join(storageDir(dbFile), `${kind}s`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The file a job's worker was started with: the uploaded workbook of an import, the export's workbook. */
export const jobFile = (dbFile: string, kind: "import" | "export", id: number) =>
  path.join(jobsDir(dbFile, kind), `${id}.xlsx`);

/**
 * Start a job's process of the command line (`import-job`, `export-job`); it outlives the request. It opens
 * the SQLite file `dbFile`, or — `dbFile` "" on PostgreSQL — the server of the portal's own DATABASE_URL.
 */
export function startJobProcess(dbFile: string, args: string[]): void {
  const cli = path.join(repoRoot(), "apps", "cli", "bin", "liangxin.mjs");
  const child = spawn(process.execPath, [cli, ...args], {
    cwd: repoRoot(),
    // A pinned clock carries on in the worker from where the portal's is now.
    env: {
      ...process.env,
      ...(dbFile ? { DATABASE_URL: dbFile } : {}),
      ...(clock.pinnedAt ? { [CLOCK_ENV]: clock.nowIso() } : {}),
    },
    stdio: "ignore",
    detached: true,
  });
  child.unref();
}
