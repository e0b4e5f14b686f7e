/**
 * Every statement is drizzle (the builder or a `sql` template run by driver/query.ts): no `.prepare(`,
 * `.exec(` or `$client` in any package's or app's source outside `packages/db/src/driver/` and
 * `packages/db/src/dialect/`, where the engine's own pieces live (the port, bulk writes, the backup API,
 * what differs by engine). Counted literally, so a RegExp's `.exec(` counts too (`text.match(re)` instead).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
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

describe("statements are drizzle outside the driver and dialect modules", () => {
  it("finds the uses it looks for", () => {
    const sample = 'db.$client.prepare("select 1").get(); sqlite.exec("vacuum"); prepared(); execute();';
    expect(sample.match(USES)).toEqual(["$client", ".prepare(", ".exec("]);
  });

  it("finds none in any package's or app's source", () => {
    const found = Object.entries(rawSqlUses()).map(([path, n]) => `${path}: ${n}`);
    expect(found, "write the statement with drizzle's builder or a sql template (driver/query.ts)").toEqual(
      [],
    );
  });

  it("looks at the sources of every package and app", () => {
    // A scan that silently found no files would pass the test above.
    const scanned = ["packages", "apps"].flatMap((group) =>
      readdirSync(join(ROOT, group)).flatMap((name) => {
        try {
          return sourceFiles(join(ROOT, group, name, "src"));
        } catch {
          return [];
        }
      }),
    );
    expect(scanned.length).toBeGreaterThan(300);
    expect(scanned.some((f) => f.endsWith(join("driver", "port.ts")))).toBe(true);
  });
});
