/**
 * The host units (两新组织): the dedicated hosts of the special structures, then about 2,400 more spread by
 * township weight, with names, credit codes, owners, mass organizations and their yearly figures.
 */
import type { IsoDate } from "@liangxin/domain";
import type { CreditKind } from "../codes.ts";
import { addDays, minDate, randomDate, yearOf } from "../dates.ts";
import { CITY, INDUSTRY_MIX, SOCIAL_SHARE } from "../geography.ts";
import {
  AGENCY_KINDS,
  ASSOCIATION_TOPICS,
  ENTERPRISE_WORDS,
  FOUNDATION_TOPICS,
  ROADS,
  brand,
  personName,
  type IndustryLetter,
} from "../names.ts";
import type { HostRow } from "../rows.ts";
import { type DemoCity, type Township, type HostM, at, cn } from "./model.ts";

const HOST_TOTAL = 2400;
const YEARS = [2023, 2024, 2025, 2026] as const;

export function buildHosts(city: DemoCity): void {
  const rng = city.rng;
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
      makeHost(city, city.township(tName), {
        kind: "enterprise",
        industry: "G",
        emp: rng.int(20, 160),
        foundedFrom: "2006-01-01",
        foundedTo: "2011-12-31",
        reserved: true,
        noClose: true,
      });
  }
  makeHost(city, city.township("新民街道"), {
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
  makeHost(city, city.township("澄江高新技术产业园区"), {
    kind: "enterprise",
    industry: "C",
    name: `${CITY.short}华瑞新能源科技股份有限公司`,
    emp: 1260,
    foundedFrom: "2008-04-01",
    foundedTo: "2008-10-31",
    reserved: true,
    noClose: true,
  });

  const totalWeight = city.townships.reduce((s, t) => s + t.def.weight, 0);
  for (const t of city.townships) {
    const n = Math.round((HOST_TOTAL * t.def.weight) / totalWeight) - t.hosts.length;
    for (let i = 0; i < n; i++) makeHost(city, t, {});
  }
}

function makeHost(
  city: DemoCity,
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
  const rng = city.rng;
  const kind = o.kind ?? (rng.chance(SOCIAL_SHARE[t.def.kind]) ? "socialOrg" : "enterprise");
  // Founded 2005–2025, slightly more in recent years.
  const foundedYear = rng.weighted(Array.from({ length: 21 }, (_, i) => [2005 + i, 1 + i * 0.06] as const));
  const foundedOn = randomDate(
    rng,
    o.foundedFrom ?? `${foundedYear}-01-01`,
    // Established at least half a year before "today", so that everything after it fits in.
    o.foundedTo ?? minDate(`${foundedYear}-12-31`, addDays(city.today, -200)),
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
      uniqueName(city, () => {
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
      name = uniqueName(city, () =>
        rng.chance(0.12)
          ? `${county.name}${t.def.name}商会`
          : `${rng.chance(0.5) ? prefix : county.name}${rng.pick(ASSOCIATION_TOPICS)}${rng.chance(0.8) ? "协会" : "促进会"}`,
      );
    } else if (r < 0.97) {
      const [kindName, letter] = rng.pick(AGENCY_KINDS);
      industry = letter;
      creditKind = "agency";
      name = uniqueName(city, () => `${rng.chance(0.5) ? prefix : county.name}${brand(rng)}${kindName}`);
    } else {
      industry = "S";
      creditKind = "foundation";
      name = uniqueName(city, () => `${CITY.name}${rng.pick(FOUNDATION_TOPICS)}${brand(rng)}基金会`);
    }
  }
  city.hostNames.add(name);
  const adminCode = kind === "socialOrg" && name.startsWith(CITY.name) ? CITY.code : county.code;
  const creditCode = city.codes.creditCode(creditKind, adminCode, yearOf(foundedOn) >= 2015);

  const ownerGender = rng.chance(kind === "enterprise" ? 0.78 : 0.6) ? "male" : "female";
  const lastDay = closedOn ?? city.today;
  const massDate = (p: number): IsoDate | null => {
    const lo = addDays(foundedOn, 90);
    const hi = addDays(lastDay, -20);
    return rng.chance(p) && lo <= hi ? randomDate(rng, lo, hi) : null;
  };
  const big = emp >= 25;
  const row: HostRow = {
    id: city.d.hosts.length + 1,
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
  city.d.hosts.push(row);

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
  for (const r of rows) city.d.hostYears.push({ hostId: row.id, ...r });

  const h: HostM = {
    row,
    t,
    emp,
    ownerGender,
    reserved: o.reserved ?? false,
    shouldEstablish: false,
    covs: [],
  };
  city.hostsM.push(h);
  city.hostById.set(row.id, h);
  t.hosts.push(h);
  return h;
}

function uniqueName(city: DemoCity, make: () => string): string {
  for (let i = 0; i < 50; i++) {
    const n = make();
    if (!city.hostNames.has(n)) return n;
  }
  for (let i = 2; ; i++) {
    const n = `${make()}(${cn(i)})`;
    if (!city.hostNames.has(n)) return n;
  }
}
