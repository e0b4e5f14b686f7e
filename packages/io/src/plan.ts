/**
 * planImport: resolve references (to rows of the same import or records of the database, in any order),
 * validate everything, check the domain rules on the records as they would be after the import, and
 * compute the changes (matched by 区划代码, 组织代码, 统一社会信用代码, 公民身份号码, 编号, and all key columns of
 * the dated relations; updated in place; nothing is ever deleted). Nothing is written here.
 */
import { sql, type SQL } from "drizzle-orm";
import { selectAll, selectOne, type Db } from "@liangxin/db";
import {
  clock,
  checkCoverageOverlaps,
  checkMemberRelationships,
  checkStandaloneCoverage,
  citizenIdBirthDate,
  isManagement,
  maxDate,
  yearEnd,
  type OrgCategory,
  type Snapshot,
  type Violation,
} from "@liangxin/domain";
import { ioMessages as m } from "./messages.ts";
import { TABLES, type ImportError, type Loc, type ParsedImport, type TableKey } from "./tables.ts";
import { lockErrors } from "./plan-lock.ts";
import { Work, type Change, type Counts, type RowData } from "./work.ts";

type Nullable<T> = T | null;

interface RegionW extends RowData {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: Nullable<number>;
  path: string;
  depth: number;
}
interface OrgW extends RowData {
  id: number;
  code: string;
  name: string;
  category: string;
  parentId: Nullable<number>;
  path: string;
  depth: number;
  regionId: Nullable<number>;
  formationMode: Nullable<string>;
  foundedOn: string;
  revokedOn: Nullable<string>;
  lastElectionOn: Nullable<string>;
  hasPartyGroups: number;
}
interface ReparentingW extends RowData {
  id: number;
  orgId: number;
  fromParentId: number;
  toParentId: number;
  effectiveOn: string;
  docNo: Nullable<string>;
  reason: Nullable<string>;
}
interface DualLinkW extends RowData {
  id: number;
  orgId: number;
  regionalOrgId: number;
  startOn: string;
  endOn: Nullable<string>;
}
interface HostW extends RowData {
  id: number;
  creditCode: string;
  name: string;
  kind: string;
  industry: Nullable<string>;
  regionId: number;
  foundedOn: string;
  closedOn: Nullable<string>;
  ownerName: Nullable<string>;
  ownerIsMember: number;
  unionOn: Nullable<string>;
  youthLeagueOn: Nullable<string>;
  womenOn: Nullable<string>;
}
interface HostYearW extends RowData {
  id: number;
  hostId: number;
  year: number;
  employees: number;
  revenueFen: Nullable<number>;
}
interface CoverageW extends RowData {
  id: number;
  hostId: number;
  orgId: number;
  startOn: string;
  endOn: Nullable<string>;
}
interface MemberW extends RowData {
  id: number;
  idNumber: string;
  name: string;
  gender: string;
  birthDate: Nullable<string>;
  joinedOn: string;
  fullOn: Nullable<string>;
  orgId: Nullable<number>;
  outsideOrgName: Nullable<string>;
  workHostId: Nullable<number>;
  workSince: Nullable<string>;
  jobCategory: Nullable<string>;
  status: string;
  statusOn: Nullable<string>;
  mobile: number;
  lostContact: number;
  pocket: number;
}
interface RelationshipW extends RowData {
  id: number;
  memberId: number;
  orgId: Nullable<number>;
  outsideOrgName: Nullable<string>;
  startOn: string;
  endOn: Nullable<string>;
}
interface WorkplaceW extends RowData {
  id: number;
  memberId: number;
  hostId: number;
  startOn: string;
  endOn: Nullable<string>;
}
interface StatusEventW extends RowData {
  id: number;
  memberId: number;
  status: string;
  effectiveOn: string;
}
interface SecretaryW extends RowData {
  id: number;
  orgId: number;
  memberId: number;
  startOn: string;
  endOn: Nullable<string>;
}
interface InstructorW extends RowData {
  id: number;
  number: string;
  name: string;
  kind: string;
  dispatchOrgId: Nullable<number>;
  dispatchOrgName: Nullable<string>;
  registeredById: number;
}
interface AssignmentW extends RowData {
  id: number;
  instructorId: number;
  hostId: number;
  startOn: string;
  endOn: Nullable<string>;
}

/** The stored rows of every table an import writes, as the working copies hold them. */
const LOAD = {
  regions: sql`select id, code, name, level, parent_id as parentId, path, depth from regions`,
  orgs: sql`select id, code, name, category, parent_id as parentId, path, depth, region_id as regionId,
    formation_mode as formationMode, founded_on as foundedOn, revoked_on as revokedOn,
    last_election_on as lastElectionOn, has_party_groups as hasPartyGroups from orgs`,
  reparentings: sql`select id, org_id as orgId, from_parent_id as fromParentId, to_parent_id as toParentId,
    effective_on as effectiveOn, doc_no as docNo, reason from org_reparentings`,
  dualLinks: sql`select id, org_id as orgId, regional_org_id as regionalOrgId, start_on as startOn, end_on as endOn from dual_links`,
  hosts: sql`select id, credit_code as creditCode, name, kind, industry, region_id as regionId, founded_on as foundedOn,
    closed_on as closedOn, owner_name as ownerName, owner_is_member as ownerIsMember, union_on as unionOn,
    youth_league_on as youthLeagueOn, women_on as womenOn from hosts`,
  hostYears: sql`select rowid as id, host_id as hostId, year, employees, revenue_fen as revenueFen from host_years`,
  coverages: sql`select id, host_id as hostId, org_id as orgId, start_on as startOn, end_on as endOn from coverages`,
  members: sql`select id, id_number as idNumber, name, gender, birth_date as birthDate, joined_on as joinedOn,
    full_on as fullOn, org_id as orgId, outside_org_name as outsideOrgName, work_host_id as workHostId,
    work_since as workSince, job_category as jobCategory, status, status_on as statusOn, mobile,
    lost_contact as lostContact, pocket from members`,
  relationships: sql`select id, member_id as memberId, org_id as orgId, outside_org_name as outsideOrgName, start_on as startOn,
    end_on as endOn from member_relationships`,
  workplaces: sql`select id, member_id as memberId, host_id as hostId, start_on as startOn, end_on as endOn from member_workplaces`,
  statusEvents: sql`select id, member_id as memberId, status, effective_on as effectiveOn from member_status_events`,
  secretaries: sql`select id, org_id as orgId, member_id as memberId, start_on as startOn, end_on as endOn from secretaries`,
  instructors: sql`select id, number, name, kind, dispatch_org_id as dispatchOrgId, dispatch_org_name as dispatchOrgName,
    registered_by_id as registeredById from instructors`,
  assignments: sql`select id, instructor_id as instructorId, host_id as hostId, start_on as startOn, end_on as endOn from assignments`,
} as const;

function load<T>(db: Db, query: SQL): T[] {
  return selectAll<T>(db, query);
}

const k = (...parts: (string | number | null)[]) =>
  parts.map((p) => (p === null ? "-" : String(p))).join("|");

/** The order in which changes are written (references first). */
export const WRITE_ORDER = [
  "regions",
  "orgs",
  "org_reparentings",
  "dual_links",
  "hosts",
  "host_years",
  "coverages",
  "members",
  "member_relationships",
  "member_workplaces",
  "member_status_events",
  "secretaries",
  "instructors",
  "assignments",
] as const;
export type WriteTable = (typeof WRITE_ORDER)[number];

export interface ImportPlan {
  errors: ImportError[];
  changes: Change[];
  counts: Record<WriteTable, Counts>;
  /** The database state the plan was computed on; applying to another state is refused. */
  fingerprint: string;
  rowCount: number;
}

/** A cheap fingerprint of the database state: highest ids and row counts of the tables an import writes. */
export function databaseFingerprint(db: Db): string {
  const parts = WRITE_ORDER.map((t) => {
    const r = selectOne<{ mx: number; n: number }>(
      db,
      sql`select coalesce(max(rowid), 0) as mx, count(*) as n from ${sql.identifier(t)}`,
    )!;
    return `${r.mx}:${r.n}`;
  });
  const audit = selectOne<{ mx: number }>(db, sql`select coalesce(max(id), 0) as mx from audit_log`)!;
  return [...parts, audit.mx].join(",");
}

const MANAGEMENT_WITH_TERRITORY = new Set<string>([
  "cityCommittee",
  "countyCommittee",
  "townshipCommittee",
  "parkCommittee",
]);

export interface PlanOptions {
  /** Today (ISO): the start of secretary terms replacing another, and a date of the rule checks. */
  today?: string;
  onProgress?: (done: number, total: number, stage: string) => void;
}

export function planImport(db: Db, parsed: ParsedImport, opts: PlanOptions = {}): ImportPlan {
  const today = opts.today ?? clock.today();
  const errors: ImportError[] = [...parsed.errors];
  const t = parsed.tables;
  const fingerprint = databaseFingerprint(db);
  const progress = opts.onProgress ?? (() => {});
  progress(0, 3, m.stage.validate);

  const err = (loc: Loc, column: string, value: string | number | null, reason: string) =>
    errors.push({
      sheet: loc.sheet,
      row: loc.row,
      column,
      value: value === null ? "" : String(value),
      reason,
    });
  const H = <K extends TableKey>(table: K, field: string): string =>
    TABLES[table].columns.find((c) => c.field === field)?.header ?? field;

  // Working copies of every table the import writes.
  const regions = new Work<RegionW>("regions", (r) => r.code, load(db, LOAD.regions));
  const orgs = new Work<OrgW>("orgs", (r) => r.code, load(db, LOAD.orgs));
  const reparentings = new Work<ReparentingW>(
    "org_reparentings",
    (r) => k(r.orgId, r.fromParentId, r.toParentId, r.effectiveOn),
    load(db, LOAD.reparentings),
  );
  const dualLinks = new Work<DualLinkW>(
    "dual_links",
    (r) => k(r.orgId, r.regionalOrgId, r.startOn),
    load(db, LOAD.dualLinks),
  );
  const hosts = new Work<HostW>("hosts", (r) => r.creditCode, load(db, LOAD.hosts));
  const hostYears = new Work<HostYearW>("host_years", (r) => k(r.hostId, r.year), load(db, LOAD.hostYears), [
    "hostId",
    "year",
  ]);
  const coverages = new Work<CoverageW>(
    "coverages",
    (r) => k(r.hostId, r.orgId, r.startOn),
    load(db, LOAD.coverages),
  );
  const members = new Work<MemberW>("members", (r) => r.idNumber, load(db, LOAD.members));
  const relationships = new Work<RelationshipW>(
    "member_relationships",
    (r) => k(r.memberId, r.orgId, r.startOn),
    load(db, LOAD.relationships),
  );
  const workplaces = new Work<WorkplaceW>(
    "member_workplaces",
    (r) => k(r.memberId, r.hostId, r.startOn),
    load(db, LOAD.workplaces),
  );
  const statusEvents = new Work<StatusEventW>(
    "member_status_events",
    (r) => k(r.memberId, r.status, r.effectiveOn),
    load(db, LOAD.statusEvents),
  );
  const secretaries = new Work<SecretaryW>(
    "secretaries",
    (r) => k(r.orgId, r.memberId, r.startOn),
    load(db, LOAD.secretaries),
  );
  const instructors = new Work<InstructorW>("instructors", (r) => r.number, load(db, LOAD.instructors));
  const assignments = new Work<AssignmentW>(
    "assignments",
    (r) => k(r.instructorId, r.hostId, r.startOn),
    load(db, LOAD.assignments),
  );

  /** Rejects the second row with the same key within a sheet. */
  const dedupe = () => {
    const seen = new Set<string>();
    return (key: string, loc: Loc, column: string, value: string): boolean => {
      if (seen.has(key)) {
        err(loc, column, value, m.duplicateKey(value));
        return false;
      }
      seen.add(key);
      return true;
    };
  };

  // ── 区划 ───────────────────────────────────────────────────────────────────────────────
  const regionFirst = dedupe();
  const regionRows = t.regions.filter((r) => {
    if (!/^(\d{6}|\d{9})$/.test(r.code)) {
      err(r.loc, H("regions", "code"), r.code, m.regionCodeShape);
      return false;
    }
    if ((r.code.length === 9) !== (r.level === "township")) {
      err(r.loc, H("regions", "level"), r.level, m.regionLevelMismatch);
      return false;
    }
    return regionFirst(r.code, r.loc, H("regions", "code"), r.code);
  });
  for (const r of regionRows) regions.stage(r.code, { code: r.code, name: r.name, level: r.level }, r.loc);
  for (const r of regionRows) {
    const parentCode =
      r.parentCode ??
      (r.level === "township" ? r.code.slice(0, 6) : r.level === "county" ? `${r.code.slice(0, 4)}00` : null);
    let parentId: number | null = null;
    if (parentCode !== null && parentCode !== r.code) {
      const pid = regions.idOf(parentCode);
      if (pid === undefined) err(r.loc, H("regions", "parentCode"), parentCode, m.regionParentMissing);
      else parentId = pid;
    }
    regions.set(regions.idOf(r.code)!, { parentId });
  }
  // Paths and depths of every region (ids from the root: `/1/5/23/`).
  const computePaths = <R extends { id: number; parentId: number | null; path: string; depth: number }>(
    work: Work<R & RowData>,
    onCycle: (id: number) => void,
  ) => {
    const memo = new Map<number, { path: string; depth: number } | null>();
    const visit = (id: number, trail: Set<number>): { path: string; depth: number } | null => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      const row = work.get(id);
      if (!row) return null;
      if (trail.has(id)) {
        onCycle(id);
        memo.set(id, null);
        return null;
      }
      trail.add(id);
      const parent = row.parentId === null ? { path: "/", depth: -1 } : visit(row.parentId, trail);
      const res = parent ? { path: `${parent.path}${id}/`, depth: parent.depth + 1 } : null;
      memo.set(id, res);
      return res;
    };
    for (const id of [...work.rows.keys()]) {
      const res = visit(id, new Set());
      const row = work.get(id)!;
      if (res && (row.path !== res.path || row.depth !== res.depth))
        work.set(id, { path: res.path, depth: res.depth } as Partial<R & RowData>);
    }
  };
  computePaths(regions, (id) => {
    const loc = regions.locOf.get(id);
    if (loc) err(loc, H("regions", "parentCode"), regions.get(id)?.code ?? "", m.regionCycle);
  });

  // ── 党组织 ──────────────────────────────────────────────────────────────────────────────
  const orgFirst = dedupe();
  const orgRows = t.orgs.filter((r) => {
    let ok = orgFirst(r.code, r.loc, H("orgs", "code"), r.code);
    if (r.revokedOn !== null && r.revokedOn <= r.foundedOn) {
      err(r.loc, H("orgs", "revokedOn"), r.revokedOn, m.revokedBeforeFounded);
      ok = false;
    }
    if (r.parentCode === null && r.category !== "cityCommittee") {
      err(r.loc, H("orgs", "parentCode"), "", m.parentRequired);
      ok = false;
    }
    if (r.regionCode === null && MANAGEMENT_WITH_TERRITORY.has(r.category)) {
      err(r.loc, H("orgs", "regionCode"), "", m.regionRequired);
      ok = false;
    }
    if (r.hasPartyGroups && isManagement(r.category)) {
      err(r.loc, H("orgs", "hasPartyGroups"), m.yes, m.managementGroups);
      ok = false;
    }
    return ok;
  });
  for (const r of orgRows)
    orgs.stage(
      r.code,
      {
        code: r.code,
        name: r.name,
        category: r.category,
        formationMode: r.formationMode,
        foundedOn: r.foundedOn,
        revokedOn: r.revokedOn,
        lastElectionOn: r.lastElectionOn,
        hasPartyGroups: r.hasPartyGroups ? 1 : 0,
      },
      r.loc,
    );
  const parentChanged = new Set<number>();
  for (const r of orgRows) {
    const id = orgs.idOf(r.code)!;
    let parentId: number | null = null;
    if (r.parentCode !== null) {
      const pid = orgs.idOf(r.parentCode);
      if (pid === undefined) err(r.loc, H("orgs", "parentCode"), r.parentCode, m.orgMissing);
      else parentId = pid;
    }
    let regionId: number | null = null;
    if (r.regionCode !== null) {
      const rid = regions.idOf(r.regionCode);
      if (rid === undefined) err(r.loc, H("orgs", "regionCode"), r.regionCode, m.regionMissing);
      else regionId = rid;
    }
    const orig = orgs.originalOf(id);
    if (orig && orig.parentId !== parentId) parentChanged.add(id);
    orgs.set(id, { parentId, regionId });
  }

  // ── 隶属变更 ────────────────────────────────────────────────────────────────────────────
  const reparentFirst = dedupe();
  const reparentLocs = new Map<number, Loc[]>();
  for (const r of t.reparentings) {
    const orgId = orgs.idOf(r.orgCode);
    const fromId = orgs.idOf(r.fromCode);
    const toId = orgs.idOf(r.toCode);
    if (orgId === undefined) err(r.loc, H("reparentings", "orgCode"), r.orgCode, m.orgMissing);
    if (fromId === undefined) err(r.loc, H("reparentings", "fromCode"), r.fromCode, m.orgMissing);
    if (toId === undefined) err(r.loc, H("reparentings", "toCode"), r.toCode, m.orgMissing);
    if (orgId === undefined || fromId === undefined || toId === undefined) continue;
    if (fromId === toId) {
      err(r.loc, H("reparentings", "toCode"), r.toCode, m.reparentSame);
      continue;
    }
    const key = k(orgId, fromId, toId, r.effectiveOn);
    if (!reparentFirst(key, r.loc, H("reparentings", "orgCode"), r.orgCode)) continue;
    reparentings.stage(
      key,
      {
        orgId,
        fromParentId: fromId,
        toParentId: toId,
        effectiveOn: r.effectiveOn,
        docNo: r.docNo,
        reason: r.reason,
      },
      r.loc,
    );
    const list = reparentLocs.get(orgId) ?? [];
    list.push(r.loc);
    reparentLocs.set(orgId, list);
  }
  // The history must chain up to today's superior.
  const historyOf = new Map<number, ReparentingW[]>();
  for (const r of reparentings.rows.values()) {
    const list = historyOf.get(r.orgId) ?? [];
    list.push(r);
    historyOf.set(r.orgId, list);
  }
  const checkChain = new Set<number>([...reparentLocs.keys(), ...orgRows.map((r) => orgs.idOf(r.code)!)]);
  for (const orgId of checkChain) {
    const org = orgs.get(orgId);
    if (!org) continue;
    const list = (historyOf.get(orgId) ?? []).sort((a, b) =>
      a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0,
    );
    const orgLoc = orgs.locOf.get(orgId);
    if (list.length === 0) {
      if (parentChanged.has(orgId) && orgLoc) err(orgLoc, H("orgs", "parentCode"), "", m.reparentNeeded);
      continue;
    }
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.fromParentId !== list[i - 1]!.toParentId) {
        const loc = reparentings.locOf.get(list[i]!.id) ?? orgLoc;
        if (loc)
          err(
            loc,
            H("reparentings", "fromCode"),
            orgs.get(list[i]!.fromParentId)?.code ?? "",
            m.reparentChain,
          );
      }
    }
    const last = list[list.length - 1]!;
    if (last.toParentId !== org.parentId) {
      const loc = orgLoc ?? reparentings.locOf.get(last.id);
      if (loc) err(loc, H("orgs", "parentCode"), orgs.get(org.parentId ?? -1)?.code ?? "", m.reparentLast);
    }
  }
  computePaths(orgs, (id) => {
    const loc = orgs.locOf.get(id);
    if (loc) err(loc, H("orgs", "parentCode"), orgs.get(id)?.code ?? "", m.parentCycle);
  });

  // ── 两新组织 ────────────────────────────────────────────────────────────────────────────
  const hostFirst = dedupe();
  for (const r of t.hosts) {
    if (!hostFirst(r.creditCode, r.loc, H("hosts", "creditCode"), r.creditCode)) continue;
    const regionId = regions.idOf(r.regionCode);
    if (regionId === undefined) {
      err(r.loc, H("hosts", "regionCode"), r.regionCode, m.regionMissing);
      continue;
    }
    if (regions.get(regionId)!.level !== "township") {
      err(r.loc, H("hosts", "regionCode"), r.regionCode, m.regionNotTownship);
      continue;
    }
    if (r.closedOn !== null && r.closedOn <= r.foundedOn) {
      err(r.loc, H("hosts", "closedOn"), r.closedOn, m.closedBeforeFounded);
      continue;
    }
    hosts.stage(
      r.creditCode,
      {
        creditCode: r.creditCode,
        name: r.name,
        kind: r.kind,
        industry: r.industry,
        regionId,
        foundedOn: r.foundedOn,
        closedOn: r.closedOn,
        ownerName: r.ownerName,
        ownerIsMember: r.ownerIsMember ? 1 : 0,
        unionOn: r.unionOn,
        youthLeagueOn: r.youthLeagueOn,
        womenOn: r.womenOn,
      },
      r.loc,
    );
  }
  const hostId = (code: string, loc: Loc, column: string): number | undefined => {
    const id = hosts.idOf(code);
    if (id === undefined) err(loc, column, code, m.hostMissing);
    return id;
  };
  const orgId = (code: string, loc: Loc, column: string): number | undefined => {
    const id = orgs.idOf(code);
    if (id === undefined) err(loc, column, code, m.orgMissing);
    return id;
  };

  // ── 经营数据 ────────────────────────────────────────────────────────────────────────────
  const yearFirst = dedupe();
  for (const r of t.hostYears) {
    const hid = hostId(r.creditCode, r.loc, H("hostYears", "creditCode"));
    if (hid === undefined) continue;
    const key = k(hid, r.year);
    if (!yearFirst(key, r.loc, H("hostYears", "year"), `${r.creditCode} ${r.year}`)) continue;
    hostYears.stage(
      key,
      { hostId: hid, year: r.year, employees: r.employees, revenueFen: r.revenueFen },
      r.loc,
    );
  }

  // ── 覆盖关系 ────────────────────────────────────────────────────────────────────────────
  const covFirst = dedupe();
  const coverageLocs: { hostId: number; orgId: number; loc: Loc }[] = [];
  for (const r of t.coverage) {
    const hid = hostId(r.creditCode, r.loc, H("coverage", "creditCode"));
    const oid = orgId(r.orgCode, r.loc, H("coverage", "orgCode"));
    if (hid === undefined || oid === undefined) continue;
    if (r.endOn !== null && r.endOn <= r.startOn) {
      err(r.loc, H("coverage", "endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    const key = k(hid, oid, r.startOn);
    if (!covFirst(key, r.loc, H("coverage", "creditCode"), `${r.creditCode} ${r.orgCode} ${r.startOn}`))
      continue;
    coverages.stage(key, { hostId: hid, orgId: oid, startOn: r.startOn, endOn: r.endOn }, r.loc);
    coverageLocs.push({ hostId: hid, orgId: oid, loc: r.loc });
  }

  // ── 党员 ────────────────────────────────────────────────────────────────────────────────
  const memberFirst = dedupe();
  const memberRows = t.members.filter((r) => {
    let ok = memberFirst(r.idNumber, r.loc, H("members", "idNumber"), r.idNumber);
    const fromId = citizenIdBirthDate(r.idNumber);
    if (r.birthDate !== null && fromId !== null && r.birthDate !== fromId) {
      err(r.loc, H("members", "birthDate"), r.birthDate, m.birthMismatch(fromId));
      ok = false;
    }
    if (r.fullOn !== null && r.fullOn < r.joinedOn) {
      err(r.loc, H("members", "fullOn"), r.fullOn, m.fullBeforeJoined);
      ok = false;
    }
    if (r.orgCode !== null && r.outsideOrgName !== null) {
      err(r.loc, H("members", "outsideOrgName"), r.outsideOrgName, m.relationshipBoth);
      ok = false;
    }
    if (r.orgCode === null && r.outsideOrgName === null) {
      err(r.loc, H("members", "orgCode"), "", m.relationshipNone);
      ok = false;
    }
    if (r.status !== null && r.status !== "normal" && r.statusOn === null) {
      err(r.loc, H("members", "statusOn"), "", m.statusDateRequired);
      ok = false;
    }
    return ok;
  });
  for (const r of memberRows) {
    const oid = r.orgCode === null ? null : orgId(r.orgCode, r.loc, H("members", "orgCode"));
    const wid = r.workCode === null ? null : hostId(r.workCode, r.loc, H("members", "workCode"));
    if (oid === undefined || wid === undefined) continue;
    members.stage(
      r.idNumber,
      {
        idNumber: r.idNumber,
        name: r.name,
        gender: r.gender,
        birthDate: r.birthDate ?? citizenIdBirthDate(r.idNumber),
        joinedOn: r.joinedOn,
        fullOn: r.fullOn,
        orgId: oid,
        outsideOrgName: r.outsideOrgName,
        workHostId: wid,
        workSince: wid === null ? null : (r.workSince ?? r.joinedOn),
        jobCategory: r.jobCategory,
        status: r.status ?? "normal",
        statusOn: r.statusOn,
        mobile: r.mobile ? 1 : 0,
        lostContact: r.lostContact ? 1 : 0,
        pocket: r.pocket ? 1 : 0,
      },
      r.loc,
    );
  }
  const memberId = (idNumber: string, loc: Loc, column: string): number | undefined => {
    const id = members.idOf(idNumber);
    if (id === undefined) err(loc, column, idNumber, m.memberMissing);
    return id;
  };

  // Relationship history: from 入党日期 through the transfers to today's holder.
  const transfersOf = new Map<number, { from: number | null; to: number | null; on: string; loc: Loc }[]>();
  for (const r of t.transfers) {
    const mid = memberId(r.idNumber, r.loc, H("transfers", "idNumber"));
    const from = r.fromCode === null ? null : orgId(r.fromCode, r.loc, H("transfers", "fromCode"));
    const to = r.toCode === null ? null : orgId(r.toCode, r.loc, H("transfers", "toCode"));
    if (mid === undefined || from === undefined || to === undefined) continue;
    if (from === to) {
      err(r.loc, H("transfers", "toCode"), r.toCode ?? "", m.transferSame);
      continue;
    }
    const list = transfersOf.get(mid) ?? [];
    list.push({ from, to, on: r.on, loc: r.loc });
    transfersOf.set(mid, list);
  }
  const relsOf = new Map<number, RelationshipW[]>();
  for (const r of relationships.rows.values()) {
    const list = relsOf.get(r.memberId) ?? [];
    list.push(r);
    relsOf.set(r.memberId, list);
  }
  const relMembers = new Set<number>([
    ...memberRows.flatMap((r) => members.idOf(r.idNumber) ?? []),
    ...transfersOf.keys(),
  ]);
  for (const mid of relMembers) {
    const mem = members.get(mid)!;
    const mLoc = members.locOf.get(mid) ?? transfersOf.get(mid)?.[0]?.loc;
    const trs = (transfersOf.get(mid) ?? []).sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    const existing = relsOf.get(mid) ?? [];
    if (trs.length === 0 && !members.isNew(mid)) {
      const open = existing.filter((r) => r.endOn === null);
      if (open.some((r) => r.orgId === mem.orgId)) {
        const cur = open.find((r) => r.orgId === mem.orgId)!;
        if (mem.orgId === null && cur.outsideOrgName !== mem.outsideOrgName)
          relationships.stage(
            k(mid, null, cur.startOn),
            { outsideOrgName: mem.outsideOrgName },
            mLoc ?? null,
          );
        else relationships.stage(k(mid, cur.orgId, cur.startOn), {}, mLoc ?? null);
      } else if (mLoc)
        err(mLoc, H("members", "orgCode"), orgs.get(mem.orgId ?? -1)?.code ?? "", m.transferNeeded);
      continue;
    }
    const desired: { orgId: number | null; outside: string | null; start: string; end: string | null }[] = [];
    let holder: number | null = trs.length > 0 ? trs[0]!.from : mem.orgId;
    let start = mem.joinedOn;
    let broken = false;
    for (const [i, tr] of trs.entries()) {
      if (tr.on < mem.joinedOn) {
        err(tr.loc, H("transfers", "on"), tr.on, m.transferBeforeJoined);
        broken = true;
        break;
      }
      if (i > 0 && tr.from !== holder) {
        err(tr.loc, H("transfers", "fromCode"), orgs.get(tr.from ?? -1)?.code ?? "", m.transferChain);
        broken = true;
        break;
      }
      if (tr.on > start)
        desired.push({
          orgId: holder,
          outside: holder === null ? m.outsidePlaceholder : null,
          start,
          end: tr.on,
        });
      holder = tr.to;
      start = tr.on;
    }
    if (broken) continue;
    if (holder !== mem.orgId) {
      const loc = members.locOf.get(mid) ?? trs[trs.length - 1]?.loc;
      if (loc) err(loc, H("members", "orgCode"), orgs.get(mem.orgId ?? -1)?.code ?? "", m.transferLast);
      continue;
    }
    desired.push({ orgId: holder, outside: holder === null ? mem.outsideOrgName : null, start, end: null });
    const keys = new Set<string>();
    for (const d of desired) {
      const key = k(mid, d.orgId, d.start);
      keys.add(key);
      const exists = relationships.idOf(key) !== undefined;
      const fields: Partial<RelationshipW> =
        exists && d.outside === m.outsidePlaceholder
          ? { endOn: d.end }
          : { memberId: mid, orgId: d.orgId, outsideOrgName: d.outside, startOn: d.start, endOn: d.end };
      relationships.stage(key, fields, trs[0]?.loc ?? mLoc ?? null);
    }
    const latest = desired[desired.length - 1]!.start;
    for (const r of existing)
      if (r.endOn === null && !keys.has(k(mid, r.orgId, r.startOn)) && r.startOn < latest)
        relationships.set(r.id, { endOn: latest });
  }

  // Workplaces: the 工作经历 rows and today's workplace of the 党员 row.
  const wantedWork = new Map<number, { hostId: number; start: string; end: string | null; loc: Loc }[]>();
  for (const r of t.workplaces) {
    const mid = memberId(r.idNumber, r.loc, H("workplaces", "idNumber"));
    const hid = hostId(r.creditCode, r.loc, H("workplaces", "creditCode"));
    if (mid === undefined || hid === undefined) continue;
    if (r.endOn !== null && r.endOn <= r.startOn) {
      err(r.loc, H("workplaces", "endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    const list = wantedWork.get(mid) ?? [];
    list.push({ hostId: hid, start: r.startOn, end: r.endOn, loc: r.loc });
    wantedWork.set(mid, list);
  }
  for (const r of memberRows) {
    const mid = members.idOf(r.idNumber);
    const mem = mid === undefined ? undefined : members.get(mid);
    if (!mem || mid === undefined || mem.workHostId === null) continue;
    const list = wantedWork.get(mid) ?? [];
    const start = mem.workSince ?? mem.joinedOn;
    if (!list.some((w) => w.hostId === mem.workHostId && w.start === start))
      list.push({ hostId: mem.workHostId, start, end: null, loc: r.loc });
    wantedWork.set(mid, list);
  }
  const worksOf = new Map<number, WorkplaceW[]>();
  for (const w of workplaces.rows.values()) {
    const list = worksOf.get(w.memberId) ?? [];
    list.push(w);
    worksOf.set(w.memberId, list);
  }
  for (const [mid, list] of wantedWork) {
    const keys = new Set<string>();
    let latestOpen: string | null = null;
    for (const w of list) {
      const key = k(mid, w.hostId, w.start);
      if (keys.has(key)) continue;
      keys.add(key);
      workplaces.stage(key, { memberId: mid, hostId: w.hostId, startOn: w.start, endOn: w.end }, w.loc);
      if (w.end === null && (latestOpen === null || w.start > latestOpen)) latestOpen = w.start;
    }
    if (latestOpen !== null)
      for (const w of worksOf.get(mid) ?? [])
        if (w.endOn === null && !keys.has(k(mid, w.hostId, w.startOn)) && w.startOn < latestOpen)
          workplaces.set(w.id, { endOn: latestOpen });
  }

  // Status: one event for a status other than 正常 (or back to 正常 with a date).
  const latestStatus = new Map<number, StatusEventW>();
  for (const e of statusEvents.rows.values()) {
    const cur = latestStatus.get(e.memberId);
    if (!cur || e.effectiveOn >= cur.effectiveOn) latestStatus.set(e.memberId, e);
  }
  for (const r of memberRows) {
    const mid = members.idOf(r.idNumber);
    if (mid === undefined || r.statusOn === null) continue;
    const status = r.status ?? "normal";
    if (status === "normal" && (latestStatus.get(mid)?.status ?? "normal") === "normal") continue;
    statusEvents.stage(k(mid, status, r.statusOn), { memberId: mid, status, effectiveOn: r.statusOn }, r.loc);
  }

  // Secretaries and dual-management links named in the 党组织 rows.
  const openSecretary = new Map<number, SecretaryW>();
  for (const s of secretaries.rows.values()) if (s.endOn === null) openSecretary.set(s.orgId, s);
  const openLinks = new Map<number, DualLinkW[]>();
  for (const l of dualLinks.rows.values()) {
    if (l.endOn !== null) continue;
    const list = openLinks.get(l.orgId) ?? [];
    list.push(l);
    openLinks.set(l.orgId, list);
  }
  for (const r of orgRows) {
    const oid = orgs.idOf(r.code)!;
    const org = orgs.get(oid)!;
    if (r.secretaryId !== null) {
      const mid = members.idOf(r.secretaryId);
      if (mid === undefined) err(r.loc, H("orgs", "secretaryId"), r.secretaryId, m.secretaryNotMember);
      else {
        const cur = openSecretary.get(oid);
        if (cur && cur.memberId === mid) secretaries.stage(k(oid, mid, cur.startOn), {}, r.loc);
        else {
          let start = maxDate(org.foundedOn, members.get(mid)!.joinedOn);
          if (cur) {
            start = maxDate(today, start);
            if (cur.startOn < start) secretaries.set(cur.id, { endOn: start });
          }
          secretaries.stage(
            k(oid, mid, start),
            { orgId: oid, memberId: mid, startOn: start, endOn: null },
            r.loc,
          );
        }
      }
    }
    if (r.dualCode !== null) {
      const rid = orgId(r.dualCode, r.loc, H("orgs", "dualCode"));
      if (rid !== undefined) {
        const cur = (openLinks.get(oid) ?? []).find((l) => l.regionalOrgId === rid);
        const start = cur?.startOn ?? maxDate(org.foundedOn, orgs.get(rid)!.foundedOn);
        dualLinks.stage(
          k(oid, rid, start),
          cur ? {} : { orgId: oid, regionalOrgId: rid, startOn: start, endOn: null },
          r.loc,
        );
      }
    }
  }

  // ── 党建指导员 and 指导关系 ─────────────────────────────────────────────────────────────
  const managementAncestor = (id: number): number | null => {
    let cur = orgs.get(id);
    const seen = new Set<number>();
    while (cur && !seen.has(cur.id)) {
      if (isManagement(cur.category as OrgCategory)) return cur.id;
      seen.add(cur.id);
      cur = cur.parentId === null ? undefined : orgs.get(cur.parentId);
    }
    return null;
  };
  const instructorFirst = dedupe();
  for (const r of t.instructors) {
    if (!instructorFirst(r.number, r.loc, H("instructors", "number"), r.number)) continue;
    if (r.dispatchCode !== null && r.dispatchName !== null) {
      err(r.loc, H("instructors", "dispatchName"), r.dispatchName, m.dispatchBoth);
      continue;
    }
    if (r.dispatchCode === null && r.dispatchName === null) {
      err(r.loc, H("instructors", "dispatchCode"), "", m.dispatchNone);
      continue;
    }
    if (r.dispatchName !== null && r.registeredCode === null) {
      err(r.loc, H("instructors", "registeredCode"), "", m.registeredRequired);
      continue;
    }
    const dispatchId =
      r.dispatchCode === null ? null : orgId(r.dispatchCode, r.loc, H("instructors", "dispatchCode"));
    if (dispatchId === undefined) continue;
    let registeredById: number | null | undefined =
      r.registeredCode === null ? null : orgId(r.registeredCode, r.loc, H("instructors", "registeredCode"));
    if (registeredById === undefined) continue;
    if (registeredById !== null && !isManagement(orgs.get(registeredById)!.category as OrgCategory)) {
      err(r.loc, H("instructors", "registeredCode"), r.registeredCode, m.registeredNotManagement);
      continue;
    }
    registeredById ??= dispatchId === null ? null : managementAncestor(dispatchId);
    if (registeredById === null) {
      err(r.loc, H("instructors", "registeredCode"), "", m.registeredRequired);
      continue;
    }
    instructors.stage(
      r.number,
      {
        number: r.number,
        name: r.name,
        kind: r.kind,
        dispatchOrgId: dispatchId,
        dispatchOrgName: r.dispatchName,
        registeredById,
      },
      r.loc,
    );
  }
  const assignFirst = dedupe();
  for (const r of t.assignments) {
    const iid = instructors.idOf(r.number);
    if (iid === undefined) err(r.loc, H("assignments", "number"), r.number, m.instructorMissing);
    const hid = hostId(r.creditCode, r.loc, H("assignments", "creditCode"));
    if (iid === undefined || hid === undefined) continue;
    if (r.endOn !== null && r.endOn <= r.startOn) {
      err(r.loc, H("assignments", "endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    const key = k(iid, hid, r.startOn);
    if (!assignFirst(key, r.loc, H("assignments", "number"), `${r.number} ${r.creditCode} ${r.startOn}`))
      continue;
    assignments.stage(key, { instructorId: iid, hostId: hid, startOn: r.startOn, endOn: r.endOn }, r.loc);
  }

  progress(1, 3, m.stage.rules);

  // ── The domain rules on the records as they would be after the import ──────────────────
  if (errors.length === 0) {
    const snapshot: Snapshot = {
      regions: [...regions.rows.values()].map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        level: r.level as Snapshot["regions"][number]["level"],
        parentId: r.parentId,
      })),
      orgs: [...orgs.rows.values()].map((o) => ({
        id: o.id,
        code: o.code,
        name: o.name,
        category: o.category as OrgCategory,
        parentId: o.parentId,
        regionId: o.regionId,
        formationMode: o.formationMode as Snapshot["orgs"][number]["formationMode"],
        foundedOn: o.foundedOn,
        revokedOn: o.revokedOn,
      })),
      reparentings: [...reparentings.rows.values()],
      dualLinks: [...dualLinks.rows.values()],
      hosts: [...hosts.rows.values()].map((h) => ({
        id: h.id,
        creditCode: h.creditCode,
        name: h.name,
        kind: h.kind as Snapshot["hosts"][number]["kind"],
        regionId: h.regionId,
        foundedOn: h.foundedOn,
        closedOn: h.closedOn,
        unionOn: h.unionOn,
        youthLeagueOn: h.youthLeagueOn,
        womenOn: h.womenOn,
      })),
      hostYears: [...hostYears.rows.values()],
      coverages: [...coverages.rows.values()],
      members: [...members.rows.values()].map((x) => ({ id: x.id, joinedOn: x.joinedOn, fullOn: x.fullOn })),
      relationships: [...relationships.rows.values()],
      workplaces: [...workplaces.rows.values()],
      statusEvents: [...statusEvents.rows.values()].map((e) => ({
        memberId: e.memberId,
        status: e.status as Snapshot["statusEvents"][number]["status"],
        effectiveOn: e.effectiveOn,
      })),
      instructors: [...instructors.rows.values()],
      assignments: [...assignments.rows.values()],
    };
    const touchedHosts = new Set(coverageLocs.map((c) => c.hostId));
    const touchedOrgs = new Set(coverageLocs.map((c) => c.orgId));
    for (const id of hosts.locOf.keys()) touchedHosts.add(id);
    const memberName = (id: number) => members.get(id)?.name ?? String(id);
    const describe = (v: Violation): { loc: Loc | null; rows: string } => {
      const locs: Loc[] = [];
      const hs = v.refs?.hostIds ?? [];
      const os = v.refs?.orgIds ?? [];
      for (const c of coverageLocs)
        if (hs.includes(c.hostId) && (os.length === 0 || os.includes(c.orgId))) locs.push(c.loc);
      for (const id of v.refs?.memberIds ?? []) {
        const loc = members.locOf.get(id);
        if (loc) locs.push(loc);
        for (const tr of transfersOf.get(id) ?? []) locs.push(tr.loc);
      }
      if (locs.length === 0) for (const id of hs) if (hosts.locOf.get(id)) locs.push(hosts.locOf.get(id)!);
      const bySheet = new Map<string, number[]>();
      for (const l of locs) bySheet.set(l.sheet, [...(bySheet.get(l.sheet) ?? []), l.row]);
      const rows = [...bySheet]
        .map(([s, rs]) =>
          m.rowRef(
            s,
            [...new Set(rs)].sort((a, b) => a - b),
          ),
        )
        .join(";");
      return { loc: locs[0] ?? null, rows };
    };
    const report = (v: Violation) => {
      const { loc, rows } = describe(v);
      errors.push({
        sheet: loc?.sheet ?? "",
        row: loc?.row ?? null,
        column: "",
        value: v.refs?.date ?? "",
        reason: m.rule(v.message, rows),
      });
    };
    for (const v of checkCoverageOverlaps(snapshot))
      if (v.level === "error" && (v.refs?.hostIds ?? []).some((h) => touchedHosts.has(h))) report(v);
    for (const v of checkStandaloneCoverage(snapshot))
      if (
        v.level === "error" &&
        ((v.refs?.orgIds ?? []).some((o) => touchedOrgs.has(o)) ||
          (v.refs?.hostIds ?? []).some((h) => touchedHosts.has(h)))
      )
        report(v);
    const touchedMembers = new Set<number>([...members.locOf.keys(), ...transfersOf.keys()]);
    const year = Number(today.slice(0, 4));
    const dates = [today, yearEnd(year - 1), yearEnd(year - 2), yearEnd(year - 3)];
    const reported = new Set<number>();
    for (const d of dates)
      for (const v of checkMemberRelationships(snapshot, d, memberName)) {
        const id = v.refs?.memberIds?.[0];
        if (id === undefined || !touchedMembers.has(id) || reported.has(id)) continue;
        reported.add(id);
        report(v);
      }
  }
  progress(2, 3, m.stage.rules);

  const works = [
    regions,
    orgs,
    reparentings,
    dualLinks,
    hosts,
    hostYears,
    coverages,
    members,
    relationships,
    workplaces,
    statusEvents,
    secretaries,
    instructors,
    assignments,
  ] as const;
  const changes: Change[] = [];
  const counts = {} as Record<WriteTable, Counts>;
  for (const w of works) {
    const res = w.finish();
    // One by one: spreading a city's hundreds of thousands of changes into push() overflows the stack.
    for (const c of res.changes) changes.push(c);
    counts[w.table as WriteTable] = res.counts;
  }
  // The period lock: a change of an approved year refuses the whole import, naming its rows.
  const rowOf = (table: string, id: number): RowData | undefined =>
    works.find((w) => w.table === table)?.get(id);
  for (const e of lockErrors(db, changes, rowOf)) errors.push(e);
  progress(3, 3, m.stage.rules);
  return {
    errors,
    changes: errors.length > 0 ? [] : changes,
    counts,
    fingerprint,
    rowCount: parsed.rowCount,
  };
}
