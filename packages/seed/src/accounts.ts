import type { OrgCategory } from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { textList, type Db, selectAll } from "@liangxin/db/driver";
import { userRoleLabel } from "@liangxin/db/auth";
import { DEMO_PASSWORD } from "./build.ts";
import type { DemoAccount } from "./demo.ts";

/** The usernames of the demo accounts, in the order they are listed. */
export const DEMO_USERNAMES = ["city", "county", "township", "industry", "branch", "owner"] as const;

/** The demo accounts present in this database, with what each is bound to. */
export async function listDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const rows = await selectAll<{
    username: string;
    role: DemoAccount["role"];
    category: OrgCategory | null;
    scopeName: string;
  }>(
    db,
    sql`select u.username, u.role, o.category, coalesce(o.name, h.name, '') as scopeName
        from users u left join orgs o on o.id = u.org_id left join hosts h on h.id = u.host_id
        where u.username in ${textList(DEMO_USERNAMES)}`,
  );
  const order = (u: string) => DEMO_USERNAMES.indexOf(u as (typeof DEMO_USERNAMES)[number]);
  return rows
    .sort((a, b) => order(a.username) - order(b.username))
    .map((r) => ({
      username: r.username,
      password: DEMO_PASSWORD,
      role: r.role,
      roleLabel: userRoleLabel(r.role, r.category),
      scopeName: r.scopeName,
    }));
}
