/**
 * 发展党员: the pipeline of the members who joined since mid-2023, and people still in the pipeline.
 */
import { addDays, addMonths, maxDate, randomDate } from "../dates.ts";
import { personName } from "../names.ts";
import type { SeedData } from "../rows.ts";
import type { DemoCity } from "./model.ts";
import { addressCode } from "./members.ts";

export function buildApplicants(city: DemoCity): void {
  const rng = city.rng;
  const add = (a: Omit<SeedData["applicants"][number], "id">) =>
    city.d.applicants.push({ id: city.d.applicants.length + 1, ...a });
  // Members who joined since mid-2023 went through the pipeline in their organization.
  for (const m of city.membersM) {
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
  for (const u of city.units.values()) {
    if (u.hosts.length === 0 || !rng.chance(0.35)) continue;
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) {
      const gender = rng.chance(0.55) ? "male" : "female";
      const birth = randomDate(rng, "1980-01-01", "2004-12-31");
      const h = rng.pick(u.hosts);
      const from = maxDate("2023-03-01", addDays(u.org.foundedOn, 30));
      const to = addDays(city.today, -20);
      if (from > to) continue;
      const appliedOn = randomDate(rng, from, to);
      const a1 = addDays(appliedOn, rng.int(90, 270));
      const activistOn = a1 <= city.today && rng.chance(0.8) ? a1 : null;
      const c1 = activistOn ? addDays(activistOn, rng.int(365, 420)) : null;
      const candidateOn = c1 && c1 <= city.today && rng.chance(0.7) ? c1 : null;
      add({
        idNumber: city.codes.citizenId(addressCode(city, h), birth, gender),
        name: personName(rng, gender),
        gender,
        orgId: u.org.id,
        workHostId: city.operating(h) ? h.row.id : null,
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
