/**
 * The records of the five basics (五个基本) of grassroots organizations: 班子成员 and 后备干部 (a member of
 * the import or the database, dated), 书记任职 (the secretary's terms with kind and source) and 书记工作津贴
 * (dated, within the term), 活动场所 (one row per check of an organization's own venue or of a shared venue
 * run by a management unit), 共享场所服务 (a shared venue serving an organization, dated), 基本制度 (a rule
 * adopted and dropped) and 党建工作经费 (an organization's funds of a year by source, in 分).
 *
 * Dated rows of the same person, rule or link may not overlap, with each other or with the database's
 * rows: the error names the row of the file and the row it overlaps.
 */
import {
  COMMITTEE_POST_LABELS,
  maxDate,
  isGrassroots,
  isManagement,
  VENUE_EQUIPMENT_LABELS,
  yearOf,
  type OrgCategory,
  type VenueEquipment,
} from "@liangxin/domain";
import { ioMessages as m } from "../messages.ts";
import type { Loc } from "../tables.ts";
import type { RowData, Work } from "../work.ts";
import { header, type PlanContext } from "./context.ts";
import type { SecretaryW } from "./rows.ts";
import { rowKey, venueKey } from "./state.ts";

const EQUIPMENT_BY_LABEL = new Map(
  (Object.entries(VENUE_EQUIPMENT_LABELS) as [VenueEquipment, string][]).map(([k, l]) => [l, k]),
);
const flag = (b: boolean | null) => (b ? 1 : 0);

/** The id of a grassroots organization by code, else an error on the cell. */
export function grassrootsId(cx: PlanContext, code: string, loc: Loc, column: string): number | undefined {
  const id = cx.orgId(code, loc, column);
  if (id === undefined) return undefined;
  if (!isGrassroots(cx.state.orgs.get(id)!.category as OrgCategory)) {
    cx.error(loc, column, code, m.notGrassroots);
    return undefined;
  }
  return id;
}

/**
 * Dated rows of one group (a person on a committee, a rule, a link) may not overlap: each group the file
 * touches is checked over the file's rows and the database's, the error on the file's row.
 */
export function checkOverlaps<R extends RowData & { id: number }>(
  cx: PlanContext,
  work: Work<R>,
  column: string,
  group: (r: R) => string,
  start: (r: R) => string,
  end: (r: R) => string | null,
): void {
  const touched = new Set<string>();
  for (const id of work.locOf.keys()) touched.add(group(work.get(id)!));
  if (touched.size === 0) return;
  const groups = new Map<string, R[]>();
  for (const r of work.rows.values()) {
    const g = group(r);
    if (!touched.has(g)) continue;
    const list = groups.get(g) ?? [];
    list.push(r);
    groups.set(g, list);
  }
  const reported = new Set<number>();
  for (const list of groups.values()) {
    list.sort((a, b) => (start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : a.id - b.id));
    // Each row against the one before it that ends last (a long row overlaps all that start within it).
    let a = list[0]!;
    for (let i = 1; i < list.length; i++) {
      const b = list[i]!;
      const endA = end(a);
      if (endA !== null && endA <= start(b)) {
        a = b;
        continue;
      }
      const last = a;
      const endB = end(b);
      if (endA !== null && (endB === null || endB > endA)) a = b;
      const locA = work.locOf.get(last.id);
      const locB = work.locOf.get(b.id);
      const at = locB ?? locA;
      const atId = at === locB ? b.id : last.id;
      if (!at || reported.has(atId)) continue;
      reported.add(atId);
      const other = at === locB ? last : b;
      const otherLoc = at === locB ? locA : locB;
      const what = otherLoc ? m.overlapOther(otherLoc.row) : m.dbRecord;
      cx.error(at, column, at === locB ? start(b) : start(last), m.overlaps(what, start(other), end(other)));
    }
  }
}

export function planCommittee(cx: PlanContext): void {
  const { committeeMembers } = cx.state;
  const col = (f: string) => header("committee", f);
  const first = cx.firstInSheet();
  const terms = termsByPair(cx);
  for (const r of cx.sheets.committee) {
    const oid = grassrootsId(cx, r.orgCode, r.loc, col("orgCode"));
    const mid = cx.memberId(r.idNumber, r.loc, col("idNumber"));
    if (oid === undefined || mid === undefined) continue;
    if (r.endOn !== null && r.endOn <= r.startOn) {
      cx.error(r.loc, col("endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    if (
      r.post === "secretary" &&
      !(terms.get(rowKey(oid, mid)) ?? []).some(
        (t) => t.startOn <= r.startOn && (t.endOn === null || t.endOn > r.startOn),
      )
    ) {
      cx.error(r.loc, col("post"), COMMITTEE_POST_LABELS.secretary, m.secretaryPostNoTerm);
      continue;
    }
    const key = rowKey(oid, mid, r.startOn);
    if (!first(key, r.loc, col("startOn"), `${r.orgCode} ${r.startOn}`)) continue;
    committeeMembers.stage(
      key,
      {
        orgId: oid,
        memberId: mid,
        post: r.post,
        startOn: r.startOn,
        endOn: r.endOn,
        onBoard: flag(r.onBoard),
        inManagement: flag(r.inManagement),
        onSupervisoryBoard: flag(r.onSupervisoryBoard),
      },
      r.loc,
    );
  }
  checkOverlaps(
    cx,
    committeeMembers,
    col("startOn"),
    (r) => rowKey(r.orgId, r.memberId),
    (r) => r.startOn,
    (r) => r.endOn,
  );
}

export function planReserveCadres(cx: PlanContext): void {
  const { reserveCadres } = cx.state;
  const col = (f: string) => header("reserveCadres", f);
  const first = cx.firstInSheet();
  for (const r of cx.sheets.reserveCadres) {
    const oid = grassrootsId(cx, r.orgCode, r.loc, col("orgCode"));
    const mid = cx.memberId(r.idNumber, r.loc, col("idNumber"));
    if (oid === undefined || mid === undefined) continue;
    if (r.endOn !== null && r.endOn <= r.startOn) {
      cx.error(r.loc, col("endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    const key = rowKey(oid, mid, r.startOn);
    if (!first(key, r.loc, col("startOn"), `${r.orgCode} ${r.startOn}`)) continue;
    reserveCadres.stage(key, { orgId: oid, memberId: mid, startOn: r.startOn, endOn: r.endOn }, r.loc);
  }
  checkOverlaps(
    cx,
    reserveCadres,
    col("startOn"),
    (r) => rowKey(r.orgId, r.memberId),
    (r) => r.startOn,
    (r) => r.endOn,
  );
}

/** The secretary terms of each organization and member (of the database and of the 党组织 rows). */
function termsByPair(cx: PlanContext): Map<string, SecretaryW[]> {
  const out = new Map<string, SecretaryW[]>();
  for (const s of cx.state.secretaries.rows.values()) {
    const k = rowKey(s.orgId, s.memberId);
    const list = out.get(k) ?? [];
    list.push(s);
    out.set(k, list);
  }
  return out;
}

/**
 * A term this import creates starts on the given day instead of the default (the later of the founding
 * and the joining); a term the import ended on the new one's default start (the secretary replaced) ends
 * on the given day instead. A stored term keeps its start.
 */
function moveTermStart(cx: PlanContext, term: SecretaryW, startOn: string, loc: Loc): boolean {
  const { orgs, members, secretaries } = cx.state;
  const column = header("secretaryProfiles", "startOn");
  if (!secretaries.isNew(term.id)) {
    cx.error(loc, column, startOn, m.termStartStored(term.startOn));
    return false;
  }
  const earliest = maxDate(orgs.get(term.orgId)!.foundedOn, members.get(term.memberId)!.joinedOn);
  if (startOn < earliest || startOn > cx.today) {
    cx.error(loc, column, startOn, m.termStartRange(earliest, cx.today));
    return false;
  }
  const follow: SecretaryW[] = [];
  for (const s of secretaries.rows.values()) {
    if (s.orgId !== term.orgId || s.id === term.id) continue;
    const endedHere = s.endOn === term.startOn && secretaries.originalOf(s.id)?.endOn === null;
    if (endedHere && s.startOn < startOn) follow.push(s);
    else if (s.startOn < (term.endOn ?? "9999-12-31") && (s.endOn === null || s.endOn > startOn)) {
      cx.error(loc, column, startOn, m.termOverlaps(s.startOn, s.endOn));
      return false;
    }
  }
  for (const s of follow) secretaries.set(s.id, { endOn: startOn });
  secretaries.set(term.id, { startOn });
  return true;
}

/**
 * 书记任职: one row per term. A row without 离任日期 is the organization's current secretary (the term the
 * 党组织 row names): its kind and source, and its start when this import creates it. A row with 离任日期 is an
 * earlier term, matched by organization, member and 任职日期 (created when new). Terms of one organization
 * must not overlap.
 */
export function planSecretaryProfiles(cx: PlanContext): void {
  const { secretaries } = cx.state;
  const col = (f: string) => header("secretaryProfiles", f);
  const terms = termsByPair(cx);
  const first = cx.firstInSheet();
  const rows = cx.sheets.secretaryProfiles;
  // The current terms first (their starts may move), then the earlier ones.
  for (const r of [...rows.filter((x) => x.endOn === null), ...rows.filter((x) => x.endOn !== null)]) {
    const oid = grassrootsId(cx, r.orgCode, r.loc, col("orgCode"));
    const mid = cx.memberId(r.idNumber, r.loc, col("idNumber"));
    if (oid === undefined || mid === undefined) continue;
    if (r.endOn !== null) {
      if (r.startOn === null) {
        cx.error(r.loc, col("startOn"), "", m.termStartRequired);
        continue;
      }
      if (r.endOn <= r.startOn) {
        cx.error(r.loc, col("endOn"), r.endOn, m.endBeforeStart);
        continue;
      }
      const key = rowKey(oid, mid, r.startOn);
      if (!first(key, r.loc, col("startOn"), `${r.orgCode} ${r.startOn}`)) continue;
      secretaries.stage(
        key,
        { orgId: oid, memberId: mid, startOn: r.startOn, endOn: r.endOn, kind: r.kind, source: r.source },
        r.loc,
      );
      continue;
    }
    if (!first(rowKey(oid, mid), r.loc, col("idNumber"), `${r.orgCode} ${r.idNumber}`)) continue;
    const term = (terms.get(rowKey(oid, mid)) ?? []).find((x) => x.endOn === null);
    if (!term) {
      cx.error(r.loc, col("idNumber"), r.idNumber, m.noSecretaryTerm);
      continue;
    }
    if (r.startOn !== null && r.startOn !== term.startOn && !moveTermStart(cx, term, r.startOn, r.loc))
      continue;
    secretaries.set(term.id, { kind: r.kind, source: r.source });
  }
  // Terms of one organization do not overlap (only the rows of this sheet are named).
  const touched = new Set<number>();
  for (const r of rows) {
    const id = cx.state.orgs.idOf(r.orgCode);
    if (id !== undefined) touched.add(id);
  }
  const byOrg = new Map<number, SecretaryW[]>();
  for (const t of secretaries.rows.values()) {
    if (!touched.has(t.orgId)) continue;
    const list = byOrg.get(t.orgId) ?? [];
    list.push(t);
    byOrg.set(t.orgId, list);
  }
  const locOfRow = new Map<number, Loc>();
  for (const [id, loc] of secretaries.locOf) if (loc.sheet === rows[0]?.loc.sheet) locOfRow.set(id, loc);
  const reported = new Set<string>();
  for (const list of byOrg.values()) {
    list.sort((a, b) => (a.startOn < b.startOn ? -1 : a.startOn > b.startOn ? 1 : a.id - b.id));
    let last = list[0]!;
    for (let i = 1; i < list.length; i++) {
      const b = list[i]!;
      const a = last;
      if (a.endOn !== null && a.endOn <= b.startOn) {
        last = b;
        continue;
      }
      if (a.endOn !== null && (b.endOn === null || b.endOn > a.endOn)) last = b;
      const at = locOfRow.get(b.id) ?? locOfRow.get(a.id);
      if (!at || reported.has(`${at.sheet}|${at.row}`)) continue;
      reported.add(`${at.sheet}|${at.row}`);
      const other = at === locOfRow.get(b.id) ? a : b;
      cx.error(
        at,
        col("startOn"),
        (at === locOfRow.get(b.id) ? b : a).startOn,
        m.termOverlaps(other.startOn, other.endOn),
      );
    }
  }
}

export function planAllowances(cx: PlanContext): void {
  const { secretaryAllowances } = cx.state;
  const col = (f: string) => header("allowances", f);
  const terms = termsByPair(cx);
  const first = cx.firstInSheet();
  for (const r of cx.sheets.allowances) {
    const oid = grassrootsId(cx, r.orgCode, r.loc, col("orgCode"));
    const mid = cx.memberId(r.idNumber, r.loc, col("idNumber"));
    if (oid === undefined || mid === undefined) continue;
    const list = terms.get(rowKey(oid, mid)) ?? [];
    if (list.length === 0) {
      cx.error(r.loc, col("idNumber"), r.idNumber, m.noSecretaryTerm);
      continue;
    }
    const term = list.find((s) => s.startOn <= r.startOn && (s.endOn === null || s.endOn > r.startOn));
    if (!term) {
      cx.error(r.loc, col("startOn"), r.startOn, m.allowanceOutsideTerm);
      continue;
    }
    if (r.endOn !== null && r.endOn <= r.startOn) {
      cx.error(r.loc, col("endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    const key = rowKey(term.id, r.startOn);
    if (!first(key, r.loc, col("startOn"), `${r.orgCode} ${r.startOn}`)) continue;
    secretaryAllowances.stage(
      key,
      { secretaryId: term.id, monthlyFen: r.monthlyFen, startOn: r.startOn, endOn: r.endOn },
      r.loc,
    );
  }
  checkOverlaps(
    cx,
    secretaryAllowances,
    col("startOn"),
    (r) => String(r.secretaryId),
    (r) => r.startOn,
    (r) => r.endOn,
  );
}

export function planVenues(cx: PlanContext): void {
  const { orgs, venues, venueChecks } = cx.state;
  const col = (f: string) => header("venues", f);
  const first = cx.firstInSheet();
  const ownName = new Map<number, string>();
  for (const r of cx.sheets.venues) {
    if (r.orgCode !== null && r.runByCode !== null) {
      cx.error(r.loc, col("runByCode"), r.runByCode, m.venueOwnerBoth);
      continue;
    }
    if (r.orgCode === null && r.runByCode === null) {
      cx.error(r.loc, col("orgCode"), "", m.venueOwnerNone);
      continue;
    }
    let orgId: number | null = null;
    let runBy: number | null = null;
    if (r.orgCode !== null) {
      const id = grassrootsId(cx, r.orgCode, r.loc, col("orgCode"));
      if (id === undefined) continue;
      const seenName = ownName.get(id);
      if (seenName !== undefined && seenName !== r.name) {
        cx.error(r.loc, col("name"), r.name, m.venueNameMismatch(seenName));
        continue;
      }
      ownName.set(id, r.name);
      orgId = id;
    } else {
      const id = cx.orgId(r.runByCode!, r.loc, col("runByCode"));
      if (id === undefined) continue;
      if (!isManagement(orgs.get(id)!.category as OrgCategory)) {
        cx.error(r.loc, col("runByCode"), r.runByCode, m.runByNotManagement);
        continue;
      }
      runBy = id;
    }
    const equipment: VenueEquipment[] = [];
    let bad = false;
    for (const item of r.equipment ?? []) {
      const e = EQUIPMENT_BY_LABEL.get(item);
      if (e === undefined) {
        cx.error(r.loc, col("equipment"), item, m.badEquipment(item, Object.values(VENUE_EQUIPMENT_LABELS)));
        bad = true;
      } else equipment.push(e);
    }
    if (bad) continue;
    const vkey = venueKey(orgId, runBy, r.name);
    const existing = venues.idOf(vkey);
    const vid = venues.stage(
      vkey,
      existing === undefined ? { name: r.name, orgId, runBy } : { name: r.name },
      r.loc,
    );
    const key = rowKey(vid, r.checkedOn);
    if (!first(key, r.loc, col("checkedOn"), `${r.name} ${r.checkedOn}`)) continue;
    venueChecks.stage(
      key,
      {
        venueId: vid,
        checkedOn: r.checkedOn,
        status: r.status,
        areaSqm: r.areaSqm,
        hasAv: flag(equipment.includes("av")),
        hasFurniture: flag(equipment.includes("furniture")),
        hasFlag: flag(equipment.includes("flag")),
        hasEmblem: flag(equipment.includes("emblem")),
        hasReading: flag(equipment.includes("reading")),
      },
      r.loc,
    );
  }
}

export function planVenueLinks(cx: PlanContext): void {
  const { orgs, venues, venueLinks } = cx.state;
  const col = (f: string) => header("venueLinks", f);
  const first = cx.firstInSheet();
  for (const r of cx.sheets.venueLinks) {
    const rid = cx.orgId(r.runByCode, r.loc, col("runByCode"));
    const oid = grassrootsId(cx, r.orgCode, r.loc, col("orgCode"));
    if (rid === undefined || oid === undefined) continue;
    if (!isManagement(orgs.get(rid)!.category as OrgCategory)) {
      cx.error(r.loc, col("runByCode"), r.runByCode, m.runByNotManagement);
      continue;
    }
    const vid = venues.idOf(venueKey(null, rid, r.venueName));
    if (vid === undefined) {
      cx.error(r.loc, col("venueName"), r.venueName, m.venueMissing);
      continue;
    }
    if (r.endOn !== null && r.endOn <= r.startOn) {
      cx.error(r.loc, col("endOn"), r.endOn, m.endBeforeStart);
      continue;
    }
    const key = rowKey(vid, oid, r.startOn);
    if (!first(key, r.loc, col("startOn"), `${r.venueName} ${r.orgCode} ${r.startOn}`)) continue;
    venueLinks.stage(key, { venueId: vid, orgId: oid, startOn: r.startOn, endOn: r.endOn }, r.loc);
  }
  checkOverlaps(
    cx,
    venueLinks,
    col("startOn"),
    (r) => rowKey(r.venueId, r.orgId),
    (r) => r.startOn,
    (r) => r.endOn,
  );
}

export function planOrgRules(cx: PlanContext): void {
  const { orgRules } = cx.state;
  const col = (f: string) => header("orgRules", f);
  const first = cx.firstInSheet();
  for (const r of cx.sheets.orgRules) {
    const oid = grassrootsId(cx, r.orgCode, r.loc, col("orgCode"));
    if (oid === undefined) continue;
    if (r.droppedOn !== null && r.droppedOn <= r.adoptedOn) {
      cx.error(r.loc, col("droppedOn"), r.droppedOn, m.droppedBeforeAdopted);
      continue;
    }
    const key = rowKey(oid, r.rule, r.adoptedOn);
    if (!first(key, r.loc, col("adoptedOn"), `${r.orgCode} ${r.adoptedOn}`)) continue;
    orgRules.stage(key, { orgId: oid, rule: r.rule, adoptedOn: r.adoptedOn, droppedOn: r.droppedOn }, r.loc);
  }
  checkOverlaps(
    cx,
    orgRules,
    col("adoptedOn"),
    (r) => rowKey(r.orgId, r.rule),
    (r) => r.adoptedOn,
    (r) => r.droppedOn,
  );
}

export function planFunds(cx: PlanContext): void {
  const { orgFunds } = cx.state;
  const col = (f: string) => header("funds", f);
  const first = cx.firstInSheet();
  const thisYear = yearOf(cx.today);
  for (const r of cx.sheets.funds) {
    const oid = grassrootsId(cx, r.orgCode, r.loc, col("orgCode"));
    if (oid === undefined) continue;
    if (r.year > thisYear) {
      cx.error(r.loc, col("year"), r.year, m.futureYear(r.year));
      continue;
    }
    const key = rowKey(oid, r.year, r.source);
    if (!first(key, r.loc, col("source"), `${r.orgCode} ${r.year}`)) continue;
    orgFunds.stage(key, { orgId: oid, year: r.year, source: r.source, amountFen: r.amountFen }, r.loc);
  }
}
