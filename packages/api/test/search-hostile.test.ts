/**
 * Search with SQL and LIKE fragments (issue 9), over HTTP: every searchable list answers exactly the rows
 * of the caller's unfiltered list whose searched fields contain the typed text literally — "%" finds
 * only names with a "%", "' OR 1=1 --" finds nothing — and never a row outside the caller's scope.
 * The expected rows are computed here from the unfiltered list (no LIKE), not by the query under test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorld, type World } from "./fixtures-views.ts";
import { hashTables, send } from "./fuzz-kit.ts";

type Row = Record<string, unknown>;

/** Lists with a free-text search, the field it filters on, and what it searches. */
const LISTS: { path: string; param: string; fields: string[]; roles: string[] }[] = [
  { path: "hosts.list", param: "q", fields: ["name", "creditCode"], roles: ["township", "branch"] },
  { path: "orgs.list", param: "q", fields: ["name", "code"], roles: ["township", "branch"] },
  { path: "members.list", param: "q", fields: ["name", "idNumberMasked"], roles: ["township", "branch"] },
  { path: "instructors.list", param: "q", fields: ["name", "number"], roles: ["township"] },
  { path: "users.list", param: "q", fields: ["username", "displayName"], roles: ["township"] },
  { path: "audit.search", param: "username", fields: ["username"], roles: ["township"] },
];

const TYPED = [
  "%",
  "_",
  "%%",
  "\\",
  "\\%",
  "' OR 1=1 --",
  "' OR '1'='1",
  '"; DROP TABLE hosts; --',
  "%' OR '1'='1",
  "1) union select username, password_hash from users --",
  "柳林%",
  "百分_",
];

let world: World;
let pristine: string;
const marked: Record<string, { own: number; foreign: number }> = {};

beforeAll(async () => {
  world = await buildWorld();
  const db = world.db.$client;
  // Names with a literal "%" and "_": one in the township's own area, one in another county.
  const rename = (table: string, id: number, name: string) =>
    db.prepare(`update ${table} set name = ? where id = ?`).run(name, id);
  rename("hosts", world.ids.liulinHost, "柳林百分%_科技有限公司");
  rename("hosts", world.ids.foreignHost, "青山百分%_科技有限公司");
  marked.hosts = { own: world.ids.liulinHost, foreign: world.ids.foreignHost };
  const liulinMember = db
    .prepare(
      `select m.id from members m join orgs o on o.id = m.org_id
       where o.path glob (select o2.path from users u join orgs o2 on o2.id = u.org_id where u.username = 'township') || '*'
       and m.status = 'normal' order by m.id limit 1`,
    )
    .pluck()
    .get() as number;
  rename("members", liulinMember, "王百分%_");
  rename("members", world.ids.foreignMember, "李百分%_");
  marked.members = { own: liulinMember, foreign: world.ids.foreignMember };
  pristine = hashTables(world.db);
});

async function list(username: string, path: string, extra: Row): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; page < 100; page++) {
    const r = await send(world.db, world.ids.user(username), path, { page, pageSize: 200, ...extra });
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    const data = r.data as { rows: Row[]; total: number };
    rows.push(...data.rows);
    if (rows.length >= data.total || data.rows.length === 0) break;
  }
  return rows;
}

const key = (r: Row) => `${String(r.id)}|${String(r.name ?? r.username ?? "")}|${String(r.createdAt ?? "")}`;

describe("search with SQL and LIKE fragments", () => {
  for (const { path, param, fields, roles } of LISTS) {
    for (const username of roles) {
      it(`${path} as ${username}: finds literally, and only in scope`, async () => {
        const all = await list(username, path, {});
        expect(all.length).toBeGreaterThan(0);
        const ids = new Set(all.map((r) => r.id));
        for (const typed of TYPED) {
          const got = await list(username, path, { [param]: typed });
          const needle = typed.trim().toLowerCase();
          const expected = all.filter((r) =>
            fields.some((f) =>
              String(r[f] ?? "")
                .toLowerCase()
                .includes(needle),
            ),
          );
          expect(got.map(key).sort(), `${path} "${typed}"`).toEqual(expected.map(key).sort());
          for (const r of got) expect(ids.has(r.id)).toBe(true);
        }
        expect(hashTables(world.db)).toBe(pristine);
      });
    }
  }

  it("finds the township's own marked host and member by '%', never the other county's", async () => {
    for (const [path, table] of [
      ["hosts.list", "hosts"],
      ["members.list", "members"],
    ] as const) {
      const got = (await list("township", path, { q: "%" })).map((r) => r.id);
      expect(got).toContain(marked[table]?.own);
      expect(got).not.toContain(marked[table]?.foreign);
      // 青山县's administrator finds its own, not the township's.
      const far = (await list("qingshan", path, { q: "百分%_" })).map((r) => r.id);
      expect(far).toContain(marked[table]?.foreign);
      expect(far).not.toContain(marked[table]?.own);
    }
  });
});
