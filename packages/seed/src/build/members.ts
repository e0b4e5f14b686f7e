/**
 * The members: anchors (a secretary candidate for every organization), members working in covered hosts
 * who hold their relationship along the coverage chain, village and community residents, and members of
 * uncovered hosts; each with an identity, a workplace and a dated relationship history.
 */
import type { IsoDate } from "@liangxin/domain";
import { addDays, addMonths, addYears, maxDate, minDate, randomDate } from "../dates.ts";
import { OUTSIDE_ORGS_IN_CITY, outsideOrgName, personName } from "../names.ts";
import type { JobCategory, MemberRow, OrgRow } from "../rows.ts";
import {
  type DemoCity,
  type HostM,
  type UnitM,
  type Holder,
  type Rel,
  type Work,
  type MemberM,
  at,
} from "./model.ts";

export function addressCode(city: DemoCity, h: HostM | null): string {
  const rng = city.rng;
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

function newMember(
  city: DemoCity,
  o: {
    host: HostM | null;
    holder: Holder;
    anchored?: boolean;
    full?: boolean;
    owner?: boolean;
    /** Joined no later than this (anchors join before the organization they hold is founded). */
    joinedBy?: IsoDate;
  },
): MemberM {
  const rng = city.rng;
  const h = o.host;
  const gender: "male" | "female" =
    o.owner && h ? h.ownerGender : rng.chance(h?.row.kind === "socialOrg" ? 0.45 : 0.64) ? "male" : "female";
  const name = o.owner && h?.row.ownerName ? h.row.ownerName : personName(rng, gender);
  const birthYear = Math.round((rng.int(1960, 2002) + rng.int(1960, 2002)) / 2);
  let birthDate = randomDate(rng, `${birthYear}-01-01`, `${birthYear}-12-31`);
  if (o.joinedBy) {
    // Old enough to have joined before `joinedBy`.
    const latest = addYears(o.joinedBy, -21);
    if (birthDate > latest) birthDate = maxDate("1960-01-01", randomDate(rng, addYears(latest, -12), latest));
  }
  const idNumber = city.codes.citizenId(addressCode(city, h), birthDate, gender);

  // Workplace.
  let work: Work | null = null;
  if (h) {
    const lo = maxDate(h.row.foundedOn, addYears(birthDate, 19));
    const hi = h.row.closedOn ? addDays(h.row.closedOn, -30) : addDays(city.today, -15);
    const firstChain = o.holder.kind === "chain" ? o.holder.chain[0]?.from : undefined;
    const cap = o.anchored && firstChain ? maxDate(lo, minDate(hi, firstChain)) : hi;
    const start = minDate(randomDate(rng, lo, cap), randomDate(rng, lo, cap));
    work = { hostId: h.row.id, start, end: h.row.closedOn };
  }

  // Joining the party; a probationary member joined within the last year.
  const probationary = !o.anchored && !o.full && !o.owner && rng.chance(0.05);
  let joinedOn: IsoDate;
  if (probationary) {
    joinedOn = randomDate(rng, addDays(city.today, -360), addDays(city.today, -7));
  } else {
    const lo = maxDate(addYears(birthDate, rng.int(18, 28)), "1978-01-01");
    let hi = addDays(city.today, -400);
    if (o.joinedBy) hi = minDate(hi, addDays(o.joinedBy, -30));
    joinedOn = randomDate(rng, minDate(lo, hi), hi);
    if (joinedOn < addYears(birthDate, 18)) joinedOn = addYears(birthDate, 18);
  }
  let fullOn: IsoDate | null = probationary ? null : addYears(joinedOn, 1);
  if (fullOn && rng.chance(0.03) && addMonths(fullOn, 3) <= city.today)
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
    id: city.membersM.length + 1,
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
  city.membersM.push(m);
  return m;
}

/** The coverage chain of a host mapped to holders: for each covering organization, who holds its members. */
function chainFor(
  city: DemoCity,
  h: HostM,
  pickHolder: (u: UnitM) => OrgRow,
): { orgId: number; from: IsoDate }[] {
  return [...h.covs]
    .sort((a, b) => (a.startOn < b.startOn ? -1 : 1))
    .map((c) => {
      const u = city.units.get(c.orgId);
      const holder = u ? pickHolder(u) : city.org(c.orgId);
      return { orgId: holder.id, from: maxDate(c.startOn, holder.foundedOn) };
    });
}

export function randomHolder(city: DemoCity, u: UnitM): OrgRow {
  if (u.holders.length === 1) return at(u.holders, 0);
  return city.rng.chance(0.12) ? at(u.holders, 0) : city.rng.pick(u.holders.slice(1));
}

function otherHolder(city: DemoCity, h: HostM): Holder {
  const rng = city.rng;
  const r = rng.next();
  if (r < 0.55) return { kind: "outside", name: outsideOrgName(rng) };
  const villages = rng.chance(0.5)
    ? city.villageOrgs.filter((v) => h.t.county.townships.some((t) => t.node.id === v.parentId))
    : city.villageOrgs;
  return { kind: "org", org: rng.pick(villages.length > 0 ? villages : city.villageOrgs) };
}

export function buildMembers(city: DemoCity): void {
  const rng = city.rng;
  // Members working in covered hosts.
  for (const u of city.units.values()) {
    const hostCount = u.hosts.length;
    // Anchors: one early, full member per holder, working in the first host when there is one.
    const firstHost = u.hosts[0] ?? null;
    for (const holder of u.holders) {
      if (firstHost && firstHost.covs.some((c) => c.orgId === u.org.id && c.startOn === u.org.foundedOn)) {
        const chain = chainFor(city, firstHost, (x) => (x === u ? holder : randomHolder(city, x)));
        newMember(city, {
          host: firstHost,
          holder: { kind: "chain", chain },
          anchored: true,
          joinedBy: at(chain, 0).from,
        });
      } else {
        newMember(city, {
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
      } else if (!city.operating(h)) {
        n = rng.int(0, 2);
      } else {
        n = rng.int(mode === "regional" || mode === "grid" ? 0 : 1, 2);
      }
      if (mode !== "standalone" && hostCount > 10) n = Math.min(n, 2);
      if (h.row.ownerIsMember) {
        newMember(city, {
          host: h,
          holder: { kind: "chain", chain: chainFor(city, h, (x) => randomHolder(city, x)) },
          owner: true,
        });
        n--;
      }
      for (let k = 0; k < n; k++) {
        const r = rng.next();
        const holder: Holder =
          r < 0.88
            ? { kind: "chain", chain: chainFor(city, h, (x) => randomHolder(city, x)) }
            : otherHolder(city, h);
        newMember(city, { host: h, holder });
      }
    }
  }
  // Village and community branches: residents without a host workplace.
  for (const v of city.villageOrgs) {
    const n = rng.int(v.category === "generalBranch" ? 8 : 4, v.category === "generalBranch" ? 16 : 10);
    for (let k = 0; k < n; k++)
      newMember(city, { host: null, holder: { kind: "org", org: v }, anchored: k === 0 });
  }
  // Uncovered hosts: a few members each; 应建未建 hosts with three or more full members.
  for (const h of city.hostsM) {
    if (h.covs.length > 0) continue;
    if (h.row.ownerIsMember)
      newMember(city, { host: h, holder: otherHolder(city, h), owner: true, full: true });
    const n = h.shouldEstablish
      ? rng.int(3, 5)
      : rng.weighted([
          [0, 75],
          [1, 17],
          [2, 8],
        ] as const);
    for (let k = 0; k < n; k++) {
      const holder: Holder =
        rng.chance(0.1) && city.units.size > 0
          ? { kind: "org", org: rng.pick([...city.units.values()].filter((u) => u.hosts.length > 0)).org }
          : otherHolder(city, h);
      newMember(city, { host: h, holder, full: h.shouldEstablish, anchored: h.shouldEstablish });
    }
  }
}
