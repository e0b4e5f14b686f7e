import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { loadScope, type Scope } from "@liangxin/db/scope";
import { openTestDb, type Db } from "@liangxin/db/driver";

export const TODAY = DEMO_TODAY;

export async function demoDb(): Promise<Db> {
  const db = openTestDb();
  await seedDemo(db, { pastReports: false });
  return db;
}

export async function scopeOf(db: Db, username: string): Promise<Scope> {
  const row = db.$client.prepare("select id from users where username = ?").get(username) as { id: number };
  const scope = await loadScope(db, row.id);
  if (!scope) throw new Error(`no scope for ${username}`);
  return scope;
}

export function tmpDir(): string {
  return mkdtempSync(path.join(tmpdir(), "liangxin-io-"));
}

/** A CSV folder for an import: file name → text. */
export function folder(files: Record<string, string>): string {
  const dir = tmpDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Row counts and a content hash per table (to prove that nothing was written). */
export function tableState(db: Db): string {
  const tables = db.$client
    .prepare(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name",
    )
    .pluck()
    .all() as string[];
  return tables
    .map((t) => {
      const r = db.$client.prepare(`select count(*) as n, coalesce(sum(rowid), 0) as s from ${t}`).get() as {
        n: number;
        s: number;
      };
      return `${t}:${r.n}:${r.s}`;
    })
    .join(",");
}
