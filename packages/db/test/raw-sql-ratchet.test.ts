/**
 * Issue 21 moves every statement into drizzle (the builder or `sql` templates): in the end no `.prepare(`,
 * `.exec(` or `$client` stays outside `packages/db/src/driver/` and `packages/db/src/dialect/`. Until then
 * this ratchet holds the ground gained: per source file, the uses may only go down. A file that gains one,
 * or a new file with one, fails; a file that lost some fails too until `golden/raw-sql-baseline.json` is
 * lowered (`LIANGXIN_UPDATE_GOLDEN=1 npx vitest run test/raw-sql-ratchet.test.ts`), so the baseline stays
 * tight. When the baseline is empty, this is the acceptance test as it stands.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BASELINE = fileURLToPath(new URL("./golden/raw-sql-baseline.json", import.meta.url));
const UPDATE = process.env.LIANGXIN_UPDATE_GOLDEN === "1";
/** Where raw statements belong. */
const ALLOWED = ["packages/db/src/driver/", "packages/db/src/dialect/"];
const USES = /\.prepare\(|\.exec\(|\$client/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** Uses per file (paths from the repository's root), for every package's and app's `src`. */
function rawSqlUses(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const group of ["packages", "apps"])
    for (const name of readdirSync(join(ROOT, group))) {
      let files: string[];
      try {
        files = sourceFiles(join(ROOT, group, name, "src"));
      } catch {
        continue;
      }
      for (const file of files) {
        const path = relative(ROOT, file).split("\\").join("/");
        if (ALLOWED.some((a) => path.startsWith(a))) continue;
        const n = readFileSync(file, "utf8").match(USES)?.length ?? 0;
        if (n > 0) counts[path] = n;
      }
    }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

describe("raw statements outside the driver only go down (issue 21)", () => {
  const now = rawSqlUses();
  if (UPDATE) writeFileSync(BASELINE, `${JSON.stringify(now, null, 2)}\n`);
  const baseline = JSON.parse(readFileSync(BASELINE, "utf8")) as Record<string, number>;

  it("finds the uses it looks for", () => {
    const sample = 'db.$client.prepare("select 1").get(); sqlite.exec("vacuum"); prepared(); execute();';
    expect(sample.match(USES)).toEqual(["$client", ".prepare(", ".exec("]);
  });

  it("no file has more uses than its baseline, and no new file has any", () => {
    const grown = Object.entries(now)
      .filter(([path, n]) => n > (baseline[path] ?? 0))
      .map(([path, n]) => `${path}: ${n} (baseline ${baseline[path] ?? 0})`);
    expect(grown, "write the statement with drizzle's builder or sql template").toEqual([]);
  });

  it("the baseline is tight: a file that lost uses lowers it", () => {
    const shrunk = Object.entries(baseline)
      .filter(([path, n]) => (now[path] ?? 0) < n)
      .map(([path, n]) => `${path}: ${now[path] ?? 0} (baseline ${n})`);
    expect(shrunk, "lower golden/raw-sql-baseline.json (LIANGXIN_UPDATE_GOLDEN=1)").toEqual([]);
  });
});
