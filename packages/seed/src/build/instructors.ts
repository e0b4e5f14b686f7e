/**
 * 党建工作指导员 and their assignments to uncovered hosts: the 行业党委's own instructor, pools per
 * township (some over the cap, one crossing into 石桥镇), former instructors and the history of ended
 * assignments, and the owner's host that keeps its instructor.
 */
import type { IsoDate } from "@liangxin/domain";
import { addDays, maxDate, minDate, randomDate } from "../dates.ts";
import { CITY } from "../geography.ts";
import { DISPATCH_ORGANS, personName } from "../names.ts";
import type { InstructorRow, OrgRow, SeedData } from "../rows.ts";
import type { DemoCity, Township, HostM } from "./model.ts";

export function buildInstructors(city: DemoCity): void {
  const rng = city.rng;
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
      id: city.d.instructors.length + 1,
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
    city.d.instructors.push(row);
    return row;
  };
  const forTownship = (t: Township): InstructorRow => {
    const c = t.county;
    const r = rng.next();
    if (r < 0.65) return newInstructor(t.node, c.def.code, t.node, null);
    if (r < 0.8) return newInstructor(c.node, c.def.code, c.node, null);
    if (r < 0.86) return newInstructor(city.cityNode, CITY.code, city.cityNode, null);
    const organ = `${rng.chance(0.5) ? CITY.name : c.def.name}${rng.pick(DISPATCH_ORGANS)}`;
    return newInstructor(c.node, c.def.code, null, organ);
  };
  const byHost = new Map<number, SeedData["assignments"]>();
  const assign = (instructorId: number, hostId: number, startOn: IsoDate, endOn: IsoDate | null) => {
    const row = { id: city.d.assignments.length + 1, instructorId, hostId, startOn, endOn };
    city.d.assignments.push(row);
    const list = byHost.get(hostId) ?? [];
    list.push(row);
    byHost.set(hostId, list);
  };
  const startFor = (h: HostM, instructorStart: IsoDate): IsoDate =>
    minDate(maxDate(instructorStart, addDays(h.row.foundedOn, rng.int(30, 120))), addDays(city.today, -5));
  const instructorStart = (): IsoDate => {
    const y = rng.weighted([
      [2023, 55],
      [2024, 25],
      [2025, 15],
      [2026, 5],
    ] as const);
    return randomDate(rng, `${y}-01-01`, minDate(`${y}-12-31`, addDays(city.today, -10)));
  };
  const uncoveredToday = (h: HostM) => city.operating(h) && !h.covs.some((c) => c.endOn === null);

  // The 行业党委 dispatches its own instructor to the uncovered logistics firms.
  const qinghe = city.county("清河县");
  const logisticsUncovered = city.hostsM.filter(
    (h) => h.row.industry === "G" && h.t.county === qinghe && uncoveredToday(h) && h.reserved,
  );
  const industryInstructor = newInstructor(city.industryNode, qinghe.def.code, city.industryNode, null);
  const indStart = "2023-04-10";
  for (const h of logisticsUncovered) assign(industryInstructor.id, h.row.id, startFor(h, indStart), null);
  const done = new Set(logisticsUncovered.map((h) => h.row.id));

  const overCap = new Set(rng.sample(city.townships, 4).map((t) => t.def.code));
  const pools = new Map<string, InstructorRow[]>();
  let crossTownshipDone = false;
  for (const t of city.townships) {
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
        const other = city
          .township("石桥镇")
          .hosts.find((h) => uncoveredToday(h) && !done.has(h.row.id) && !h.reserved);
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
  const oh = city.special.ownerHost;
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
