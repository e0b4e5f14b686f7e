/**
 * `npm run bench`: the city-scale measurements of issue 8 on this machine. Prints a table of medians
 * and ratios against the goals and writes docs/performance.md (a full run) with the machine's
 * description. Not part of `npm test`. Scale databases and workbooks live under /tmp/bench.
 *
 *   npm run bench                                  # everything at 200,000 hosts (≈ 10–15 min)
 *   npm run bench -- --only report,pages --hosts 20000   # pieces, quick sizes
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { scaleDb, seedMsOf } from "./lib/dbs.ts";
import { goalsOf, type Results } from "./lib/goals.ts";
import { describeMachine } from "./lib/machine.ts";
import { formatMarkdown, performanceMarkdown } from "./lib/markdown.ts";
import { buildPortal } from "./lib/server.ts";
import { fmtInt, fmtMs, log, ROOT } from "./lib/util.ts";
import { measureCsv } from "./measure/csv.ts";
import { measureImport } from "./measure/import.ts";
import { measureLedger } from "./measure/ledger.ts";
import { measurePages } from "./measure/pages.ts";
import { measureMillion, measureReport, measureReportPg, measureTownshipReport } from "./measure/report.ts";
import { SCALE_YEARS } from "@liangxin/seed/scale";

const PARTS = [
  "report",
  "report-pg",
  "million",
  "pages",
  "scope",
  "pg-pages",
  "ledger",
  "import",
  "csv",
] as const;
type Part = (typeof PARTS)[number];
const FULL_HOSTS = 200_000;

const HELP = `npm run bench [-- options]

  --only LIST        comma-separated parts (default: all): ${PARTS.join(", ")}
                       report  1. the city's year-end report, cold, against the baseline statement;
                               3. a township's report, large city ÷ city of hosts/10, same-size township
                       report-pg  2. the city's report on PostgreSQL (copied into a server of its own) ÷
                               the baseline statement there
                       million  9. a city of 5 × hosts (1,000,000): its seed, its report cold ÷ the city's
                       pages   2. township dashboard and hosts list on the built portal (apps/portal/server.mjs,
                               as npm start serves it): CPU per request, then an open-loop rate
                       scope   3. the same-size township's pages in a city of hosts/10 (≥ 10,000) vs hosts
                       pg-pages  the pages' load on PostgreSQL (the city copied into a server of its own),
                               two portal instances of one process each
                       ledger  4. the ledger workbook of the city (time, peak memory; memory at hosts/4 vs hosts)
                       import  5. import of hosts/2 hosts (workbook from export --format import) into an empty DB
                       csv     7. the city's hosts list as CSV (the download's code, child process: time, peak memory)
  --hosts N          size of the large city (default ${fmtInt(FULL_HOSTS)})
  --year Y           report year (default: last year)
  --runs N           cold report repetitions (default 3, at least 3)
  --rate R           requests per second of the page load (default 50)
  --duration S       seconds of each page load (default 30)
  --connections C    autocannon connections (default 10)
  --sequential N     one-at-a-time requests per page for the scope ratio and CPU per request (default 30)
  --processes N      portal processes (LIANGXIN_PORTAL_PROCESSES; default: the machine's cores)
  --build            rebuild the portal through turbo even when .next exists (cached when unchanged)
  --out FILE         where to write the markdown (default: docs/performance.md for a full run at
                     ${fmtInt(FULL_HOSTS)} hosts, else /tmp/bench/performance-partial.md)
`;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, not "${raw}"`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      only: { type: "string" },
      hosts: { type: "string" },
      year: { type: "string" },
      runs: { type: "string" },
      rate: { type: "string" },
      duration: { type: "string" },
      connections: { type: "string" },
      sequential: { type: "string" },
      processes: { type: "string" },
      build: { type: "boolean" },
      out: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const only = values.only ? values.only.split(",").map((s) => s.trim()) : [...PARTS];
  const unknown = only.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0)
    throw new Error(`unknown part(s) ${unknown.join(", ")}; choose from ${PARTS.join(", ")}`);
  const parts = new Set(only as Part[]);
  const hosts = positiveInt("hosts", values.hosts, FULL_HOSTS);
  const year = positiveInt("year", values.year, SCALE_YEARS[SCALE_YEARS.length - 1]!);
  const runs = Math.max(3, positiveInt("runs", values.runs, 3));
  const pageOptions = {
    rate: positiveInt("rate", values.rate, 50),
    duration: positiveInt("duration", values.duration, 30),
    connections: positiveInt("connections", values.connections, 10),
    sequential: positiveInt("sequential", values.sequential, 30),
    warmup: 5,
    processes: positiveInt("processes", values.processes, os.availableParallelism()),
  };
  const size = (n: number) => Math.max(1000, Math.round(n / 1000) * 1000);
  // Townships hold about 700 hosts only from about 7,000 hosts up (a city has at least 10 townships).
  const smallHosts = Math.min(hosts, Math.max(10_000, size(hosts / 10)));
  const ledgerSmallHosts = size(hosts / 4);
  const importHosts = size(hosts / 2);
  const full = parts.size === PARTS.length && hosts === FULL_HOSTS;
  const outFile = path.resolve(
    ROOT,
    values.out ?? (full ? "docs/performance.md" : "/tmp/bench/performance-partial.md"),
  );

  const machine = describeMachine();
  const started = performance.now();
  log(
    `bench: ${[...parts].join(", ")} at ${fmtInt(hosts)} hosts; ${machine.cpu}, ${machine.cores} cores, load ${machine.loadAtStart}`,
  );

  const results: Results = {};
  const bigDb = async () => ({ file: await scaleDb(hosts), hosts });

  if (parts.has("report")) {
    log("— 1. year-end report, cold —");
    results.report = await measureReport((await bigDb()).file, year, runs);
    log("— 3. a township's report, small vs large city —");
    results.townshipReport = await measureTownshipReport(
      await bigDb(),
      { file: await scaleDb(smallHosts), hosts: smallHosts },
      year,
      runs,
    );
  }
  if (parts.has("report-pg")) {
    log("— 2. year-end report on PostgreSQL, cold —");
    results.reportPg = await measureReportPg((await bigDb()).file, hosts, year, runs);
  }
  if (parts.has("million")) {
    const hugeHosts = hosts * 5;
    log(`— 9. a city of ${fmtInt(hugeHosts)} hosts —`);
    const file = await scaleDb(hugeHosts);
    results.million = await measureMillion(
      { file, hosts: hugeHosts, seedMs: seedMsOf(file) },
      await bigDb(),
      year,
      runs,
    );
  }
  if (parts.has("pages") || parts.has("scope") || parts.has("pg-pages")) {
    log(
      `— ${parts.has("pages") ? "2. township pages under load" : ""}${parts.has("pages") && parts.has("scope") ? "; " : ""}${parts.has("scope") ? "3. same-size township, small vs large city" : ""} —`,
    );
    await buildPortal(Boolean(values.build));
    const small = parts.has("scope") ? { file: await scaleDb(smallHosts), hosts: smallHosts } : null;
    results.pages = await measurePages(
      await bigDb(),
      small,
      pageOptions,
      parts.has("pages"),
      parts.has("pg-pages"),
    );
  }
  if (parts.has("ledger")) {
    log("— 4. ledger workbook —");
    const small = { file: await scaleDb(ledgerSmallHosts), hosts: ledgerSmallHosts };
    results.ledger = await measureLedger(await bigDb(), small);
  }
  if (parts.has("import")) {
    log("— 5. import —");
    results.import = await measureImport({ file: await scaleDb(importHosts), hosts: importHosts });
  }
  if (parts.has("csv")) {
    log("— 7. CSV download of the hosts list —");
    results.csv = await measureCsv(await bigDb());
  }

  const goals = goalsOf(results);
  const elapsedMs = performance.now() - started;
  console.log("");
  console.table(
    goals.map((g) => ({
      "#": g.id,
      measurement: g.what,
      goal: g.goal,
      measured: g.measured,
      met: g.met ? "✓" : "✗",
    })),
  );
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
  const markdown = await formatMarkdown(
    performanceMarkdown({
      machine,
      command,
      elapsedMs,
      loadAtEnd: os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(", "),
      partial: !full,
      goals,
      results,
      previousFiles: [outFile, path.join(ROOT, "docs", "performance.md")],
    }),
  );
  writeFileSync(outFile, markdown);
  const issueGoals = goals.filter((g) => !g.check);
  const missed = issueGoals.filter((g) => !g.met).length;
  log(
    `done in ${fmtMs(elapsedMs)}: ${issueGoals.length - missed} of ${issueGoals.length} goals met; written ${outFile}`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);
