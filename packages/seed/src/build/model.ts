/**
 * The model of the demo city while it is being built: the rows generated so far (`SeedData`), the
 * in-memory view around them (counties, townships, hosts, organizations with the hosts they cover,
 * members with their history), the random source, and the small helpers every stage uses to add a
 * region, an organization or a coverage. Each stage of `build.ts` is a function of this one value.
 */
import type { FormationMode, IsoDate, OrgCategory } from "@liangxin/domain";
import { CodeFactory } from "../codes.ts";
import type { CountyDef, TownshipDef } from "../geography.ts";
import { Rng } from "../random.ts";
import type { CoverageRow, HostRow, MemberRow, OrgRow, RegionRow, SeedData } from "../rows.ts";

export interface County {
  def: CountyDef;
  region: RegionRow;
  node: OrgRow;
  townships: Township[];
}

export interface Township {
  def: TownshipDef;
  county: County;
  region: RegionRow;
  node: OrgRow;
  villages: OrgRow[];
  hosts: HostM[];
}

export interface HostM {
  row: HostRow;
  t: Township;
  /** Employees in the latest year on record. */
  emp: number;
  ownerGender: "male" | "female";
  /** Taken by a special structure: left out of the ordinary coverage planning. */
  reserved: boolean;
  /** Designated 应建未建: uncovered with ≥ 3 full members. */
  shouldEstablish: boolean;
  covs: CoverageRow[];
}

export interface UnitM {
  org: OrgRow;
  /** Where the members of the covered hosts hold their relationship: the organization or its branches. */
  holders: OrgRow[];
  hosts: HostM[];
}

export type Holder =
  | { kind: "chain"; chain: { orgId: number; from: IsoDate }[] }
  | { kind: "outside"; name: string }
  | { kind: "org"; org: OrgRow };

export interface Rel {
  orgId: number | null;
  outside: string | null;
  start: IsoDate;
  end: IsoDate | null;
}
export interface Work {
  hostId: number;
  start: IsoDate;
  end: IsoDate | null;
}
export interface MemberM {
  row: MemberRow;
  rels: Rel[];
  works: Work[];
  /** Anchors stay full, normal and in place: every organization keeps a secretary candidate. */
  anchored: boolean;
  touched: boolean;
}

export function at<T>(items: readonly T[], i: number): T {
  const v = items[i];
  if (v === undefined) throw new Error(`演示数据生成内部错误:下标越界 ${i}`);
  return v;
}

const CN_NUM = [
  "一",
  "二",
  "三",
  "四",
  "五",
  "六",
  "七",
  "八",
  "九",
  "十",
  "十一",
  "十二",
  "十三",
  "十四",
  "十五",
];
export const cn = (n: number): string => CN_NUM[n - 1] ?? String(n);

/** The city being built: the rows so far, the in-memory model around them, and the helpers that add rows. */
export class DemoCity {
  readonly rng: Rng;
  readonly codes: CodeFactory;
  readonly d: SeedData = {
    regions: [],
    orgs: [],
    reparentings: [],
    dualLinks: [],
    hosts: [],
    hostYears: [],
    coverages: [],
    members: [],
    relationships: [],
    workplaces: [],
    statusEvents: [],
    transfers: [],
    applicants: [],
    secretaries: [],
    instructors: [],
    assignments: [],
    policies: [],
  };
  readonly counties: County[] = [];
  readonly townships: Township[] = [];
  cityNode!: OrgRow;
  cityRegion!: RegionRow;
  industryNode!: OrgRow;
  readonly hostsM: HostM[] = [];
  readonly hostById = new Map<number, HostM>();
  readonly units = new Map<number, UnitM>();
  readonly orgById = new Map<number, OrgRow>();
  readonly membersM: MemberM[] = [];
  readonly hostNames = new Set<string>();
  readonly codeSeq = new Map<string, number>();
  /** Grassroots organizations whose members hold no host workplace (villages, communities). */
  readonly villageOrgs: OrgRow[] = [];
  readonly special: {
    crossJoint?: UnitM;
    crossTownshipA?: Township;
    ownerHost?: HostM;
    parkRegional?: UnitM;
    bigJoint?: UnitM;
  } = {};
  readonly ordinaryJoints: UnitM[] = [];
  /** Joint branches numbered per township (code area → last number). */
  readonly jointSeq = new Map<string, number>();

  constructor(
    seed: number,
    readonly today: IsoDate,
  ) {
    this.rng = new Rng(seed);
    this.codes = new CodeFactory(this.rng);
  }

  addRegion(code: string, name: string, level: RegionRow["level"], parent: RegionRow | null): RegionRow {
    const r: RegionRow = {
      id: this.d.regions.length + 1,
      code,
      name,
      level,
      parentId: parent?.id ?? null,
      path: "",
      depth: 0,
    };
    this.d.regions.push(r);
    return r;
  }

  addOrg(o: {
    code?: string;
    codeArea: string;
    name: string;
    category: OrgCategory;
    parent: OrgRow | null;
    regionId?: number | null;
    formationMode?: FormationMode | null;
    foundedOn: IsoDate;
  }): OrgRow {
    const row: OrgRow = {
      id: this.d.orgs.length + 1,
      code: o.code ?? this.nextOrgCode(o.codeArea),
      name: o.name,
      category: o.category,
      parentId: o.parent?.id ?? null,
      path: "",
      depth: 0,
      regionId: o.regionId ?? null,
      formationMode: o.formationMode ?? null,
      foundedOn: o.foundedOn,
      revokedOn: null,
      lastElectionOn: null,
      hasPartyGroups: false,
    };
    this.d.orgs.push(row);
    this.orgById.set(row.id, row);
    return row;
  }

  nextOrgCode(area: string): string {
    const n = (this.codeSeq.get(area) ?? 0) + 1;
    this.codeSeq.set(area, n);
    return `D${area}${String(n).padStart(3, "0")}`;
  }

  org(id: number): OrgRow {
    const o = this.orgById.get(id);
    if (!o) throw new Error(`演示数据生成内部错误:党组织 ${id} 不存在`);
    return o;
  }

  county(name: string): County {
    const c = this.counties.find((x) => x.def.name === name);
    if (!c) throw new Error(`演示数据生成内部错误:县 ${name} 不存在`);
    return c;
  }

  township(name: string): Township {
    const t = this.townships.find((x) => x.def.name === name);
    if (!t) throw new Error(`演示数据生成内部错误:乡镇 ${name} 不存在`);
    return t;
  }

  host(id: number): HostM {
    const h = this.hostById.get(id);
    if (!h) throw new Error(`演示数据生成内部错误:两新组织 ${id} 不存在`);
    return h;
  }

  cover(h: HostM, org: OrgRow, startOn: IsoDate, endOn: IsoDate | null = h.row.closedOn): void {
    const row: CoverageRow = {
      id: this.d.coverages.length + 1,
      hostId: h.row.id,
      orgId: org.id,
      startOn,
      endOn,
    };
    this.d.coverages.push(row);
    h.covs.push(row);
    h.reserved = true;
  }

  unit(org: OrgRow, holders: OrgRow[] = [org]): UnitM {
    const u: UnitM = { org, holders, hosts: [] };
    this.units.set(org.id, u);
    return u;
  }

  operating(h: HostM): boolean {
    return h.row.closedOn === null;
  }
}
