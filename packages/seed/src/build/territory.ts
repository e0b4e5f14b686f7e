/**
 * The territory and its management nodes: the city, its counties and townships as regions, the 两新工委
 * and township committees over them, the 行业党委 of 清河县, and the village and community branches.
 * At the end of the build, the materialized paths and depths of both trees.
 */
import { randomDate } from "../dates.ts";
import { CITY, COUNTIES } from "../geography.ts";
import type { OrgRow } from "../rows.ts";
import type { DemoCity, County, Township } from "./model.ts";

export function buildTerritoryAndNodes(city: DemoCity): void {
  const rng = city.rng;
  city.cityRegion = city.addRegion(CITY.code, CITY.name, "city", null);
  city.cityNode = city.addOrg({
    code: `G${CITY.code}`,
    codeArea: CITY.code,
    name: `中共${CITY.name}委两新组织工作委员会`,
    category: "cityCommittee",
    parent: null,
    regionId: city.cityRegion.id,
    foundedOn: "2009-03-16",
  });
  for (const cdef of COUNTIES) {
    const region = city.addRegion(cdef.code, cdef.name, "county", city.cityRegion);
    const node = city.addOrg({
      code: `G${cdef.code}`,
      codeArea: cdef.code,
      name: `中共${cdef.name}委两新组织工作委员会`,
      category: "countyCommittee",
      parent: city.cityNode,
      regionId: region.id,
      foundedOn: randomDate(rng, "2010-03-01", "2011-06-30"),
    });
    const county: County = { def: cdef, region, node, townships: [] };
    city.counties.push(county);
    for (const tdef of cdef.townships) {
      const tRegion = city.addRegion(tdef.code, tdef.name, "township", region);
      const name =
        tdef.kind === "park"
          ? `中共${CITY.name}${tdef.name}工作委员会`
          : tdef.kind === "street"
            ? `中共${cdef.name}${tdef.name}工作委员会`
            : `中共${cdef.name}${tdef.name}委员会`;
      const tNode = city.addOrg({
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
      city.townships.push(t);
    }
  }
  city.industryNode = city.addOrg({
    code: `G${city.county("清河县").def.code}H01`,
    codeArea: "H01",
    name: "中共清河县物流行业委员会",
    category: "industryCommittee",
    parent: city.county("清河县").node,
    regionId: null,
    foundedOn: "2016-08-01",
  });
  // Village and community branches: grassroots organizations of the township's own, long established.
  for (const t of city.townships) {
    for (const v of t.def.villages) {
      const big = rng.chance(0.3);
      const org = city.addOrg({
        codeArea: t.def.code,
        name: `中共${t.def.name}${v}${big ? "总支部委员会" : "支部委员会"}`,
        category: big ? "generalBranch" : "branch",
        parent: t.node,
        foundedOn: randomDate(rng, "1985-01-01", "2004-12-31"),
      });
      t.villages.push(org);
      city.villageOrgs.push(org);
    }
  }
}

export function materializePaths(city: DemoCity): void {
  const regionById = new Map(city.d.regions.map((r) => [r.id, r]));
  for (const r of city.d.regions) {
    const p = r.parentId === null ? undefined : regionById.get(r.parentId);
    r.path = `${p?.path ?? "/"}${r.id}/`;
    r.depth = p ? p.depth + 1 : 0;
  }
  // Parents first (recursively), whatever the order of ids.
  const done = new Set<number>();
  const visit = (o: OrgRow): void => {
    if (done.has(o.id)) return;
    const p = o.parentId === null ? undefined : city.org(o.parentId);
    if (p) visit(p);
    o.path = `${p?.path ?? "/"}${o.id}/`;
    o.depth = p ? p.depth + 1 : 0;
    done.add(o.id);
  };
  for (const o of city.d.orgs) visit(o);
}
