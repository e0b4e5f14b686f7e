/**
 * The shape of an access-matrix row and the small lookups the rows share. A row names the outcome in
 * each role's own area; `foreign` calls the procedure on records of another area (NOT_FOUND for every
 * signed-in role). Lookups are SQL (sql-kit: either engine) on the seeded demo city, so a row reads which record it uses.
 */
import { type Db } from "@liangxin/db/driver";
import { one } from "./sql-kit.ts";
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
  /** Why the row runs on SQLite only (not on PGlite, `LIANGXIN_TEST_ENGINE=pglite`). */
  sqliteOnly?: string;
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

/**
 * A list's CSV download read to its end (in process, where the procedure's answer carries `open`); over
 * HTTP only the file's name is answered.
 */
export async function download(
  answer: Promise<{ fileName: string; open?: () => Promise<ReadableStream<Uint8Array>> }>,
): Promise<string> {
  const d = await answer;
  if (typeof d.open !== "function") return d.fileName;
  return new Response(await d.open()).text();
}

/** An id that exists nowhere: the city sees everything, so its "another area" is a missing record. */
export const NONE = 99_999_999;

export { TODAY };

/** One value of a query; a missing fixture fails loudly rather than testing the wrong thing. */
export const val = one;

/** The account whose area a role's own call uses: the owner and the anonymous caller try the township's. */
export const actingAs = (r: Role): string => (r === "owner" || r === "anonymous" ? "township" : r);

/** The organization a role's account is bound to (the owner: the township's node). */
export const nodeOf = (db: Db, r: Role): Promise<number> =>
  val(db, "select org_id from users where username = ?", actingAs(r));

/** LIKE pattern of a role's subordination subtree. */
export const subtreeOf = async (db: Db, r: Role): Promise<string> =>
  `${await val<string>(db, "select o.path from users u join orgs o on o.id = u.org_id where u.username = ?", actingAs(r))}%`;

/** LIKE pattern of the other county (青山县): "another area" for every role but the city. */
export const foreignSubtree = async (db: Db, w: World): Promise<string> =>
  `${await val<string>(db, "select path from orgs where id = ?", w.ids.foreignOrg)}%`;

export const GRASSROOTS_SQL = "('committee','generalBranch','branch','jointBranch')";

/** The first grassroots organization (in force) of a subtree. */
export const grassroots = (db: Db, subtree: string): Promise<number> =>
  val(
    db,
    `select id from orgs where path like ? and category in ${GRASSROOTS_SQL} and revoked_on is null order by id limit 1`,
    subtree,
  );

export const versionOf = (db: Db, table: "hosts" | "orgs" | "members", id: number): Promise<number> =>
  val(db, `select version from ${table} where id = ?`, id);
