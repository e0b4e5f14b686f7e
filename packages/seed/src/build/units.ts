/**
 * How a grassroots organization comes about: a standalone organization for one host (with branches under
 * a 基层党委 or a large 党总支), a group organization covering several hosts, and the dates they are
 * founded and hosts join.
 */
import type { FormationMode, IsoDate, OrgCategory } from "@liangxin/domain";
import { addDays, addYears, maxDate, minDate, randomDate } from "../dates.ts";
import { DEPARTMENTS } from "../names.ts";
import type { OrgRow } from "../rows.ts";
import { type DemoCity, type HostM, type UnitM, at } from "./model.ts";

/** A standalone organization for one host (with branches under a 基层党委 or a large 党总支). */
export function standalone(
  city: DemoCity,
  h: HostM,
  parent: OrgRow,
  codeArea: string,
  foundedOn: IsoDate,
  category?: "committee" | "generalBranch" | "branch",
): UnitM {
  const rng = city.rng;
  foundedOn = minDate(maxDate(foundedOn, addDays(h.row.foundedOn, 90)), addDays(city.today, -20));
  const cat: "committee" | "generalBranch" | "branch" =
    category ??
    (h.emp >= 300 && rng.chance(0.6) ? "generalBranch" : rng.chance(0.02) ? "generalBranch" : "branch");
  const suffix = cat === "committee" ? "委员会" : cat === "generalBranch" ? "总支部委员会" : "支部委员会";
  const org = city.addOrg({
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
      city.addOrg({
        codeArea,
        name: `中共${h.row.name}${dept}支部委员会`,
        category: "branch",
        parent: org,
        foundedOn: rng.chance(0.6)
          ? foundedOn
          : randomDate(rng, foundedOn, minDate(addYears(foundedOn, 2), addDays(city.today, -60))),
      }),
    );
  }
  const u = city.unit(org, holders);
  u.hosts.push(h);
  city.cover(h, org, foundedOn);
  return u;
}

/** The founding date of a standalone organization: after the host is established, mostly years ago. */
export function standaloneFounding(city: DemoCity, h: HostM): IsoDate {
  const lo = maxDate(addDays(h.row.foundedOn, 180), "2008-03-01");
  const hi = addDays(city.today, -20);
  // Mostly years ago: the earlier of two draws.
  return minDate(randomDate(city.rng, lo, hi), randomDate(city.rng, lo, hi));
}

/** Start of coverage of a host joining an existing organization. */
export function joinDate(city: DemoCity, h: HostM, org: OrgRow): IsoDate | null {
  const rng = city.rng;
  const lo = maxDate(org.foundedOn, addDays(h.row.foundedOn, rng.int(30, 400)));
  const start = rng.chance(0.2) ? randomDate(rng, lo, addDays(city.today, -10)) : lo;
  const limit = h.row.closedOn ? addDays(h.row.closedOn, -30) : addDays(city.today, -10);
  if (start <= limit) return start;
  const fallback = maxDate(org.foundedOn, addDays(h.row.foundedOn, 10));
  return fallback <= limit ? fallback : null;
}

export function groupUnit(
  city: DemoCity,
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
  hosts.sort((a, b) => (a.row.foundedOn < b.row.foundedOn ? -1 : a.row.foundedOn > b.row.foundedOn ? 1 : 0));
  const anchor = at(hosts, 0);
  const lo = maxDate(addDays(anchor.row.foundedOn, 60), "2010-01-01");
  const hi = addDays(city.today, -40);
  const foundedOn = o.foundedOn ?? minDate(randomDate(city.rng, lo, hi), randomDate(city.rng, lo, hi));
  const org = city.addOrg({
    codeArea: o.codeArea,
    name: o.name,
    category: o.category,
    parent: o.parent,
    formationMode: o.mode,
    foundedOn: maxDate(foundedOn, addDays(anchor.row.foundedOn, 30)),
  });
  const u = city.unit(org);
  for (const [i, h] of hosts.entries()) {
    const start = i === 0 ? org.foundedOn : joinDate(city, h, org);
    if (!start) continue;
    u.hosts.push(h);
    city.cover(h, org, start);
  }
  return u;
}
