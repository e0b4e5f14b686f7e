/**
 * Scope first, then rules. An administrator below the city imports only within its editable set (the
 * scope module's sets as of today): organizations of its subtree, hosts of its territory, members it may
 * edit, instructors of its chain, and the dated relations of those. Before any rule is checked, every row
 * of the file is judged by the records it names by key (统一社会信用代码, 组织代码, 公民身份号码, 编号): a row
 * that refers to a record outside the set, or would put one there, gets one message that names only the
 * sheet and row of the caller's own file — whether or not it equals the stored row, so that an import
 * tells nothing of another area's values — and is left out of the rule checks, which then run on the rows
 * within scope only. A new record is within scope when what it hangs on is (a new organization's
 * superior, a new host's township, a new member's organization or, held outside the city, its workplace).
 *
 * Rows a caller's own export holds beyond its set are let through when they change nothing: the headers
 * of its superiors and the regions (as stored). And where its export writes a reference to another area
 * as outside (a member's workplace in another area's host left blank, an earlier relationship in another
 * area's organization as outside the city), a file that says just that keeps what is stored, so that a
 * county's export imports back into its own database without any change.
 *
 * The city's top node imports everything.
 */
import { sql, type SQL } from "drizzle-orm";
import { scopeSets, scopeSql, type Scope, type ScopeSets } from "@liangxin/db/scope";
import { selectAll, type Db } from "@liangxin/db/driver";
import { ioMessages as m } from "./messages.ts";
import { idsOfPath, isCityNode } from "./scope.ts";
import type { ImportError, Loc, ParsedImport, ParsedTables, RowTypes } from "./tables.ts";
import { transferRows, type TransferCells } from "./transfers.ts";

export interface ScopeGate {
  /** The rows within scope (the rest removed), with the references to other areas kept as stored. */
  parsed: ParsedImport;
  /** One error per row outside the scope, sheet by sheet in the template's order. */
  errors: ImportError[];
}

/** Where a record named by key stands for the caller. */
type Standing = "in" | "out" | "missing";

interface OrgRec {
  id: number;
  code: string;
  name: string;
  category: string;
  parentId: number | null;
  regionId: number | null;
  formationMode: string | null;
  foundedOn: string;
  revokedOn: string | null;
  lastElectionOn: string | null;
  hasPartyGroups: number;
}
interface RegionRec {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: number | null;
}
interface HostRec {
  id: number;
  regionId: number;
}
interface MemberRec {
  id: number;
  orgId: number | null;
  workHostId: number | null;
  workSince: string | null;
}
interface InstructorRec {
  id: number;
  registeredById: number;
  dispatchOrgId: number | null;
}

function all<T>(db: Db, query: SQL): Promise<T[]> {
  return selectAll<T>(db, query);
}

export async function scopeGate(
  db: Db,
  parsed: ParsedImport,
  scope: Scope,
  today: string,
): Promise<ScopeGate> {
  if (await isCityNode(db, scope)) return { parsed, errors: [] };
  const t = parsed.tables;
  const errors: ImportError[] = [];
  const outside = (loc: Loc) =>
    errors.push({ sheet: loc.sheet, row: loc.row, column: "", value: "", reason: m.outOfScopeRow });
  if (!scope.org) {
    for (const rows of Object.values(t) as { loc: Loc }[][]) for (const r of rows) outside(r.loc);
    return { parsed: { ...parsed, tables: emptyTables(t) }, errors };
  }
  const sets: ScopeSets = await scopeSets({ db, scope, today });
  const within = scopeSql(scope, today).within;

  // The stored records, by key.
  const regions = new Map<string, RegionRec>();
  const regionById = new Map<number, RegionRec>();
  for (const r of await all<RegionRec>(
    db,
    sql`select id, code, name, level, parent_id as parentId from regions`,
  )) {
    regions.set(r.code, r);
    regionById.set(r.id, r);
  }
  const territory = new Set(
    (await all<{ id: number }>(db, sql`select r.id from regions r where ${within.territory("r")}`)).map(
      (r) => r.id,
    ),
  );
  const orgs = new Map<string, OrgRec>();
  const orgById = new Map<number, OrgRec>();
  for (const o of await all<OrgRec>(
    db,
    sql`select id, code, name, category, parent_id as parentId, region_id as regionId, formation_mode as formationMode,
       founded_on as foundedOn, revoked_on as revokedOn, last_election_on as lastElectionOn,
       has_party_groups as hasPartyGroups from orgs`,
  )) {
    orgs.set(o.code, o);
    orgById.set(o.id, o);
  }
  const superiors = new Set(idsOfPath(scope.org.path).filter((id) => id !== scope.org?.id));
  const hosts = new Map<string, HostRec>();
  const hostCodeOf = new Map<number, string>();
  for (const h of await all<HostRec & { creditCode: string }>(
    db,
    sql`select id, credit_code as creditCode, region_id as regionId from hosts`,
  )) {
    hosts.set(h.creditCode, h);
    hostCodeOf.set(h.id, h.creditCode);
  }
  const members = new Map<string, MemberRec>();
  for (const x of await all<MemberRec & { idNumber: string }>(
    db,
    sql`select id, id_number as idNumber, org_id as orgId, work_host_id as workHostId, work_since as workSince from members`,
  ))
    members.set(x.idNumber, x);
  const instructors = new Map<string, InstructorRec>();
  for (const i of await all<InstructorRec & { number: string }>(
    db,
    sql`select id, number, registered_by_id as registeredById, dispatch_org_id as dispatchOrgId from instructors`,
  ))
    instructors.set(i.number, i);

  // ── Where each key stands: stored records by the sets, new ones of the file by what they hang on ──
  const orgEditable = (id: number) => sets.orgs.editable.has(id);
  const hostEditable = (id: number) => sets.hosts.editable.has(id);
  const memberEditable = (x: MemberRec) =>
    sets.members.editable.has(x.id) ||
    // Held outside the city's tree: recorded by the territory of its workplace (as in the ledger commands).
    (x.orgId === null && x.workHostId !== null && hostEditable(x.workHostId));
  const regionStanding = (code: string | null): Standing => {
    if (code === null) return "missing";
    const r = regions.get(code);
    return r === undefined ? "missing" : territory.has(r.id) ? "in" : "out";
  };

  const orgRows = new Map<string, RowTypes["orgs"]>();
  for (const r of t.orgs) if (!orgRows.has(r.code)) orgRows.set(r.code, r);
  const orgMemo = new Map<string, Standing>();
  const orgStanding = (code: string | null, trail = new Set<string>()): Standing => {
    if (code === null) return "missing";
    const known = orgMemo.get(code);
    if (known) return known;
    const stored = orgs.get(code);
    let s: Standing;
    if (stored) s = orgEditable(stored.id) ? "in" : "out";
    else {
      const row = orgRows.get(code);
      if (!row || trail.has(code)) s = "missing";
      else {
        trail.add(code);
        const parent = orgStanding(row.parentCode, trail);
        s = parent === "missing" ? "in" : parent;
        if (s === "in" && regionStanding(row.regionCode) === "out") s = "out";
      }
    }
    orgMemo.set(code, s);
    return s;
  };

  const hostRows = new Map<string, RowTypes["hosts"]>();
  for (const r of t.hosts) if (!hostRows.has(r.creditCode)) hostRows.set(r.creditCode, r);
  const hostStanding = (code: string | null): Standing => {
    if (code === null) return "missing";
    const stored = hosts.get(code);
    if (stored) return hostEditable(stored.id) ? "in" : "out";
    const row = hostRows.get(code);
    if (!row) return "missing";
    return regionStanding(row.regionCode) === "out" ? "out" : "in";
  };

  const memberRows = new Map<string, RowTypes["members"]>();
  for (const r of t.members) if (!memberRows.has(r.idNumber)) memberRows.set(r.idNumber, r);
  const memberStanding = (idNumber: string | null): Standing => {
    if (idNumber === null) return "missing";
    const stored = members.get(idNumber);
    if (stored) return memberEditable(stored) ? "in" : "out";
    const row = memberRows.get(idNumber);
    if (!row) return "missing";
    const holder = row.orgCode !== null ? orgStanding(row.orgCode) : hostStanding(row.workCode);
    return holder === "out" ? "out" : "in";
  };

  const instructorRows = new Map<string, RowTypes["instructors"]>();
  for (const r of t.instructors) if (!instructorRows.has(r.number)) instructorRows.set(r.number, r);
  const chainStanding = (registered: Standing, dispatch: Standing): Standing =>
    registered === "in" || dispatch === "in"
      ? "in"
      : registered === "out" || dispatch === "out"
        ? "out"
        : "missing";
  const instructorStanding = (number: string): Standing => {
    const stored = instructors.get(number);
    if (stored) return sets.instructors.editable.has(stored.id) ? "in" : "out";
    const row = instructorRows.get(number);
    if (!row) return "missing";
    const s = chainStanding(orgStanding(row.registeredCode), orgStanding(row.dispatchCode));
    return s === "missing" ? "in" : s;
  };

  // Leaders by name and unit: a stored one by the node that keeps it, a new one by its row's.
  const leaders = new Map<string, number>();
  for (const l of await all<{ name: string; unit: string; registeredById: number }>(
    db,
    sql`select name, unit, registered_by_id as registeredById from leaders`,
  ))
    leaders.set(`${l.name}|${l.unit}`, l.registeredById);
  const leaderRows = new Map<string, RowTypes["leaders"]>();
  for (const r of t.leaders)
    if (!leaderRows.has(`${r.name}|${r.unit}`)) leaderRows.set(`${r.name}|${r.unit}`, r);
  const leaderStanding = (name: string, unit: string): Standing => {
    const stored = leaders.get(`${name}|${unit}`);
    if (stored !== undefined) return orgEditable(stored) ? "in" : "out";
    const row = leaderRows.get(`${name}|${unit}`);
    return row ? orgStanding(row.registeredCode) : "missing";
  };
  const subjectStanding = (r: { orgCode: string | null; creditCode: string | null }) =>
    orgStanding(r.orgCode) !== "out" && hostStanding(r.creditCode) !== "out";

  // The node that assesses an instructor: the dispatching organization, else the registering node.
  const assessorStanding = (number: string): Standing => {
    const stored = instructors.get(number);
    if (stored) return orgEditable(stored.dispatchOrgId ?? stored.registeredById) ? "in" : "out";
    const row = instructorRows.get(number);
    return row ? orgStanding(row.dispatchCode ?? row.registeredCode) : "missing";
  };

  const coveragePairs = new Set(
    (await all<{ h: number; o: number }>(db, sql`select host_id as h, org_id as o from coverages`)).map(
      (c) => `${c.h}|${c.o}`,
    ),
  );
  const assignmentPairs = new Set(
    (
      await all<{ i: number; h: number }>(db, sql`select instructor_id as i, host_id as h from assignments`)
    ).map((a) => `${a.i}|${a.h}`),
  );

  // ── Each sheet's rows ────────────────────────────────────────────────────────────────────
  const keep = <K extends keyof ParsedTables>(key: K, inScope: (r: ParsedTables[K][number]) => boolean) =>
    (t[key] as ParsedTables[K][number][]).filter((r) => {
      const ok = inScope(r);
      if (!ok) outside(r.loc);
      return ok;
    }) as ParsedTables[K];
  const codeOfRegion = (id: number | null) => (id === null ? null : (regionById.get(id)?.code ?? null));
  const codeOfOrg = (id: number | null) => (id === null ? null : (orgById.get(id)?.code ?? null));

  const tables: ParsedTables = {
    // Regions are the city's: a row that changes nothing passes, any other is outside.
    regions: keep("regions", (r) => {
      const stored = regions.get(r.code);
      if (!stored) return false;
      const parentCode =
        r.parentCode ??
        (r.level === "township"
          ? r.code.slice(0, 6)
          : r.level === "county"
            ? `${r.code.slice(0, 4)}00`
            : null);
      const storedParent = codeOfRegion(stored.parentId);
      return (
        stored.name === r.name &&
        stored.level === r.level &&
        (parentCode === r.code ? null : parentCode) === storedParent
      );
    }),
    orgs: keep("orgs", (r) => {
      const stored = orgs.get(r.code);
      // A superior's header as the caller's own export writes it, unchanged.
      if (stored && superiors.has(stored.id))
        return (
          r.secretaryId === null &&
          r.dualCode === null &&
          stored.name === r.name &&
          stored.category === r.category &&
          codeOfOrg(stored.parentId) === r.parentCode &&
          codeOfRegion(stored.regionId) === r.regionCode &&
          stored.formationMode === r.formationMode &&
          stored.foundedOn === r.foundedOn &&
          stored.revokedOn === r.revokedOn &&
          stored.lastElectionOn === r.lastElectionOn &&
          (stored.hasPartyGroups === 1) === (r.hasPartyGroups === true)
        );
      if (orgStanding(r.code) === "out") return false;
      // Moved under a superior, or into a territory, outside the set.
      if (stored) {
        if (codeOfOrg(stored.parentId) !== r.parentCode && orgStanding(r.parentCode) === "out") return false;
        if (codeOfRegion(stored.regionId) !== r.regionCode && regionStanding(r.regionCode) === "out")
          return false;
      }
      return memberStanding(r.secretaryId) !== "out" && orgStanding(r.dualCode) !== "out";
    }),
    reparentings: keep("reparentings", (r) => orgStanding(r.orgCode) !== "out"),
    hosts: keep(
      "hosts",
      (r) => hostStanding(r.creditCode) !== "out" && regionStanding(r.regionCode) !== "out",
    ),
    hostYears: keep("hostYears", (r) => hostStanding(r.creditCode) !== "out"),
    coverage: keep("coverage", (r) => {
      const h = hostStanding(r.creditCode);
      const o = orgStanding(r.orgCode);
      if (h === "in" && o === "in") return true;
      const hostId = hosts.get(r.creditCode)?.id;
      const orgId = orgs.get(r.orgCode)?.id;
      if ((h === "in" || o === "in") && coveragePairs.has(`${hostId}|${orgId}`)) return true;
      return h !== "out" && o !== "out";
    }),
    members: keep("members", (r) => {
      if (memberStanding(r.idNumber) === "out") return false;
      const stored = members.get(r.idNumber);
      // Moved to an organization outside the set (leaving the city is the caller's to record).
      if (stored && codeOfOrg(stored.orgId) !== r.orgCode && orgStanding(r.orgCode) === "out") return false;
      return true;
    }),
    transfers: keep("transfers", (r) => memberStanding(r.idNumber) !== "out"),
    workplaces: keep("workplaces", (r) => memberStanding(r.idNumber) !== "out"),
    instructors: keep("instructors", (r) => {
      if (instructorStanding(r.number) === "out") return false;
      // Handed to a chain outside the set.
      return chainStanding(orgStanding(r.registeredCode), orgStanding(r.dispatchCode)) !== "out";
    }),
    assignments: keep("assignments", (r) => {
      const i = instructorStanding(r.number);
      if (i === "out") return false;
      const host = hosts.get(r.creditCode);
      if (!host) return hostStanding(r.creditCode) !== "out";
      const instructorId = instructors.get(r.number)?.id;
      return (
        hostEditable(host.id) ||
        sets.hosts.reference.has(host.id) ||
        assignmentPairs.has(`${instructorId}|${host.id}`)
      );
    }),
    // The five basics: the organization's (a shared venue's: its runner's) and the member's.
    committee: keep(
      "committee",
      (r) => orgStanding(r.orgCode) !== "out" && memberStanding(r.idNumber) !== "out",
    ),
    reserveCadres: keep(
      "reserveCadres",
      (r) => orgStanding(r.orgCode) !== "out" && memberStanding(r.idNumber) !== "out",
    ),
    secretaryProfiles: keep(
      "secretaryProfiles",
      (r) => orgStanding(r.orgCode) !== "out" && memberStanding(r.idNumber) !== "out",
    ),
    allowances: keep(
      "allowances",
      (r) => orgStanding(r.orgCode) !== "out" && memberStanding(r.idNumber) !== "out",
    ),
    venues: keep("venues", (r) => orgStanding(r.orgCode) !== "out" && orgStanding(r.runByCode) !== "out"),
    venueLinks: keep(
      "venueLinks",
      (r) => orgStanding(r.runByCode) !== "out" && orgStanding(r.orgCode) !== "out",
    ),
    orgRules: keep("orgRules", (r) => orgStanding(r.orgCode) !== "out"),
    funds: keep("funds", (r) => orgStanding(r.orgCode) !== "out"),
    // The cadre work: the organizer's, the assessing or reviewing node's, each person's and unit's.
    trainings: keep("trainings", (r) => orgStanding(r.organizerCode) !== "out"),
    trainingParticipants: keep(
      "trainingParticipants",
      (r) =>
        orgStanding(r.organizerCode) !== "out" &&
        memberStanding(r.idNumber) !== "out" &&
        (r.instructorNumber === null || instructorStanding(r.instructorNumber) !== "out") &&
        hostStanding(r.ownerCreditCode) !== "out",
    ),
    instructorAssessments: keep(
      "instructorAssessments",
      (r) =>
        instructorStanding(r.number) !== "out" &&
        assessorStanding(r.number) !== "out" &&
        orgStanding(r.assessedByCode) !== "out",
    ),
    secretaryReviews: keep(
      "secretaryReviews",
      (r) =>
        orgStanding(r.orgCode) !== "out" &&
        memberStanding(r.idNumber) !== "out" &&
        orgStanding(r.reviewedByCode) !== "out",
    ),
    fiveGood: keep(
      "fiveGood",
      (r) => orgStanding(r.orgCode) !== "out" && orgStanding(r.reviewerCode) !== "out",
    ),
    showcases: keep("showcases", (r) => subjectStanding(r) && orgStanding(r.namedByCode) !== "out"),
    leaders: keep(
      "leaders",
      (r) => leaderStanding(r.name, r.unit) !== "out" && orgStanding(r.registeredCode) !== "out",
    ),
    contactPoints: keep(
      "contactPoints",
      (r) => leaderStanding(r.leaderName, r.leaderUnit) !== "out" && subjectStanding(r),
    ),
    contactVisits: keep(
      "contactVisits",
      (r) => leaderStanding(r.leaderName, r.leaderUnit) !== "out" && subjectStanding(r),
    ),
  };

  // ── What the caller's export writes as outside keeps what is stored ─────────────────────────
  for (const r of tables.members) {
    const stored = members.get(r.idNumber);
    if (
      stored &&
      r.workCode === null &&
      r.workSince === null &&
      stored.workHostId !== null &&
      !hostEditable(stored.workHostId)
    ) {
      r.workCode = hostCodeOf.get(stored.workHostId) ?? null;
      r.workSince = stored.workSince;
    }
  }
  const fileTransfers = new Map<number, typeof tables.transfers>();
  for (const r of tables.transfers) {
    const stored = members.get(r.idNumber);
    if (!stored) continue;
    const list = fileTransfers.get(stored.id) ?? [];
    list.push(r);
    fileTransfers.set(stored.id, list);
  }
  if (fileTransfers.size > 0) {
    const relsOf = new Map<number, { orgId: number | null; startOn: string }[]>();
    for (const r of await all<{ memberId: number; orgId: number | null; startOn: string }>(
      db,
      sql`select member_id as memberId, org_id as orgId, start_on as startOn from member_relationships
          order by member_id, start_on, id`,
    )) {
      if (!fileTransfers.has(r.memberId)) continue;
      const list = relsOf.get(r.memberId) ?? [];
      list.push(r);
      relsOf.set(r.memberId, list);
    }
    const inFile = (id: number | null) =>
      id !== null && (orgEditable(id) || superiors.has(id)) ? codeOfOrg(id) : null;
    const key = (x: TransferCells) => `${x.fromCode ?? ""}|${x.toCode ?? ""}|${x.on}`;
    const replaced = new Map<number, typeof tables.transfers>();
    for (const [memberId, rows] of fileTransfers) {
      const rels = relsOf.get(memberId) ?? [];
      const asExported = transferRows(rels, inFile).map(key).sort();
      const given = rows.map(key).sort();
      if (asExported.length !== given.length || asExported.some((k, i) => k !== given[i])) continue;
      const stored = transferRows(rels, codeOfOrg);
      replaced.set(
        memberId,
        stored.map((x, i) => ({ ...x, idNumber: rows[0]!.idNumber, loc: (rows[i] ?? rows[0]!).loc })),
      );
    }
    if (replaced.size > 0) {
      const done = new Set<number>();
      tables.transfers = tables.transfers.flatMap((r) => {
        const id = members.get(r.idNumber)?.id;
        const list = id === undefined ? undefined : replaced.get(id);
        if (!list || id === undefined) return [r];
        if (done.has(id)) return [];
        done.add(id);
        return list;
      });
    }
  }

  return { parsed: { ...parsed, tables }, errors };
}

function emptyTables(t: ParsedTables): ParsedTables {
  const out = { ...t };
  for (const k of Object.keys(out) as (keyof ParsedTables)[]) (out[k] as unknown[]) = [];
  return out;
}
