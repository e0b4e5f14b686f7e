/**
 * The stored rows of every table an import writes, as the working copies hold them (the database's
 * columns in camelCase; flags as 0/1). `state.ts` loads them; the steps of planning change them in memory.
 */
import type { RowData } from "../work.ts";

type Nullable<T> = T | null;

export interface RegionW extends RowData {
  id: number;
  code: string;
  name: string;
  level: string;
  parentId: Nullable<number>;
  path: string;
  depth: number;
}
export interface OrgW extends RowData {
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
export interface ReparentingW extends RowData {
  id: number;
  orgId: number;
  fromParentId: number;
  toParentId: number;
  effectiveOn: string;
  docNo: Nullable<string>;
  reason: Nullable<string>;
}
export interface DualLinkW extends RowData {
  id: number;
  orgId: number;
  regionalOrgId: number;
  startOn: string;
  endOn: Nullable<string>;
}
export interface HostW extends RowData {
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
export interface HostYearW extends RowData {
  id: number;
  hostId: number;
  year: number;
  employees: number;
  revenueFen: Nullable<number>;
  payrollFen: Nullable<number>;
}
export interface CoverageW extends RowData {
  id: number;
  hostId: number;
  orgId: number;
  startOn: string;
  endOn: Nullable<string>;
}
export interface MemberW extends RowData {
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
export interface RelationshipW extends RowData {
  id: number;
  memberId: number;
  orgId: Nullable<number>;
  outsideOrgName: Nullable<string>;
  startOn: string;
  endOn: Nullable<string>;
}
export interface WorkplaceW extends RowData {
  id: number;
  memberId: number;
  hostId: number;
  startOn: string;
  endOn: Nullable<string>;
}
export interface StatusEventW extends RowData {
  id: number;
  memberId: number;
  status: string;
  effectiveOn: string;
}
export interface SecretaryW extends RowData {
  id: number;
  orgId: number;
  memberId: number;
  startOn: string;
  endOn: Nullable<string>;
  kind: Nullable<string>;
  source: Nullable<string>;
}
export interface InstructorW extends RowData {
  id: number;
  number: string;
  name: string;
  kind: string;
  dispatchOrgId: Nullable<number>;
  dispatchOrgName: Nullable<string>;
  registeredById: number;
}
export interface AssignmentW extends RowData {
  id: number;
  instructorId: number;
  hostId: number;
  startOn: string;
  endOn: Nullable<string>;
}
export interface CommitteeMemberW extends RowData {
  id: number;
  orgId: number;
  memberId: number;
  post: string;
  startOn: string;
  endOn: Nullable<string>;
  onBoard: number;
  inManagement: number;
  onSupervisoryBoard: number;
}
export interface ReserveCadreW extends RowData {
  id: number;
  orgId: number;
  memberId: number;
  startOn: string;
  endOn: Nullable<string>;
}
export interface AllowanceW extends RowData {
  id: number;
  secretaryId: number;
  monthlyFen: number;
  startOn: string;
  endOn: Nullable<string>;
}
export interface VenueW extends RowData {
  id: number;
  name: string;
  orgId: Nullable<number>;
  runBy: Nullable<number>;
}
export interface VenueCheckW extends RowData {
  id: number;
  venueId: number;
  checkedOn: string;
  status: string;
  areaSqm: Nullable<number>;
  hasAv: number;
  hasFurniture: number;
  hasFlag: number;
  hasEmblem: number;
  hasReading: number;
}
export interface VenueLinkW extends RowData {
  id: number;
  venueId: number;
  orgId: number;
  startOn: string;
  endOn: Nullable<string>;
}
export interface OrgRuleW extends RowData {
  id: number;
  orgId: number;
  rule: string;
  adoptedOn: string;
  droppedOn: Nullable<string>;
}
export interface OrgFundW extends RowData {
  id: number;
  orgId: number;
  year: number;
  source: string;
  amountFen: number;
}
export interface TrainingW extends RowData {
  id: number;
  organizerId: number;
  title: string;
  kind: string;
  startOn: string;
  endOn: string;
  place: Nullable<string>;
  hours: Nullable<number>;
}
export interface TrainingParticipantW extends RowData {
  id: number;
  trainingId: number;
  kind: string;
  memberId: Nullable<number>;
  instructorId: Nullable<number>;
  hostId: Nullable<number>;
}
export interface InstructorAssessmentW extends RowData {
  id: number;
  instructorId: number;
  year: number;
  grade: string;
  remarks: Nullable<string>;
  assessedOn: string;
  assessedById: number;
}
export interface SecretaryReviewW extends RowData {
  id: number;
  orgId: number;
  memberId: number;
  year: number;
  grade: string;
  remarks: Nullable<string>;
  reviewedOn: string;
  reviewedById: number;
}
export interface FiveGoodW extends RowData {
  id: number;
  orgId: number;
  year: number;
  appliedOn: string;
  application: Nullable<string>;
  decision: Nullable<string>;
  level: Nullable<string>;
  reviewedOn: Nullable<string>;
  reviewerId: Nullable<number>;
  reviewNote: Nullable<string>;
}
export interface ShowcaseW extends RowData {
  id: number;
  orgId: Nullable<number>;
  hostId: Nullable<number>;
  level: string;
  namedById: number;
  startOn: string;
  endOn: Nullable<string>;
  reasons: string;
}
export interface LeaderW extends RowData {
  id: number;
  name: string;
  post: string;
  unit: string;
  registeredById: number;
}
export interface ContactPointW extends RowData {
  id: number;
  leaderId: number;
  orgId: Nullable<number>;
  hostId: Nullable<number>;
  startOn: string;
  endOn: Nullable<string>;
}
export interface ContactVisitW extends RowData {
  id: number;
  contactPointId: number;
  visitedOn: string;
  content: string;
  problems: Nullable<string>;
  followUp: Nullable<string>;
}
