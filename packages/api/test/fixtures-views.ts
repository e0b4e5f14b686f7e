/**
 * Shared arrangement of the role tests: the demo city seeded once, callers per role, record ids.
 *
 * The world is seeded into SQLite (in memory); on PGlite (`LIANGXIN_TEST_ENGINE=pglite`, sql-kit.ts) it is
 * then copied into a fresh PGlite database (`copyInto`, as `liangxin copy` does), which is faster than
 * seeding PGlite itself, and the world's `db` is that one. The seeded SQLite stays as `lookup`: the sync
 * id lookups of `ids` read it (the copy keeps every id).
 */
import { DEFAULT_POLICY } from "@liangxin/domain";
import { DEMO_TODAY, seedDemo } from "@liangxin/seed/demo";
import { cloneDb } from "@liangxin/db/queries";
import { createUser } from "@liangxin/db/auth";
import { copyInto } from "@liangxin/db/copy";
import { openTestPglite } from "@liangxin/db/pg";
import { openTestDb, pgliteDb, writeTransaction, type Db } from "@liangxin/db/driver";
import { createContext } from "../src/context.ts";
import { createCaller } from "../src/root.ts";
import { ENGINE, first, isPg, run, type Param } from "./sql-kit.ts";

export const TODAY = DEMO_TODAY;
export const ROLES = ["city", "county", "township", "industry", "branch", "owner", "anonymous"] as const;
export type Role = (typeof ROLES)[number];
export type Caller = ReturnType<typeof createCaller>;

export interface World {
  /** The seeded database on the engine of the run. */
  db: Db;
  /** The seeded SQLite database (the same rows as `db`, ids included), for the sync lookups of `ids`. */
  lookup: Db;
  ids: {
    /** Management nodes by name. */
    node: (name: string) => number;
    user: (username: string) => number;
    crossJoint: number;
    /** A host of 石桥镇 covered by 柳林镇's joint branch. */
    crossHost: number;
    /** A host of 柳林镇 (township A's own territory). */
    liulinHost: number;
    /** A host, an organization and a member of 青山县 (outside 清河县). */
    foreignHost: number;
    foreignOrg: number;
    foreignMember: number;
    foreignInstructor: number;
    ownerHost: number;
  };
}

/** A value of the seeded SQLite (the world is built there, and `ids` looks up synchronously). */
function one(db: Db, sql: string, ...params: Param[]): number {
  const v = db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as number | undefined;
  if (v === undefined) throw new Error(`fixture missing: ${sql}`);
  return v;
}

const inForce = (a: string) =>
  `(${a}.start_on <= '${TODAY}' and (${a}.end_on is null or '${TODAY}' < ${a}.end_on))`;

export async function buildWorld(): Promise<World> {
  const db = openTestDb();
  await seedDemo(db, { pastReports: false });
  const node = (name: string) =>
    one(db, "select id from orgs where name like ? order by depth limit 1", `%${name}%`);
  const code = (id: number) => one(db, "select code from orgs where id = ?", id) as unknown as string;
  // Extra accounts for the boundary cases: township B (石桥镇), the park, 青山县, a secretary under 行业党委.
  const shiqiao = node("石桥镇");
  const qingshan = node("青山县");
  const industry = one(db, "select id from orgs where category = 'industryCommittee' limit 1");
  const industrySecOrg = one(
    db,
    "select id from orgs where parent_id = ? and category in ('branch','jointBranch') and revoked_on is null order by id limit 1",
    industry,
  );
  const extra: [string, "admin" | "secretary", number][] = [
    ["shiqiao", "admin", shiqiao],
    ["qingshan", "admin", qingshan],
    ["indsec", "secretary", industrySecOrg],
  ];
  for (const [username, role, orgId] of extra)
    await createUser(db, {
      username,
      displayName: username,
      password: "Demo@2026",
      role,
      orgCode: code(orgId),
    });
  // The city opened the 2026 reporting window on 1 November (a dated policy version, issue 18), so that the
  // access matrix can submit, return, approve and reopen the demo's current year.
  await run(
    db,
    "insert into policies (effective_on, params, note, created_at) values (?, ?, ?, ?)",
    "2026-11-01",
    JSON.stringify({ ...DEFAULT_POLICY, reportEarlyOpenDays: 61 }),
    "2026年年报提前开放",
    "2026-11-01T00:00:00.000Z",
  );
  const crossJoint = one(db, "select id from orgs where name like '%柳林镇非公企业第一联合支部%'");
  const crossHost = one(
    db,
    `select c.host_id from coverages c join hosts h on h.id = c.host_id join regions r on r.id = h.region_id
     where c.org_id = ? and r.name = '石桥镇' and ${inForce("c")} order by h.id limit 1`,
    crossJoint,
  );
  const qsRegionPath = one(
    db,
    "select r.path from regions r join orgs o on o.region_id = r.id where o.id = ?",
    qingshan,
  ) as unknown as string;
  const foreignHost = one(
    db,
    `select h.id from hosts h join regions r on r.id = h.region_id where r.path like ? and h.closed_on is null order by h.id limit 1`,
    `${qsRegionPath}%`,
  );
  const qsPath = one(db, "select path from orgs where id = ?", qingshan) as unknown as string;
  const foreignMember = one(
    db,
    `select m.id from members m join orgs o on o.id = m.org_id where o.path like ? and (m.work_host_id is null or
       m.work_host_id in (select h.id from hosts h join regions r on r.id = h.region_id where r.path like ?)) order by m.id limit 1`,
    `${qsPath}%`,
    `${qsRegionPath}%`,
  );
  const foreignInstructor = one(
    db,
    `select i.id from instructors i join orgs o on o.id = i.registered_by_id where o.path like ?
       and not exists(select 1 from assignments a join hosts h on h.id = a.host_id join regions r on r.id = h.region_id
                      where a.instructor_id = i.id and r.path not like ?) order by i.id limit 1`,
    `${qsPath}%`,
    `${qsRegionPath}%`,
  );
  const liulinHost = one(
    db,
    `select h.id from hosts h join regions r on r.id = h.region_id where r.name = '柳林镇' and h.closed_on is null order by h.id limit 1`,
  );
  const ownerHost = one(db, "select host_id from users where username = 'owner'");
  return {
    db: ENGINE === "pglite" ? await onPglite(db) : db,
    lookup: db,
    ids: {
      node,
      user: (u) => one(db, "select id from users where username = ?", u),
      crossJoint,
      crossHost,
      liulinHost,
      foreignHost,
      foreignOrg: qingshan,
      foreignMember,
      foreignInstructor,
      ownerHost,
    },
  };
}

/** A copy of the seeded SQLite in a fresh PGlite database (about 3 s to start, and the copy). */
async function onPglite(seeded: Db): Promise<Db> {
  const pg = pgliteDb((await openTestPglite()).$client);
  await copyInto(seeded, pg);
  return pg;
}

export function callerOn(db: Db, username: string | null): Caller {
  return createCaller(
    (async () => {
      const userId =
        username == null
          ? null
          : ((await first(db, "select id from users where username = ?", username)) ?? null);
      return createContext({ db, userId, today: TODAY });
    })(),
  );
}

/** Thrown to end `onCopy`'s transaction: always rolled back. */
class RolledBack extends Error {}

/**
 * Run `fn` on a database of its own that starts as `db` and is thrown away afterwards: a write transaction
 * on `db` that is always rolled back (copying the seeded demo per row cost most of the access matrix's
 * time). The procedures' own transactions are savepoints of it (on PGlite's one connection a separate one
 * too: see pg-db.ts `Backend.single`), so what a procedure commits is seen by the rest of `fn` and undone at
 * the end. On SQLite, should the transaction have ended inside `fn` (SQLite rolls a whole transaction back
 * on some errors, and what followed would have been committed), `db` may no longer be the seeded world:
 * that fails the row rather than the rows after it. `fresh` (SQLite): a copy in memory (`cloneDb`) instead,
 * for a row whose work leaves the connection (a child process on a file copy of the database).
 */
export async function onCopy<T>(
  db: Db,
  fn: (copy: Db) => Promise<T>,
  opts: { fresh?: boolean } = {},
): Promise<T> {
  if (!isPg(db)) {
    if (opts.fresh) return fn(cloneDb(db));
    const client = db.$client;
    if (client.inTransaction) throw new Error("onCopy: a transaction is already open on the world");
    client.exec("BEGIN IMMEDIATE");
    let result: T;
    try {
      result = await fn(db);
    } catch (e) {
      if (client.inTransaction) client.exec("ROLLBACK");
      throw e;
    }
    if (!client.inTransaction)
      throw new Error("onCopy: the transaction ended inside the row; the world may have changed");
    client.exec("ROLLBACK");
    return result;
  }
  let out: T | undefined;
  try {
    await writeTransaction(db, async (tx) => {
      out = await fn(tx);
      throw new RolledBack();
    });
  } catch (e) {
    if (!(e instanceof RolledBack)) throw e;
  }
  return out as T;
}

export { cloneDb };
