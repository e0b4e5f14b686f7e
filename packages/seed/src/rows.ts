/** In-memory rows of the generators, camelCase like the schema; `write.ts` puts them into SQLite. */
import type {
  FormationMode,
  HostKind,
  IsoDate,
  MemberStatus,
  OrgCategory,
  RegionLevel,
} from "@liangxin/domain";

export interface RegionRow {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: number | null;
  path: string;
  depth: number;
}

export interface OrgRow {
  id: number;
  code: string;
  name: string;
  category: OrgCategory;
  parentId: number | null;
  path: string;
  depth: number;
  regionId: number | null;
  formationMode: FormationMode | null;
  foundedOn: IsoDate;
  revokedOn: IsoDate | null;
  lastElectionOn: IsoDate | null;
  /** Whether it has 党小组 (grassroots organizations of seven full members or more, in the demo). */
  hasPartyGroups: boolean;
}

export interface ReparentingRow {
  id: number;
  orgId: number;
  fromParentId: number;
  toParentId: number;
  effectiveOn: IsoDate;
  docNo: string | null;
  reason: string | null;
}

export interface DualLinkRow {
  id: number;
  orgId: number;
  regionalOrgId: number;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export interface HostRow {
  id: number;
  creditCode: string;
  name: string;
  kind: HostKind;
  industry: string | null;
  regionId: number;
  foundedOn: IsoDate;
  closedOn: IsoDate | null;
  ownerName: string | null;
  ownerIsMember: boolean;
  contactPhone: string | null;
  address: string | null;
  unionOn: IsoDate | null;
  youthLeagueOn: IsoDate | null;
  womenOn: IsoDate | null;
}

export interface HostYearRow {
  hostId: number;
  year: number;
  employees: number;
  /** 营业收入 in 分. */
  revenueFen: number | null;
}

export interface CoverageRow {
  id: number;
  hostId: number;
  orgId: number;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export type JobCategory = "owner" | "manager" | "professional" | "frontline" | "other";

export interface MemberRow {
  id: number;
  idNumber: string;
  name: string;
  gender: "male" | "female";
  birthDate: IsoDate;
  joinedOn: IsoDate;
  fullOn: IsoDate | null;
  orgId: number | null;
  outsideOrgName: string | null;
  workHostId: number | null;
  workSince: IsoDate | null;
  jobCategory: JobCategory | null;
  status: MemberStatus;
  statusOn: IsoDate | null;
  mobile: boolean;
  lostContact: boolean;
  pocket: boolean;
  phone: string | null;
}

export interface RelationshipRow {
  id: number;
  memberId: number;
  orgId: number | null;
  outsideOrgName: string | null;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export interface WorkplaceRow {
  id: number;
  memberId: number;
  hostId: number;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export interface StatusEventRow {
  id: number;
  memberId: number;
  status: MemberStatus;
  effectiveOn: IsoDate;
  reason: string | null;
}

export interface TransferRow {
  id: number;
  memberId: number;
  fromOrgId: number | null;
  toOrgId: number | null;
  outsideOrgName: string | null;
  requestedOn: IsoDate;
  effectiveOn: IsoDate;
  state: "pending" | "accepted" | "rejected";
  decidedOn: IsoDate | null;
  decisionReason: string | null;
}

export interface ApplicantRow {
  id: number;
  idNumber: string;
  name: string;
  gender: "male" | "female";
  orgId: number;
  workHostId: number | null;
  appliedOn: IsoDate;
  activistOn: IsoDate | null;
  candidateOn: IsoDate | null;
  probationaryOn: IsoDate | null;
  fullOn: IsoDate | null;
  memberId: number | null;
}

export interface SecretaryRow {
  id: number;
  orgId: number;
  memberId: number;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export interface InstructorRow {
  id: number;
  number: string;
  name: string;
  kind: "fullTime" | "partTime" | "seconded";
  dispatchOrgId: number | null;
  dispatchOrgName: string | null;
  registeredById: number;
  phone: string | null;
}

export interface AssignmentRow {
  id: number;
  instructorId: number;
  hostId: number;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export interface PolicyRow {
  id: number;
  effectiveOn: IsoDate;
  params: unknown;
  note: string | null;
}

/** Everything a generator produces, in insertion order. */
export interface SeedData {
  regions: RegionRow[];
  orgs: OrgRow[];
  reparentings: ReparentingRow[];
  dualLinks: DualLinkRow[];
  hosts: HostRow[];
  hostYears: HostYearRow[];
  coverages: CoverageRow[];
  members: MemberRow[];
  relationships: RelationshipRow[];
  workplaces: WorkplaceRow[];
  statusEvents: StatusEventRow[];
  transfers: TransferRow[];
  applicants: ApplicantRow[];
  secretaries: SecretaryRow[];
  instructors: InstructorRow[];
  assignments: AssignmentRow[];
  policies: PolicyRow[];
}
