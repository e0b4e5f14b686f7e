/**
 * Write generated rows with prepared statements (raw better-sqlite3: one prepare per table, one run per
 * row). The caller opens the transaction. Ids are written as generated so that references hold.
 */
import type Database from "better-sqlite3";
import type { SeedData } from "./rows.ts";

type Value = string | number | null;

const b = (v: boolean): number => (v ? 1 : 0);

interface TableSpec<R> {
  table: string;
  columns: readonly string[];
  values: (row: R, createdAt: string) => Value[];
}

function spec<R>(table: string, columns: readonly string[], values: (row: R, createdAt: string) => Value[]) {
  return { table, columns, values } satisfies TableSpec<R>;
}

/** Column lists in the order of `values`; snake_case as in the migration. */
const SPECS = {
  regions: spec<SeedData["regions"][number]>(
    "regions",
    ["id", "code", "name", "level", "parent_id", "path", "depth"],
    (r) => [r.id, r.code, r.name, r.level, r.parentId, r.path, r.depth],
  ),
  orgs: spec<SeedData["orgs"][number]>(
    "orgs",
    [
      "id",
      "code",
      "name",
      "category",
      "parent_id",
      "path",
      "depth",
      "region_id",
      "formation_mode",
      "founded_on",
      "revoked_on",
      "last_election_on",
      "has_party_groups",
      "created_at",
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
  reparentings: spec<SeedData["reparentings"][number]>(
    "org_reparentings",
    ["id", "org_id", "from_parent_id", "to_parent_id", "effective_on", "doc_no", "reason", "created_at"],
    (r, c) => [r.id, r.orgId, r.fromParentId, r.toParentId, r.effectiveOn, r.docNo, r.reason, c],
  ),
  dualLinks: spec<SeedData["dualLinks"][number]>(
    "dual_links",
    ["id", "org_id", "regional_org_id", "start_on", "end_on"],
    (r) => [r.id, r.orgId, r.regionalOrgId, r.startOn, r.endOn],
  ),
  hosts: spec<SeedData["hosts"][number]>(
    "hosts",
    [
      "id",
      "credit_code",
      "name",
      "kind",
      "industry",
      "region_id",
      "founded_on",
      "closed_on",
      "owner_name",
      "owner_is_member",
      "contact_phone",
      "address",
      "union_on",
      "youth_league_on",
      "women_on",
      "created_at",
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
  hostYears: spec<SeedData["hostYears"][number]>(
    "host_years",
    ["host_id", "year", "employees", "revenue"],
    (r) => [r.hostId, r.year, r.employees, r.revenue],
  ),
  coverages: spec<SeedData["coverages"][number]>(
    "coverages",
    ["id", "host_id", "org_id", "start_on", "end_on"],
    (r) => [r.id, r.hostId, r.orgId, r.startOn, r.endOn],
  ),
  members: spec<SeedData["members"][number]>(
    "members",
    [
      "id",
      "id_number",
      "name",
      "gender",
      "birth_date",
      "joined_on",
      "full_on",
      "org_id",
      "outside_org_name",
      "work_host_id",
      "work_since",
      "job_category",
      "status",
      "status_on",
      "mobile",
      "lost_contact",
      "pocket",
      "phone",
      "created_at",
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
  relationships: spec<SeedData["relationships"][number]>(
    "member_relationships",
    ["id", "member_id", "org_id", "outside_org_name", "start_on", "end_on"],
    (r) => [r.id, r.memberId, r.orgId, r.outsideOrgName, r.startOn, r.endOn],
  ),
  workplaces: spec<SeedData["workplaces"][number]>(
    "member_workplaces",
    ["id", "member_id", "host_id", "start_on", "end_on"],
    (r) => [r.id, r.memberId, r.hostId, r.startOn, r.endOn],
  ),
  statusEvents: spec<SeedData["statusEvents"][number]>(
    "member_status_events",
    ["id", "member_id", "status", "effective_on", "reason", "created_at"],
    (r, c) => [r.id, r.memberId, r.status, r.effectiveOn, r.reason, c],
  ),
  transfers: spec<SeedData["transfers"][number]>(
    "transfers",
    [
      "id",
      "member_id",
      "from_org_id",
      "to_org_id",
      "outside_org_name",
      "requested_on",
      "effective_on",
      "state",
      "decided_on",
      "decision_reason",
      "created_at",
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
  applicants: spec<SeedData["applicants"][number]>(
    "applicants",
    [
      "id",
      "id_number",
      "name",
      "gender",
      "org_id",
      "work_host_id",
      "applied_on",
      "activist_on",
      "candidate_on",
      "probationary_on",
      "full_on",
      "member_id",
      "created_at",
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
  secretaries: spec<SeedData["secretaries"][number]>(
    "secretaries",
    ["id", "org_id", "member_id", "start_on", "end_on"],
    (r) => [r.id, r.orgId, r.memberId, r.startOn, r.endOn],
  ),
  instructors: spec<SeedData["instructors"][number]>(
    "instructors",
    [
      "id",
      "number",
      "name",
      "kind",
      "dispatch_org_id",
      "dispatch_org_name",
      "registered_by_id",
      "phone",
      "created_at",
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
  assignments: spec<SeedData["assignments"][number]>(
    "assignments",
    ["id", "instructor_id", "host_id", "start_on", "end_on"],
    (r) => [r.id, r.instructorId, r.hostId, r.startOn, r.endOn],
  ),
  policies: spec<SeedData["policies"][number]>(
    "policies",
    ["id", "effective_on", "params", "note", "created_at"],
    (r, c) => [r.id, r.effectiveOn, JSON.stringify(r.params), r.note, c],
  ),
} as const;

export type SeedTable = keyof typeof SPECS;
export const SEED_TABLES = Object.keys(SPECS) as SeedTable[];
/** SQL table name of each generated table. */
export const SQL_TABLE: Record<SeedTable, string> = Object.fromEntries(
  SEED_TABLES.map((k) => [k, SPECS[k].table]),
) as Record<SeedTable, string>;

function insertAll<R>(
  sqlite: Database.Database,
  s: TableSpec<R>,
  rows: readonly R[],
  createdAt: string,
): void {
  if (rows.length === 0) return;
  const stmt = sqlite.prepare(
    `insert into ${s.table} (${s.columns.join(", ")}) values (${s.columns.map(() => "?").join(", ")})`,
  );
  for (const row of rows) stmt.run(s.values(row, createdAt));
}

/**
 * Insert every generated row (inside the caller's transaction), in an order that satisfies the foreign
 * keys. `createdAt` is written into the `created_at` columns so that the same seed gives the same bytes.
 */
export function writeSeedData(
  sqlite: Database.Database,
  data: SeedData,
  createdAt: string,
  onTable?: (table: SeedTable, rows: number) => void,
): void {
  for (const key of SEED_TABLES) {
    const rows = data[key] as readonly unknown[];
    insertAll(sqlite, SPECS[key] as TableSpec<unknown>, rows, createdAt);
    onTable?.(key, rows.length);
  }
}
