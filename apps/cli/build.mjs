#!/usr/bin/env node
// Builds the command line into one ES module, apps/cli/dist/liangxin.mjs (esbuild: Node 20, the workspace's
// TypeScript sources and the pure-JavaScript npm packages bundled), so that production runs it without
// compiling TypeScript (bin/liangxin.mjs takes the build when it is up to date, tsx otherwise). Beside it,
// manifest.json lists the inputs for bin/build-state.mjs's freshness check.
//
// Kept external, loaded from node_modules at run time: the database drivers (native code, WebAssembly and
// data files found next to their own modules) and pino (its transports start workers from files of its
// own). The migrations (packages/db/drizzle*) are not bundled: they are read from the repository root at run
// time, as from the sources.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { BUNDLE, DIST, fileHash, MANIFEST, MANIFEST_VERSION, ROOT } from "./bin/build-state.mjs";

export const EXTERNAL = [
  "better-sqlite3",
  "pg",
  "pg-native",
  "postgres",
  "@electric-sql/pglite",
  "@electric-sql/pglite/*",
  "pino",
  "pino-pretty",
];

/** Size, time and hash of a file, as the manifest holds them. */
function fingerprint(file) {
  const st = statSync(file);
  return [st.size, st.mtimeMs, fileHash(file)];
}

/** Every file under `dir`, relative to the root. */
function walk(dir, out = []) {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(rel, out);
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** Writes `bytes` to `file` through a temporary file and a rename: a reader sees the old file or the new. */
function writeAtomically(file, bytes) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

/** Builds the command line into `outdir`; returns the bundle's path and the number of inputs. */
export async function buildCli({ outdir = DIST } = {}) {
  // The sources as they are before bundling: a file changed while esbuild runs then fails the check (and the
  // bin runs the sources) instead of being taken for the version bundled.
  const before = new Map();
  const sources = [path.join("apps", "cli", "src")];
  for (const pkg of readdirSync(path.join(ROOT, "packages"))) {
    const src = path.join("packages", pkg, "src");
    if (statSync(path.join(ROOT, src), { throwIfNoEntry: false })?.isDirectory()) sources.push(src);
  }
  const extras = [path.join("apps", "cli", "build.mjs"), "package-lock.json"];
  for (const rel of [...sources.flatMap((dir) => walk(dir)), ...extras]) {
    before.set(rel.split(path.sep).join("/"), fingerprint(path.join(ROOT, rel)));
  }

  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join("apps", "cli", "src", "main.ts")],
    outfile: path.join(outdir, BUNDLE),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: EXTERNAL,
    // CommonJS packages bundled into an ES module still call require() for Node's built-in modules.
    banner: {
      js: 'import { createRequire as __liangxinRequire } from "node:module";\nconst require = __liangxinRequire(import.meta.url);',
    },
    sourcemap: "linked",
    legalComments: "none",
    metafile: true,
    write: false,
    logLevel: "warning",
  });

  const inputs = [];
  for (const rel of Object.keys(result.metafile.inputs)) {
    if (rel.includes("node_modules/")) continue; // stood for by package-lock.json
    inputs.push([rel, ...(before.get(rel) ?? fingerprint(path.join(ROOT, rel)))]);
  }
  for (const rel of extras) inputs.push([rel, ...before.get(rel)]);

  mkdirSync(outdir, { recursive: true });
  // No manifest while the files change: a command started meanwhile runs the sources.
  rmSync(path.join(outdir, MANIFEST), { force: true });
  for (const file of result.outputFiles) writeAtomically(file.path, file.contents);
  writeAtomically(
    path.join(outdir, MANIFEST),
    JSON.stringify({ version: MANIFEST_VERSION, inputs }, null, 1) + "\n",
  );
  return { bundle: path.join(outdir, BUNDLE), inputs: inputs.length };
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : DIST;
  const { bundle, inputs } = await buildCli({ outdir: out });
  console.log(`命令行已构建:${path.relative(process.cwd(), bundle)}(${inputs} 个源文件)`);
}
