/**
 * Write generated rows through the bulk-write path (multi-row inserts, `driver/seed-bench-cli-bulk.ts`).
 * The caller opens the transaction. Ids are written as generated so that references hold.
 */
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { type Db, insertRows, type BulkValue, type ColumnKey } from "@liangxin/db/driver";
import * as tables from "@liangxin/db/schema";
import { GENERATED_TABLES } from "@liangxin/db/tables";
import type { SeedData } from "./rows.ts";

type Value = BulkValue;

const b = (v: boolean): number => (v ? 1 : 0);

interface TableSpec<R> {
  table: SQLiteTable;
  columns: readonly string[];
  values: (row: R, createdAt: string) => Value[];
}

/** The generated rows `data[key]` go into `table`, each as the values of `columns`. */
function spec<K extends keyof SeedData, T extends SQLiteTable>(
  _key: K,
  table: T,
  columns: readonly ColumnKey<T>[],
  values: (row: SeedData[K][number], createdAt: string) => Value[],
) {
  return { table, columns, values } satisfies TableSpec<SeedData[K][number]>;
}

/** Columns (the schema's keys) in the order of `values`. */
const SPECS = {
  regions: spec(
    "regions",
    tables.regions,
    ["id", "code", "name", "level", "parentId", "path", "depth"],
    (r) => [r.id, r.code, r.name, r.level, r.parentId, r.path, r.depth],
  ),
  orgs: spec(
    "orgs",
    tables.orgs,
    [
      "id",
      "code",
      "name",
      "category",
      "parentId",
      "path",
      "depth",
      "regionId",
      "formationMode",
      "foundedOn",
      "revokedOn",
      "lastElectionOn",
      "hasPartyGroups",
      "createdAt",
    ],
    (r, c) => [
      r.id,
      r.code,
      r.name,
      r.category,
      r.parentId,
      r.path,
      r.depth,
      r.regionId,
      r.formationMode,
      r.foundedOn,
      r.revokedOn,
      r.lastElectionOn,
      r.hasPartyGroups ? 1 : 0,
      c,
    ],
  ),
  reparentings: spec(
    "reparentings",
    tables.orgReparentings,
    ["id", "orgId", "fromParentId", "toParentId", "effectiveOn", "docNo", "reason", "createdAt"],
    (r, c) => [r.id, r.orgId, r.fromParentId, r.toParentId, r.effectiveOn, r.docNo, r.reason, c],
  ),
  dualLinks: spec(
    "dualLinks",
    tables.dualLinks,
    ["id", "orgId", "regionalOrgId", "startOn", "endOn"],
    (r) => [r.id, r.orgId, r.regionalOrgId, r.startOn, r.endOn],
  ),
  hosts: spec(
    "hosts",
    tables.hosts,
    [
      "id",
      "creditCode",
      "name",
      "kind",
      "industry",
      "regionId",
      "foundedOn",
      "closedOn",
      "ownerName",
      "ownerIsMember",
      "contactPhone",
      "address",
      "unionOn",
      "youthLeagueOn",
      "womenOn",
      "createdAt",
    ],
    (r, c) => [
      r.id,
      r.creditCode,
      r.name,
      r.kind,
      r.industry,
      r.regionId,
      r.foundedOn,
      r.closedOn,
      r.ownerName,
      b(r.ownerIsMember),
      r.contactPhone,
      r.address,
      r.unionOn,
      r.youthLeagueOn,
      r.womenOn,
      c,
    ],
  ),
  hostYears: spec("hostYears", tables.hostYears, ["hostId", "year", "employees", "revenueFen"], (r) => [
    r.hostId,
    r.year,
    r.employees,
    r.revenueFen,
  ]),
  coverages: spec("coverages", tables.coverages, ["id", "hostId", "orgId", "startOn", "endOn"], (r) => [
    r.id,
    r.hostId,
    r.orgId,
    r.startOn,
    r.endOn,
  ]),
  members: spec(
    "members",
    tables.members,
    [
      "id",
      "idNumber",
      "name",
      "gender",
      "birthDate",
      "joinedOn",
      "fullOn",
      "orgId",
      "outsideOrgName",
      "workHostId",
      "workSince",
      "jobCategory",
      "status",
      "statusOn",
      "mobile",
      "lostContact",
      "pocket",
      "phone",
      "createdAt",
    ],
    (r, c) => [
      r.id,
      r.idNumber,
      r.name,
      r.gender,
      r.birthDate,
      r.joinedOn,
      r.fullOn,
      r.orgId,
      r.outsideOrgName,
      r.workHostId,
      r.workSince,
      r.jobCategory,
      r.status,
      r.statusOn,
      b(r.mobile),
      b(r.lostContact),
      b(r.pocket),
      r.phone,
      c,
    ],
  ),
  relationships: spec(
    "relationships",
    tables.memberRelationships,
    ["id", "memberId", "orgId", "outsideOrgName", "startOn", "endOn"],
    (r) => [r.id, r.memberId, r.orgId, r.outsideOrgName, r.startOn, r.endOn],
  ),
  workplaces: spec(
    "workplaces",
    tables.memberWorkplaces,
    ["id", "memberId", "hostId", "startOn", "endOn"],
    (r) => [r.id, r.memberId, r.hostId, r.startOn, r.endOn],
  ),
  statusEvents: spec(
    "statusEvents",
    tables.memberStatusEvents,
    ["id", "memberId", "status", "effectiveOn", "reason", "createdAt"],
    (r, c) => [r.id, r.memberId, r.status, r.effectiveOn, r.reason, c],
  ),
  transfers: spec(
    "transfers",
    tables.transfers,
    [
      "id",
      "memberId",
      "fromOrgId",
      "toOrgId",
      "outsideOrgName",
      "requestedOn",
      "effectiveOn",
      "state",
      "decidedOn",
      "decisionReason",
      "createdAt",
    ],
    (r, c) => [
      r.id,
      r.memberId,
      r.fromOrgId,
      r.toOrgId,
      r.outsideOrgName,
      r.requestedOn,
      r.effectiveOn,
      r.state,
      r.decidedOn,
      r.decisionReason,
      c,
    ],
  ),
  applicants: spec(
    "applicants",
    tables.applicants,
    [
      "id",
      "idNumber",
      "name",
      "gender",
      "orgId",
      "workHostId",
      "appliedOn",
      "activistOn",
      "candidateOn",
      "probationaryOn",
      "fullOn",
      "memberId",
      "createdAt",
    ],
    (r, c) => [
      r.id,
      r.idNumber,
      r.name,
      r.gender,
      r.orgId,
      r.workHostId,
      r.appliedOn,
      r.activistOn,
      r.candidateOn,
      r.probationaryOn,
      r.fullOn,
      r.memberId,
      c,
    ],
  ),
  secretaries: spec(
    "secretaries",
    tables.secretaries,
    ["id", "orgId", "memberId", "startOn", "endOn"],
    (r) => [r.id, r.orgId, r.memberId, r.startOn, r.endOn],
  ),
  instructors: spec(
    "instructors",
    tables.instructors,
    [
      "id",
      "number",
      "name",
      "kind",
      "dispatchOrgId",
      "dispatchOrgName",
      "registeredById",
      "phone",
      "createdAt",
    ],
    (r, c) => [
      r.id,
      r.number,
      r.name,
      r.kind,
      r.dispatchOrgId,
      r.dispatchOrgName,
      r.registeredById,
      r.phone,
      c,
    ],
  ),
  assignments: spec(
    "assignments",
    tables.assignments,
    ["id", "instructorId", "hostId", "startOn", "endOn"],
    (r) => [r.id, r.instructorId, r.hostId, r.startOn, r.endOn],
  ),
  policies: spec(
    "policies",
    tables.policies,
    ["id", "effectiveOn", "params", "note", "createdAt"],
    (r, c) => [r.id, r.effectiveOn, JSON.stringify(r.params), r.note, c],
  ),
} as const satisfies Record<keyof SeedData, TableSpec<never>>;

export type SeedTable = (typeof GENERATED_TABLES)[number]["key"];
/** The generated tables in the order they are written (the one list's foreign-key order, `@liangxin/db/tables`). */
export const SEED_TABLES: readonly SeedTable[] = GENERATED_TABLES.map((t) => t.key);
/** SQL table name of each generated table. */
export const SQL_TABLE = Object.fromEntries(GENERATED_TABLES.map((t) => [t.key, t.name])) as Record<
  SeedTable,
  string
>;

/**
 * Insert every generated row (inside the caller's transaction), in an order that satisfies the foreign
 * keys. `createdAt` is written into the `created_at` columns so that the same seed gives the same bytes.
 */
export async function writeSeedData(
  db: Db,
  data: SeedData,
  createdAt: string,
  onTable?: (table: SeedTable, rows: number) => void,
): Promise<void> {
  for (const key of SEED_TABLES) {
    const rows = data[key] as readonly unknown[];
    const s = SPECS[key] as TableSpec<unknown>;
    await insertRows(
      db,
      s.table,
      s.columns,
      rows.map((row) => s.values(row, createdAt)),
    );
    onTable?.(key, rows.length);
  }
}
