/**
 * 5. An import of a city's hosts with their years, coverage and members: the import workbook is written
 * by the command line's `export --format import` from a seeded city, then `import` runs into an empty,
 * migrated database in a child process; the imported counts are checked against the source.
 */
import { existsSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { closeDb, openDb } from "@liangxin/db/driver";
import { countTables } from "@liangxin/seed/demo";
import { BENCH_DIR, removeDb } from "../lib/dbs.ts";
import { assertOk, fmtInt, fmtMb, fmtMs, log, runCli } from "../lib/util.ts";
import { clock } from "@liangxin/domain";

const COUNTED = [
  "hosts",
  "host_years",
  "coverages",
  "orgs",
  "members",
  "member_relationships",
  "member_workplaces",
  "instructors",
  "assignments",
] as const;

async function counts(file: string): Promise<Record<string, number>> {
  const db = openDb(file);
  try {
    return await countTables(db, COUNTED);
  } finally {
    closeDb(db);
  }
}

export interface ImportResult {
  hosts: number;
  workbook: string;
  workbookBytes: number;
  exportMs: number | null;
  wallMs: number;
  cpuMs: number;
  maxRssKb: number;
  source: Record<string, number>;
  imported: Record<string, number>;
  countsAgree: boolean;
}

export async function measureImport(source: { file: string; hosts: number }): Promise<ImportResult> {
  const workbook = path.join(BENCH_DIR, `import-${source.hosts}.xlsx`);
  let exportMs: number | null = null;
  if (!existsSync(`${workbook}.ok`)) {
    log(`writing the import workbook of ${fmtInt(source.hosts)} hosts (export --format import) …`);
    const r = await runCli(["export", "--format", "import", "--out", workbook], {
      env: { DATABASE_URL: source.file },
      showProgress: true,
    });
    assertOk("export --format import", r);
    exportMs = r.wallMs;
    writeFileSync(`${workbook}.ok`, `${clock.nowIso()}\n`);
    log(`  written in ${fmtMs(r.wallMs)} (${Math.round(statSync(workbook).size / 1048576)} MB)`);
  } else log(`reusing the import workbook ${workbook}`);

  const target = path.join(BENCH_DIR, "import-target.db");
  removeDb(target);
  assertOk("migrate", await runCli(["migrate"], { env: { DATABASE_URL: target } }));
  log(`import of ${fmtInt(source.hosts)} hosts into an empty, migrated database (child process) …`);
  const r = await runCli(["import", workbook], {
    env: { DATABASE_URL: target },
    probeRss: true,
    showProgress: true,
  });
  assertOk("import", r);
  const sourceCounts = await counts(source.file);
  const imported = await counts(target);
  const countsAgree = COUNTED.every((t) => sourceCounts[t] === imported[t]);
  log(
    `  imported in ${fmtMs(r.wallMs)} (CPU ${fmtMs(r.cpuMs ?? NaN)}), peak RSS ${fmtMb(r.maxRssKb ?? NaN)}; counts ${countsAgree ? "agree" : "DIFFER"}`,
  );
  return {
    hosts: source.hosts,
    workbook,
    workbookBytes: statSync(workbook).size,
    exportMs,
    wallMs: r.wallMs,
    cpuMs: r.cpuMs ?? NaN,
    maxRssKb: r.maxRssKb ?? NaN,
    source: sourceCounts,
    imported,
    countsAgree,
  };
}
