/**
 * Changes of structure in 2025: hosts leaving their joint branch for a standalone branch of their own,
 * and a park joint branch re-parented from the district node to the park committee.
 */
import { randomDate } from "../dates.ts";
import { type DemoCity, type HostM, type UnitM, at } from "./model.ts";

/** Hosts leaving their joint branch for a standalone branch of their own in 2025. */
export function buildMovers(city: DemoCity): void {
  const rng = city.rng;
  const eligible = (u: UnitM) =>
    u.hosts.filter(
      (h, i) =>
        i > 0 &&
        city.operating(h) &&
        h.emp >= 25 &&
        h.covs.length === 1 &&
        (h.covs[0]?.startOn ?? "9999") <= "2024-06-30",
    );
  const candidates = city.ordinaryJoints.filter(
    (u) => u.hosts.length >= 4 && u.org.parentId !== city.industryNode.id && u !== city.special.bigJoint,
  );
  const liulin = city.special.crossTownshipA;
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
    const parent = city.org(u.org.parentId ?? city.cityNode.id);
    const s = city.addOrg({
      codeArea: h.t.def.code,
      name: `中共${h.row.name}支部委员会`,
      category: "branch",
      parent,
      formationMode: "standalone",
      foundedOn: x,
    });
    const su = city.unit(s);
    su.hosts.push(h);
    city.cover(h, s, x);
    if (i === 0) city.special.ownerHost = h;
  }
}

/** A park joint branch directly under the district node moves to the park committee in 2025. */
export function buildReparentingOfParkJoint(city: DemoCity): void {
  const park = city.township("澄江高新技术产业园区");
  const district = city.county("澄江区");
  const u = city.ordinaryJoints.find(
    (x) => x.org.parentId === park.node.id && x.org.foundedOn < "2024-06-30",
  );
  if (!u) return;
  city.d.reparentings.push({
    id: city.d.reparentings.length + 1,
    orgId: u.org.id,
    fromParentId: district.node.id,
    toParentId: park.node.id,
    effectiveOn: "2025-03-15",
    docNo: "澄江两新工委〔2025〕3号",
    reason: "园区党工委统一管理园区内非公企业党组织,理顺隶属关系",
  });
}
