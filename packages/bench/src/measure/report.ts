/**
 * 1. The city's year-end report computed cold (a fresh process per repetition) against the baseline
 * statement (also a fresh process per repetition), and whether their per-county figures agree.
 */
import path from "node:path";
import { BENCH_DIR, cityInfo, pickTownship, withCityOnPostgres, type Township } from "../lib/dbs.ts";
import { assertOk, fmtInt, fmtMs, lastJson, log, median, runChild } from "../lib/util.ts";

interface ReportRun {
  ms: number;
  records?: RecordsSize;
  rows: { code: string; name: string; hosts: number | null; orgCovered: number | null }[];
  total: { hosts: number | null; orgCovered: number | null };
}
interface BaselineRun {
  ms: number;
  rows: { code: string; name: string; hosts: number; covered: number }[];
}

/** The records a city-level submission stores with its figures (issue 18). */
export interface RecordsSize {
  bytes: number;
  rows: number;
  ids: number;
  ms: number;
}

export interface CountyCheck {
  code: string;
  name: string;
  baselineHosts: number;
  baselineCovered: number;
  reportHosts: number | null;
  reportCovered: number | null;
  agree: boolean;
}

export interface ReportResult {
  year: number;
  unit: string;
  reportMs: number[];
  /** Wall time of each report process (start-up, module loading and the computation). */
  reportWallMs: number[];
  /** CPU time (user + system) of each report process: below the wall time when the cores are shared. */
  reportCpuMs: number[];
  baselineMs: number[];
  reportMedian: number;
  baselineMedian: number;
  ratio: number;
  counties: CountyCheck[];
  allAgree: boolean;
  reportFile: string;
  /** Measured once, after the first cold run's timed part. */
  records: RecordsSize | null;
}

export async function measureReport(dbFile: string, year: number, runs: number): Promise<ReportResult> {
  const { cityCode } = await cityInfo(dbFile);
  const reportFile = path.join(BENCH_DIR, `report-${year}.json`);
  const reports: ReportRun[] = [];
  const reportWallMs: number[] = [];
  const reportCpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    log(`report ${year} of ${cityCode}, cold run ${i + 1}/${runs} (fresh process) …`);
    const r = await runChild(
      "report-cold.ts",
      [
        "--db",
        dbFile,
        "--year",
        String(year),
        "--unit",
        cityCode,
        ...(i === 0 ? ["--out", reportFile, "--records"] : []),
      ],
      { probeRss: true },
    );
    assertOk("report", r);
    const run = lastJson<ReportRun>(r);
    reports.push(run);
    reportWallMs.push(r.wallMs);
    reportCpuMs.push(r.cpuMs ?? NaN);
    log(`  computed in ${fmtMs(run.ms)} (process ${fmtMs(r.wallMs)}, CPU ${fmtMs(r.cpuMs ?? NaN)})`);
    if (run.records)
      log(
        `  records a submission stores: ${run.records.ids} ids in ${run.records.rows} rows, ${(run.records.bytes / 1024).toFixed(0)} KiB (encoded in ${fmtMs(run.records.ms)})`,
      );
  }
  const baselines: BaselineRun[] = [];
  for (let i = 0; i < Math.max(runs, 3); i++) {
    const r = await runChild("baseline.ts", ["--db", dbFile, "--as-of", `${year}-12-31`]);
    assertOk("baseline", r);
    baselines.push(lastJson<BaselineRun>(r));
  }
  const baselineMedian = median(baselines.map((b) => b.ms));
  log(`baseline statement: median ${fmtMs(baselineMedian)} over ${baselines.length} fresh processes`);

  const first = reports[0]!;
  const byCode = new Map(first.rows.map((r) => [r.code, r]));
  const counties: CountyCheck[] = baselines[0]!.rows.map((b) => {
    const row = byCode.get(b.code);
    const reportHosts = row?.hosts ?? null;
    const reportCovered = row?.orgCovered ?? null;
    return {
      code: b.code,
      name: b.name,
      baselineHosts: b.hosts,
      baselineCovered: b.covered,
      reportHosts,
      reportCovered,
      agree: reportHosts === b.hosts && reportCovered === b.covered,
    };
  });
  const reportMedian = median(reports.map((r) => r.ms));
  return {
    year,
    unit: cityCode,
    reportMs: reports.map((r) => r.ms),
    reportWallMs,
    reportCpuMs,
    baselineMs: baselines.map((b) => b.ms),
    reportMedian,
    baselineMedian,
    ratio: reportMedian / baselineMedian,
    counties,
    allAgree: counties.length > 0 && counties.every((c) => c.agree),
    reportFile,
    records: first.records ?? null,
  };
}

/** Cold reports of `unit` (fresh processes) on the database `url` (a file or a PostgreSQL URL). */
async function coldReports(
  url: string,
  unit: string,
  year: number,
  runs: number,
  what: string,
): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runChild("report-cold.ts", ["--db", url, "--year", String(year), "--unit", unit]);
    assertOk(`report (${what})`, r);
    ms.push(lastJson<ReportRun>(r).ms);
    log(`  ${what}, cold run ${i + 1}/${runs}: ${fmtMs(ms[ms.length - 1]!)} (process ${fmtMs(r.wallMs)})`);
  }
  return ms;
}

/** The baseline statement in fresh processes on `url`. */
async function baselineRuns(url: string, year: number, runs: number): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runChild("baseline.ts", ["--db", url, "--as-of", `${year}-12-31`]);
    assertOk("baseline", r);
    ms.push(lastJson<BaselineRun>(r).ms);
  }
  return ms;
}

/** Goal 2: the city's report on PostgreSQL, cold, against the baseline statement run there. */
export interface PgReportResult {
  hosts: number;
  copyMs: number;
  reportMs: number[];
  baselineMs: number[];
  reportMedian: number;
  baselineMedian: number;
  ratio: number;
}

export async function measureReportPg(
  dbFile: string,
  hosts: number,
  year: number,
  runs: number,
): Promise<PgReportResult> {
  const { cityCode } = await cityInfo(dbFile);
  return withCityOnPostgres(dbFile, hosts, async (url, copyMs) => {
    const reportMs = await coldReports(url, cityCode, year, runs, "PostgreSQL");
    const baselineMs = await baselineRuns(url, year, Math.max(runs, 3));
    const reportMedian = median(reportMs);
    const baselineMedian = median(baselineMs);
    log(`PostgreSQL: report median ${fmtMs(reportMedian)}, baseline median ${fmtMs(baselineMedian)}`);
    return {
      hosts,
      copyMs,
      reportMs,
      baselineMs,
      reportMedian,
      baselineMedian,
      ratio: reportMedian / baselineMedian,
    };
  });
}

/** Goal 3: a township's report in the large city ÷ in the small city, townships of about the same size. */
export interface TownshipReportResult {
  big: { hosts: number; township: Township; ms: number[]; median: number };
  small: { hosts: number; township: Township; ms: number[]; median: number };
  ratio: number;
}

export async function measureTownshipReport(
  big: { file: string; hosts: number },
  small: { file: string; hosts: number },
  year: number,
  runs: number,
): Promise<TownshipReportResult> {
  const bigTownship = await pickTownship(big.file);
  const smallTownship = await pickTownship(small.file, bigTownship.hosts);
  const side = async (db: { file: string; hosts: number }, township: Township) => {
    const ms = await coldReports(
      db.file,
      township.orgCode,
      year,
      runs,
      `${township.name} (${fmtInt(township.hosts)} hosts) in the ${fmtInt(db.hosts)}-host city`,
    );
    return { hosts: db.hosts, township, ms, median: median(ms) };
  };
  const b = await side(big, bigTownship);
  const s = await side(small, smallTownship);
  return { big: b, small: s, ratio: b.median / s.median };
}

/** Goal 9: a city of a million hosts — its seed, and its report cold ÷ the 200,000-host city's. */
export interface MillionResult {
  hosts: number;
  baseHosts: number;
  seedMs: number | null;
  ms: number[];
  baseMs: number[];
  median: number;
  baseMedian: number;
  ratio: number;
}

export async function measureMillion(
  huge: { file: string; hosts: number; seedMs: number | null },
  base: { file: string; hosts: number },
  year: number,
  runs: number,
): Promise<MillionResult> {
  const hugeCity = await cityInfo(huge.file);
  const baseCity = await cityInfo(base.file);
  const ms = await coldReports(huge.file, hugeCity.cityCode, year, runs, `${fmtInt(huge.hosts)}-host city`);
  const baseMs = await coldReports(
    base.file,
    baseCity.cityCode,
    year,
    runs,
    `${fmtInt(base.hosts)}-host city`,
  );
  return {
    hosts: huge.hosts,
    baseHosts: base.hosts,
    seedMs: huge.seedMs,
    ms,
    baseMs,
    median: median(ms),
    baseMedian: median(baseMs),
    ratio: median(ms) / median(baseMs),
  };
}
