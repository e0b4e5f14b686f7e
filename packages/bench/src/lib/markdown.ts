/**
 * docs/performance.md: the machine, every goal with its measured figure and whether it is met, the
 * details of each measurement, and two hand-written sections kept from the previous file between their
 * markers (the owner's explanation of missed goals and the diagnosis from profiling).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runNode, ROOT } from "./util.ts";
import type { Goal, Results } from "./goals.ts";
import type { Machine } from "./machine.ts";
import { BASELINE_SQL } from "./baseline-sql.ts";
import { fmtInt, fmtMb, fmtMs, fmtRatio, median } from "./util.ts";

const KEPT = {
  explanation: {
    title: "## Missed goals: explanation",
    placeholder:
      "_Explanation placeholder: for each goal marked ✗ above, the owner writes why it is missed, what was\n" +
      "tried (indexes, aggregates in SQL, streaming, caching of frozen figures) and what is left to try._",
  },
  diagnosis: {
    title: "## Diagnosis from profiling",
    placeholder: "_Not yet written: where the time and memory of the missed goals go._",
  },
} as const;

/** The text between `<!-- name:start -->` and `<!-- name:end -->` of a previous file, else null. */
function kept(previous: string | null, name: string): string | null {
  if (!previous) return null;
  const re = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)\\n<!-- ${name}:end -->`);
  return previous.match(re)?.[1] ?? null;
}

const table = (head: string[], rows: (string | number)[][]): string =>
  [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.map((c) => String(c).replace(/\|/g, "\\|")).join(" | ")} |`),
  ].join("\n");

export interface DocInput {
  machine: Machine;
  command: string;
  elapsedMs: number;
  loadAtEnd: string;
  partial: boolean;
  goals: Goal[];
  results: Results;
  previousFiles: string[];
}

export function performanceMarkdown(d: DocInput): string {
  const previous =
    d.previousFiles.filter((f) => existsSync(f)).map((f) => readFileSync(f, "utf8"))[0] ?? null;
  const m = d.machine;
  const r = d.results;
  const out: string[] = [];
  out.push("# Performance at city scale (issues 8 and 25)");
  out.push("");
  out.push(
    `Written by \`${d.command}\` on ${m.date} in ${fmtMs(d.elapsedMs)}.` +
      (d.partial ? " **Partial run**: only the measurements listed below." : "") +
      " Rerun with `npm run bench` (see `npm run bench -- --help`).",
  );
  out.push("");
  out.push("## Machine");
  out.push("");
  out.push(
    table(
      ["", ""],
      [
        ["CPU", m.cpu],
        ["Cores", m.cores],
        ["RAM", `${m.ramGb} GB`],
        ["Node", m.node],
        ["OS", m.os],
        ["Date", m.date],
        ["Git commit", m.commit],
        ["Load average at start (1, 5, 15 min)", `${m.loadAtStart} — the machine is shared`],
        ["Load average at end", d.loadAtEnd],
      ],
    ),
  );
  out.push("");
  out.push("## Goals");
  out.push("");
  out.push(
    `Goals on time are judged on wall time; the pages' goal 4 on CPU time per request, and their latency under load ` +
      `(goal 5) only when the load average at the start is below 1 (issue 25). With ${m.cores} cores and a load ` +
      `average of ${m.loadAtStart} (other people's tests and servers), a process gets only part of a core: the CPU ` +
      "time (user + system) shown beside the wall time of the child processes is what the work itself cost. " +
      "Goal ids: 1–3 and 9 the report (issue 25's numbering), 4-* / 5-* / 6-* the township pages (issue 25: CPU " +
      "per request, load on SQLite, load on PostgreSQL), 3-dashboard / 3-hosts the pages' scope (issue 8), 4a–4c " +
      "the ledger (issue 8), 7 the CSV download, 8 the import.",
  );
  out.push("");
  out.push(
    table(
      ["#", "measurement", "goal", "measured", "met"],
      d.goals.map((g) => [g.id, g.what, g.goal, g.measured, g.met ? "✓ met" : "✗ missed"]),
    ),
  );
  out.push("");
  const goals = d.goals.filter((g) => !g.check);
  const missed = goals.filter((g) => !g.met);
  const failedChecks = d.goals.filter((g) => g.check && !g.met);
  out.push(
    (missed.length === 0
      ? `Every goal measured in this run (${goals.length}) is met.`
      : `${missed.length} of ${goals.length} goals missed: ${missed.map((g) => g.id).join(", ")} (see the explanation below).`) +
      (failedChecks.length > 0 ? ` Checks that differ: ${failedChecks.map((g) => g.id).join(", ")}.` : ""),
  );
  out.push("");

  if (r.report) {
    const x = r.report;
    out.push("## 1. Year-end report of the city, cold");
    out.push("");
    out.push(
      `\`buildReport\` of ${x.unit} for ${x.year} as the command line's \`report --year ${x.year} --unit ${x.unit}\` runs it ` +
        "(as the system, every row and key, turned into the report JSON), each repetition in a fresh Node process " +
        "(`packages/bench/src/child/report-cold.ts`), timed from opening the database file to the finished JSON. " +
        "The baseline is one SQL statement over the same file, also in a fresh process each time:",
    );
    out.push("");
    out.push("```sql" + BASELINE_SQL + "\n```");
    out.push("");
    out.push(
      table(
        ["", "runs", "median"],
        [
          ["report (computation)", x.reportMs.map(fmtMs).join(", "), fmtMs(x.reportMedian)],
          [
            "report (whole process: start-up, loading, computation)",
            x.reportWallMs.map(fmtMs).join(", "),
            fmtMs(median(x.reportWallMs)),
          ],
          [
            "report (CPU time of the whole process, user + system)",
            x.reportCpuMs.map(fmtMs).join(", "),
            fmtMs(median(x.reportCpuMs)),
          ],
          ["baseline statement", x.baselineMs.map(fmtMs).join(", "), fmtMs(x.baselineMedian)],
          ["ratio report ÷ baseline", "", fmtRatio(x.ratio)],
        ],
      ),
    );
    out.push("");
    if (x.records)
      out.push(
        `Records a city-level submission stores with its figures (issue 18: the ids behind each count, ` +
          `\`report_records\`): ${fmtInt(x.records.ids)} ids in ${x.records.rows} rows, ` +
          `${fmtInt(Math.round(x.records.bytes / 1024))} KiB encoded (in ${fmtMs(x.records.ms)}, after the first run's timed part). ` +
          `Each level stores its own area's records, so a year approved at every level stores about that once per level.`,
        "",
      );
    out.push(
      x.allAgree
        ? `The baseline's per-county figures agree with the report's county rows (hosts, orgCovered) for all ${x.counties.length} counties:`
        : "**The baseline's per-county figures do NOT all agree with the report's county rows:**",
    );
    out.push("");
    out.push(
      table(
        ["county", "hosts (baseline)", "hosts (report)", "covered (baseline)", "orgCovered (report)", ""],
        x.counties.map((c) => [
          `${c.code} ${c.name}`,
          fmtInt(c.baselineHosts),
          c.reportHosts === null ? "—" : fmtInt(c.reportHosts),
          fmtInt(c.baselineCovered),
          c.reportCovered === null ? "—" : fmtInt(c.reportCovered),
          c.agree ? "=" : "≠",
        ]),
      ),
    );
    out.push("");
  }

  if (r.townshipReport) {
    const x = r.townshipReport;
    out.push("## A township's report in a small and a large city (issue 25, goal 3)");
    out.push("");
    out.push(
      "The same cold report (fresh process each run) of a township committee of about the same size in both " +
        "cities: the counts are bounded by the node, so the township's report should not grow with the city.",
    );
    out.push("");
    out.push(
      table(
        ["city", "township", "runs", "median"],
        [x.big, x.small].map((c) => [
          `${fmtInt(c.hosts)} hosts`,
          `${c.township.orgCode} ${c.township.name} (${fmtInt(c.township.hosts)} hosts)`,
          c.ms.map(fmtMs).join(", "),
          fmtMs(c.median),
        ]),
      ),
    );
    out.push("");
  }
  if (r.reportPg) {
    const x = r.reportPg;
    out.push("## The city's report on PostgreSQL (issue 25, goal 2)");
    out.push("");
    out.push(
      `The ${fmtInt(x.hosts)}-host city copied into a PostgreSQL 15 server of its own (\`migrate\`, then ` +
        `\`copy --to\`, ${fmtMs(x.copyMs)}); the same cold report and the baseline statement in PostgreSQL's words ` +
        "(a sum of cases), each in a fresh process.",
    );
    out.push("");
    out.push(
      table(
        ["", "runs", "median"],
        [
          ["report", x.reportMs.map(fmtMs).join(", "), fmtMs(x.reportMedian)],
          ["baseline statement", x.baselineMs.map(fmtMs).join(", "), fmtMs(x.baselineMedian)],
          ["ratio", "", fmtRatio(x.ratio)],
        ],
      ),
    );
    out.push("");
  }
  if (r.million) {
    const x = r.million;
    out.push(`## A city of ${fmtInt(x.hosts)} hosts (issue 25, goal 9)`);
    out.push("");
    out.push(
      `Seeded by \`seed --scale city --hosts ${x.hosts}\` in ${x.seedMs === null ? "— (kept from an earlier run)" : fmtMs(x.seedMs)}. ` +
        "The city's report cold, as in section 1:",
    );
    out.push("");
    out.push(
      table(
        ["city", "runs", "median"],
        [
          [`${fmtInt(x.hosts)} hosts`, x.ms.map(fmtMs).join(", "), fmtMs(x.median)],
          [`${fmtInt(x.baseHosts)} hosts`, x.baseMs.map(fmtMs).join(", "), fmtMs(x.baseMedian)],
          ["ratio", "", fmtRatio(x.ratio)],
        ],
      ),
    );
    out.push("");
  }

  const pages = r.pages;
  if (pages) {
    const o = pages.options;
    const big = pages.big;
    out.push("## 2. Township pages under load");
    out.push("");
    out.push(
      `The built portal (apps/portal/server.mjs, as \`npm start\` serves it: ${big.processes} process${big.processes > 1 ? "es" : ""} sharing the port) on 127.0.0.1 over the ${fmtInt(big.dbHosts)}-host city, signed in ` +
        `over HTTP (Auth.js credentials) as \`${big.username}\`, the administrator of ${big.township.name} ` +
        `(${fmtInt(big.township.hosts)} hosts, the township of median size), a freshly started portal per page. Before and after the load each page is ` +
        "checked to be the real page (200, not a redirect to /login, the page's own table in the HTML); during the " +
        'load every answer\'s body is checked for it too ("not the page"). ' +
        `Load: autocannon \`overallRate: ${o.rate}\`, \`duration: ${o.duration}\`, \`connections: ${o.connections}\` ` +
        `(each connection sends up to ${Math.round((o.rate / o.connections) * 10) / 10} requests a second, each after the previous answer). ` +
        "Percentiles are computed from every answer's response time (autocannon's own coordinated-omission correction " +
        "assumes a 1 ms interval at these rates and is switched off). CPU is the time (user + system) of all the " +
        "portal's processes, read from /proc, over the one-at-a-time requests (and over the load) divided by the answers.",
    );
    out.push("");
    out.push(
      table(
        ["page", "CPU per request, one at a time", "median time, one at a time", "size"],
        big.pages.map((p) => [
          p.page.label,
          fmtMs(p.cpuPerRequestMs),
          fmtMs(p.sequentialMedian),
          `${Math.round(p.bytes / 1024)} KB`,
        ]),
      ),
    );
    out.push("");
    if (big.pages.some((p) => p.load)) {
      out.push(
        table(
          [
            "page",
            "CPU per answer",
            "p50",
            "p95",
            "p99",
            "max",
            "answers",
            "per s",
            "errors",
            "timeouts",
            "non-2xx",
            "not the page",
            "size",
          ],
          big.pages
            .filter((p) => p.load)
            .map((p) => {
              const l = p.load!;
              return [
                p.page.label,
                fmtMs(l.cpuPerRequestMs),
                fmtMs(l.p50),
                fmtMs(l.p95),
                fmtMs(l.p99),
                fmtMs(l.max),
                fmtInt(l.requests),
                l.achievedRate.toFixed(1),
                l.errors,
                l.timeouts,
                l.non2xx,
                l.mismatches,
                `${Math.round(p.bytes / 1024)} KB`,
              ];
            }),
        ),
      );
      out.push("");
    }
    if (pages.small) {
      const small = pages.small;
      out.push("## 3. The same-size township in a small and a large city");
      out.push("");
      out.push(
        `The township administrator's pages, one request at a time (${o.warmup} warm-up requests, then the median ` +
          `of ${o.sequential}, or of as many as a minute allows, at least 5), in the ${fmtInt(small.dbHosts)}-host city (${small.township.name}, ` +
          `${fmtInt(small.township.hosts)} hosts) and in the ${fmtInt(big.dbHosts)}-host city ` +
          `(${big.township.name}, ${fmtInt(big.township.hosts)} hosts), each on a freshly started portal.`,
      );
      out.push("");
      out.push(
        table(
          ["page", `${fmtInt(small.dbHosts)} hosts`, `${fmtInt(big.dbHosts)} hosts`, "ratio"],
          big.pages.map((p) => {
            const s = small.pages.find((x) => x.page.key === p.page.key);
            return [
              p.page.label,
              s ? fmtMs(s.sequentialMedian) : "—",
              fmtMs(p.sequentialMedian),
              s ? fmtRatio(p.sequentialMedian / s.sequentialMedian) : "—",
            ];
          }),
        ),
      );
      out.push("");
    }
  }

  if (r.ledger) {
    const x = r.ledger;
    out.push("## 4. Ledger workbook (非公企业党建工作台账)");
    out.push("");
    out.push(
      "`npm run cli -- export --format ledger --out FILE` of the whole city in a child process; time is the " +
        "child's wall time (including Node start-up; CPU time is user + system, lower than wall time when the " +
        "shared machine's cores are busy), memory its peak resident set size (getrusage `ru_maxrss`, " +
        "recorded at exit by `packages/bench/src/child/rss-probe.mjs`).",
    );
    out.push("");
    out.push(
      table(
        ["hosts", "rows", "time", "CPU time", "peak RSS", "file"],
        [x.small, x.big]
          .filter((l) => l !== null)
          .map((l) => [
            fmtInt(l.hosts),
            l.rows === null ? "—" : fmtInt(l.rows),
            fmtMs(l.wallMs),
            fmtMs(l.cpuMs),
            fmtMb(l.maxRssKb),
            `${Math.round(l.bytes / 1048576)} MB`,
          ]),
      ),
    );
    out.push("");
  }

  if (r.import) {
    const x = r.import;
    out.push("## 5. Import");
    out.push("");
    out.push(
      `The import workbook of a ${fmtInt(x.hosts)}-host city written by \`npm run cli -- export --format import\` ` +
        `(${Math.round(x.workbookBytes / 1048576)} MB${x.exportMs !== null ? `, written in ${fmtMs(x.exportMs)}` : ", reused from an earlier run"}), ` +
        "then `npm run cli -- import FILE` into an empty, migrated database in a child process: " +
        `${fmtMs(x.wallMs)} wall time (reading, checking, writing in one transaction; ${fmtMs(x.cpuMs)} of CPU time), ` +
        `peak RSS ${fmtMb(x.maxRssKb)}.`,
    );
    out.push("");
    out.push(
      table(
        ["table", "source", "imported", ""],
        Object.keys(x.source).map((t) => [
          t,
          fmtInt(x.source[t] ?? 0),
          fmtInt(x.imported[t] ?? 0),
          x.source[t] === x.imported[t] ? "=" : "≠",
        ]),
      ),
    );
    out.push("");
  }

  // ——— 7. CSV download (issue 25) ———
  if (r.csv) {
    const x = r.csv;
    out.push("## 7. CSV download of the hosts list");
    out.push("");
    out.push(
      `The hosts list's CSV as the city's administrator (\`${x.username}\`, no filter: all ${fmtInt(x.rows)} operating hosts of ` +
        `the ${fmtInt(x.hosts)}-host city) through the code the portal's download route runs (\`openListCsv\` of ` +
        "`@liangxin/io`: the list's one scoped statement read as it runs and written to a pulled stream), in a child " +
        "process (`packages/bench/src/child/list-csv.ts`) writing to a file. Time is the child's wall time (Node and " +
        "tsx start-up included), memory its peak resident set size (`ru_maxrss`, recorded at exit by " +
        "`packages/bench/src/child/rss-probe.mjs`).",
    );
    out.push("");
    out.push(
      table(
        ["rows", "time", "CPU time", "opening the database → last byte", "peak RSS", "file"],
        [
          [
            fmtInt(x.rows),
            fmtMs(x.wallMs),
            fmtMs(x.cpuMs),
            fmtMs(x.ms),
            fmtMb(x.maxRssKb),
            `${Math.round(x.bytes / 1048576)} MB`,
          ],
        ],
      ),
    );
    out.push("");
  }

  for (const [name, section] of Object.entries(KEPT)) {
    out.push(section.title);
    out.push("");
    out.push(`<!-- ${name}:start -->`);
    out.push(kept(previous, name) ?? section.placeholder);
    out.push(`<!-- ${name}:end -->`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** The markdown as the repository's Prettier writes it (so that `npm run lint` stays green). */
export async function formatMarkdown(text: string): Promise<string> {
  const prettier = path.join(ROOT, "node_modules", "prettier", "bin", "prettier.cjs");
  const child = runNode([prettier, "--stdin-filepath", path.join(ROOT, "docs", "performance.md")], {
    input: text,
  });
  const r = await child;
  return r.code === 0 && r.stdout.trim() !== "" ? r.stdout : text;
}
