/**
 * A management node as a scope sees it: the organization (its subordination subtree) and, for a node with
 * a territory, its region. Read once here for a signed-in caller (load.ts) and for the system (unsafe.ts).
 */
import { eq, type SQL } from "drizzle-orm";
import type { Db } from "../driver/client.ts";
import { orgs, regions } from "../schema.ts";
import type { Scope } from "./load.ts";

/** The organization matching `where` (the first by id) and its region, or null. */
export async function nodeOf(
  db: Db,
  where: SQL | undefined,
): Promise<{ org: NonNullable<Scope["org"]>; region: Scope["region"] } | null> {
  const [row] = await db
    .select({
      id: orgs.id,
      code: orgs.code,
      name: orgs.name,
      category: orgs.category,
      path: orgs.path,
      regionId: orgs.regionId,
    })
    .from(orgs)
    .where(where)
    .orderBy(orgs.id)
    .limit(1);
  if (!row) return null;
  const { regionId, ...org } = row;
  const region =
    regionId === null
      ? null
      : ((
          await db
            .select({
              id: regions.id,
              code: regions.code,
              name: regions.name,
              level: regions.level,
              path: regions.path,
            })
            .from(regions)
            .where(eq(regions.id, regionId))
            .limit(1)
        )[0] ?? null);
  return { org, region };
}
