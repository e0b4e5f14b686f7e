/**
 * The shape of an access-matrix row and the small lookups the rows share. A row names the outcome in
 * each role's own area; `foreign` calls the procedure on records of another area (NOT_FOUND for every
 * signed-in role). Lookups are SQL on the seeded demo city, so a row reads which record it uses.
 */
import { type Db } from "@liangxin/db/driver";
import { ROLES, TODAY, type Caller, type Role, type World } from "./fixtures-views.ts";

export type Outcome = "ok" | "NOT_FOUND" | "FORBIDDEN" | "UNAUTHORIZED" | "BAD_REQUEST";
export type SignedIn = Exclude<Role, "anonymous">;
export type Call = (c: Caller, role: Role, w: World, db: Db) => Promise<unknown>;

export interface Entry {
  /** Expected outcome in the role's own area (anonymous is always UNAUTHORIZED). */
  expect: Record<SignedIn, Outcome>;
  own: Call;
  /** The same procedure on records of another area: NOT_FOUND for every signed-in role. */
  foreign?: Call | readonly Call[];
  mutates?: boolean;
}

export const ADMINS = ["city", "county", "township", "industry"] as const;

export const allow = (
  ok: readonly SignedIn[],
  denied: Outcome = "NOT_FOUND",
  overrides: Partial<Record<SignedIn, Outcome>> = {},
): Entry["expect"] => {
  const out = {} as Entry["expect"];
  for (const r of ROLES) if (r !== "anonymous") out[r] = ok.includes(r) ? "ok" : denied;
  return { ...out, ...overrides };
};

/** An id that exists nowhere: the city sees everything, so its "another area" is a missing record. */
export const NONE = 99_999_999;

export { TODAY };

/** One value of a query; a missing fixture fails loudly rather than testing the wrong thing. */
export function val<T = number>(db: Db, sql: string, ...params: unknown[]): T {
  const v = db.$client
    .prepare(sql)
    .pluck()
    .get(...params) as T | undefined;
  if (v === undefined) throw new Error(`matrix fixture missing: ${sql} ${JSON.stringify(params)}`);
  return v;
}

/** The account whose area a role's own call uses: the owner and the anonymous caller try the township's. */
export const actingAs = (r: Role): string => (r === "owner" || r === "anonymous" ? "township" : r);

/** The organization a role's account is bound to (the owner: the township's node). */
export const nodeOf = (db: Db, r: Role): number =>
  val(db, "select org_id from users where username = ?", actingAs(r));

/** GLOB of a role's subordination subtree. */
export const subtreeOf = (db: Db, r: Role): string =>
  `${val<string>(db, "select o.path from users u join orgs o on o.id = u.org_id where u.username = ?", actingAs(r))}*`;

/** GLOB of the other county (青山县): "another area" for every role but the city. */
export const foreignSubtree = (db: Db, w: World): string =>
  `${val<string>(db, "select path from orgs where id = ?", w.ids.foreignOrg)}*`;

export const GRASSROOTS_SQL = "('committee','generalBranch','branch','jointBranch')";

/** The first grassroots organization (in force) of a subtree. */
export const grassroots = (db: Db, glob: string): number =>
  val(
    db,
    `select id from orgs where path glob ? and category in ${GRASSROOTS_SQL} and revoked_on is null order by id limit 1`,
    glob,
  );

export const versionOf = (db: Db, table: "hosts" | "orgs" | "members", id: number): number =>
  val(db, `select version from ${table} where id = ?`, id);
