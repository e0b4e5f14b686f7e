/**
 * The current database state: every table an import writes, loaded into a working copy (`Work`) keyed
 * the way an import row names its record — 区划代码, 组织代码, 统一社会信用代码, 公民身份号码, 编号, or all key
 * columns of a dated relation (`rowKey`). Nothing is written to the database; the copies are changed in
 * memory and diffed at the end (`changes.ts`).
 */
import { sql, type SQL } from "drizzle-orm";
import { selectAll, type Db } from "@liangxin/db/driver";
import { IMPORTED_TABLES, TABLE_NAME } from "@liangxin/db/tables";
import { Work } from "../work.ts";
import type {
  ContactPointW,
  ContactVisitW,
  FiveGoodW,
  InstructorAssessmentW,
  LeaderW,
  SecretaryReviewW,
  ShowcaseW,
  TrainingParticipantW,
  TrainingW,
  AllowanceW,
  AssignmentW,
  CommitteeMemberW,
  OrgFundW,
  OrgRuleW,
  ReserveCadreW,
  VenueCheckW,
  VenueLinkW,
  VenueW,
  CoverageW,
  DualLinkW,
  HostW,
  HostYearW,
  InstructorW,
  MemberW,
  OrgW,
  RegionW,
  RelationshipW,
  ReparentingW,
  SecretaryW,
  StatusEventW,
  WorkplaceW,
} from "./rows.ts";

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
  hostYears: sql`select row_number() over (order by host_id, year) as id, host_id as hostId, year, employees, revenue_fen as revenueFen,
    payroll_fen as payrollFen from host_years`,
  coverages: sql`select id, host_id as hostId, org_id as orgId, start_on as startOn, end_on as endOn from coverages`,
  members: sql`select id, id_number as idNumber, name, gender, birth_date as birthDate, joined_on as joinedOn,
    full_on as fullOn, org_id as orgId, outside_org_name as outsideOrgName, work_host_id as workHostId,
    work_since as workSince, job_category as jobCategory, status, status_on as statusOn, mobile,
    lost_contact as lostContact, pocket from members`,
  relationships: sql`select id, member_id as memberId, org_id as orgId, outside_org_name as outsideOrgName, start_on as startOn,
    end_on as endOn from member_relationships`,
  workplaces: sql`select id, member_id as memberId, host_id as hostId, start_on as startOn, end_on as endOn from member_workplaces`,
  statusEvents: sql`select id, member_id as memberId, status, effective_on as effectiveOn from member_status_events`,
  secretaries: sql`select id, org_id as orgId, member_id as memberId, start_on as startOn, end_on as endOn, kind, source
    from secretaries`,
  instructors: sql`select id, number, name, kind, dispatch_org_id as dispatchOrgId, dispatch_org_name as dispatchOrgName,
    registered_by_id as registeredById from instructors`,
  assignments: sql`select id, instructor_id as instructorId, host_id as hostId, start_on as startOn, end_on as endOn from assignments`,
  committeeMembers: sql`select id, org_id as orgId, member_id as memberId, post, start_on as startOn, end_on as endOn,
    on_board as onBoard, in_management as inManagement, on_supervisory_board as onSupervisoryBoard from committee_members`,
  reserveCadres: sql`select id, org_id as orgId, member_id as memberId, start_on as startOn, end_on as endOn from reserve_cadres`,
  secretaryAllowances: sql`select id, secretary_id as secretaryId, monthly_fen as monthlyFen, start_on as startOn,
    end_on as endOn from secretary_allowances`,
  venues: sql`select id, name, org_id as orgId, run_by as runBy from venues`,
  venueChecks: sql`select id, venue_id as venueId, checked_on as checkedOn, status, area_sqm as areaSqm, has_av as hasAv,
    has_furniture as hasFurniture, has_flag as hasFlag, has_emblem as hasEmblem, has_reading as hasReading from venue_checks`,
  venueLinks: sql`select id, venue_id as venueId, org_id as orgId, start_on as startOn, end_on as endOn from venue_links`,
  orgRules: sql`select id, org_id as orgId, rule, adopted_on as adoptedOn, dropped_on as droppedOn from org_rules`,
  orgFunds: sql`select row_number() over (order by org_id, year, source) as id, org_id as orgId, year, source, amount_fen as amountFen from org_funds`,
  trainings: sql`select id, organizer_id as organizerId, title, kind, start_on as startOn, end_on as endOn, place, hours
    from trainings`,
  trainingParticipants: sql`select id, training_id as trainingId, kind, member_id as memberId,
    instructor_id as instructorId, host_id as hostId from training_participants`,
  instructorAssessments: sql`select id, instructor_id as instructorId, year, grade, remarks, assessed_on as assessedOn,
    assessed_by_id as assessedById from instructor_assessments`,
  secretaryReviews: sql`select id, org_id as orgId, member_id as memberId, year, grade, remarks,
    reviewed_on as reviewedOn, reviewed_by_id as reviewedById from secretary_reviews`,
  fiveGoodAwards: sql`select id, org_id as orgId, year, applied_on as appliedOn, application, decision, level,
    reviewed_on as reviewedOn, reviewer_id as reviewerId, review_note as reviewNote from five_good_awards`,
  showcases: sql`select id, org_id as orgId, host_id as hostId, level, named_by_id as namedById, start_on as startOn,
    end_on as endOn, reasons from showcases`,
  leaders: sql`select id, name, post, unit, registered_by_id as registeredById from leaders`,
  contactPoints: sql`select id, leader_id as leaderId, org_id as orgId, host_id as hostId, start_on as startOn,
    end_on as endOn from contact_points`,
  contactVisits: sql`select id, contact_point_id as contactPointId, visited_on as visitedOn, content, problems,
    follow_up as followUp from contact_visits`,
} as const;

function load<T>(db: Db, query: SQL): Promise<T[]> {
  return selectAll<T>(db, query);
}

/** The key of a row by its key columns (`3|-|2024-01-01`; an empty value is `-`). */
export const rowKey = (...parts: (string | number | null)[]) =>
  parts.map((p) => (p === null ? "-" : String(p))).join("|");

/** Working copies of every table the import writes, by the `key` of the table in `@liangxin/db/tables`. */
export interface PlanState {
  regions: Work<RegionW>;
  orgs: Work<OrgW>;
  reparentings: Work<ReparentingW>;
  dualLinks: Work<DualLinkW>;
  hosts: Work<HostW>;
  hostYears: Work<HostYearW>;
  coverages: Work<CoverageW>;
  members: Work<MemberW>;
  relationships: Work<RelationshipW>;
  workplaces: Work<WorkplaceW>;
  statusEvents: Work<StatusEventW>;
  secretaries: Work<SecretaryW>;
  instructors: Work<InstructorW>;
  assignments: Work<AssignmentW>;
  committeeMembers: Work<CommitteeMemberW>;
  reserveCadres: Work<ReserveCadreW>;
  secretaryAllowances: Work<AllowanceW>;
  venues: Work<VenueW>;
  venueChecks: Work<VenueCheckW>;
  venueLinks: Work<VenueLinkW>;
  orgRules: Work<OrgRuleW>;
  orgFunds: Work<OrgFundW>;
  trainings: Work<TrainingW>;
  trainingParticipants: Work<TrainingParticipantW>;
  instructorAssessments: Work<InstructorAssessmentW>;
  secretaryReviews: Work<SecretaryReviewW>;
  fiveGoodAwards: Work<FiveGoodW>;
  showcases: Work<ShowcaseW>;
  leaders: Work<LeaderW>;
  contactPoints: Work<ContactPointW>;
  contactVisits: Work<ContactVisitW>;
}

/** The key of a training: its organizer, first day and title. */
export const trainingKey = (organizerId: number, startOn: string, title: string) =>
  rowKey(organizerId, startOn, title);
/** The key of a participant: the training and the person (a member, an instructor or a host's owner). */
export const participantKey = (trainingId: number, kind: string, personId: number) =>
  rowKey(trainingId, kind, personId);
/** The key of a leader: name and unit. */
export const leaderKey = (name: string, unit: string) => rowKey(name, unit);
/** The subject of a showcase or a contact point: an organization or a host. */
export const subjectKey = (orgId: number | null, hostId: number | null) =>
  orgId !== null ? rowKey("org", orgId) : rowKey("host", hostId);

/** The key of a venue: an organization's own (one per organization), or a shared one by its runner and name. */
export const venueKey = (orgId: number | null, runBy: number | null, name: string) =>
  orgId !== null ? rowKey("own", orgId) : rowKey("shared", runBy, name);

export async function loadState(db: Db): Promise<PlanState> {
  return {
    regions: new Work<RegionW>(TABLE_NAME.regions, (r) => r.code, await load(db, LOAD.regions)),
    orgs: new Work<OrgW>(TABLE_NAME.orgs, (r) => r.code, await load(db, LOAD.orgs)),
    reparentings: new Work<ReparentingW>(
      TABLE_NAME.reparentings,
      (r) => rowKey(r.orgId, r.fromParentId, r.toParentId, r.effectiveOn),
      await load(db, LOAD.reparentings),
    ),
    dualLinks: new Work<DualLinkW>(
      TABLE_NAME.dualLinks,
      (r) => rowKey(r.orgId, r.regionalOrgId, r.startOn),
      await load(db, LOAD.dualLinks),
    ),
    hosts: new Work<HostW>(TABLE_NAME.hosts, (r) => r.creditCode, await load(db, LOAD.hosts)),
    hostYears: new Work<HostYearW>(
      TABLE_NAME.hostYears,
      (r) => rowKey(r.hostId, r.year),
      await load(db, LOAD.hostYears),
      ["hostId", "year"],
    ),
    coverages: new Work<CoverageW>(
      TABLE_NAME.coverages,
      (r) => rowKey(r.hostId, r.orgId, r.startOn),
      await load(db, LOAD.coverages),
    ),
    members: new Work<MemberW>(TABLE_NAME.members, (r) => r.idNumber, await load(db, LOAD.members)),
    relationships: new Work<RelationshipW>(
      TABLE_NAME.relationships,
      (r) => rowKey(r.memberId, r.orgId, r.startOn),
      await load(db, LOAD.relationships),
    ),
    workplaces: new Work<WorkplaceW>(
      TABLE_NAME.workplaces,
      (r) => rowKey(r.memberId, r.hostId, r.startOn),
      await load(db, LOAD.workplaces),
    ),
    statusEvents: new Work<StatusEventW>(
      TABLE_NAME.statusEvents,
      (r) => rowKey(r.memberId, r.status, r.effectiveOn),
      await load(db, LOAD.statusEvents),
    ),
    secretaries: new Work<SecretaryW>(
      TABLE_NAME.secretaries,
      (r) => rowKey(r.orgId, r.memberId, r.startOn),
      await load(db, LOAD.secretaries),
    ),
    instructors: new Work<InstructorW>(
      TABLE_NAME.instructors,
      (r) => r.number,
      await load(db, LOAD.instructors),
    ),
    assignments: new Work<AssignmentW>(
      TABLE_NAME.assignments,
      (r) => rowKey(r.instructorId, r.hostId, r.startOn),
      await load(db, LOAD.assignments),
    ),
    committeeMembers: new Work<CommitteeMemberW>(
      TABLE_NAME.committeeMembers,
      (r) => rowKey(r.orgId, r.memberId, r.startOn),
      await load(db, LOAD.committeeMembers),
    ),
    reserveCadres: new Work<ReserveCadreW>(
      TABLE_NAME.reserveCadres,
      (r) => rowKey(r.orgId, r.memberId, r.startOn),
      await load(db, LOAD.reserveCadres),
    ),
    secretaryAllowances: new Work<AllowanceW>(
      TABLE_NAME.secretaryAllowances,
      (r) => rowKey(r.secretaryId, r.startOn),
      await load(db, LOAD.secretaryAllowances),
    ),
    venues: new Work<VenueW>(
      TABLE_NAME.venues,
      (r) => venueKey(r.orgId, r.runBy, r.name),
      await load(db, LOAD.venues),
    ),
    venueChecks: new Work<VenueCheckW>(
      TABLE_NAME.venueChecks,
      (r) => rowKey(r.venueId, r.checkedOn),
      await load(db, LOAD.venueChecks),
    ),
    venueLinks: new Work<VenueLinkW>(
      TABLE_NAME.venueLinks,
      (r) => rowKey(r.venueId, r.orgId, r.startOn),
      await load(db, LOAD.venueLinks),
    ),
    orgRules: new Work<OrgRuleW>(
      TABLE_NAME.orgRules,
      (r) => rowKey(r.orgId, r.rule, r.adoptedOn),
      await load(db, LOAD.orgRules),
    ),
    orgFunds: new Work<OrgFundW>(
      TABLE_NAME.orgFunds,
      (r) => rowKey(r.orgId, r.year, r.source),
      await load(db, LOAD.orgFunds),
      ["orgId", "year", "source"],
    ),
    trainings: new Work<TrainingW>(
      TABLE_NAME.trainings,
      (r) => trainingKey(r.organizerId, r.startOn, r.title),
      await load(db, LOAD.trainings),
    ),
    trainingParticipants: new Work<TrainingParticipantW>(
      TABLE_NAME.trainingParticipants,
      (r) => participantKey(r.trainingId, r.kind, (r.memberId ?? r.instructorId ?? r.hostId)!),
      await load(db, LOAD.trainingParticipants),
    ),
    instructorAssessments: new Work<InstructorAssessmentW>(
      TABLE_NAME.instructorAssessments,
      (r) => rowKey(r.instructorId, r.year),
      await load(db, LOAD.instructorAssessments),
    ),
    secretaryReviews: new Work<SecretaryReviewW>(
      TABLE_NAME.secretaryReviews,
      (r) => rowKey(r.orgId, r.memberId, r.year),
      await load(db, LOAD.secretaryReviews),
    ),
    fiveGoodAwards: new Work<FiveGoodW>(
      TABLE_NAME.fiveGoodAwards,
      (r) => rowKey(r.orgId, r.year),
      await load(db, LOAD.fiveGoodAwards),
    ),
    showcases: new Work<ShowcaseW>(
      TABLE_NAME.showcases,
      (r) => rowKey(subjectKey(r.orgId, r.hostId), r.level, r.startOn),
      await load(db, LOAD.showcases),
    ),
    leaders: new Work<LeaderW>(
      TABLE_NAME.leaders,
      (r) => leaderKey(r.name, r.unit),
      await load(db, LOAD.leaders),
    ),
    contactPoints: new Work<ContactPointW>(
      TABLE_NAME.contactPoints,
      (r) => rowKey(r.leaderId, subjectKey(r.orgId, r.hostId), r.startOn),
      await load(db, LOAD.contactPoints),
    ),
    contactVisits: new Work<ContactVisitW>(
      TABLE_NAME.contactVisits,
      (r) => rowKey(r.contactPointId, r.visitedOn),
      await load(db, LOAD.contactVisits),
    ),
  };
}

/** The working copies in WRITE_ORDER (the order of the plan's changes). */
export function worksInWriteOrder(s: PlanState): PlanState[(typeof IMPORTED_TABLES)[number]["key"]][] {
  return IMPORTED_TABLES.map((t) => s[t.key]);
}
