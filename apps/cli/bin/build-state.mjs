// Whether the command line's build (apps/cli/dist, written by apps/cli/build.mjs) is up to date with the
// sources it was bundled from. Plain JavaScript: the bin reads it before anything can compile TypeScript.
//
// The build's manifest lists every input it bundled (the workspace sources, the build script, the
// lockfile standing for the bundled npm packages) with its size, modification time and SHA-1. The check
// stats each input (a few hundred files: a few milliseconds); only a file whose size is the same but whose
// time differs (a checkout, a build restored from turbo's cache) is read and hashed.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file is apps/cli/bin/build-state.mjs). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
/** The build's folder. */
export const DIST = path.join(ROOT, "apps", "cli", "dist");
/** The bundle's file name and the manifest's, inside a build's folder. */
export const BUNDLE = "liangxin.mjs";
export const MANIFEST = "manifest.json";
export const MANIFEST_VERSION = 1;

/** The SHA-1 of a file's bytes, hex. */
export function fileHash(file) {
  return createHash("sha1").update(readFileSync(file)).digest("hex");
}

/**
 * The state of the build in `dist`: `{ fresh: true, bundle }`, or `{ fresh: false, missing, why, bundle }`
 * where `missing` says there is no build at all and `why` says in Chinese what is missing or which source
 * changed since the build.
 */
export function buildState(dist = DIST, root = ROOT) {
  let manifest;
  const bundle = path.join(dist, BUNDLE);
  try {
    manifest = JSON.parse(readFileSync(path.join(dist, MANIFEST), "utf8"));
    statSync(bundle);
  } catch {
    return { fresh: false, missing: true, why: `没有命令行的构建(${path.relative(root, dist) || dist})` };
  }
  if (manifest.version !== MANIFEST_VERSION || !Array.isArray(manifest.inputs)) {
    return { fresh: false, missing: false, why: "命令行构建的清单格式不同,需要重新构建", bundle };
  }
  for (const [rel, size, mtimeMs, sha1] of manifest.inputs) {
    const file = path.join(root, rel);
    let st;
    try {
      st = statSync(file);
    } catch {
      return { fresh: false, missing: false, why: `构建后删除了 ${rel}`, bundle };
    }
    if (st.size === size && st.mtimeMs === mtimeMs) continue;
    if (st.size !== size || fileHash(file) !== sha1)
      return { fresh: false, missing: false, why: `构建后修改了 ${rel}`, bundle };
  }
  return { fresh: true, bundle };
}
