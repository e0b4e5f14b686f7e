/**
 * The scope promise, over every procedure (issue 15): each procedure is read from the router and replayed
 * over HTTP with each role's valid call of the access matrix. In every answer —
 * - each record it names by id (`hostId`, `orgId`, `memberId`, `instructorId`, and the rows of the ledger
 *   lists) is in the caller's sets as the scope module computes them (editable, reference, counted, own,
 *   or named only: a header beside the caller's own records);
 * - no host or organization outside those sets appears by name (except the exact-key lookups, which
 *   answer a name on purpose and are audited);
 * - no valid GB 11643 citizen ID appears in full, except the audited reveal (members.unmask); mutation
 *   answers and the audit search included.
 * The route handlers under app/api (CSV lists, exports, report workbooks) are held by the same checks in
 * e2e/tests/scope-downloads.spec.ts. On PostgreSQL too: `LIANGXIN_TEST_ENGINE=pglite` (see sql-kit.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { isValidCitizenId } from "@liangxin/domain";
import { loadScope, scopeSets, type ScopeSets } from "@liangxin/db/scope";
import { writeTransaction } from "@liangxin/db/driver";
import { buildWorld, ROLES, TODAY, type World } from "./fixtures-views.ts";
import { httpCaller, procedurePaths, procedureType, rolledBack, type HttpResult } from "./fuzz-kit.ts";
import { MATRIX } from "./matrix.ts";
import type { SignedIn } from "./matrix-kit.ts";
import { all, ENGINE } from "./sql-kit.ts";

/** Procedures that answer a name outside the sets on purpose: a lookup by exact key, audited. */
const NAME_BY_KEY = new Set(["orgs.lookup", "hosts.lookup"]);
/** The audited reveal of one citizen ID. */
const REVEAL = new Set(["members.unmask"]);
/** What the `id` of a list's rows is. */
const ROW_KIND: Record<string, Kind> = {
  "hosts.list": "host",
  "orgs.list": "org",
  "members.list": "member",
  "instructors.list": "instructor",
};
type Kind = "host" | "org" | "member" | "instructor";
const KEY_KIND: Record<string, Kind> = {
  hostId: "host",
  orgId: "org",
  memberId: "member",
  instructorId: "instructor",
};

let world: World;
const visible = new Map<SignedIn, Record<Kind, Set<number>>>();
let hostNames: Map<string, number[]>;
let orgNames: Map<string, number[]>;

function union(...sets: Set<number>[]): Set<number> {
  const out = new Set<number>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}

function byName(rows: { id: number; name: string }[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const r of rows) m.set(r.name, [...(m.get(r.name) ?? []), r.id]);
  return m;
}

beforeAll(async () => {
  world = await buildWorld();
  const db = world.db;
  for (const role of ROLES) {
    if (role === "anonymous") continue;
    const scope = (await loadScope(db, world.ids.user(role)))!;
    const s: ScopeSets = await scopeSets({ db, scope, today: TODAY });
    visible.set(role, {
      host: union(s.hosts.editable, s.hosts.reference, s.hosts.own, s.named.hosts),
      org: union(s.orgs.editable, s.orgs.reference, s.named.orgs),
      member: union(s.members.editable, s.members.counted),
      instructor: union(s.instructors.editable, s.instructors.reference),
    });
  }
  hostNames = byName(await all<{ id: number; name: string }>(db, "select id, name from hosts"));
  orgNames = byName(await all<{ id: number; name: string }>(db, "select id, name from orgs"));
}, 120_000);

/** Every string and every (key, number) pair of an answer. */
function walk(v: unknown, onString: (s: string) => void, onId: (key: string, id: number) => void): void {
  if (typeof v === "string") onString(v);
  else if (Array.isArray(v)) for (const x of v) walk(x, onString, onId);
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === "number" && k in KEY_KIND) onId(k, x);
      walk(x, onString, onId);
    }
  }
}

function violations(path: string, role: SignedIn, r: HttpResult): string[] {
  const out: string[] = [];
  if (!REVEAL.has(path))
    for (const m of r.text.matchAll(/\d{17}[\dX]/g))
      if (isValidCitizenId(m[0])) out.push(`${path} as ${role}: a full citizen ID ${m[0].slice(0, 6)}…`);
  if (procedureType(path) !== "query") return out;
  const sets = visible.get(role)!;
  const seen = (kind: Kind, id: number) => sets[kind].has(id);
  walk(
    r.data,
    (s) => {
      if (NAME_BY_KEY.has(path)) return;
      const hosts = hostNames.get(s);
      if (hosts && !hosts.some((id) => seen("host", id))) out.push(`${path} as ${role}: host name ${s}`);
      const orgs = orgNames.get(s);
      if (orgs && !orgs.some((id) => seen("org", id))) out.push(`${path} as ${role}: organization name ${s}`);
    },
    (key, id) => {
      if (NAME_BY_KEY.has(path)) return;
      const kind = KEY_KIND[key]!;
      if (!seen(kind, id)) out.push(`${path} as ${role}: ${key} ${id}`);
    },
  );
  const kind = ROW_KIND[path];
  const rows = (r.data as { rows?: { id: number | null }[] } | null)?.rows;
  if (kind && rows)
    for (const row of rows)
      if (row.id !== null && !seen(kind, row.id)) out.push(`${path} as ${role}: row ${row.id}`);
  return out;
}

describe("every answer stays within the caller's sets and masks citizen IDs", () => {
  for (const path of procedurePaths()) {
    const onEngine = ENGINE === "sqlite" || MATRIX[path]?.sqliteOnly === undefined;
    (onEngine ? it : it.skip)(path, async () => {
      const row = MATRIX[path];
      expect(row, `no access-matrix row for ${path}`).toBeDefined();
      const found: string[] = [];
      let answered = 0;
      for (const role of ROLES) {
        if (role === "anonymous" || row!.expect[role] !== "ok") continue;
        await rolledBack(world.db, async () => {
          const c = httpCaller(world.db, world.ids.user(role), {
            seen: (p, r) => {
              if (r.status !== 200) return;
              answered++;
              found.push(...violations(p, role, r));
            },
          });
          await row!.own(c, role, world, world.db);
        });
      }
      expect(found).toEqual([]);
      if (procedureType(path) === "query") expect(answered).toBeGreaterThan(0);
    });
  }
});

describe("the audit log after every kind of change", () => {
  it("shows no full citizen ID to any administrator (before and after included)", async () => {
    const found: string[] = [];
    await rolledBack(world.db, async () => {
      // Every mutation of the matrix, as each role allowed to make it (a refusal on the way is fine).
      for (const path of procedurePaths()) {
        const row = MATRIX[path];
        if (!row || procedureType(path) === "query") continue;
        if (ENGINE !== "sqlite" && row.sqliteOnly !== undefined) continue;
        for (const role of ROLES) {
          if (role === "anonymous" || row.expect[role] !== "ok") continue;
          const c = httpCaller(world.db, world.ids.user(role), {});
          try {
            // On PostgreSQL a failed statement ends the transaction it is in: each row in a savepoint there.
            if (ENGINE === "sqlite") await row.own(c, role, world, world.db);
            else await writeTransaction(world.db, () => row.own(c, role, world, world.db));
          } catch {
            // A fixture made twice (a row's own arrangement) or a refusal on the way: the entries made stay
            // (on PostgreSQL: those of the rows that went through).
          }
        }
      }
      // The city's administrator sees every entry (a mutation on the way may have disabled another one).
      let read = 0;
      const c = httpCaller(world.db, world.ids.user("city"), {
        seen: (p, r) => {
          if (r.status === 200) found.push(...violations(p, "city", r));
        },
      });
      for (let page = 1; page <= 50; page++) {
        const res = (await c.audit.search({ page, pageSize: 200 })) as { rows: unknown[] };
        read += res.rows.length;
        if (res.rows.length < 200) break;
      }
      expect(read).toBeGreaterThan(50);
    });
    expect(found).toEqual([]);
  }, 600_000);
});
