/**
 * 4. The ledger workbook (非公企业党建工作台账) of the whole city through the command line's
 * `export --format ledger`, in a child process: wall time and peak resident memory, at two sizes.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { BENCH_DIR } from "../lib/dbs.ts";
import { assertOk, fmtInt, fmtMb, fmtMs, log, runCli } from "../lib/util.ts";

export interface LedgerRun {
  hosts: number;
  rows: number | null;
  wallMs: number;
  cpuMs: number;
  maxRssKb: number;
  bytes: number;
}

export async function ledgerRun(dbFile: string, hosts: number): Promise<LedgerRun> {
  const out = path.join(BENCH_DIR, `ledger-${hosts}.xlsx`);
  log(`ledger workbook of ${fmtInt(hosts)} hosts (export --format ledger, child process) …`);
  const r = await runCli(["export", "--format", "ledger", "--out", out], {
    env: { DATABASE_URL: dbFile },
    probeRss: true,
    showProgress: true,
  });
  assertOk("export --format ledger", r);
  const rows = r.stdout.match(/已导出 (\d+) 行/)?.[1];
  const run: LedgerRun = {
    hosts,
    rows: rows === undefined ? null : Number(rows),
    wallMs: r.wallMs,
    cpuMs: r.cpuMs ?? NaN,
    maxRssKb: r.maxRssKb ?? NaN,
    bytes: statSync(out).size,
  };
  log(
    `  ${fmtInt(run.rows ?? 0)} rows in ${fmtMs(run.wallMs)} (CPU ${fmtMs(run.cpuMs)}), peak RSS ${fmtMb(run.maxRssKb)}, ${Math.round(run.bytes / 1048576)} MB`,
  );
  return run;
}

export interface LedgerResult {
  big: LedgerRun;
  small: LedgerRun | null;
  rssRatio: number;
}

export async function measureLedger(
  big: { file: string; hosts: number },
  small: { file: string; hosts: number } | null,
): Promise<LedgerResult> {
  const smallRun = small ? await ledgerRun(small.file, small.hosts) : null;
  const bigRun = await ledgerRun(big.file, big.hosts);
  return { big: bigRun, small: smallRun, rssRatio: smallRun ? bigRun.maxRssKb / smallRun.maxRssKb : NaN };
}
