/** A copy of a database in memory (tests: seed once, then give each mutating test its own copy). */
import type { Db } from "../driver/client.ts";
import { copyInMemory } from "../driver/connection.ts";

export function cloneDb(db: Db): Db {
  return copyInMemory(db);
}
