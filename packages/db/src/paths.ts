import { existsSync } from "node:fs";
import path from "node:path";

/** The repository root: the nearest folder upwards holding `turbo.json`. */
export function repoRoot(start: string = process.cwd()): string {
  let dir = path.resolve(/*turbopackIgnore: true*/ start);
  for (;;) {
    if (existsSync(path.join(/*turbopackIgnore: true*/ dir, "turbo.json"))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(start);
    dir = up;
  }
}

/**
 * The database file: `DATABASE_URL` (a file path, relative to the repository root, or `:memory:`),
 * else `./data/liangxin.db` at the repository root. Portal and CLI resolve it the same way.
 */
export function resolveDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  const root = repoRoot();
  const raw = env.DATABASE_URL?.trim();
  if (raw === ":memory:") return raw;
  const file = raw ? raw.replace(/^file:/, "") : "data/liangxin.db";
  return path.resolve(/*turbopackIgnore: true*/ root, file);
}

/** The committed drizzle-kit migrations. */
export function migrationsFolder(): string {
  return path.join(/*turbopackIgnore: true*/ repoRoot(), "packages", "db", "drizzle");
}
