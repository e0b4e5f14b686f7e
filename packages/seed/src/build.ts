/**
 * The demo generator: builds the whole fictional city 清源市 in memory, deterministically from a seed
 * and a fixed "today". No I/O here; `write.ts` inserts the rows and `demo.ts` wraps it in a transaction.
 *
 * Shape (see the brief in shared/domain.md):
 * - 1 city, 3 counties/districts, 14 township-level areas (街道/镇/乡/园区), a management node for each,
 *   and a 行业党委 (清河县物流行业党委) without territory;
 * - ≈2,400 host units with credit codes, yearly figures 2023–2026, some founded in 2024–2025 and some
 *   closed in 2024/2025;
 * - grassroots organizations of every formation mode, dated coverage (30–45% by township), a joint branch
 *   crossing two townships, hosts moving from a joint to their own branch in 2025, re-parentings in 2025
 *   and dual-management links;
 * - members with dated relationships, workplaces, transfers and status changes; secretaries; instructors
 *   and their assignments; applicants; one policy version.
 */
import { DEFAULT_POLICY, type FormationMode, type IsoDate, type OrgCategory } from "@liangxin/domain";
import { CodeFactory, type CreditKind } from "./codes.ts";
import { addDays, addMonths, addYears, maxDate, minDate, randomDate, yearOf } from "./dates.ts";
import { CITY, COUNTIES, INDUSTRY_MIX, SOCIAL_SHARE, type CountyDef, type TownshipDef } from "./geography.ts";
import {
  AGENCY_KINDS,
  ASSOCIATION_TOPICS,
  BUILDINGS,
  DEPARTMENTS,
  DISPATCH_ORGANS,
  ENTERPRISE_WORDS,
  FOUNDATION_TOPICS,
  OUTSIDE_ORGS_IN_CITY,
  ROADS,
  brand,
  outsideOrgName,
  personName,
  type IndustryLetter,
} from "./names.ts";
import { Rng } from "./random.ts";
import type {
  CoverageRow,
  HostRow,
  InstructorRow,
  JobCategory,
  MemberRow,
  OrgRow,
  RegionRow,
  SeedData,
  TransferRow,
} from "./rows.ts";

/**
 * The canonical day the city is generated for (the canonical demo day of the tests and of the issues'
 * figures). A demo seeded on another day is this city moved in time (`shift.ts`).
 */
export const DEMO_TODAY = "2026-12-03";
export const DEMO_PASSWORD = "Demo@2026";
const HOST_TOTAL = 2400;
const YEARS = [2023, 2024, 2025, 2026] as const;

export interface DemoAccountPlan {
  username: string;
  displayName: string;
  role: "admin" | "secretary" | "owner";
  roleLabel: string;
  orgCode?: string;
  hostCreditCode?: string;
  scopeName: string;
}

export interface DemoBuild {
  data: SeedData;
  accounts: DemoAccountPlan[];
}

interface County {
  def: CountyDef;
  region: RegionRow;
  node: OrgRow;
  townships: Township[];
}

interface Township {
  def: TownshipDef;
  county: County;
  region: RegionRow;
  node: OrgRow;
  villages: OrgRow[];
  hosts: HostM[];
}

interface HostM {
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

interface UnitM {
  org: OrgRow;
  /** Where the members of the covered hosts hold their relationship: the organization or its branches. */
  holders: OrgRow[];
  hosts: HostM[];
}

type Holder =
  | { kind: "chain"; chain: { orgId: number; from: IsoDate }[] }
  | { kind: "outside"; name: string }
  | { kind: "org"; org: OrgRow };

interface Rel {
  orgId: number | null;
  outside: string | null;
  start: IsoDate;
  end: IsoDate | null;
}
interface Work {
  hostId: number;
  start: IsoDate;
  end: IsoDate | null;
}
interface MemberM {
  row: MemberRow;
  rels: Rel[];
  works: Work[];
  /** Anchors stay full, normal and in place: every organization keeps a secretary candidate. */
  anchored: boolean;
  touched: boolean;
}

function at<T>(items: readonly T[], i: number): T {
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
const cn = (n: number): string => CN_NUM[n - 1] ?? String(n);

export function buildDemo(seed: number, today: IsoDate = DEMO_TODAY): DemoBuild {
  return new DemoBuilder(seed, today).build();
}

class DemoBuilder {
  private readonly rng: Rng;
  private readonly codes: CodeFactory;
  private readonly d: SeedData = {
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
  private readonly counties: County[] = [];
  private readonly townships: Township[] = [];
  private cityNode!: OrgRow;
  private cityRegion!: RegionRow;
  private industryNode!: OrgRow;
  private readonly hostsM: HostM[] = [];
  private readonly hostById = new Map<number, HostM>();
  private readonly units = new Map<number, UnitM>();
  private readonly orgById = new Map<number, OrgRow>();
  private readonly membersM: MemberM[] = [];
  private readonly hostNames = new Set<string>();
  private readonly codeSeq = new Map<string, number>();
  /** Grassroots organizations whose members hold no host workplace (villages, communities). */
  private readonly villageOrgs: OrgRow[] = [];
  private readonly special: {
    crossJoint?: UnitM;
    crossTownshipA?: Township;
    ownerHost?: HostM;
    parkRegional?: UnitM;
    bigJoint?: UnitM;
  } = {};
  private readonly ordinaryJoints: UnitM[] = [];

  constructor(
    seed: number,
    private readonly today: IsoDate,
  ) {
    this.rng = new Rng(seed);
    this.codes = new CodeFactory(this.rng);
  }

  build(): DemoBuild {
    this.buildTerritoryAndNodes();
    this.buildHosts();
    this.buildCoverage();
    this.buildMembers();
    this.moveMembers();
    this.changeStatuses();
    this.flattenMembers();
    this.buildSecretaries();
    this.buildInstructors();
    this.buildApplicants();
    this.d.policies.push({ id: 1, effectiveOn: "2020-01-01", params: DEFAULT_POLICY, note: "默认政策参数" });
    this.materializePaths();
    return { data: this.d, accounts: this.accounts() };
  }

  // ───────────────────────────── territory and management nodes ─────────────────────────────

  private addRegion(
    code: string,
    name: string,
    level: RegionRow["level"],
    parent: RegionRow | null,
  ): RegionRow {
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

  private addOrg(o: {
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

  private nextOrgCode(area: string): string {
    const n = (this.codeSeq.get(area) ?? 0) + 1;
    this.codeSeq.set(area, n);
    return `D${area}${String(n).padStart(3, "0")}`;
  }

  private org(id: number): OrgRow {
    const o = this.orgById.get(id);
    if (!o) throw new Error(`演示数据生成内部错误:党组织 ${id} 不存在`);
    return o;
  }

  private buildTerritoryAndNodes(): void {
    const rng = this.rng;
    this.cityRegion = this.addRegion(CITY.code, CITY.name, "city", null);
    this.cityNode = this.addOrg({
      code: `G${CITY.code}`,
      codeArea: CITY.code,
      name: `中共${CITY.name}委两新组织工作委员会`,
      category: "cityCommittee",
      parent: null,
      regionId: this.cityRegion.id,
      foundedOn: "2009-03-16",
    });
    for (const cdef of COUNTIES) {
      const region = this.addRegion(cdef.code, cdef.name, "county", this.cityRegion);
      const node = this.addOrg({
        code: `G${cdef.code}`,
        codeArea: cdef.code,
        name: `中共${cdef.name}委两新组织工作委员会`,
        category: "countyCommittee",
        parent: this.cityNode,
        regionId: region.id,
        foundedOn: randomDate(rng, "2010-03-01", "2011-06-30"),
      });
      const county: County = { def: cdef, region, node, townships: [] };
      this.counties.push(county);
      for (const tdef of cdef.townships) {
        const tRegion = this.addRegion(tdef.code, tdef.name, "township", region);
        const name =
          tdef.kind === "park"
            ? `中共${CITY.name}${tdef.name}工作委员会`
            : tdef.kind === "street"
              ? `中共${cdef.name}${tdef.name}工作委员会`
              : `中共${cdef.name}${tdef.name}委员会`;
        const tNode = this.addOrg({
          code: `G${tdef.code}`,
          codeArea: tdef.code,
          name,
          category: tdef.kind === "park" ? "parkCommittee" : "townshipCommittee",
          parent: node,
          regionId: tRegion.id,
          foundedOn: tdef.kind === "park" ? "2012-05-18" : randomDate(rng, "1984-01-01", "2001-12-31"),
        });
        const t: Township = { def: tdef, county, region: tRegion, node: tNode, villages: [], hosts: [] };
        county.townships.push(t);
        this.townships.push(t);
      }
    }
    this.industryNode = this.addOrg({
      code: `G${this.county("清河县").def.code}H01`,
      codeArea: "H01",
      name: "中共清河县物流行业委员会",
      category: "industryCommittee",
      parent: this.county("清河县").node,
      regionId: null,
      foundedOn: "2016-08-01",
    });
    // Village and community branches: grassroots organizations of the township's own, long established.
    for (const t of this.townships) {
      for (const v of t.def.villages) {
        const big = rng.chance(0.3);
        const org = this.addOrg({
          codeArea: t.def.code,
          name: `中共${t.def.name}${v}${big ? "总支部委员会" : "支部委员会"}`,
          category: big ? "generalBranch" : "branch",
          parent: t.node,
          foundedOn: randomDate(rng, "1985-01-01", "2004-12-31"),
        });
        t.villages.push(org);
        this.villageOrgs.push(org);
      }
    }
  }

  private county(name: string): County {
    const c = this.counties.find((x) => x.def.name === name);
    if (!c) throw new Error(`演示数据生成内部错误:县 ${name} 不存在`);
    return c;
  }

  private township(name: string): Township {
    const t = this.townships.find((x) => x.def.name === name);
    if (!t) throw new Error(`演示数据生成内部错误:乡镇 ${name} 不存在`);
    return t;
  }

  // ───────────────────────────── host units ─────────────────────────────

  private buildHosts(): void {
    const rng = this.rng;
    // Dedicated hosts first: the logistics firms of 清河县 and the association of the 行业党委, the city's
    // directly managed group in the park.
    const logistics: [string, number][] = [
      ["柳林镇", 4],
      ["石桥镇", 4],
      ["河口镇", 3],
      ["新民街道", 1],
    ];
    for (const [tName, n] of logistics) {
      for (let i = 0; i < n; i++)
        this.makeHost(this.township(tName), {
          kind: "enterprise",
          industry: "G",
          emp: rng.int(20, 160),
          foundedFrom: "2006-01-01",
          foundedTo: "2011-12-31",
          reserved: true,
          noClose: true,
        });
    }
    this.makeHost(this.township("新民街道"), {
      kind: "socialOrg",
      industry: "S",
      name: "清河县物流协会",
      creditKind: "association",
      emp: 8,
      foundedFrom: "2012-03-01",
      foundedTo: "2012-12-31",
      reserved: true,
      noClose: true,
    });
    this.makeHost(this.township("澄江高新技术产业园区"), {
      kind: "enterprise",
      industry: "C",
      name: `${CITY.short}华瑞新能源科技股份有限公司`,
      emp: 1260,
      foundedFrom: "2008-04-01",
      foundedTo: "2008-10-31",
      reserved: true,
      noClose: true,
    });

    const totalWeight = this.townships.reduce((s, t) => s + t.def.weight, 0);
    for (const t of this.townships) {
      const n = Math.round((HOST_TOTAL * t.def.weight) / totalWeight) - t.hosts.length;
      for (let i = 0; i < n; i++) this.makeHost(t, {});
    }
  }

  private makeHost(
    t: Township,
    o: {
      kind?: "enterprise" | "socialOrg";
      industry?: IndustryLetter;
      name?: string;
      creditKind?: CreditKind;
      emp?: number;
      foundedFrom?: IsoDate;
      foundedTo?: IsoDate;
      reserved?: boolean;
      noClose?: boolean;
    },
  ): HostM {
    const rng = this.rng;
    const kind = o.kind ?? (rng.chance(SOCIAL_SHARE[t.def.kind]) ? "socialOrg" : "enterprise");
    // Founded 2005–2025, slightly more in recent years.
    const foundedYear = rng.weighted(Array.from({ length: 21 }, (_, i) => [2005 + i, 1 + i * 0.06] as const));
    const foundedOn = randomDate(
      rng,
      o.foundedFrom ?? `${foundedYear}-01-01`,
      // Established at least half a year before "today", so that everything after it fits in.
      o.foundedTo ?? minDate(`${foundedYear}-12-31`, addDays(this.today, -200)),
    );
    let emp = o.emp ?? 0;
    if (o.emp === undefined) {
      const r = rng.next();
      if (kind === "enterprise") {
        emp =
          r < 0.7
            ? 5 + Math.floor(55 * rng.next() ** 1.6)
            : r < 0.86
              ? rng.int(61, 99)
              : r < 0.97
                ? rng.int(100, 300)
                : rng.int(301, 1500);
      } else {
        emp = r < 0.85 ? rng.int(3, 30) : r < 0.97 ? rng.int(31, 99) : rng.int(100, 220);
      }
    }
    const closedOn =
      !o.noClose && yearOf(foundedOn) <= 2022 && rng.chance(0.035)
        ? ((y: number) => randomDate(rng, `${y}-01-15`, `${y}-12-20`))(rng.pick([2024, 2025]))
        : null;

    // Names and credit codes.
    let industry: IndustryLetter;
    let name: string;
    let creditKind: CreditKind;
    const county = t.county.def;
    if (kind === "enterprise") {
      industry = o.industry ?? rng.weighted(INDUSTRY_MIX[t.def.kind]);
      creditKind = o.creditKind ?? "enterprise";
      const coop = industry === "A" && t.def.kind !== "park" && t.def.kind !== "street" && rng.chance(0.3);
      if (coop) creditKind = "cooperative";
      name =
        o.name ??
        this.uniqueName(() => {
          if (coop)
            return `${county.name}${t.def.name}${brand(rng)}${rng.pick(["果蔬", "茶叶", "养殖", "粮食种植", "中药材", "苗木"])}专业合作社`;
          const words = ENTERPRISE_WORDS[industry]?.words ?? ["商贸"];
          const prefix = rng.pick([CITY.name, county.name, CITY.short, county.short]);
          const suffix =
            emp >= 200 && rng.chance(0.5) ? "股份有限公司" : rng.chance(0.1) ? "有限责任公司" : "有限公司";
          return prefix + brand(rng) + rng.pick(words) + suffix;
        });
    } else {
      const r = rng.next();
      const prefix = rng.chance(0.25) ? CITY.name : county.name;
      if (o.name) {
        name = o.name;
        industry = o.industry ?? "S";
        creditKind = o.creditKind ?? "association";
      } else if (r < 0.4) {
        industry = "S";
        creditKind = "association";
        name = this.uniqueName(() =>
          rng.chance(0.12)
            ? `${county.name}${t.def.name}商会`
            : `${rng.chance(0.5) ? prefix : county.name}${rng.pick(ASSOCIATION_TOPICS)}${rng.chance(0.8) ? "协会" : "促进会"}`,
        );
      } else if (r < 0.97) {
        const [kindName, letter] = rng.pick(AGENCY_KINDS);
        industry = letter;
        creditKind = "agency";
        name = this.uniqueName(() => `${rng.chance(0.5) ? prefix : county.name}${brand(rng)}${kindName}`);
      } else {
        industry = "S";
        creditKind = "foundation";
        name = this.uniqueName(() => `${CITY.name}${rng.pick(FOUNDATION_TOPICS)}${brand(rng)}基金会`);
      }
    }
    this.hostNames.add(name);
    const adminCode = kind === "socialOrg" && name.startsWith(CITY.name) ? CITY.code : county.code;
    const creditCode = this.codes.creditCode(creditKind, adminCode, yearOf(foundedOn) >= 2015);

    const ownerGender = rng.chance(kind === "enterprise" ? 0.78 : 0.6) ? "male" : "female";
    const lastDay = closedOn ?? this.today;
    const massDate = (p: number): IsoDate | null => {
      const lo = addDays(foundedOn, 90);
      const hi = addDays(lastDay, -20);
      return rng.chance(p) && lo <= hi ? randomDate(rng, lo, hi) : null;
    };
    const big = emp >= 25;
    const row: HostRow = {
      id: this.d.hosts.length + 1,
      creditCode,
      name,
      kind,
      industry,
      regionId: t.region.id,
      foundedOn,
      closedOn,
      ownerName: personName(rng, ownerGender),
      ownerIsMember: rng.chance(kind === "enterprise" ? 0.12 : 0.08),
      contactPhone: null,
      address: `${county.name}${t.def.name}${rng.pick(ROADS)}${rng.int(1, 399)}号`,
      unionOn: massDate(big ? 0.55 : 0.18),
      youthLeagueOn: massDate(emp >= 20 ? 0.15 : 0.04),
      womenOn: massDate(big ? 0.22 : 0.08),
    };
    this.d.hosts.push(row);

    // Yearly figures for the years the host operated, drifting ±12% a year.
    const perHead = kind === "enterprise" ? (ENTERPRISE_WORDS[industry]?.perHead ?? 20) : rng.float(2, 10);
    let e = emp;
    const years = YEARS.filter((y) => y >= yearOf(foundedOn) && (!closedOn || y <= yearOf(closedOn)));
    const rows: { year: number; employees: number; revenueFen: number | null }[] = [];
    for (let i = years.length - 1; i >= 0; i--) {
      const year = at(years, i);
      // 万元 with two decimals, held in 分 (1 万元 = 1,000,000 分).
      const revenueFen =
        kind === "socialOrg" && rng.chance(0.4)
          ? null
          : Math.round(e * perHead * rng.float(0.5, 1.6) * 100) * 10_000;
      rows.unshift({ year, employees: e, revenueFen });
      e = Math.max(1, Math.round(e * rng.float(0.88, 1.12)));
    }
    for (const r of rows) this.d.hostYears.push({ hostId: row.id, ...r });

    const h: HostM = {
      row,
      t,
      emp,
      ownerGender,
      reserved: o.reserved ?? false,
      shouldEstablish: false,
      covs: [],
    };
    this.hostsM.push(h);
    this.hostById.set(row.id, h);
    t.hosts.push(h);
    return h;
  }

  private uniqueName(make: () => string): string {
    for (let i = 0; i < 50; i++) {
      const n = make();
      if (!this.hostNames.has(n)) return n;
    }
    for (let i = 2; ; i++) {
      const n = `${make()}(${cn(i)})`;
      if (!this.hostNames.has(n)) return n;
    }
  }

  private host(id: number): HostM {
    const h = this.hostById.get(id);
    if (!h) throw new Error(`演示数据生成内部错误:两新组织 ${id} 不存在`);
    return h;
  }

  // ───────────────────────────── organizations and coverage ─────────────────────────────

  private cover(h: HostM, org: OrgRow, startOn: IsoDate, endOn: IsoDate | null = h.row.closedOn): void {
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

  private unit(org: OrgRow, holders: OrgRow[] = [org]): UnitM {
    const u: UnitM = { org, holders, hosts: [] };
    this.units.set(org.id, u);
    return u;
  }

  private operating(h: HostM): boolean {
    return h.row.closedOn === null;
  }

  /** A standalone organization for one host (with branches under a 基层党委 or a large 党总支). */
  private standalone(
    h: HostM,
    parent: OrgRow,
    codeArea: string,
    foundedOn: IsoDate,
    category?: "committee" | "generalBranch" | "branch",
  ): UnitM {
    const rng = this.rng;
    foundedOn = minDate(maxDate(foundedOn, addDays(h.row.foundedOn, 90)), addDays(this.today, -20));
    const cat: "committee" | "generalBranch" | "branch" =
      category ??
      (h.emp >= 300 && rng.chance(0.6) ? "generalBranch" : rng.chance(0.02) ? "generalBranch" : "branch");
    const suffix = cat === "committee" ? "委员会" : cat === "generalBranch" ? "总支部委员会" : "支部委员会";
    const org = this.addOrg({
      codeArea,
      name: `中共${h.row.name}${suffix}`,
      category: cat,
      parent,
      formationMode: "standalone",
      foundedOn,
    });
    const holders = [org];
    const nChildren =
      cat === "committee" ? rng.int(2, 4) : cat === "generalBranch" && rng.chance(0.5) ? rng.int(2, 3) : 0;
    const depts = rng.sample(DEPARTMENTS, nChildren);
    for (const dept of depts) {
      holders.push(
        this.addOrg({
          codeArea,
          name: `中共${h.row.name}${dept}支部委员会`,
          category: "branch",
          parent: org,
          foundedOn: rng.chance(0.6)
            ? foundedOn
            : randomDate(rng, foundedOn, minDate(addYears(foundedOn, 2), addDays(this.today, -60))),
        }),
      );
    }
    const u = this.unit(org, holders);
    u.hosts.push(h);
    this.cover(h, org, foundedOn);
    return u;
  }

  /** The founding date of a standalone organization: after the host is established, mostly years ago. */
  private standaloneFounding(h: HostM): IsoDate {
    const lo = maxDate(addDays(h.row.foundedOn, 180), "2008-03-01");
    const hi = addDays(this.today, -20);
    // Mostly years ago: the earlier of two draws.
    return minDate(randomDate(this.rng, lo, hi), randomDate(this.rng, lo, hi));
  }

  /** Start of coverage of a host joining an existing organization. */
  private joinDate(h: HostM, org: OrgRow): IsoDate | null {
    const rng = this.rng;
    const lo = maxDate(org.foundedOn, addDays(h.row.foundedOn, rng.int(30, 400)));
    const start = rng.chance(0.2) ? randomDate(rng, lo, addDays(this.today, -10)) : lo;
    const limit = h.row.closedOn ? addDays(h.row.closedOn, -30) : addDays(this.today, -10);
    if (start <= limit) return start;
    const fallback = maxDate(org.foundedOn, addDays(h.row.foundedOn, 10));
    return fallback <= limit ? fallback : null;
  }

  private groupUnit(
    hosts: HostM[],
    o: {
      name: string;
      category: OrgCategory;
      parent: OrgRow;
      codeArea: string;
      mode: FormationMode;
      foundedOn?: IsoDate;
    },
  ): UnitM | null {
    const first = hosts[0];
    if (!first) return null;
    // The earliest founded host anchors the organization: it is covered from the founding date.
    hosts.sort((a, b) =>
      a.row.foundedOn < b.row.foundedOn ? -1 : a.row.foundedOn > b.row.foundedOn ? 1 : 0,
    );
    const anchor = at(hosts, 0);
    const lo = maxDate(addDays(anchor.row.foundedOn, 60), "2010-01-01");
    const hi = addDays(this.today, -40);
    const foundedOn = o.foundedOn ?? minDate(randomDate(this.rng, lo, hi), randomDate(this.rng, lo, hi));
    const org = this.addOrg({
      codeArea: o.codeArea,
      name: o.name,
      category: o.category,
      parent: o.parent,
      formationMode: o.mode,
      foundedOn: maxDate(foundedOn, addDays(anchor.row.foundedOn, 30)),
    });
    const u = this.unit(org);
    for (const [i, h] of hosts.entries()) {
      const start = i === 0 ? org.foundedOn : this.joinDate(h, org);
      if (!start) continue;
      u.hosts.push(h);
      this.cover(h, org, start);
    }
    return u;
  }

  private buildCoverage(): void {
    this.buildSpecialUnits();
    for (const t of this.townships) this.planTownship(t);
    this.buildMovers();
    this.buildReparentingOfParkJoint();
  }

  private buildSpecialUnits(): void {
    const rng = this.rng;
    const qinghe = this.county("清河县");
    const liulin = this.township("柳林镇");
    const shiqiao = this.township("石桥镇");
    const park = this.township("澄江高新技术产业园区");
    const industryArea = `${qinghe.def.code}H01`;

    // 行业党委: standalone branches of logistics firms, one re-parented from 石桥镇 in 2025, a joint branch.
    const logistics = (name: string) =>
      this.township(name).hosts.filter((h) => h.row.industry === "G" && h.reserved);
    const [l1, l2, l3, l4] = logistics("柳林镇");
    const [s1, s2, s3, s4] = logistics("石桥镇");
    const [k1, k2, k3] = logistics("河口镇");
    const [x1] = logistics("新民街道");
    if (!l1 || !l2 || !l3 || !l4 || !s1 || !s2 || !s3 || !s4 || !k1 || !k2 || !k3 || !x1)
      throw new Error("演示数据生成内部错误:物流企业数量不足");
    for (const h of [l1, k1, x1])
      this.standalone(
        h,
        this.industryNode,
        industryArea,
        randomDate(rng, "2016-09-01", "2022-06-30"),
        "branch",
      );
    const moved = this.standalone(
      s1,
      shiqiao.node,
      shiqiao.def.code,
      randomDate(rng, "2013-03-01", "2014-12-31"),
      "branch",
    );
    moved.org.parentId = this.industryNode.id;
    this.d.reparentings.push({
      id: this.d.reparentings.length + 1,
      orgId: moved.org.id,
      fromParentId: shiqiao.node.id,
      toParentId: this.industryNode.id,
      effectiveOn: "2025-07-01",
      docNo: "清河两新工委〔2025〕9号",
      reason: "按照行业党建工作要求,物流企业党组织统一划转县物流行业党委管理",
    });
    const association = this.township("新民街道").hosts.find((h) => h.row.name === "清河县物流协会");
    if (!association) throw new Error("演示数据生成内部错误:物流协会不存在");
    this.standalone(association, this.industryNode, industryArea, "2017-03-20", "branch");
    const lj = this.groupUnit([l2, s2, s3, k2, l3], {
      name: "中共清河县物流行业联合支部委员会",
      category: "jointBranch",
      parent: this.industryNode,
      codeArea: industryArea,
      mode: "joint",
      foundedOn: "2018-05-16",
    });
    if (lj) this.ordinaryJoints.push(lj);
    // l4, s4, k3 stay uncovered: the 行业党委 sends an instructor to them.
    for (const h of [l4, s4, k3]) h.reserved = true;

    // A joint branch of 柳林镇 covering hosts in 柳林镇 and in 石桥镇.
    const small = (t: Township, n: number) =>
      rng
        .shuffle(
          t.hosts.filter(
            (h) =>
              !h.reserved &&
              this.operating(h) &&
              h.row.kind === "enterprise" &&
              h.emp <= 60 &&
              h.row.foundedOn <= "2018-12-31",
          ),
        )
        .slice(0, n);
    const crossHosts = [...small(liulin, 3), ...small(shiqiao, 2)];
    for (const h of crossHosts) h.reserved = true;
    const founded = randomDate(rng, "2019-03-01", "2020-06-30");
    const cross = this.addOrg({
      codeArea: liulin.def.code,
      name: `中共${liulin.def.name}非公企业第一联合支部委员会`,
      category: "jointBranch",
      parent: liulin.node,
      formationMode: "joint",
      foundedOn: founded,
    });
    const cu = this.unit(cross);
    for (const [i, h] of crossHosts.entries()) {
      // Hosts of 石桥镇 join later; the last one only in 2024.
      const start =
        i < 3
          ? founded
          : i === 3
            ? addMonths(founded, rng.int(2, 10))
            : randomDate(rng, "2024-03-01", "2024-09-30");
      cu.hosts.push(h);
      this.cover(h, cross, start);
    }
    this.special.crossJoint = cu;
    this.special.crossTownshipA = liulin;
    this.jointSeq.set(liulin.def.code, 1);

    // The city's directly managed group in the park: a 基层党委 under the city node.
    const group = park.hosts.find((h) => h.row.name.endsWith("华瑞新能源科技股份有限公司"));
    if (!group) throw new Error("演示数据生成内部错误:市直管企业不存在");
    const gu = this.standalone(group, this.cityNode, CITY.code, "2012-07-01", "committee");

    // The park's regional 综合党总支 (区域综合党组织): created here so that dual links can point at it.
    const regional = this.addOrg({
      codeArea: park.def.code,
      name: "中共澄江高新区综合总支部委员会",
      category: "generalBranch",
      parent: park.node,
      formationMode: "regional",
      foundedOn: "2013-06-18",
    });
    this.special.parkRegional = this.unit(regional);
    this.d.dualLinks.push({
      id: 1,
      orgId: gu.org.id,
      regionalOrgId: regional.id,
      startOn: "2023-03-01",
      endOn: null,
    });

    // Organizations directly under county nodes (直属), one of them in the park with a dual link.
    const chengjiang = this.county("澄江区");
    const bigIn = (t: Township): HostM => {
      const pool = t.hosts
        .filter(
          (h) =>
            !h.reserved &&
            this.operating(h) &&
            h.row.kind === "enterprise" &&
            h.row.foundedOn <= "2018-12-31",
        )
        .sort((a, b) => b.emp - a.emp || a.row.id - b.row.id);
      return rng.pick(pool.slice(0, 6));
    };
    const parkDirect = this.standalone(
      bigIn(park),
      chengjiang.node,
      chengjiang.def.code,
      randomDate(rng, "2014-01-01", "2019-12-31"),
      "generalBranch",
    );
    this.d.dualLinks.push({
      id: 2,
      orgId: parkDirect.org.id,
      regionalOrgId: regional.id,
      startOn: "2024-01-01",
      endOn: null,
    });
    const cg = this.township("城关街道");
    const cgh = bigIn(cg);
    this.standalone(cgh, chengjiang.node, chengjiang.def.code, this.standaloneFounding(cgh));
    const qingshan = this.county("青山县");
    const qfh = bigIn(this.township("青峰街道"));
    this.standalone(qfh, qingshan.node, qingshan.def.code, this.standaloneFounding(qfh));
  }

  private readonly jointSeq = new Map<string, number>();

  private planTownship(t: Township): void {
    const rng = this.rng;
    const ops = t.hosts.filter((h) => this.operating(h));
    const alreadyCovered = ops.filter((h) => h.covs.some((c) => c.endOn === null)).length;
    const rate = t.def.coverageRate * rng.float(0.95, 1.05);
    const target = Math.max(0, Math.round(rate * ops.length) - alreadyCovered);
    const candidates = ops
      .filter((h) => !h.reserved)
      .map((h) => {
        let score = Math.log(h.emp + 1) + rng.float(0, 2.4);
        // Some above-scale enterprises are left without an organization (应建未建).
        if (h.row.kind === "enterprise" && h.emp >= 100 && rng.chance(0.2)) score -= 100;
        return { h, score };
      })
      .sort((a, b) => b.score - a.score || a.h.row.id - b.h.row.id)
      .slice(0, target)
      .map((x) => x.h);

    const standalone: HostM[] = [];
    const rest: HostM[] = [];
    for (const h of candidates) {
      let p = h.emp >= 100 ? 0.8 : h.emp >= 50 ? 0.5 : h.emp >= 20 ? 0.25 : 0.08;
      if (h.row.kind === "socialOrg") p *= 0.7;
      (rng.chance(p) ? standalone : rest).push(h);
    }
    let committees = 0;
    for (const h of standalone) {
      const cat = h.emp >= 500 && committees < 1 && rng.chance(0.7) ? "committee" : undefined;
      if (cat === "committee") committees++;
      this.standalone(h, t.node, t.def.code, this.standaloneFounding(h), cat);
    }

    const kind = t.def.kind;
    const shares: Record<"regional" | "affiliated" | "hosted", number> =
      kind === "park"
        ? { regional: 0.4, affiliated: 0, hosted: 0.06 }
        : kind === "street"
          ? { regional: 0.22, affiliated: 0.2, hosted: 0.08 }
          : kind === "town"
            ? { regional: 0.06, affiliated: 0.28, hosted: 0.1 }
            : { regional: 0, affiliated: 0.4, hosted: 0.1 };
    const buckets: Record<"joint" | "regional" | "affiliated" | "hosted", HostM[]> = {
      joint: [],
      regional: [],
      affiliated: [],
      hosted: [],
    };
    for (const h of rest) {
      const b = rng.weighted([
        ["regional", shares.regional],
        ["affiliated", t.villages.length > 0 ? shares.affiliated : 0],
        ["hosted", shares.hosted],
        ["joint", 1 - shares.regional - shares.affiliated - shares.hosted],
      ] as const);
      buckets[b].push(h);
    }
    // A hosted organization holds at most 8 hosts; the rest join joint branches.
    if (buckets.hosted.length > 8) buckets.joint.push(...buckets.hosted.splice(8));
    if (buckets.hosted.length === 1) buckets.joint.push(...buckets.hosted.splice(0));
    if (buckets.joint.length > 0 && buckets.joint.length < 3) {
      (t.villages.length > 0 ? buckets.affiliated : buckets.regional).push(...buckets.joint.splice(0));
    }

    // Joint branches: hosts alike in kind and industry, 3–8 each; 城关街道 keeps one large one (11 hosts,
    // over the cap of 10: the quality warning "大联合→小联合").
    const bigJoint = t.def.name === "城关街道";
    for (const from of [buckets.regional, buckets.affiliated, buckets.hosted]) {
      while (bigJoint && buckets.joint.length < 14 && from.length > 0)
        buckets.joint.push(from.pop() as HostM);
    }
    const joint = buckets.joint.sort(
      (a, b) =>
        a.row.kind.localeCompare(b.row.kind) ||
        (a.row.industry ?? "").localeCompare(b.row.industry ?? "") ||
        a.row.id - b.row.id,
    );
    const chunks: HostM[][] = [];
    let i = 0;
    if (bigJoint && joint.length >= 14) {
      chunks.push(joint.slice(0, 11));
      i = 11;
    }
    while (i < joint.length) {
      const remaining = joint.length - i;
      let size = rng.int(3, 8);
      // Never leave fewer than 3 behind (then remaining ≤ 10).
      if (remaining - size < 3) size = remaining;
      chunks.push(joint.slice(i, i + size));
      i += size;
    }
    for (const chunk of chunks) {
      const n = (this.jointSeq.get(t.def.code) ?? 0) + 1;
      this.jointSeq.set(t.def.code, n);
      const socials = chunk.filter((h) => h.row.kind === "socialOrg").length;
      const label = socials * 2 > chunk.length ? "社会组织" : "非公企业";
      const u = this.groupUnit(chunk, {
        name: `中共${t.def.name}${label}第${cn(n)}联合支部委员会`,
        category: "jointBranch",
        parent: t.node,
        codeArea: t.def.code,
        mode: "joint",
      });
      if (u) this.ordinaryJoints.push(u);
      if (u && u.hosts.length > 10) this.special.bigJoint = u;
    }

    // Affiliated (挂靠建): village and community branches cover hosts nearby.
    const aff = rng.shuffle(buckets.affiliated);
    if (aff.length > 0) {
      const villages = rng.sample(
        t.villages,
        Math.min(t.villages.length, Math.max(1, Math.ceil(aff.length / 3))),
      );
      villages.forEach((v, vi) => {
        v.formationMode = "affiliated";
        const u = this.units.get(v.id) ?? this.unit(v);
        for (let k = vi; k < aff.length; k += villages.length) {
          const h = at(aff, k);
          const start = this.joinDate(h, v);
          if (!start) continue;
          u.hosts.push(h);
          this.cover(h, v, start);
        }
      });
    }

    // Hosted (依托建): a market or an association of the township.
    if (buckets.hosted.length > 0) {
      const base =
        kind === "park"
          ? "企业服务中心"
          : kind === "street"
            ? "个体私营经济协会"
            : rng.pick(["商贸市场", "农贸市场", "个体私营经济协会"]);
      this.groupUnit(buckets.hosted, {
        name: `中共${t.def.name}${base}支部委员会`,
        category: "branch",
        parent: t.node,
        codeArea: t.def.code,
        mode: "hosted",
      });
    }

    // Regional and grid (区域联建/网格建): buildings, a park's 综合党总支, grids of streets.
    const reg = rng.shuffle(buckets.regional);
    let ri = 0;
    let building = 0;
    let grid = 0;
    if (kind === "park" && this.special.parkRegional) {
      const pr = this.special.parkRegional;
      const take = reg.slice(0, Math.min(reg.length, rng.int(8, 12)));
      ri = take.length;
      for (const h of take) {
        const start = this.joinDate(h, pr.org);
        if (!start) continue;
        pr.hosts.push(h);
        this.cover(h, pr.org, start);
      }
    }
    const buildingNames = rng.sample(BUILDINGS, BUILDINGS.length);
    while (ri < reg.length) {
      const size = Math.min(reg.length - ri, rng.int(4, 10));
      const chunk = reg.slice(ri, ri + size);
      ri += size;
      const asGrid = kind === "street" && rng.chance(0.45);
      if (asGrid) {
        grid++;
        this.groupUnit(chunk, {
          name: `中共${t.def.name}第${cn(grid)}网格支部委员会`,
          category: "branch",
          parent: t.node,
          codeArea: t.def.code,
          mode: "grid",
        });
      } else {
        building++;
        const place =
          kind === "town"
            ? rng.pick(["工业集中区", "商业街", "电商产业园"])
            : `${buildingNames[building - 1] ?? `商务楼${building}`}楼宇`;
        this.groupUnit(chunk, {
          name: `中共${kind === "park" ? "澄江高新区" : t.def.name}${place}${kind === "town" ? "区域" : ""}支部委员会`,
          category: "branch",
          parent: t.node,
          codeArea: t.def.code,
          mode: "regional",
        });
      }
    }

    // Closed hosts: some were covered by a joint branch or a village until they closed.
    const joints = this.ordinaryJoints.filter((u) => u.org.parentId === t.node.id);
    for (const h of t.hosts) {
      if (this.operating(h) || h.reserved || !this.rng.chance(0.35)) continue;
      const u =
        joints.length > 0
          ? rng.pick(joints)
          : t.villages.length > 0
            ? this.units.get(rng.pick(t.villages).id)
            : undefined;
      if (!u) continue;
      const start = this.joinDate(h, u.org);
      if (!start || !h.row.closedOn || start >= h.row.closedOn) continue;
      u.hosts.push(h);
      this.cover(h, u.org, start, h.row.closedOn);
    }

    // 应建未建: two uncovered hosts per township with three or more full members working there.
    const uncovered = rng.shuffle(t.hosts.filter((h) => !h.reserved && this.operating(h) && h.emp >= 10));
    for (const h of uncovered.slice(0, 2)) h.shouldEstablish = true;
  }

  /** Hosts leaving their joint branch for a standalone branch of their own in 2025. */
  private buildMovers(): void {
    const rng = this.rng;
    const eligible = (u: UnitM) =>
      u.hosts.filter(
        (h, i) =>
          i > 0 &&
          this.operating(h) &&
          h.emp >= 25 &&
          h.covs.length === 1 &&
          (h.covs[0]?.startOn ?? "9999") <= "2024-06-30",
      );
    const candidates = this.ordinaryJoints.filter(
      (u) => u.hosts.length >= 4 && u.org.parentId !== this.industryNode.id && u !== this.special.bigJoint,
    );
    const liulin = this.special.crossTownshipA;
    const chosen: { u: UnitM; h: HostM }[] = [];
    const inLiulin = candidates.filter((u) => u.org.parentId === liulin?.node.id && eligible(u).length > 0);
    const first = inLiulin[0];
    if (first) chosen.push({ u: first, h: at(eligible(first), 0) });
    for (const u of rng.shuffle([...candidates])) {
      if (chosen.length >= 5) break;
      if (chosen.some((c) => c.u === u)) continue;
      const e = eligible(u);
      if (e.length > 0) chosen.push({ u, h: rng.pick(e) });
    }
    for (const [i, { u, h }] of chosen.entries()) {
      const x = randomDate(rng, "2025-04-01", "2025-10-31");
      const cov = at(h.covs, 0);
      cov.endOn = x;
      u.hosts = u.hosts.filter((y) => y !== h);
      const parent = this.org(u.org.parentId ?? this.cityNode.id);
      const s = this.addOrg({
        codeArea: h.t.def.code,
        name: `中共${h.row.name}支部委员会`,
        category: "branch",
        parent,
        formationMode: "standalone",
        foundedOn: x,
      });
      const su = this.unit(s);
      su.hosts.push(h);
      this.cover(h, s, x);
      if (i === 0) this.special.ownerHost = h;
    }
  }

  /** A park joint branch directly under the district node moves to the park committee in 2025. */
  private buildReparentingOfParkJoint(): void {
    const park = this.township("澄江高新技术产业园区");
    const district = this.county("澄江区");
    const u = this.ordinaryJoints.find(
      (x) => x.org.parentId === park.node.id && x.org.foundedOn < "2024-06-30",
    );
    if (!u) return;
    this.d.reparentings.push({
      id: this.d.reparentings.length + 1,
      orgId: u.org.id,
      fromParentId: district.node.id,
      toParentId: park.node.id,
      effectiveOn: "2025-03-15",
      docNo: "澄江两新工委〔2025〕3号",
      reason: "园区党工委统一管理园区内非公企业党组织,理顺隶属关系",
    });
  }

  // ───────────────────────────── members ─────────────────────────────

  private addressCode(h: HostM | null): string {
    const rng = this.rng;
    if (h && rng.chance(0.65)) return h.t.county.def.code;
    return rng.weighted([
      ["369902", 3],
      ["369921", 3],
      ["369922", 3],
      ["369900", 1],
      ["368803", 1],
      ["367721", 1],
    ] as const);
  }

  private newMember(o: {
    host: HostM | null;
    holder: Holder;
    anchored?: boolean;
    full?: boolean;
    owner?: boolean;
    /** Joined no later than this (anchors join before the organization they hold is founded). */
    joinedBy?: IsoDate;
  }): MemberM {
    const rng = this.rng;
    const h = o.host;
    const gender: "male" | "female" =
      o.owner && h
        ? h.ownerGender
        : rng.chance(h?.row.kind === "socialOrg" ? 0.45 : 0.64)
          ? "male"
          : "female";
    const name = o.owner && h?.row.ownerName ? h.row.ownerName : personName(rng, gender);
    const birthYear = Math.round((rng.int(1960, 2002) + rng.int(1960, 2002)) / 2);
    let birthDate = randomDate(rng, `${birthYear}-01-01`, `${birthYear}-12-31`);
    if (o.joinedBy) {
      // Old enough to have joined before `joinedBy`.
      const latest = addYears(o.joinedBy, -21);
      if (birthDate > latest)
        birthDate = maxDate("1960-01-01", randomDate(rng, addYears(latest, -12), latest));
    }
    const idNumber = this.codes.citizenId(this.addressCode(h), birthDate, gender);

    // Workplace.
    let work: Work | null = null;
    if (h) {
      const lo = maxDate(h.row.foundedOn, addYears(birthDate, 19));
      const hi = h.row.closedOn ? addDays(h.row.closedOn, -30) : addDays(this.today, -15);
      const firstChain = o.holder.kind === "chain" ? o.holder.chain[0]?.from : undefined;
      const cap = o.anchored && firstChain ? maxDate(lo, minDate(hi, firstChain)) : hi;
      const start = minDate(randomDate(rng, lo, cap), randomDate(rng, lo, cap));
      work = { hostId: h.row.id, start, end: h.row.closedOn };
    }

    // Joining the party; a probationary member joined within the last year.
    const probationary = !o.anchored && !o.full && !o.owner && rng.chance(0.05);
    let joinedOn: IsoDate;
    if (probationary) {
      joinedOn = randomDate(rng, addDays(this.today, -360), addDays(this.today, -7));
    } else {
      const lo = maxDate(addYears(birthDate, rng.int(18, 28)), "1978-01-01");
      let hi = addDays(this.today, -400);
      if (o.joinedBy) hi = minDate(hi, addDays(o.joinedBy, -30));
      joinedOn = randomDate(rng, minDate(lo, hi), hi);
      if (joinedOn < addYears(birthDate, 18)) joinedOn = addYears(birthDate, 18);
    }
    let fullOn: IsoDate | null = probationary ? null : addYears(joinedOn, 1);
    if (fullOn && rng.chance(0.03) && addMonths(fullOn, 3) <= this.today)
      fullOn = addMonths(fullOn, rng.int(1, 3));

    // Formal relationship history.
    const rels: Rel[] = [];
    const before = (start: IsoDate) => {
      if (start > joinedOn)
        rels.push({
          orgId: null,
          outside: rng.chance(0.6) ? rng.pick(OUTSIDE_ORGS_IN_CITY) : outsideOrgName(rng),
          start: joinedOn,
          end: start,
        });
    };
    if (o.holder.kind === "outside") {
      rels.push({ orgId: null, outside: o.holder.name, start: joinedOn, end: null });
    } else if (o.holder.kind === "org") {
      const start = maxDate(joinedOn, o.holder.org.foundedOn);
      before(start);
      rels.push({ orgId: o.holder.org.id, outside: null, start, end: null });
    } else {
      const chain = o.holder.chain;
      const base = maxDate(joinedOn, work?.start ?? joinedOn);
      // The link in force at `base` (or the first one starting later).
      let k = 0;
      while (k + 1 < chain.length && at(chain, k + 1).from <= base) k++;
      const start = maxDate(base, at(chain, k).from);
      before(start);
      for (let j = k; j < chain.length; j++) {
        const link = at(chain, j);
        const next = chain[j + 1];
        const s = j === k ? start : link.from;
        rels.push({ orgId: link.orgId, outside: null, start: s, end: next ? next.from : null });
      }
    }
    const last = at(rels, rels.length - 1);
    const row: MemberRow = {
      id: this.membersM.length + 1,
      idNumber,
      name,
      gender,
      birthDate,
      joinedOn,
      fullOn,
      orgId: last.orgId,
      outsideOrgName: last.outside,
      workHostId: work && !work.end ? work.hostId : null,
      workSince: work && !work.end ? work.start : null,
      jobCategory: o.owner
        ? "owner"
        : h
          ? rng.weighted<JobCategory>([
              ["manager", 25],
              ["professional", 30],
              ["frontline", 35],
              ["other", 10],
            ])
          : "other",
      status: "normal",
      statusOn: null,
      mobile: false,
      lostContact: false,
      pocket: false,
      phone: null,
    };
    if (o.holder.kind === "outside" && h) {
      row.mobile = rng.chance(0.7);
      row.pocket = rng.chance(0.15);
    }
    const m: MemberM = {
      row,
      rels,
      works: work ? [work] : [],
      anchored: o.anchored ?? false,
      touched: false,
    };
    this.membersM.push(m);
    return m;
  }

  /** The coverage chain of a host mapped to holders: for each covering organization, who holds its members. */
  private chainFor(h: HostM, pickHolder: (u: UnitM) => OrgRow): { orgId: number; from: IsoDate }[] {
    return [...h.covs]
      .sort((a, b) => (a.startOn < b.startOn ? -1 : 1))
      .map((c) => {
        const u = this.units.get(c.orgId);
        const holder = u ? pickHolder(u) : this.org(c.orgId);
        return { orgId: holder.id, from: maxDate(c.startOn, holder.foundedOn) };
      });
  }

  private randomHolder(u: UnitM): OrgRow {
    if (u.holders.length === 1) return at(u.holders, 0);
    return this.rng.chance(0.12) ? at(u.holders, 0) : this.rng.pick(u.holders.slice(1));
  }

  private otherHolder(h: HostM): Holder {
    const rng = this.rng;
    const r = rng.next();
    if (r < 0.55) return { kind: "outside", name: outsideOrgName(rng) };
    const villages = rng.chance(0.5)
      ? this.villageOrgs.filter((v) => h.t.county.townships.some((t) => t.node.id === v.parentId))
      : this.villageOrgs;
    return { kind: "org", org: rng.pick(villages.length > 0 ? villages : this.villageOrgs) };
  }

  private buildMembers(): void {
    const rng = this.rng;
    // Members working in covered hosts.
    for (const u of this.units.values()) {
      const hostCount = u.hosts.length;
      // Anchors: one early, full member per holder, working in the first host when there is one.
      const firstHost = u.hosts[0] ?? null;
      for (const holder of u.holders) {
        if (firstHost && firstHost.covs.some((c) => c.orgId === u.org.id && c.startOn === u.org.foundedOn)) {
          const chain = this.chainFor(firstHost, (x) => (x === u ? holder : this.randomHolder(x)));
          this.newMember({
            host: firstHost,
            holder: { kind: "chain", chain },
            anchored: true,
            joinedBy: at(chain, 0).from,
          });
        } else {
          this.newMember({
            host: null,
            holder: { kind: "org", org: holder },
            anchored: true,
            joinedBy: holder.foundedOn,
          });
        }
      }
      const cat = u.org.category;
      const mode = u.org.formationMode;
      for (const h of u.hosts) {
        // Members of a host are counted on its latest coverage (movers get theirs from the new branch).
        const latest = [...h.covs].sort((a, b) => (a.startOn < b.startOn ? 1 : -1))[0];
        if (!latest || latest.orgId !== u.org.id) continue;
        let n: number;
        if (mode === "standalone") {
          n =
            cat === "committee"
              ? rng.int(22, 40)
              : cat === "generalBranch"
                ? rng.int(8, 18)
                : rng.int(2, 5) + Math.min(10, Math.floor(h.emp / 50));
          if (h.covs.length > 1) n = Math.max(n, rng.int(3, 5));
        } else if (mode === "joint") {
          n = rng.int(1, 3);
        } else if (!this.operating(h)) {
          n = rng.int(0, 2);
        } else {
          n = rng.int(mode === "regional" || mode === "grid" ? 0 : 1, 2);
        }
        if (mode !== "standalone" && hostCount > 10) n = Math.min(n, 2);
        if (h.row.ownerIsMember) {
          this.newMember({
            host: h,
            holder: { kind: "chain", chain: this.chainFor(h, (x) => this.randomHolder(x)) },
            owner: true,
          });
          n--;
        }
        for (let k = 0; k < n; k++) {
          const r = rng.next();
          const holder: Holder =
            r < 0.88
              ? { kind: "chain", chain: this.chainFor(h, (x) => this.randomHolder(x)) }
              : this.otherHolder(h);
          this.newMember({ host: h, holder });
        }
      }
    }
    // Village and community branches: residents without a host workplace.
    for (const v of this.villageOrgs) {
      const n = rng.int(v.category === "generalBranch" ? 8 : 4, v.category === "generalBranch" ? 16 : 10);
      for (let k = 0; k < n; k++)
        this.newMember({ host: null, holder: { kind: "org", org: v }, anchored: k === 0 });
    }
    // Uncovered hosts: a few members each; 应建未建 hosts with three or more full members.
    for (const h of this.hostsM) {
      if (h.covs.length > 0) continue;
      if (h.row.ownerIsMember)
        this.newMember({ host: h, holder: this.otherHolder(h), owner: true, full: true });
      const n = h.shouldEstablish
        ? rng.int(3, 5)
        : rng.weighted([
            [0, 75],
            [1, 17],
            [2, 8],
          ] as const);
      for (let k = 0; k < n; k++) {
        const holder: Holder =
          rng.chance(0.1) && this.units.size > 0
            ? { kind: "org", org: rng.pick([...this.units.values()].filter((u) => u.hosts.length > 0)).org }
            : this.otherHolder(h);
        this.newMember({ host: h, holder, full: h.shouldEstablish, anchored: h.shouldEstablish });
      }
    }
  }

  /** Members changing jobs between covered hosts in 2024–2025, moving their relationship along. */
  private moveMembers(): void {
    const rng = this.rng;
    const destinations = [...this.units.values()].flatMap((u) =>
      u.hosts
        .filter((h) => this.operating(h) && h.covs.some((c) => c.orgId === u.org.id && c.endOn === null))
        .map((h) => ({ u, h })),
    );
    const movable = rng.shuffle(
      this.membersM.filter((m) => {
        const last = m.rels[m.rels.length - 1];
        const work = m.works[m.works.length - 1];
        return (
          !m.anchored && last?.orgId && last.start < "2023-10-01" && work && work.end === null && m.row.fullOn
        );
      }),
    );
    let moved = 0;
    for (const m of movable) {
      if (moved >= 36) break;
      const t = randomDate(rng, "2024-02-01", "2025-12-20");
      const dest = rng.pick(destinations);
      const cov = dest.h.covs.find((c) => c.orgId === dest.u.org.id && c.endOn === null);
      const last = at(m.rels, m.rels.length - 1);
      const work = at(m.works, m.works.length - 1);
      if (
        !cov ||
        cov.startOn > t ||
        dest.h.row.id === work.hostId ||
        dest.h.row.foundedOn > t ||
        work.start >= t
      )
        continue;
      const holder = this.randomHolder(dest.u);
      if (holder.id === last.orgId || holder.foundedOn > t) continue;
      last.end = t;
      m.rels.push({ orgId: holder.id, outside: null, start: t, end: null });
      work.end = t;
      m.works.push({ hostId: dest.h.row.id, start: t, end: null });
      m.row.orgId = holder.id;
      m.row.workHostId = dest.h.row.id;
      m.row.workSince = t;
      m.touched = true;
      moved++;
    }
  }

  /** A few members leave: transferred out of the city, deceased, expelled or membership stopped. */
  private changeStatuses(): void {
    const rng = this.rng;
    const reasons = {
      transferredOut: "工作调动,组织关系转出本市",
      deceased: "因病去世",
      expelled: "严重违纪,给予开除党籍处分",
      stopped: "连续六个月以上不参加党的组织生活、不交纳党费,按规定停止党籍",
    } as const;
    for (const m of this.membersM) {
      if (m.anchored || m.touched || !m.row.fullOn || !rng.chance(0.016)) continue;
      const last = at(m.rels, m.rels.length - 1);
      const work = m.works[m.works.length - 1];
      const born1970 = m.row.birthDate < "1970-01-01";
      const status = rng.weighted([
        ["transferredOut", last.orgId ? 45 : 0],
        ["deceased", born1970 ? 40 : 2],
        ["expelled", 12],
        ["stopped", 8],
      ] as const);
      const lo = maxDate(addDays(last.start, 30), addDays(work?.start ?? last.start, 30), "2023-01-01");
      const hi = addDays(this.today, -3);
      if (lo > hi) continue;
      const on = randomDate(rng, lo, hi);
      m.row.status = status;
      m.row.statusOn = on;
      m.touched = true;
      this.d.statusEvents.push({
        id: this.d.statusEvents.length + 1,
        memberId: m.row.id,
        status,
        effectiveOn: on,
        reason: reasons[status],
      });
      if (status === "transferredOut") {
        last.end = on;
        const outside = outsideOrgName(rng);
        m.rels.push({ orgId: null, outside, start: on, end: null });
        m.row.orgId = null;
        m.row.outsideOrgName = outside;
      }
      if ((status === "transferredOut" || status === "deceased") && work && work.end === null) {
        work.end = on;
        m.row.workHostId = null;
        m.row.workSince = null;
      }
    }
    // Flags: lost contact and pocket members among those still normal.
    for (const m of this.membersM) {
      if (m.anchored || m.row.status !== "normal") continue;
      if (rng.chance(0.008)) m.row.lostContact = true;
      if (m.row.orgId === null && m.row.workHostId !== null && rng.chance(0.05)) m.row.pocket = true;
    }
  }

  /** Member rows, relationship and workplace rows, and the accepted transfers implied by the history. */
  private flattenMembers(): void {
    const rng = this.rng;
    const transfer = (t: Omit<TransferRow, "id">) =>
      this.d.transfers.push({ id: this.d.transfers.length + 1, ...t });
    for (const m of this.membersM) {
      this.d.members.push(m.row);
      for (const [i, r] of m.rels.entries()) {
        this.d.relationships.push({
          id: this.d.relationships.length + 1,
          memberId: m.row.id,
          orgId: r.orgId,
          outsideOrgName: r.outside,
          startOn: r.start,
          endOn: r.end,
        });
        const prev = m.rels[i - 1];
        if (!prev) continue;
        const accepted = (requestedDaysBefore: number): Omit<TransferRow, "id"> => ({
          memberId: m.row.id,
          fromOrgId: prev.orgId,
          toOrgId: r.orgId,
          outsideOrgName: r.orgId === null ? r.outside : prev.orgId === null ? prev.outside : null,
          requestedOn: addDays(r.start, -requestedDaysBefore),
          effectiveOn: r.start,
          state: "accepted",
          decidedOn: r.start,
          decisionReason: null,
        });
        // Transfers within the tree are always recorded; arrivals from outside since 2024 too.
        if (prev.orgId !== null || r.start >= "2024-01-01") transfer(accepted(rng.int(3, 20)));
      }
      for (const w of m.works)
        this.d.workplaces.push({
          id: this.d.workplaces.length + 1,
          memberId: m.row.id,
          hostId: w.hostId,
          startOn: w.start,
          endOn: w.end,
        });
    }
    // Two requests waiting for the receiving organization, one sent back.
    const inTree = this.membersM.filter(
      (m) => !m.anchored && !m.touched && m.row.status === "normal" && m.row.orgId !== null && m.row.fullOn,
    );
    const targets = [...this.units.values()].filter((u) => u.hosts.length > 0).map((u) => u.org);
    for (let i = 0, tries = 0; i < 3 && inTree.length > 0 && tries < 100; tries++) {
      const m = rng.pick(inTree);
      const to = rng.pick(targets);
      if (to.id === m.row.orgId) continue;
      const requestedOn = randomDate(rng, addDays(this.today, -40), addDays(this.today, -2));
      const rejected = i === 2;
      i++;
      transfer({
        memberId: m.row.id,
        fromOrgId: m.row.orgId,
        toOrgId: to.id,
        outsideOrgName: null,
        requestedOn,
        effectiveOn: requestedOn,
        state: rejected ? "rejected" : "pending",
        decidedOn: rejected ? addDays(requestedOn, 1) : null,
        decisionReason: rejected ? "组织关系介绍信信息不完整,请核实后重新办理" : null,
      });
    }
  }

  // ───────────────────────────── secretaries ─────────────────────────────

  private buildSecretaries(): void {
    const rng = this.rng;
    const held = new Map<number, { m: MemberM; start: IsoDate }[]>();
    for (const m of this.membersM) {
      const last = at(m.rels, m.rels.length - 1);
      if (m.row.status !== "normal" || !m.row.fullOn || m.row.lostContact || last.orgId === null) continue;
      const list = held.get(last.orgId) ?? [];
      list.push({ m, start: last.start });
      held.set(last.orgId, list);
    }
    for (const org of this.d.orgs) {
      if (!isGrassroots(org.category)) continue;
      // 党小组 where there are enough full members to divide (seven or more); smaller ones meet as a whole.
      org.hasPartyGroups = (held.get(org.id)?.length ?? 0) >= 7;
      const candidates = (held.get(org.id) ?? [])
        .map((c) => ({ m: c.m, from: maxDate(c.start, c.m.row.fullOn ?? c.start, org.foundedOn) }))
        .sort(
          (a, b) =>
            Number(b.m.anchored) - Number(a.m.anchored) ||
            (a.from < b.from ? -1 : a.from > b.from ? 1 : a.m.row.id - b.m.row.id),
        );
      const c0 = candidates[0];
      if (!c0) throw new Error(`演示数据生成内部错误:${org.name} 没有可任书记的党员`);
      const c1 = candidates[1];
      const sec = (memberId: number, startOn: IsoDate, endOn: IsoDate | null) =>
        this.d.secretaries.push({
          id: this.d.secretaries.length + 1,
          orgId: org.id,
          memberId,
          startOn,
          endOn,
        });
      const changeFrom = c1 ? addDays(maxDate(c0.from, c1.from), 365) : null;
      const changeTo = addDays(this.today, -30);
      if (c1 && changeFrom && changeFrom <= changeTo && rng.chance(0.3)) {
        const change = randomDate(rng, changeFrom, changeTo);
        sec(c0.m.row.id, c0.from, change);
        sec(c1.m.row.id, change, null);
      } else {
        sec(c0.m.row.id, c0.from, null);
      }
      // The last election: every 5 years for a 基层党委, every 3 for 党总支/党支部; some are overdue.
      const term = org.category === "committee" ? 5 : 3;
      let k = Math.floor((yearOf(this.today) - yearOf(org.foundedOn)) / term);
      while (k > 0 && addYears(org.foundedOn, k * term) > this.today) k--;
      if (k > 0 && rng.chance(0.12)) k--;
      org.lastElectionOn = addYears(org.foundedOn, k * term);
    }
  }

  // ───────────────────────────── instructors ─────────────────────────────

  private buildInstructors(): void {
    const rng = this.rng;
    const countySeq = new Map<string, number>();
    const newInstructor = (
      registrar: OrgRow,
      countyCode: string,
      dispatch: OrgRow | null,
      dispatchName: string | null,
    ): InstructorRow => {
      const n = (countySeq.get(countyCode) ?? 0) + 1;
      countySeq.set(countyCode, n);
      const row: InstructorRow = {
        id: this.d.instructors.length + 1,
        number: `ZD${countyCode}${String(n).padStart(4, "0")}`,
        name: personName(rng, rng.chance(0.6) ? "male" : "female"),
        kind: rng.weighted([
          ["fullTime", 30],
          ["partTime", 55],
          ["seconded", 15],
        ] as const),
        dispatchOrgId: dispatch?.id ?? null,
        dispatchOrgName: dispatchName,
        registeredById: registrar.id,
        phone: null,
      };
      this.d.instructors.push(row);
      return row;
    };
    const forTownship = (t: Township): InstructorRow => {
      const c = t.county;
      const r = rng.next();
      if (r < 0.65) return newInstructor(t.node, c.def.code, t.node, null);
      if (r < 0.8) return newInstructor(c.node, c.def.code, c.node, null);
      if (r < 0.86) return newInstructor(this.cityNode, CITY.code, this.cityNode, null);
      const organ = `${rng.chance(0.5) ? CITY.name : c.def.name}${rng.pick(DISPATCH_ORGANS)}`;
      return newInstructor(c.node, c.def.code, null, organ);
    };
    const byHost = new Map<number, SeedData["assignments"]>();
    const assign = (instructorId: number, hostId: number, startOn: IsoDate, endOn: IsoDate | null) => {
      const row = { id: this.d.assignments.length + 1, instructorId, hostId, startOn, endOn };
      this.d.assignments.push(row);
      const list = byHost.get(hostId) ?? [];
      list.push(row);
      byHost.set(hostId, list);
    };
    const startFor = (h: HostM, instructorStart: IsoDate): IsoDate =>
      minDate(maxDate(instructorStart, addDays(h.row.foundedOn, rng.int(30, 120))), addDays(this.today, -5));
    const instructorStart = (): IsoDate => {
      const y = rng.weighted([
        [2023, 55],
        [2024, 25],
        [2025, 15],
        [2026, 5],
      ] as const);
      return randomDate(rng, `${y}-01-01`, minDate(`${y}-12-31`, addDays(this.today, -10)));
    };
    const uncoveredToday = (h: HostM) => this.operating(h) && !h.covs.some((c) => c.endOn === null);

    // The 行业党委 dispatches its own instructor to the uncovered logistics firms.
    const qinghe = this.county("清河县");
    const logisticsUncovered = this.hostsM.filter(
      (h) => h.row.industry === "G" && h.t.county === qinghe && uncoveredToday(h) && h.reserved,
    );
    const industryInstructor = newInstructor(this.industryNode, qinghe.def.code, this.industryNode, null);
    const indStart = "2023-04-10";
    for (const h of logisticsUncovered) assign(industryInstructor.id, h.row.id, startFor(h, indStart), null);
    const done = new Set(logisticsUncovered.map((h) => h.row.id));

    const overCap = new Set(rng.sample(this.townships, 4).map((t) => t.def.code));
    const pools = new Map<string, InstructorRow[]>();
    let crossTownshipDone = false;
    for (const t of this.townships) {
      const assigned = rng.shuffle(
        t.hosts.filter(
          (h) => !done.has(h.row.id) && uncoveredToday(h) && rng.chance(h.shouldEstablish ? 0.9 : 0.86),
        ),
      );
      const pool: InstructorRow[] = [];
      let i = 0;
      let first = true;
      while (i < assigned.length) {
        let size =
          first && overCap.has(t.def.code)
            ? rng.int(6, 8)
            : rng.weighted([
                [2, 30],
                [3, 35],
                [4, 25],
                [5, 10],
              ] as const);
        first = false;
        if (assigned.length - i - size === 1) size++;
        const group = assigned.slice(i, i + size);
        i += size;
        const ins = forTownship(t);
        pool.push(ins);
        const s0 = instructorStart();
        for (const h of group) assign(ins.id, h.row.id, startFor(h, s0), null);
        // One instructor of 柳林镇 also serves a host of 石桥镇.
        if (!crossTownshipDone && t.def.name === "柳林镇") {
          const other = this.township("石桥镇").hosts.find(
            (h) => uncoveredToday(h) && !done.has(h.row.id) && !h.reserved,
          );
          if (other) {
            assign(ins.id, other.row.id, startFor(other, s0), null);
            done.add(other.row.id);
            crossTownshipDone = true;
          }
        }
      }
      for (const h of assigned) done.add(h.row.id);
      // A former instructor per township whose assignments have all ended.
      const former = forTownship(t);
      pool.push(former);
      pools.set(t.def.code, pool);

      // History: earlier instructors of today's uncovered hosts, hosts covered since 2023, closed hosts.
      for (const h of t.hosts) {
        const current = (byHost.get(h.row.id) ?? []).filter((a) => a.endOn === null);
        const firstCov = [...h.covs].sort((a, b) => (a.startOn < b.startOn ? -1 : 1))[0];
        let end: IsoDate | null = null;
        if (current.length > 0 && rng.chance(0.18)) end = current.map((a) => a.startOn).sort()[0] ?? null;
        else if (firstCov && firstCov.startOn >= "2023-04-01" && rng.chance(0.8)) end = firstCov.startOn;
        else if (!firstCov && h.row.closedOn && h.row.closedOn >= "2023-04-01" && rng.chance(0.7))
          end = h.row.closedOn;
        if (!end) continue;
        const lo = maxDate("2023-01-01", addDays(h.row.foundedOn, 30));
        const hi = addDays(end, -60);
        if (lo > hi) continue;
        const who = rng.chance(0.4) ? former : rng.pick(pool);
        if (current.some((a) => a.instructorId === who.id)) continue;
        assign(who.id, h.row.id, randomDate(rng, lo, hi), end);
      }
    }

    // The owner's host keeps an instructor after founding its own branch.
    const oh = this.special.ownerHost;
    if (oh) {
      const pool = pools.get(oh.t.def.code) ?? [];
      const ins = pool[0];
      const cov = oh.covs.find((c) => c.endOn === null);
      if (ins && cov && !(byHost.get(oh.row.id) ?? []).some((a) => a.endOn === null)) {
        assign(ins.id, oh.row.id, addDays(cov.startOn, -rng.int(60, 120)), null);
      }
      if (!oh.row.unionOn) oh.row.unionOn = randomDate(rng, addDays(oh.row.foundedOn, 90), "2024-12-31");
    }
  }

  // ───────────────────────────── applicants ─────────────────────────────

  private buildApplicants(): void {
    const rng = this.rng;
    const add = (a: Omit<SeedData["applicants"][number], "id">) =>
      this.d.applicants.push({ id: this.d.applicants.length + 1, ...a });
    // Members who joined since mid-2023 went through the pipeline in their organization.
    for (const m of this.membersM) {
      const joined = m.row.joinedOn;
      if (joined < "2023-06-01") continue;
      const rel = m.rels.find((r) => r.start === joined && r.orgId !== null);
      if (!rel || rel.orgId === null) continue;
      const candidateOn = addMonths(joined, -rng.int(2, 5));
      const activistOn = addMonths(candidateOn, -rng.int(12, 14));
      const appliedOn = addMonths(activistOn, -rng.int(3, 8));
      add({
        idNumber: m.row.idNumber,
        name: m.row.name,
        gender: m.row.gender,
        orgId: rel.orgId,
        workHostId:
          m.works.find((w) => w.start <= joined && (w.end === null || joined < w.end))?.hostId ?? null,
        appliedOn,
        activistOn,
        candidateOn,
        probationaryOn: joined,
        fullOn: m.row.fullOn,
        memberId: m.row.id,
      });
    }
    // People still in the pipeline.
    for (const u of this.units.values()) {
      if (u.hosts.length === 0 || !rng.chance(0.35)) continue;
      const n = rng.int(1, 3);
      for (let k = 0; k < n; k++) {
        const gender = rng.chance(0.55) ? "male" : "female";
        const birth = randomDate(rng, "1980-01-01", "2004-12-31");
        const h = rng.pick(u.hosts);
        const from = maxDate("2023-03-01", addDays(u.org.foundedOn, 30));
        const to = addDays(this.today, -20);
        if (from > to) continue;
        const appliedOn = randomDate(rng, from, to);
        const a1 = addDays(appliedOn, rng.int(90, 270));
        const activistOn = a1 <= this.today && rng.chance(0.8) ? a1 : null;
        const c1 = activistOn ? addDays(activistOn, rng.int(365, 420)) : null;
        const candidateOn = c1 && c1 <= this.today && rng.chance(0.7) ? c1 : null;
        add({
          idNumber: this.codes.citizenId(this.addressCode(h), birth, gender),
          name: personName(rng, gender),
          gender,
          orgId: u.org.id,
          workHostId: this.operating(h) ? h.row.id : null,
          appliedOn,
          activistOn,
          candidateOn,
          probationaryOn: null,
          fullOn: null,
          memberId: null,
        });
      }
    }
  }

  // ───────────────────────────── paths and accounts ─────────────────────────────

  private materializePaths(): void {
    const regionById = new Map(this.d.regions.map((r) => [r.id, r]));
    for (const r of this.d.regions) {
      const p = r.parentId === null ? undefined : regionById.get(r.parentId);
      r.path = `${p?.path ?? "/"}${r.id}/`;
      r.depth = p ? p.depth + 1 : 0;
    }
    // Parents first (recursively), whatever the order of ids.
    const done = new Set<number>();
    const visit = (o: OrgRow): void => {
      if (done.has(o.id)) return;
      const p = o.parentId === null ? undefined : this.org(o.parentId);
      if (p) visit(p);
      o.path = `${p?.path ?? "/"}${o.id}/`;
      o.depth = p ? p.depth + 1 : 0;
      done.add(o.id);
    };
    for (const o of this.d.orgs) visit(o);
  }

  private accounts(): DemoAccountPlan[] {
    const qinghe = this.county("清河县");
    const liulin = this.township("柳林镇");
    const cross = this.special.crossJoint;
    const owner = this.special.ownerHost;
    if (!cross || !owner) throw new Error("演示数据生成内部错误:演示账号对象缺失");
    const secretary = this.d.secretaries.find((s) => s.orgId === cross.org.id && s.endOn === null);
    const secName = this.d.members.find((m) => m.id === secretary?.memberId)?.name ?? "书记";
    return [
      {
        username: "city",
        displayName: `${CITY.name}两新工委管理员`,
        role: "admin",
        roleLabel: "市级管理员",
        orgCode: this.cityNode.code,
        scopeName: this.cityNode.name,
      },
      {
        username: "county",
        displayName: `${qinghe.def.name}两新工委管理员`,
        role: "admin",
        roleLabel: "县级管理员",
        orgCode: qinghe.node.code,
        scopeName: qinghe.node.name,
      },
      {
        username: "township",
        displayName: `${liulin.def.name}党委管理员`,
        role: "admin",
        roleLabel: "乡镇(街道)管理员",
        orgCode: liulin.node.code,
        scopeName: liulin.node.name,
      },
      {
        username: "industry",
        displayName: "清河县物流行业党委管理员",
        role: "admin",
        roleLabel: "行业党委管理员",
        orgCode: this.industryNode.code,
        scopeName: this.industryNode.name,
      },
      {
        username: "branch",
        displayName: secName,
        role: "secretary",
        roleLabel: "党组织书记",
        orgCode: cross.org.code,
        scopeName: cross.org.name,
      },
      {
        username: "owner",
        displayName: owner.row.ownerName ?? "出资人",
        role: "owner",
        roleLabel: "出资人",
        hostCreditCode: owner.row.creditCode,
        scopeName: owner.row.name,
      },
    ];
  }
}

function isGrassroots(c: OrgCategory): boolean {
  return c === "committee" || c === "generalBranch" || c === "branch" || c === "jointBranch";
}
