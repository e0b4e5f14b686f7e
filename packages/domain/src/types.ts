/**
 * Plain records the domain computes over. `packages/db` loads them (scoped, with full dated history);
 * nothing here knows about SQL. Dates are ISO `YYYY-MM-DD` strings; intervals are half-open.
 */

export type IsoDate = string;

export const REGION_LEVELS = ["city", "county", "township"] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const MANAGEMENT_CATEGORIES = [
  "cityCommittee",
  "countyCommittee",
  "townshipCommittee",
  "parkCommittee",
  "industryCommittee",
] as const;
export const GRASSROOTS_CATEGORIES = ["committee", "generalBranch", "branch", "jointBranch"] as const;
export const ORG_CATEGORIES = [...MANAGEMENT_CATEGORIES, ...GRASSROOTS_CATEGORIES] as const;
export type ManagementCategory = (typeof MANAGEMENT_CATEGORIES)[number];
export type GrassrootsCategory = (typeof GRASSROOTS_CATEGORIES)[number];
export type OrgCategory = (typeof ORG_CATEGORIES)[number];

/** As stored: 依托建 and 网格建 are kept apart, and count as affiliated and regional. */
export const FORMATION_MODES = ["standalone", "joint", "affiliated", "hosted", "regional", "grid"] as const;
export type FormationMode = (typeof FORMATION_MODES)[number];
/** As counted in `coveredByMode`. */
export type CountedMode = "standalone" | "joint" | "affiliated" | "regional";

export const HOST_KINDS = ["enterprise", "socialOrg"] as const;
export type HostKind = (typeof HOST_KINDS)[number];

export const MEMBER_STATUSES = ["normal", "transferredOut", "expelled", "deceased", "stopped"] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export interface RegionRec {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
}

export interface OrgRec {
  id: number;
  code: string;
  name: string;
  category: OrgCategory;
  /** Today's superior; earlier ones come from `ReparentingRec`s. */
  parentId: number | null;
  /** Territory of a management node; null for 行业党委 and grassroots organizations. */
  regionId: number | null;
  formationMode: FormationMode | null;
  foundedOn: IsoDate;
  revokedOn: IsoDate | null;
}

export interface ReparentingRec {
  orgId: number;
  fromParentId: number;
  toParentId: number;
  /** The new superior holds from this date. */
  effectiveOn: IsoDate;
}

export interface DualLinkRec {
  orgId: number;
  regionalOrgId: number;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export interface HostRec {
  id: number;
  creditCode: string;
  name: string;
  kind: HostKind;
  regionId: number;
  foundedOn: IsoDate;
  closedOn: IsoDate | null;
  unionOn: IsoDate | null;
  youthLeagueOn: IsoDate | null;
  womenOn: IsoDate | null;
}

export interface HostYearRec {
  hostId: number;
  year: number;
  employees: number;
  /** 营业收入 in whole 分 (see money.ts); the user types and reads 万元. */
  revenueFen: number | null;
}

export interface CoverageRec {
  hostId: number;
  orgId: number;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export interface MemberRec {
  id: number;
  joinedOn: IsoDate;
  /** 转正日期; null while probationary. */
  fullOn: IsoDate | null;
}

export interface MemberRelationshipRec {
  memberId: number;
  /** null: held outside the city's tree. */
  orgId: number | null;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export interface MemberWorkplaceRec {
  memberId: number;
  hostId: number;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export interface MemberStatusEventRec {
  memberId: number;
  status: MemberStatus;
  effectiveOn: IsoDate;
}

export interface InstructorRec {
  id: number;
  number: string;
}

export interface AssignmentRec {
  instructorId: number;
  hostId: number;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

/** Everything a computation needs, with full dated history. */
export interface Snapshot {
  regions: RegionRec[];
  orgs: OrgRec[];
  reparentings: ReparentingRec[];
  dualLinks: DualLinkRec[];
  hosts: HostRec[];
  hostYears: HostYearRec[];
  coverages: CoverageRec[];
  members: MemberRec[];
  relationships: MemberRelationshipRec[];
  workplaces: MemberWorkplaceRec[];
  statusEvents: MemberStatusEventRec[];
  instructors: InstructorRec[];
  assignments: AssignmentRec[];
}

/** The four modes as counted in `coveredByMode`, in report order. */
export const COUNTED_MODES = ["standalone", "joint", "affiliated", "regional"] as const;

/** 岗位类别 of a member. */
export const JOB_CATEGORIES = ["owner", "manager", "professional", "frontline", "other"] as const;
export type JobCategory = (typeof JOB_CATEGORIES)[number];

/** 党建工作指导员类别: 专职 / 兼职 / 挂职. */
export const INSTRUCTOR_KINDS = ["fullTime", "partTime", "seconded"] as const;
export type InstructorKind = (typeof INSTRUCTOR_KINDS)[number];

export const GENDERS = ["male", "female"] as const;
export type Gender = (typeof GENDERS)[number];

/** 组织关系接转: request → accepted | rejected (打回). */
export const TRANSFER_STATES = ["pending", "accepted", "rejected"] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];
export type TransferDecision = "accept" | "reject";

/** 书记任职: at most one secretary per organization at a time. */
export interface SecretaryTermRec {
  orgId: number;
  memberId: number;
  startOn: IsoDate;
  endOn: IsoDate | null;
}
