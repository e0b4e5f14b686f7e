import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildState, DIST, MANIFEST, ROOT } from "../bin/build-state.mjs";

const cliDir = path.resolve(import.meta.dirname, "..");
const bin = path.join(cliDir, "bin", "liangxin.mjs");
const hideTsx = path.join(import.meta.dirname, "fixtures", "hide-tsx.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "liangxin-cli-build-"));

type Manifest = { version: number; inputs: [string, number, number, string][] };

/** Runs the bin with `env`; TSX_LOOKUPS collects every attempt to resolve tsx (hidden unless HIDE_TSX=0). */
function run(args: string[], env: Record<string, string>, lookups: string) {
  const r = spawnSync(process.execPath, ["--import", hideTsx, bin, ...args], {
    cwd: ROOT,
    env: { ...process.env, LIANGXIN_CLI: "", TSX_LOOKUPS: lookups, ...env },
    encoding: "utf8",
  });
  const asked = existsSync(lookups) ? readFileSync(lookups, "utf8").trim() : "";
  return { code: r.status, out: r.stdout, err: r.stderr, asked };
}

beforeAll(() => {
  // The real build, as `npm run build` writes it.
  const r = spawnSync(process.execPath, [path.join(cliDir, "build.mjs")], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the built command line", () => {
  it("runs migrate from its build with tsx impossible to resolve, and never asks for tsx", () => {
    const dbFile = path.join(dir, "built.db");
    const lookups = path.join(dir, "built.lookups");
    const r = run(["migrate"], { DATABASE_URL: dbFile }, lookups);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("数据库已迁移到最新结构");
    expect(r.asked).toBe("");
    // The migrations were found from the build: the file has the schema.
    const db = new Database(dbFile, { readonly: true });
    const tables = db.prepare("select name from sqlite_master where type = 'table'").pluck().all();
    db.close();
    expect(tables).toContain("orgs");
    expect(tables).toContain("members");
    expect(tables).toContain("__drizzle_migrations");

    const help = run(["--help"], {}, lookups);
    expect(help.code, help.err).toBe(0);
    expect(help.out).toContain("create-user");
    expect(help.asked).toBe("");
  });

  it("the same setup really hides tsx: running the sources fails and says why", () => {
    const lookups = path.join(dir, "source.lookups");
    const r = run(["--help"], { LIANGXIN_CLI: "source" }, lookups);
    expect(r.code).toBe(1);
    expect(r.err).toContain("找不到 tsx");
    expect(r.asked).not.toBe("");
  });

  it("runs the sources through tsx when a bundled source changed since the build", () => {
    const manifestFile = path.join(DIST, MANIFEST);
    const original = readFileSync(manifestFile);
    try {
      // As if apps/cli/src/messages.ts had been edited after the build: its recorded size and hash differ.
      const manifest = JSON.parse(original.toString("utf8")) as Manifest;
      const entry = manifest.inputs.find(([rel]) => rel === "apps/cli/src/messages.ts");
      expect(entry).toBeDefined();
      entry![1] += 1;
      entry![3] = "0".repeat(40);
      writeFileSync(manifestFile, JSON.stringify(manifest));
      expect(buildState()).toMatchObject({ fresh: false, why: "构建后修改了 apps/cli/src/messages.ts" });

      const lookups = path.join(dir, "stale.lookups");
      const r = run(["--help"], { HIDE_TSX: "0" }, lookups);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain("create-user");
      expect(r.asked).toContain("tsx/esm/api");

      // Without tsx (a production installation), the stale build still runs, with a warning.
      const hidden = run(["--help"], {}, path.join(dir, "stale-hidden.lookups"));
      expect(hidden.code, hidden.err).toBe(0);
      expect(hidden.err).toContain("构建后修改了 apps/cli/src/messages.ts");
      expect(hidden.out).toContain("create-user");
    } finally {
      writeFileSync(manifestFile, original);
    }
    expect(buildState().fresh).toBe(true);
  });

  it("takes a folder without a build for missing", () => {
    expect(buildState(path.join(dir, "no-build"))).toMatchObject({ fresh: false, missing: true });
  });
});

describe("the freshness check (bin/build-state.mjs), on a copy of the build's inputs", () => {
  let root: string;
  let dist: string;
  beforeAll(() => {
    root = path.join(dir, "root");
    dist = path.join(root, "dist");
    mkdirSync(dist, { recursive: true });
    copyFileSync(path.join(DIST, MANIFEST), path.join(dist, MANIFEST));
    copyFileSync(path.join(DIST, "liangxin.mjs"), path.join(dist, "liangxin.mjs"));
    const manifest = JSON.parse(readFileSync(path.join(dist, MANIFEST), "utf8")) as Manifest;
    for (const [rel] of manifest.inputs) {
      mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      copyFileSync(path.join(ROOT, rel), path.join(root, rel));
    }
  });

  it("takes copied files of the same content as up to date (a checkout, a build from turbo's cache)", () => {
    // The copies have new modification times: their hashes decide.
    expect(buildState(dist, root).fresh).toBe(true);
  });

  it("takes a touched file as up to date, an edited or deleted one as stale", () => {
    const file = path.join(root, "packages", "db", "src", "paths.ts");
    const then = statSync(file).mtime;
    utimesSync(file, then, new Date(then.getTime() + 60_000));
    expect(buildState(dist, root).fresh).toBe(true);

    writeFileSync(file, readFileSync(file, "utf8").replace("repository root", "repository's root"));
    expect(buildState(dist, root)).toMatchObject({
      fresh: false,
      why: "构建后修改了 packages/db/src/paths.ts",
    });

    rmSync(file);
    expect(buildState(dist, root)).toMatchObject({
      fresh: false,
      why: "构建后删除了 packages/db/src/paths.ts",
    });
  });
});
