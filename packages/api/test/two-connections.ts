/**
 * One database file (migrated, the demo without past reports) and two connections to it, as two portal
 * processes or a portal and an import worker have: for the tests of what one connection's work does to
 * the other's. `close()` closes both and removes the file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrateDb, openDb, type Db } from "@liangxin/db/driver";
import { seedDemo } from "@liangxin/seed/demo";

export interface TwoConnections {
  first: Db;
  second: Db;
  close: () => void;
}

export async function twoConnections(name: string): Promise<TwoConnections> {
  const dir = mkdtempSync(path.join(tmpdir(), `lx-${name}-`));
  const file = path.join(dir, `${name}.db`);
  const first = openDb(file);
  migrateDb(first);
  await seedDemo(first, { pastReports: false });
  const second = openDb(file);
  return {
    first,
    second,
    close: () => {
      second.$client.close();
      first.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
