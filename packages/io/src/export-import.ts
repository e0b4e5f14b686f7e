/**
 * The caller's data in the import format (one sheet per table), written with exceljs's streaming writer:
 * export → import into an empty database reproduces the figures of every node and every year. The
 * relationship history is written as 组织关系接转 rows, the workplace history as 工作经历 rows.
 *
 * Below the city the file holds the caller's editable set (scope.ts) and stands alone: a reference to a
 * record it does not hold is written as outside — an earlier relationship in another area's organization
 * as one outside the city, a workplace in another area's host not at all (it counts there, not here), a
 * secretary or dual-management link outside the set left blank (blank changes nothing on import), a
 * dispatching organization of another area by its name; a coverage or an assignment is written when both
 * of its ends are, an organization's re-parentings from the last one that involves an organization
 * outside the file. So nobody else's citizen ID is in it, and figures that depend on other areas'
 * records (members held elsewhere who work here, instructors of other chains) are not reproduced.
 *
 * The five basics (五个基本) of the organizations of the file follow: committee members and reserve cadres
 * whose member is in the file, every secretary term (with kind, source and allowances), own venues' and
 * the file's shared venues' checks and links, rules and funds (amounts in 万元 / 元, exact to the 分).
 *
 * Then the cadre work: trainings the file's nodes organized (with the participants in the file),
 * assessments, 述职评议 and 五好党支部 decisions made by a node of the file on its own records, showcases
 * named by it, and the leaders it keeps with their contact points (in the file) and visits. A record that
 * a node outside the file decided is not written (the import would refuse it as outside the scope).
 */
import { sql, type SQL } from "drizzle-orm";
import { selectAll, type Db } from "@liangxin/db/driver";
import { type Scope } from "@liangxin/db/scope";
import {
  FORMATION_MODE_LABELS,
  GENDER_LABELS,
  HOST_KIND_LABELS,
  INSTRUCTOR_KIND_LABELS,
  JOB_CATEGORY_LABELS,
  MEMBER_STATUS_LABELS,
  ORG_CATEGORY_LABELS,
  REGION_LEVEL_LABELS,
  COMMITTEE_POST_LABELS,
  FUND_SOURCE_LABELS,
  ORG_RULE_LABELS,
  SECRETARY_KIND_LABELS,
  SECRETARY_SOURCE_LABELS,
  VENUE_EQUIPMENT_LABELS,
  VENUE_STATUS_LABELS,
  type CommitteePost,
  type FundSource,
  type OrgRule,
  type SecretaryKind,
  type SecretarySource,
  type VenueStatus,
  fenNumber,
  type FormationMode,
  type Gender,
  type HostKind,
  type InstructorKind,
  type JobCategory,
  type MemberStatus,
  type OrgCategory,
  type RegionLevel,
  ASSESSMENT_GRADE_LABELS,
  AWARD_DECISION_LABELS,
  HONOUR_LEVEL_LABELS,
  REVIEW_GRADE_LABELS,
  TRAINING_KIND_LABELS,
  type AssessmentGrade,
  type AwardDecision,
  type HonourLevel,
  type ReviewGrade,
  type TrainingKind,
} from "@liangxin/domain";
import { ioMessages as m } from "./messages.ts";
import { selectForExport } from "./scope.ts";
import { TABLE_KEYS, TABLES, type TableKey } from "./tables.ts";
import { transferRows } from "./transfers.ts";
import { CENTER, HEADER_FILL, HEADER_FONT, streamingWorkbook, type Target } from "./xlsx.ts";

type Cell = string | number | null;
type Row = Record<string, unknown>;

const yn = (v: unknown) => (v ? m.yes : m.no);

function rows<T = Row>(db: Db, query: SQL): Promise<T[]> {
  return selectAll<T>(db, query);
}

export async function exportImportWorkbook(
  db: Db,
  scope: Scope,
  target: Target,
  opts: {
    today: string;
    /** Told the progress; a returned Promise is awaited (a job writes it to its row). */
    onProgress?: (done: number, total: number, stage: string) => void | Promise<void>;
  },
): Promise<{ rows: number }> {
  const onProgress = opts.onProgress;
  const sel = await selectForExport(db, scope, opts.today);
  const regionCode = new Map<number, string>();
  for (const r of await rows<{ id: number; code: string }>(db, sql`select id, code from regions`))
    regionCode.set(r.id, r.code);
  const orgCode = new Map<number, string>();
  const orgName = new Map<number, string>();
  for (const o of await rows<{ id: number; code: string; name: string }>(
    db,
    sql`select id, code, name from orgs`,
  )) {
    orgCode.set(o.id, o.code);
    orgName.set(o.id, o.name);
  }
  const hostCode = new Map<number, string>();
  for (const h of await rows<{ id: number; credit_code: string }>(db, sql`select id, credit_code from hosts`))
    hostCode.set(h.id, h.credit_code);
  const memberCode = new Map<number, string>();
  for (const x of await rows<{ id: number; id_number: string }>(db, sql`select id, id_number from members`))
    memberCode.set(x.id, x.id_number);
  const code = (map: Map<number, string>, id: unknown): Cell =>
    typeof id === "number" ? (map.get(id) ?? null) : null;
  // What the file holds: a reference to anything else is written as outside.
  const orgIn = (id: unknown) => typeof id === "number" && (sel.orgIds.has(id) || sel.ancestorOrgIds.has(id));
  const hostIn = (id: unknown) => typeof id === "number" && sel.hostIds.has(id);
  const memberIn = (id: unknown) => typeof id === "number" && sel.memberIds.has(id);
  const orgRef = (id: unknown): Cell => (orgIn(id) ? code(orgCode, id) : null);
  const hostRef = (id: unknown): Cell => (hostIn(id) ? code(hostCode, id) : null);

  const secretaryOf = new Map<number, number>();
  for (const s of await rows<{ org_id: number; member_id: number }>(
    db,
    sql`select org_id, member_id from secretaries where end_on is null order by start_on`,
  ))
    secretaryOf.set(s.org_id, s.member_id);
  const dualOf = new Map<number, number>();
  for (const l of await rows<{ org_id: number; regional_org_id: number }>(
    db,
    sql`select org_id, regional_org_id from dual_links where end_on is null order by start_on desc`,
  ))
    dualOf.set(l.org_id, l.regional_org_id);

  const wb = streamingWorkbook(target);
  let written = 0;
  // Every sheet of the template, in its order (the progress counts them).
  const tables: readonly TableKey[] = TABLE_KEYS;
  const sheet = async (
    key: TableKey,
    produce: (add: (r: Record<string, Cell>) => void) => void | Promise<void>,
  ): Promise<void> => {
    const spec = TABLES[key];
    const ws = wb.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({ key: c.field, width: Math.max(12, c.header.length * 2 + 4) }));
    const head = ws.addRow(spec.columns.map((c) => c.header));
    head.eachCell((c) => {
      c.fill = HEADER_FILL;
      c.font = HEADER_FONT;
      c.alignment = CENTER;
    });
    head.commit();
    await produce((r) => {
      ws.addRow(spec.columns.map((c) => r[c.field] ?? null)).commit();
      written++;
    });
    ws.commit();
    await onProgress?.(tables.indexOf(key) + 1, tables.length, spec.sheet);
  };

  await sheet("regions", async (add) => {
    for (const r of await rows(
      db,
      sql`select id, code, name, level, parent_id from regions order by depth, id`,
    )) {
      if (!sel.regionIds.has(r.id as number)) continue;
      add({
        code: r.code as string,
        name: r.name as string,
        level: REGION_LEVEL_LABELS[r.level as RegionLevel],
        parentCode: code(regionCode, r.parent_id),
      });
    }
  });
  await sheet("orgs", async (add) => {
    for (const o of await rows(db, sql`select * from orgs order by depth, id`)) {
      const id = o.id as number;
      const header = sel.ancestorOrgIds.has(id);
      if (!sel.orgIds.has(id) && !header) continue;
      const sec = header ? undefined : secretaryOf.get(id);
      const dual = header ? undefined : dualOf.get(id);
      add({
        code: o.code as string,
        name: o.name as string,
        category: ORG_CATEGORY_LABELS[o.category as OrgCategory],
        parentCode: code(orgCode, o.parent_id),
        regionCode: code(regionCode, o.region_id),
        formationMode: o.formation_mode ? FORMATION_MODE_LABELS[o.formation_mode as FormationMode] : null,
        foundedOn: o.founded_on as string,
        revokedOn: (o.revoked_on as string | null) ?? null,
        lastElectionOn: (o.last_election_on as string | null) ?? null,
        hasPartyGroups: yn(o.has_party_groups),
        secretaryId: memberIn(sec) ? code(memberCode, sec) : null,
        dualCode: orgRef(dual),
      });
    }
  });
  await sheet("reparentings", async (add) => {
    const all = await rows(db, sql`select * from org_reparentings order by effective_on, id`);
    // An organization's history from the last re-parenting that involves an organization outside the file.
    const from = new Map<number, number>();
    all.forEach((r, i) => {
      if (!orgIn(r.from_parent_id) || !orgIn(r.to_parent_id)) from.set(r.org_id as number, i + 1);
    });
    for (const [i, r] of all.entries()) {
      if (!sel.orgIds.has(r.org_id as number) || i < (from.get(r.org_id as number) ?? 0)) continue;
      add({
        orgCode: code(orgCode, r.org_id),
        fromCode: code(orgCode, r.from_parent_id),
        toCode: code(orgCode, r.to_parent_id),
        effectiveOn: r.effective_on as string,
        docNo: (r.doc_no as string | null) ?? null,
        reason: (r.reason as string | null) ?? null,
      });
    }
  });
  await sheet("hosts", async (add) => {
    for (const h of await rows(db, sql`select * from hosts order by id`)) {
      if (!sel.hostIds.has(h.id as number)) continue;
      add({
        creditCode: h.credit_code as string,
        name: h.name as string,
        kind: HOST_KIND_LABELS[h.kind as HostKind],
        industry: (h.industry as string | null) ?? null,
        regionCode: code(regionCode, h.region_id),
        foundedOn: h.founded_on as string,
        closedOn: (h.closed_on as string | null) ?? null,
        ownerName: (h.owner_name as string | null) ?? null,
        ownerIsMember: yn(h.owner_is_member),
        unionOn: (h.union_on as string | null) ?? null,
        youthLeagueOn: (h.youth_league_on as string | null) ?? null,
        womenOn: (h.women_on as string | null) ?? null,
      });
    }
  });
  await sheet("hostYears", async (add) => {
    for (const y of await rows(db, sql`select * from host_years order by host_id, year`)) {
      if (!sel.hostIds.has(y.host_id as number)) continue;
      add({
        creditCode: code(hostCode, y.host_id),
        year: y.year as number,
        employees: y.employees as number,
        // The sheet holds 万元: the number nearest the exact 分 (reads back as the same 分).
        revenueFen: y.revenue_fen === null ? null : fenNumber(y.revenue_fen as number, "wan"),
        payrollFen: y.payroll_fen === null ? null : fenNumber(y.payroll_fen as number, "wan"),
      });
    }
  });
  await sheet("coverage", async (add) => {
    for (const c of await rows(db, sql`select * from coverages order by id`)) {
      if (!hostIn(c.host_id) || !orgIn(c.org_id)) continue;
      add({
        creditCode: code(hostCode, c.host_id),
        orgCode: code(orgCode, c.org_id),
        startOn: c.start_on as string,
        endOn: (c.end_on as string | null) ?? null,
      });
    }
  });
  await sheet("members", async (add) => {
    for (const x of await rows(db, sql`select * from members order by id`)) {
      if (!sel.memberIds.has(x.id as number)) continue;
      const status = x.status as MemberStatus;
      add({
        idNumber: x.id_number as string,
        name: x.name as string,
        gender: GENDER_LABELS[x.gender as Gender],
        birthDate: (x.birth_date as string | null) ?? null,
        joinedOn: x.joined_on as string,
        fullOn: (x.full_on as string | null) ?? null,
        orgCode: code(orgCode, x.org_id),
        outsideOrgName:
          x.org_id === null ? ((x.outside_org_name as string | null) ?? m.outsidePlaceholder) : null,
        workCode: hostRef(x.work_host_id),
        workSince: hostIn(x.work_host_id) ? ((x.work_since as string | null) ?? null) : null,
        jobCategory: x.job_category ? JOB_CATEGORY_LABELS[x.job_category as JobCategory] : null,
        status: MEMBER_STATUS_LABELS[status],
        statusOn: status === "normal" ? null : ((x.status_on as string | null) ?? null),
        mobile: yn(x.mobile),
        lostContact: yn(x.lost_contact),
        pocket: yn(x.pocket),
      });
    }
  });
  await sheet("transfers", async (add) => {
    const byMember = new Map<number, { orgId: number | null; startOn: string }[]>();
    for (const r of await rows<{ member_id: number; org_id: number | null; start_on: string }>(
      db,
      sql`select member_id, org_id, start_on from member_relationships order by member_id, start_on, id`,
    )) {
      if (!sel.memberIds.has(r.member_id)) continue;
      const list = byMember.get(r.member_id) ?? [];
      list.push({ orgId: r.org_id, startOn: r.start_on });
      byMember.set(r.member_id, list);
    }
    // Held by an organization outside the file: outside the city, as far as the file tells.
    const ref = (id: number | null) => orgRef(id) as string | null;
    for (const [memberId, rels] of byMember)
      for (const t of transferRows(rels, ref)) add({ idNumber: code(memberCode, memberId), ...t });
  });
  await sheet("workplaces", async (add) => {
    for (const w of await rows(db, sql`select * from member_workplaces order by member_id, start_on, id`)) {
      if (!sel.memberIds.has(w.member_id as number) || !hostIn(w.host_id)) continue;
      add({
        idNumber: code(memberCode, w.member_id),
        creditCode: code(hostCode, w.host_id),
        startOn: w.start_on as string,
        endOn: (w.end_on as string | null) ?? null,
      });
    }
  });
  await sheet("instructors", async (add) => {
    for (const i of await rows(db, sql`select * from instructors order by id`)) {
      if (!sel.instructorIds.has(i.id as number)) continue;
      const dispatchCode = orgRef(i.dispatch_org_id);
      add({
        number: i.number as string,
        name: i.name as string,
        kind: INSTRUCTOR_KIND_LABELS[i.kind as InstructorKind],
        dispatchCode,
        // An organ outside the tree, or (below the city) a dispatching organization outside the file.
        dispatchName:
          i.dispatch_org_id === null
            ? ((i.dispatch_org_name as string | null) ?? null)
            : dispatchCode === null
              ? (orgName.get(i.dispatch_org_id as number) ?? null)
              : null,
        // A registrar outside the file is left to the import (the dispatcher's management node).
        registeredCode: orgRef(i.registered_by_id),
      });
    }
  });
  await sheet("assignments", async (add) => {
    const numberOf = new Map<number, string>();
    for (const i of await rows<{ id: number; number: string }>(db, sql`select id, number from instructors`))
      numberOf.set(i.id, i.number);
    for (const a of await rows(db, sql`select * from assignments order by id`)) {
      if (!sel.instructorIds.has(a.instructor_id as number) || !hostIn(a.host_id)) continue;
      add({
        number: code(numberOf, a.instructor_id),
        creditCode: code(hostCode, a.host_id),
        startOn: a.start_on as string,
        endOn: (a.end_on as string | null) ?? null,
      });
    }
  });
  // ── The five basics: an organization's records when it is in the file (not a superior's header) ──
  const orgOwn = (id: unknown) => typeof id === "number" && sel.orgIds.has(id);
  const dated = (r: Row) => ({
    startOn: r.start_on as string,
    endOn: (r.end_on as string | null) ?? null,
  });
  await sheet("committee", async (add) => {
    for (const c of await rows(db, sql`select * from committee_members order by org_id, start_on, id`)) {
      if (!orgOwn(c.org_id) || !memberIn(c.member_id)) continue;
      add({
        orgCode: code(orgCode, c.org_id),
        idNumber: code(memberCode, c.member_id),
        post: COMMITTEE_POST_LABELS[c.post as CommitteePost],
        ...dated(c),
        onBoard: yn(c.on_board),
        inManagement: yn(c.in_management),
        onSupervisoryBoard: yn(c.on_supervisory_board),
      });
    }
  });
  await sheet("reserveCadres", async (add) => {
    for (const c of await rows(db, sql`select * from reserve_cadres order by org_id, start_on, id`)) {
      if (!orgOwn(c.org_id) || !memberIn(c.member_id)) continue;
      add({ orgCode: code(orgCode, c.org_id), idNumber: code(memberCode, c.member_id), ...dated(c) });
    }
  });
  // Every term of an organization of the file whose member is in the file; the open one only when it is
  // the one the 党组织 row names.
  const terms = (await rows(db, sql`select * from secretaries order by org_id, start_on, id`)).filter(
    (t) =>
      orgOwn(t.org_id) &&
      memberIn(t.member_id) &&
      (t.end_on !== null || secretaryOf.get(t.org_id as number) === t.member_id),
  );
  await sheet("secretaryProfiles", (add) => {
    for (const t of terms) {
      add({
        orgCode: code(orgCode, t.org_id),
        idNumber: code(memberCode, t.member_id),
        startOn: t.start_on as string,
        endOn: (t.end_on as string | null) ?? null,
        kind: t.kind === null ? null : SECRETARY_KIND_LABELS[t.kind as SecretaryKind],
        source: t.source === null ? null : SECRETARY_SOURCE_LABELS[t.source as SecretarySource],
      });
    }
  });
  await sheet("allowances", async (add) => {
    const termOf = new Map(terms.map((t) => [t.id as number, t]));
    for (const a of await rows(
      db,
      sql`select * from secretary_allowances order by secretary_id, start_on, id`,
    )) {
      const t = termOf.get(a.secretary_id as number);
      if (!t) continue;
      add({
        orgCode: code(orgCode, t.org_id),
        idNumber: code(memberCode, t.member_id),
        // The sheet holds 元: the number nearest the exact 分 (reads back as the same 分).
        monthlyFen: fenNumber(a.monthly_fen as number, "yuan"),
        ...dated(a),
      });
    }
  });
  const venueList = (await rows(db, sql`select id, name, org_id, run_by from venues order by id`)).filter(
    (v) => orgOwn(v.org_id) || orgOwn(v.run_by),
  );
  const venueById = new Map(venueList.map((v) => [v.id as number, v]));
  await sheet("venues", async (add) => {
    for (const c of await rows(db, sql`select * from venue_checks order by venue_id, checked_on`)) {
      const v = venueById.get(c.venue_id as number);
      if (!v) continue;
      const equipment = [
        c.has_av ? VENUE_EQUIPMENT_LABELS.av : null,
        c.has_furniture ? VENUE_EQUIPMENT_LABELS.furniture : null,
        c.has_flag ? VENUE_EQUIPMENT_LABELS.flag : null,
        c.has_emblem ? VENUE_EQUIPMENT_LABELS.emblem : null,
        c.has_reading ? VENUE_EQUIPMENT_LABELS.reading : null,
      ].filter((x) => x !== null);
      add({
        name: v.name as string,
        orgCode: v.org_id === null ? null : code(orgCode, v.org_id),
        runByCode: v.run_by === null ? null : code(orgCode, v.run_by),
        checkedOn: c.checked_on as string,
        status: VENUE_STATUS_LABELS[c.status as VenueStatus],
        areaSqm: (c.area_sqm as number | null) ?? null,
        equipment: equipment.length > 0 ? equipment.join(";") : null,
      });
    }
  });
  await sheet("venueLinks", async (add) => {
    for (const l of await rows(db, sql`select * from venue_links order by venue_id, org_id, start_on, id`)) {
      const v = venueById.get(l.venue_id as number);
      if (!v || v.run_by === null || !orgOwn(v.run_by) || !orgOwn(l.org_id)) continue;
      add({
        runByCode: code(orgCode, v.run_by),
        venueName: v.name as string,
        orgCode: code(orgCode, l.org_id),
        ...dated(l),
      });
    }
  });
  await sheet("orgRules", async (add) => {
    for (const r of await rows(db, sql`select * from org_rules order by org_id, rule, adopted_on, id`)) {
      if (!orgOwn(r.org_id)) continue;
      add({
        orgCode: code(orgCode, r.org_id),
        rule: ORG_RULE_LABELS[r.rule as OrgRule],
        adoptedOn: r.adopted_on as string,
        droppedOn: (r.dropped_on as string | null) ?? null,
      });
    }
  });
  await sheet("funds", async (add) => {
    for (const f of await rows(db, sql`select * from org_funds order by org_id, year, source`)) {
      if (!orgOwn(f.org_id)) continue;
      add({
        orgCode: code(orgCode, f.org_id),
        year: f.year as number,
        source: FUND_SOURCE_LABELS[f.source as FundSource],
        // The sheet holds 万元: the number nearest the exact 分 (reads back as the same 分).
        amountFen: fenNumber(f.amount_fen as number, "wan"),
      });
    }
  });
  // ── The cadre work: a record when the node that holds it (organizer, assessor, reviewer, namer, the
  // leader's registrar) is in the file, with the people and units it names ──
  const orgOrHost = (r: Row) =>
    r.org_id !== null
      ? { orgCode: code(orgCode, r.org_id), creditCode: null }
      : { orgCode: null, creditCode: code(hostCode, r.host_id) };
  const subjectIn = (r: Row) => (r.org_id !== null ? orgOwn(r.org_id) : hostIn(r.host_id));
  const trainingList = (await rows(db, sql`select * from trainings order by start_on, id`)).filter((t) =>
    orgOwn(t.organizer_id),
  );
  const trainingById = new Map(trainingList.map((t) => [t.id as number, t]));
  await sheet("trainings", (add) => {
    for (const t of trainingList)
      add({
        organizerCode: code(orgCode, t.organizer_id),
        title: t.title as string,
        kind: TRAINING_KIND_LABELS[t.kind as TrainingKind],
        startOn: t.start_on as string,
        endOn: t.end_on as string,
        place: (t.place as string | null) ?? null,
        hours: (t.hours as number | null) ?? null,
      });
  });
  const instructorNumber = new Map<number, string>();
  for (const i of await rows<{ id: number; number: string }>(db, sql`select id, number from instructors`))
    instructorNumber.set(i.id, i.number);
  const instructorIn = (id: unknown) => typeof id === "number" && sel.instructorIds.has(id);
  await sheet("trainingParticipants", async (add) => {
    for (const p of await rows(db, sql`select * from training_participants order by training_id, id`)) {
      const t = trainingById.get(p.training_id as number);
      if (!t) continue;
      const person: Record<string, Cell> | false =
        p.member_id !== null
          ? memberIn(p.member_id) && { idNumber: code(memberCode, p.member_id) }
          : p.instructor_id !== null
            ? instructorIn(p.instructor_id) && { instructorNumber: code(instructorNumber, p.instructor_id) }
            : hostIn(p.host_id) && { ownerCreditCode: code(hostCode, p.host_id) };
      if (!person) continue;
      add({
        organizerCode: code(orgCode, t.organizer_id),
        startOn: t.start_on as string,
        title: t.title as string,
        ...person,
      });
    }
  });
  await sheet("instructorAssessments", async (add) => {
    for (const a of await rows(db, sql`select * from instructor_assessments order by instructor_id, year`)) {
      if (!instructorIn(a.instructor_id) || !orgOwn(a.assessed_by_id)) continue;
      add({
        number: code(instructorNumber, a.instructor_id),
        year: a.year as number,
        grade: ASSESSMENT_GRADE_LABELS[a.grade as AssessmentGrade],
        remarks: (a.remarks as string | null) ?? null,
        assessedOn: a.assessed_on as string,
        assessedByCode: code(orgCode, a.assessed_by_id),
      });
    }
  });
  await sheet("secretaryReviews", async (add) => {
    for (const r of await rows(db, sql`select * from secretary_reviews order by org_id, year, member_id`)) {
      if (!orgOwn(r.org_id) || !memberIn(r.member_id) || !orgOwn(r.reviewed_by_id)) continue;
      add({
        orgCode: code(orgCode, r.org_id),
        idNumber: code(memberCode, r.member_id),
        year: r.year as number,
        grade: REVIEW_GRADE_LABELS[r.grade as ReviewGrade],
        remarks: (r.remarks as string | null) ?? null,
        reviewedOn: r.reviewed_on as string,
        reviewedByCode: code(orgCode, r.reviewed_by_id),
      });
    }
  });
  await sheet("fiveGood", async (add) => {
    for (const a of await rows(db, sql`select * from five_good_awards order by org_id, year`)) {
      if (!orgOwn(a.org_id) || (a.reviewer_id !== null && !orgOwn(a.reviewer_id))) continue;
      add({
        orgCode: code(orgCode, a.org_id),
        year: a.year as number,
        appliedOn: a.applied_on as string,
        application: (a.application as string | null) ?? null,
        decision: a.decision === null ? null : AWARD_DECISION_LABELS[a.decision as AwardDecision],
        level: a.level === null ? null : HONOUR_LEVEL_LABELS[a.level as HonourLevel],
        reviewedOn: (a.reviewed_on as string | null) ?? null,
        reviewerCode: code(orgCode, a.reviewer_id),
        reviewNote: (a.review_note as string | null) ?? null,
      });
    }
  });
  await sheet("showcases", async (add) => {
    for (const x of await rows(db, sql`select * from showcases order by start_on, id`)) {
      if (!subjectIn(x) || !orgOwn(x.named_by_id)) continue;
      add({
        ...orgOrHost(x),
        level: HONOUR_LEVEL_LABELS[x.level as HonourLevel],
        namedByCode: code(orgCode, x.named_by_id),
        ...dated(x),
        reasons: x.reasons as string,
      });
    }
  });
  const leaderList = (await rows(db, sql`select * from leaders order by id`)).filter((l) =>
    orgOwn(l.registered_by_id),
  );
  const leaderById = new Map(leaderList.map((l) => [l.id as number, l]));
  await sheet("leaders", (add) => {
    for (const l of leaderList)
      add({
        name: l.name as string,
        unit: l.unit as string,
        post: l.post as string,
        registeredCode: code(orgCode, l.registered_by_id),
      });
  });
  const pointList = (
    await rows(db, sql`select * from contact_points order by leader_id, start_on, id`)
  ).filter((p) => leaderById.has(p.leader_id as number) && subjectIn(p));
  const pointById = new Map(pointList.map((p) => [p.id as number, p]));
  const leaderOf = (p: Row) => {
    const l = leaderById.get(p.leader_id as number)!;
    return { leaderName: l.name as string, leaderUnit: l.unit as string };
  };
  await sheet("contactPoints", (add) => {
    for (const p of pointList) add({ ...leaderOf(p), ...orgOrHost(p), ...dated(p) });
  });
  await sheet("contactVisits", async (add) => {
    for (const v of await rows(
      db,
      sql`select * from contact_visits order by contact_point_id, visited_on, id`,
    )) {
      const p = pointById.get(v.contact_point_id as number);
      if (!p) continue;
      add({
        ...leaderOf(p),
        ...orgOrHost(p),
        visitedOn: v.visited_on as string,
        content: v.content as string,
        problems: (v.problems as string | null) ?? null,
        followUp: (v.follow_up as string | null) ?? null,
      });
    }
  });
  await wb.commit();
  return { rows: written };
}
