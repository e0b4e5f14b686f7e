/**
 * The scope promise over the route handlers under app/api (issue 15): for every demo role, every CSV list,
 * the ledger and import-format workbooks and the report workbook, downloaded over real HTTP, name no host or
 * organization outside the caller's sets (the scope module's, computed on the e2e server's own database),
 * and carry no full citizen ID — except the import-format export, the audited right of city and county
 * administrators, whose IDs are those of the members they hold.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { isValidCitizenId } from "@liangxin/domain";
import { loadScope, scopeSets } from "@liangxin/db/scope";
import { openDb, type Db } from "@liangxin/db/driver";
import { E2E_TODAY, E2E_YEAR } from "./clock.ts";
import { exportViaJob } from "./export-jobs.ts";
import { loginAndWait } from "./helpers.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const dbFile = path.join(here, "..", ".tmp", "e2e.db");

const ROLES = ["city", "county", "township", "industry", "branch", "owner"] as const;
type Role = (typeof ROLES)[number];

interface Allowed {
  hostNames: Set<string>;
  orgNames: Set<string>;
  memberIds: Set<string>;
}

let db: Db;
let hostsByName: Map<string, number[]>;
let orgsByName: Map<string, number[]>;

test.beforeAll(() => {
  db = openDb(dbFile);
  const byName = (t: string) => {
    const m = new Map<string, number[]>();
    for (const r of db.$client.prepare(`select id, name from ${t}`).all() as { id: number; name: string }[])
      m.set(r.name, [...(m.get(r.name) ?? []), r.id]);
    return m;
  };
  hostsByName = byName("hosts");
  orgsByName = byName("orgs");
});

test.afterAll(() => db?.$client.close());

async function allowedFor(role: Role): Promise<Allowed> {
  const userId = db.$client.prepare("select id from users where username = ?").pluck().get(role) as number;
  const scope = (await loadScope(db, userId))!;
  const s = await scopeSets({ db, scope, today: E2E_TODAY });
  const names = (table: string, ...sets: Set<number>[]) => {
    const ids = [...new Set(sets.flatMap((x) => [...x]))];
    const rows = db.$client
      .prepare(`select name from ${table} where id in (select value from json_each(?))`)
      .pluck()
      .all(JSON.stringify(ids)) as string[];
    return new Set(rows);
  };
  // The full IDs the import-format export may hold: below the city, those of the members it edits (issue 15);
  // the city's top node exports the whole database (every member ever recorded, those who left the city
  // included), as it is the root of both trees.
  const memberIds = (
    db.$client
      .prepare("select o.parent_id is null from users u join orgs o on o.id = u.org_id where u.id = ?")
      .pluck()
      .get(userId) === 1
      ? db.$client.prepare("select id_number from members").pluck().all()
      : db.$client
          .prepare("select id_number from members where id in (select value from json_each(?))")
          .pluck()
          .all(JSON.stringify([...s.members.editable]))
  ) as string[];
  return {
    hostNames: names("hosts", s.hosts.editable, s.hosts.reference, s.hosts.own, s.named.hosts),
    orgNames: names("orgs", s.orgs.editable, s.orgs.reference, s.named.orgs),
    memberIds: new Set(memberIds),
  };
}

/** Every text cell of a workbook, or every field of a CSV. */
async function texts(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<string[]> {
  const type = res.headers()["content-type"] ?? "";
  const body = await res.body();
  if (type.includes("csv"))
    return body
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .flatMap((line) => line.split(",").map((f) => f.replace(/^"|"$/g, "").replace(/""/g, '"')));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text ?? c.value ?? "")))));
  return out;
}

function problems(label: string, values: string[], allowed: Allowed, fullIds: "none" | "held"): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (hostsByName.has(v) && !allowed.hostNames.has(v)) out.push(`${label}: host ${v}`);
    if (orgsByName.has(v) && !allowed.orgNames.has(v)) out.push(`${label}: organization ${v}`);
    for (const m of v.matchAll(/\d{17}[\dX]/g)) {
      if (!isValidCitizenId(m[0])) continue;
      if (fullIds === "none" || !allowed.memberIds.has(m[0]))
        out.push(`${label}: citizen ID ${m[0].slice(0, 6)}…`);
    }
  }
  return out;
}

for (const role of ROLES) {
  test(`${role}: every download stays within the caller's sets and masks citizen IDs`, async ({ page }) => {
    test.setTimeout(240_000);
    await loginAndWait(page, role);
    const allowed = await allowedFor(role);
    const found: string[] = [];
    let downloads = 0;
    const origin = new URL(page.url()).origin;
    const fetchAll = async (url: string, fullIds: "none" | "held" = "none") => {
      // The ledger and import-format exports run as jobs (issue 20): started, waited for, then fetched.
      const format = /^export:(ledger|import)$/.exec(url)?.[1] as "ledger" | "import" | undefined;
      const res = format ? await exportViaJob(page.request, origin, format) : await page.request.get(url);
      if (res.status() === 404 || res.status() === 403) return res.status();
      expect(res.status(), url).toBe(200);
      downloads++;
      found.push(...problems(`${role} ${url}`, await texts(res), allowed, fullIds));
      return 200;
    };
    for (const list of ["hosts", "orgs", "members", "instructors"]) await fetchAll(`/api/lists/${list}`);
    await fetchAll("export:ledger");
    const full = await fetchAll("export:import", "held");
    expect(full === 200, "the import format is the right of city and county administrators").toBe(
      role === "city" || role === "county",
    );
    await fetchAll(`/api/reports/${E2E_YEAR - 1}/xlsx`);
    expect(found).toEqual([]);
    if (role === "owner") expect(downloads).toBe(0);
    else expect(downloads).toBeGreaterThanOrEqual(4);
  });
}
