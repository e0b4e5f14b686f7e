/**
 * 一个企业一张表: one host's printable sheet on a day (identity, figures by year, the covering organization
 * with its secretary and committee, the members working there, instructors, 工青妇, venue, funds, this
 * year's activities, ratings), and the sheets of every operating host of a unit's territory in one go.
 * Only hosts of the caller's territory (the editable set) have a sheet; any other id is NOT_FOUND, like a
 * missing one. The members working there are shown as the members list shows them: the caller's own by
 * name, counted-only ones (held elsewhere) with a masked name; every citizen ID masked. The reads are a
 * fixed number of statements over the chosen hosts, whatever their number.
 */
import type { Cx } from "@liangxin/db/cx";
import { idList, selectAll, selectOne, type Db } from "@liangxin/db/driver";
import { hostOperating, inForce, maskName, orgInForce } from "@liangxin/db/queries";
import {
  hostAccess,
  nodeWithin,
  orgAccess,
  pathUnder,
  regionSubtreeRange,
  scopeSql,
  type Scope,
} from "@liangxin/db/scope";
import {
  AppError,
  maskCitizenId,
  yearOf,
  yearStart,
  type CommitteePost,
  type FundSource,
  type MeetingKind,
  type RatingGrade,
  type SecretaryKind,
  type SecretarySource,
  type VenueEquipment,
  type VenueStatus,
} from "@liangxin/domain";
import { sql } from "drizzle-orm";
import { sheetMessages } from "./messages.ts";

/** How many years of figures and ratings a sheet shows (the sheet's year and those before it). */
export const SHEET_YEARS = 3;
/** The most sheets one batch prints. */
export const MAX_SHEETS = 300;

export interface SheetMember {
  /** The name; masked (surname and stars) for a counted-only member. */
  name: string;
  gender: "male" | "female";
  idNumberMasked: string;
  full: boolean;
  /** "edit": held in the caller's subtree; "counted": held elsewhere, counted only. */
  access: "edit" | "counted";
  /** The holding organization (the caller's own members only). */
  orgName: string | null;
}

export interface SheetVenue {
  /** Own venue, or a shared 党群服务中心 linked to the organization. */
  shared: boolean;
  name: string;
  checkedOn: string | null;
  status: VenueStatus | null;
  areaSqm: number | null;
  equipment: VenueEquipment[];
}

export interface HostSheet {
  on: string;
  year: number;
  host: {
    id: number;
    name: string;
    creditCode: string;
    kind: "enterprise" | "socialOrg";
    regionName: string;
    industry: string | null;
    foundedOn: string;
    closedOn: string | null;
    ownerName: string | null;
    ownerIsMember: boolean;
    address: string | null;
  };
  /** 经营数据 of the sheet's year and the years before it (newest first), money in 分. */
  figures: { year: number; employees: number; revenueFen: number | null; payrollFen: number | null }[];
  /** 工会, 共青团, 妇联: the day each was set up at the host (null: none recorded). */
  massOrgs: { unionOn: string | null; youthLeagueOn: string | null; womenOn: string | null };
  covering: {
    id: number;
    name: string;
    formationMode: string | null;
    startOn: string;
    lastElectionOn: string | null;
    secretary: { name: string; kind: SecretaryKind | null; source: SecretarySource | null } | null;
    committee: { name: string; post: CommitteePost }[];
  } | null;
  /** Members of status 正常 working there on the day. */
  members: { total: number; full: number; countedOnly: number; rows: SheetMember[] };
  instructors: { name: string; number: string; kind: string }[];
  venues: SheetVenue[];
  /** The covering organization's funds of the sheet's year by source, in 分. */
  funds: { source: FundSource; amountFen: number }[];
  /** The covering organization's meetings of the year up to the day, newest first. */
  activities: { heldOn: string; kind: MeetingKind; topic: string | null; attendees: number | null }[];
  ratings: { year: number; stars: number | null; grade: RatingGrade | null }[];
}

const EQUIPMENT: readonly [VenueEquipment, string][] = [
  ["av", "hasAv"],
  ["furniture", "hasFurniture"],
  ["flag", "hasFlag"],
  ["emblem", "hasEmblem"],
  ["reading", "hasReading"],
];

function byKey<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

type VenueRow = { orgId: number; shared: number; name: string; checkedOn: string | null } & Record<
  string,
  unknown
>;

/** The sheets of the given hosts (already known to be in the caller's territory), in the given order. */
async function sheetsOf(db: Db, scope: Scope, on: string, hostIds: readonly number[]): Promise<HostSheet[]> {
  if (hostIds.length === 0) return [];
  const year = yearOf(on);
  const from = yearStart(year);
  const s = scopeSql(scope, on);
  const hostIn = idList(hostIds);

  const hosts = await selectAll<
    Omit<HostSheet["host"], "ownerIsMember"> & {
      ownerIsMember: number;
      unionOn: string | null;
      youthLeagueOn: string | null;
      womenOn: string | null;
    }
  >(
    db,
    sql`select h.id, h.name, h.credit_code as creditCode, h.kind, r.name as regionName, h.industry,
          h.founded_on as foundedOn, h.closed_on as closedOn, h.owner_name as ownerName,
          h.owner_is_member as ownerIsMember, h.address, h.union_on as unionOn,
          h.youth_league_on as youthLeagueOn, h.women_on as womenOn
        from hosts h join regions r on r.id = h.region_id where h.id in ${hostIn}`,
  );
  const figures = byKey(
    await selectAll<HostSheet["figures"][number] & { hostId: number }>(
      db,
      sql`select host_id as hostId, year, employees, revenue_fen as revenueFen, payroll_fen as payrollFen
          from host_years where host_id in ${hostIn} and year <= ${year} and year > ${year - SHEET_YEARS}
          order by year desc`,
    ),
    (r) => r.hostId,
  );
  // The covering organization on the day (the latest coverage in force when several).
  const coverings = await selectAll<
    Omit<NonNullable<HostSheet["covering"]>, "secretary" | "committee"> & { hostId: number }
  >(
    db,
    sql`select c.host_id as hostId, o.id, o.name, o.formation_mode as formationMode, c.start_on as startOn,
          o.last_election_on as lastElectionOn
        from coverages c join orgs o on o.id = c.org_id
        where c.host_id in ${hostIn} and ${inForce(on, "c")}
        order by c.start_on desc, c.id desc`,
  );
  const coveringOf = new Map<number, (typeof coverings)[number]>();
  for (const c of coverings) if (!coveringOf.has(c.hostId)) coveringOf.set(c.hostId, c);
  const orgIds = [...new Set([...coveringOf.values()].map((c) => c.id))];
  const orgIn = idList(orgIds);

  const secretaries = byKey(
    await selectAll<NonNullable<NonNullable<HostSheet["covering"]>["secretary"]> & { orgId: number }>(
      db,
      sql`select s.org_id as orgId, m.name, s.kind, s.source from secretaries s join members m on m.id = s.member_id
          where s.org_id in ${orgIn} and ${inForce(on, "s")} order by s.start_on desc, s.id desc`,
    ),
    (r) => r.orgId,
  );
  const committee = byKey(
    await selectAll<{ orgId: number; name: string; post: CommitteePost }>(
      db,
      sql`select c.org_id as orgId, m.name, c.post from committee_members c join members m on m.id = c.member_id
          where c.org_id in ${orgIn} and ${inForce(on, "c")} order by c.start_on, c.id`,
    ),
    (r) => r.orgId,
  );
  // Members working there as the members list shows them: editable (held in the subtree) or counted-only.
  const members = byKey(
    await selectAll<{
      hostId: number;
      name: string;
      gender: "male" | "female";
      idNumber: string;
      full: number;
      access: "edit" | "counted" | null;
      orgName: string | null;
    }>(
      db,
      sql`select w.host_id as hostId, m.name, m.gender, m.id_number as idNumber,
            (m.full_on is not null and m.full_on <= ${on}) as full,
            case when ${s.sets.members.editable("m")} then 'edit'
                 when ${s.sets.members.counted("m")} then 'counted' end as access,
            o.name as orgName
          from member_workplaces w join members m on m.id = w.member_id left join orgs o on o.id = m.org_id
          where w.host_id in ${hostIn} and ${inForce(on, "w")} and m.status = 'normal' and m.joined_on <= ${on}
          order by w.host_id, m.joined_on, m.id`,
    ),
    (r) => r.hostId,
  );
  const instructors = byKey(
    await selectAll<HostSheet["instructors"][number] & { hostId: number }>(
      db,
      sql`select a.host_id as hostId, i.name, i.number, i.kind from assignments a
          join instructors i on i.id = a.instructor_id
          where a.host_id in ${hostIn} and ${inForce(on, "a")} order by i.number`,
    ),
    (r) => r.hostId,
  );
  const checkCols = sql`vc.checked_on as checkedOn, vc.status, vc.area_sqm as areaSqm, vc.has_av as hasAv,
    vc.has_furniture as hasFurniture, vc.has_flag as hasFlag, vc.has_emblem as hasEmblem, vc.has_reading as hasReading`;
  const latestCheck = sql`vc.id = (select x.id from venue_checks x where x.venue_id = v.id and x.checked_on <= ${on}
    order by x.checked_on desc limit 1)`;
  const venues = byKey(
    await selectAll<VenueRow>(
      db,
      sql`select v.org_id as orgId, 0 as shared, v.name, ${checkCols}
          from venues v left join venue_checks vc on ${latestCheck} where v.org_id in ${orgIn}
          union all
          select l.org_id as orgId, 1 as shared, v.name, ${checkCols}
          from venue_links l join venues v on v.id = l.venue_id left join venue_checks vc on ${latestCheck}
          where l.org_id in ${orgIn} and ${inForce(on, "l")}
          order by shared, name`,
    ),
    (r) => r.orgId,
  );
  const funds = byKey(
    await selectAll<{ orgId: number; source: FundSource; amountFen: number }>(
      db,
      sql`select org_id as orgId, source, amount_fen as amountFen from org_funds
          where org_id in ${orgIn} and year = ${year} order by source`,
    ),
    (r) => r.orgId,
  );
  const activities = byKey(
    await selectAll<HostSheet["activities"][number] & { orgId: number }>(
      db,
      sql`select org_id as orgId, held_on as heldOn, kind, topic, attendees from meetings
          where org_id in ${orgIn} and held_on >= ${from} and held_on <= ${on} order by held_on desc, id desc`,
    ),
    (r) => r.orgId,
  );
  const ratings = byKey(
    await selectAll<HostSheet["ratings"][number] & { orgId: number }>(
      db,
      sql`select org_id as orgId, year, stars, grade from ratings
          where org_id in ${orgIn} and year <= ${year} and year > ${year - SHEET_YEARS} order by year desc`,
    ),
    (r) => r.orgId,
  );

  const hostById = new Map(hosts.map((h) => [h.id, h]));
  return hostIds.flatMap((hostId): HostSheet[] => {
    const h = hostById.get(hostId);
    if (!h) return [];
    const cov = coveringOf.get(hostId);
    const working = (members.get(hostId) ?? []).filter((m) => m.access !== null);
    const rows: SheetMember[] = working.map((m) => ({
      name: m.access === "counted" ? maskName(m.name) : m.name,
      gender: m.gender,
      idNumberMasked: maskCitizenId(m.idNumber),
      full: m.full === 1,
      access: m.access as "edit" | "counted",
      orgName: m.access === "edit" ? m.orgName : null,
    }));
    const orgId = cov?.id ?? -1;
    const sec = secretaries.get(orgId)?.[0];
    return [
      {
        on,
        year,
        host: {
          id: h.id,
          name: h.name,
          creditCode: h.creditCode,
          kind: h.kind,
          regionName: h.regionName,
          industry: h.industry,
          foundedOn: h.foundedOn,
          closedOn: h.closedOn,
          ownerName: h.ownerName,
          ownerIsMember: h.ownerIsMember === 1,
          address: h.address,
        },
        figures: (figures.get(hostId) ?? []).map(({ hostId: _h, ...f }) => f),
        massOrgs: { unionOn: h.unionOn, youthLeagueOn: h.youthLeagueOn, womenOn: h.womenOn },
        covering: cov
          ? {
              id: cov.id,
              name: cov.name,
              formationMode: cov.formationMode,
              startOn: cov.startOn,
              lastElectionOn: cov.lastElectionOn,
              secretary: sec ? { name: sec.name, kind: sec.kind, source: sec.source } : null,
              committee: (committee.get(orgId) ?? []).map(({ name, post }) => ({ name, post })),
            }
          : null,
        members: {
          total: rows.length,
          full: rows.filter((m) => m.full).length,
          countedOnly: rows.filter((m) => m.access === "counted").length,
          rows,
        },
        instructors: (instructors.get(hostId) ?? []).map(({ hostId: _h, ...i }) => i),
        venues: (venues.get(orgId) ?? []).map((v) => ({
          shared: v.shared === 1,
          name: v.name,
          checkedOn: v.checkedOn ?? null,
          status: (v.status as VenueStatus | null) ?? null,
          areaSqm: (v.areaSqm as number | null) ?? null,
          equipment: EQUIPMENT.filter(([, col]) => Boolean(v[col])).map(([e]) => e),
        })),
        funds: (funds.get(orgId) ?? []).map(({ source, amountFen }) => ({ source, amountFen })),
        activities: (activities.get(orgId) ?? []).map(({ orgId: _o, ...a }) => a),
        ratings: (ratings.get(orgId) ?? []).map(({ orgId: _o, ...r }) => r),
      },
    ];
  });
}

/** One host's sheet on a day (default today): hosts of the caller's territory only, else NOT_FOUND. */
export async function hostSheet(cx: Cx, input: { id: number; on?: string }): Promise<HostSheet> {
  const { db, scope, today } = cx;
  if (!scope.org || (await hostAccess(db, scope, input.id, today)) !== "edit")
    throw AppError.notFound("host");
  return (await sheetsOf(db, scope, input.on ?? today, [input.id]))[0]!;
}

export interface UnitSheets {
  on: string;
  unit: { id: number; name: string; regionName: string };
  sheets: HostSheet[];
}

/**
 * The sheets of every host operating on the day in a unit's territory (a management node of the caller's
 * subtree that has one), by region and name; NOT_FOUND for any other unit, and refused beyond MAX_SHEETS.
 */
export async function unitSheets(cx: Cx, input: { unitId: number; on?: string }): Promise<UnitSheets> {
  const { db, scope, today } = cx;
  const on = input.on ?? today;
  if (!scope.org || (await orgAccess(db, scope, input.unitId, today)) !== "edit")
    throw AppError.notFound("unit");
  const unit = await selectOne<{
    id: number;
    name: string;
    regionId: number | null;
    regionName: string | null;
  }>(
    db,
    sql`select o.id, o.name, o.region_id as regionId, r.name as regionName
        from orgs o left join regions r on r.id = o.region_id where o.id = ${input.unitId}`,
  );
  if (!unit || unit.regionId === null) throw AppError.notFound("unit");
  const s = scopeSql(scope, today);
  const range = await regionSubtreeRange(db, unit.regionId);
  const hostIds = (
    await selectAll<{ id: number }>(
      db,
      sql`select h.id from hosts h join regions r on r.id = h.region_id
        where ${nodeWithin("r", range)} and ${s.sets.hosts.editable("h")}
          and ${hostOperating(on, "h")}
        order by r.code, h.name, h.id`,
    )
  ).map((r) => r.id);
  if (hostIds.length > MAX_SHEETS)
    throw new AppError("BAD_INPUT", sheetMessages.tooMany(unit.name, hostIds.length, MAX_SHEETS), {
      rule: "SHEETS_TOO_MANY",
    });
  return {
    on,
    unit: { id: unit.id, name: unit.name, regionName: unit.regionName ?? "" },
    sheets: await sheetsOf(db, scope, on, hostIds),
  };
}

export interface SheetUnit {
  id: number;
  name: string;
  regionName: string;
  /** Depth below the caller's node (0: the caller's node itself). */
  level: number;
  /** Hosts operating today in its territory: the sheets its batch prints. */
  hosts: number;
}

/**
 * The units whose sheets the caller may print in one go: the management nodes of its subtree that have a
 * territory (its own node first), each with the number of its operating hosts; none without a territory.
 */
export async function sheetUnits(cx: Cx): Promise<{ max: number; units: SheetUnit[] }> {
  const { db, scope, today } = cx;
  if (!scope.org || !scope.region) return { max: MAX_SHEETS, units: [] };
  const s = scopeSql(scope, today);
  const rows = await selectAll<Omit<SheetUnit, "level"> & { depth: number }>(
    db,
    sql`select o.id, o.name, r.name as regionName, o.depth,
          (select count(*) from hosts h join regions hr on hr.id = h.region_id
            where ${sql.raw(pathUnder("hr.path", "r.path"))} and ${s.sets.hosts.editable("h")}
              and ${hostOperating(today, "h")}) as hosts
        from orgs o join regions r on r.id = o.region_id
        where ${s.within.subtree("o")} and ${orgInForce(today, "o")}
        order by o.path`,
  );
  const top = Math.min(...rows.map((r) => r.depth));
  return { max: MAX_SHEETS, units: rows.map(({ depth, ...u }) => ({ ...u, level: depth - top })) };
}
