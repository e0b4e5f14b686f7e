/**
 * Issue 15: the import-format export of a node below the city holds its editable set with its history
 * and nothing else, and still stands alone — imported into an empty database it reproduces the node's
 * figures of the current year as far as they depend on its own records (not on members held elsewhere
 * who work in its territory, nor on instructors of other chains). The command line's exports (as the
 * system, `--unit`) hold no citizen ID beyond that either; the ledger holds none at all.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { loadPolicyVersions, loadSnapshot } from "@liangxin/db/snapshot";
import { openTestDb, type Db } from "@liangxin/db/driver";
import { unsafeNodeScope, type Scope } from "@liangxin/db/scope";
import {
  computeReport,
  inForce,
  MANAGEMENT_CATEGORIES,
  policyAsOf,
  type Report,
  type Snapshot,
} from "@liangxin/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  applyImport,
  exportImportWorkbook,
  planImport,
  readImportWorkbook,
  writeLedgerWorkbook,
} from "../src/index.ts";
import { demoDb, scopeOf, tmpDir, TODAY } from "./helpers.ts";

const YEAR = Number(TODAY.slice(0, 4));

/** A report with organizations named by code (ids differ between databases). */
function comparable(r: Report) {
  return {
    node: r.node.code,
    rows: r.rows.map((row) => ({
      kind: row.kind,
      code: row.code,
      name: row.name,
      indicators: row.indicators,
    })),
    total: r.total,
    annex: r.annex.map((row) => ({ code: row.code, indicators: row.indicators })),
    openingMembers: r.openingMembers,
  };
}

/** Ids whose chain of parents reaches `root` (the root included), walked in memory. */
function descendants(rows: readonly { id: number; parentId: number | null }[], root: number): Set<number> {
  const parent = new Map(rows.map((r) => [r.id, r.parentId]));
  const out = new Set<number>();
  for (const r of rows)
    for (let cur: number | null | undefined = r.id; cur != null; cur = parent.get(cur))
      if (cur === root) {
        out.add(r.id);
        break;
      }
  return out;
}

/**
 * The node's own records, computed here from the snapshot (not through the scope module or the export):
 * the members held today in its subtree with their histories, the instructors registered or dispatched by
 * it with their assignments, and the coverages between its organizations and the hosts of its territory.
 * Everything else of the city stays (it does not enter the node's figures).
 */
function ownRecords(db: Db, s: Snapshot, scope: Scope): Snapshot {
  const subtree = descendants(s.orgs, scope.org!.id);
  const territory = descendants(s.regions, scope.region!.id);
  const hosts = new Set(s.hosts.filter((h) => territory.has(h.regionId)).map((h) => h.id));
  const members = new Set(
    s.relationships
      .filter((r) => r.orgId !== null && subtree.has(r.orgId) && inForce(r.startOn, r.endOn, TODAY))
      .map((r) => r.memberId),
  );
  // The snapshot does not name an instructor's chain: read it from the table.
  const chain = db.$client
    .prepare(
      "select id, registered_by_id as registeredById, dispatch_org_id as dispatchOrgId from instructors",
    )
    .all() as { id: number; registeredById: number; dispatchOrgId: number | null }[];
  const instructors = new Set(
    chain
      .filter(
        (i) => subtree.has(i.registeredById) || (i.dispatchOrgId !== null && subtree.has(i.dispatchOrgId)),
      )
      .map((i) => i.id),
  );
  return {
    ...s,
    coverages: s.coverages.filter((c) => subtree.has(c.orgId) && hosts.has(c.hostId)),
    members: s.members.filter((m) => members.has(m.id)),
    relationships: s.relationships.filter((r) => members.has(r.memberId)),
    workplaces: s.workplaces.filter((w) => members.has(w.memberId)),
    statusEvents: s.statusEvents.filter((e) => members.has(e.memberId)),
    instructors: s.instructors.filter((i) => instructors.has(i.id)),
    assignments: s.assignments.filter((a) => instructors.has(a.instructorId)),
  };
}

/** The members whose full citizen ID appears in any cell of the workbook file. */
async function idsIn(db: Db, file: string): Promise<Set<number>> {
  const known = new Map(
    (db.$client.prepare("select id, id_number as n from members").all() as { id: number; n: string }[]).map(
      (r) => [r.n, r.id],
    ),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const found = new Set<number>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        for (const m of String(cell.text ?? "").matchAll(/[0-9]{17}[0-9X]/g)) {
          const id = known.get(m[0]);
          if (id !== undefined) found.add(id);
        }
      }),
    ),
  );
  return found;
}

describe("a county's import-format export into an empty database", () => {
  let source: Db;
  let target: Db;
  let scope: Scope;
  let file: string;

  beforeAll(async () => {
    source = await demoDb();
    scope = await scopeOf(source, "county");
    file = path.join(tmpDir(), "county-export.xlsx");
    await exportImportWorkbook(source, scope, file, { today: TODAY });
    target = openTestDb();
    const plan = await planImport(target, await readImportWorkbook(file), { today: TODAY });
    expect(plan.errors.slice(0, 10)).toEqual([]);
    await applyImport(target, plan, { userId: null, username: "test" });
  });

  it("imports without a problem and gives the county's figures of the current year from its own records", async () => {
    const own = ownRecords(source, await loadSnapshot(source), scope);
    const b = await loadSnapshot(target);
    const policy = policyAsOf(await loadPolicyVersions(source), TODAY);
    const subtree = descendants(own.orgs, scope.org!.id);
    const nodes = own.orgs.filter(
      (o) => subtree.has(o.id) && (MANAGEMENT_CATEGORIES as readonly string[]).includes(o.category),
    );
    const idInB = new Map(b.orgs.map((o) => [o.code, o.id]));
    expect(nodes.length).toBeGreaterThan(3);
    for (const node of nodes) {
      const expected = comparable(computeReport(own, node.id, YEAR, policy));
      expect(idInB.has(node.code), node.name).toBe(true);
      const actual = comparable(computeReport(b, idInB.get(node.code)!, YEAR, policy));
      expect(actual, `${node.name} ${YEAR}`).toEqual(expected);
    }
  });

  it("does not reproduce what depends on other areas' members and instructors (README)", async () => {
    const policy = policyAsOf(await loadPolicyVersions(source), TODAY);
    const a = computeReport(await loadSnapshot(source), scope.org!.id, YEAR, policy);
    const b = await loadSnapshot(target);
    const c = computeReport(b, b.orgs.find((o) => o.code === scope.org!.code)!.id, YEAR, policy);
    // Members held elsewhere who work in the county's hosts, and instructors of the city's chain.
    expect(c.total.membersEmployed!).toBeLessThan(a.total.membersEmployed!);
    expect(c.total.members).toEqual(a.total.members);
  });

  it("holds only the county's own members' citizen IDs", async () => {
    const own = ownRecords(source, await loadSnapshot(source), scope);
    expect([...(await idsIn(source, file))].sort()).toEqual(own.members.map((m) => m.id).sort());
  });
});

describe("the command line's exports (as the system)", () => {
  let db: Db;
  beforeAll(async () => {
    db = await demoDb();
  });

  it("the ledger holds no full citizen ID, for the city or a unit", async () => {
    for (const unit of [null, "G369921", "G369921101"]) {
      const file = path.join(tmpDir(), "ledger.xlsx");
      const { rows } = await writeLedgerWorkbook(db, (await unsafeNodeScope(db, unit))!, file, {
        asOf: TODAY,
      });
      expect(rows).toBeGreaterThan(0);
      expect([...(await idsIn(db, file))], String(unit)).toEqual([]);
    }
  });

  it("the import format of a unit (--unit) holds that unit's own members' citizen IDs only", async () => {
    const unitScope = (await unsafeNodeScope(db, "G369921101"))!;
    const file = path.join(tmpDir(), "unit.xlsx");
    await exportImportWorkbook(db, unitScope, file, { today: TODAY });
    const own = ownRecords(db, await loadSnapshot(db), unitScope);
    expect([...(await idsIn(db, file))].sort()).toEqual(own.members.map((m) => m.id).sort());
  });
});
