/**
 * Coverage of the hosts by grassroots organizations: the special structures first, then every township
 * planned to its coverage rate (standalone organizations, joint branches, affiliated to villages, hosted,
 * regional and grid), closed hosts covered until they closed, the 应建未建 hosts, and the 2025 changes.
 */
import { BUILDINGS } from "../names.ts";
import { type DemoCity, type Township, type HostM, at, cn } from "./model.ts";
import { groupUnit, joinDate, standalone as standaloneUnit, standaloneFounding } from "./units.ts";
import { buildSpecialUnits } from "./special-units.ts";
import { buildMovers, buildReparentingOfParkJoint } from "./structure-changes.ts";

export function buildCoverage(city: DemoCity): void {
  buildSpecialUnits(city);
  for (const t of city.townships) planTownship(city, t);
  buildMovers(city);
  buildReparentingOfParkJoint(city);
}

function planTownship(city: DemoCity, t: Township): void {
  const rng = city.rng;
  const ops = t.hosts.filter((h) => city.operating(h));
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
    standaloneUnit(city, h, t.node, t.def.code, standaloneFounding(city, h), cat);
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
    while (bigJoint && buckets.joint.length < 14 && from.length > 0) buckets.joint.push(from.pop() as HostM);
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
    const n = (city.jointSeq.get(t.def.code) ?? 0) + 1;
    city.jointSeq.set(t.def.code, n);
    const socials = chunk.filter((h) => h.row.kind === "socialOrg").length;
    const label = socials * 2 > chunk.length ? "社会组织" : "非公企业";
    const u = groupUnit(city, chunk, {
      name: `中共${t.def.name}${label}第${cn(n)}联合支部委员会`,
      category: "jointBranch",
      parent: t.node,
      codeArea: t.def.code,
      mode: "joint",
    });
    if (u) city.ordinaryJoints.push(u);
    if (u && u.hosts.length > 10) city.special.bigJoint = u;
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
      const u = city.units.get(v.id) ?? city.unit(v);
      for (let k = vi; k < aff.length; k += villages.length) {
        const h = at(aff, k);
        const start = joinDate(city, h, v);
        if (!start) continue;
        u.hosts.push(h);
        city.cover(h, v, start);
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
    groupUnit(city, buckets.hosted, {
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
  if (kind === "park" && city.special.parkRegional) {
    const pr = city.special.parkRegional;
    const take = reg.slice(0, Math.min(reg.length, rng.int(8, 12)));
    ri = take.length;
    for (const h of take) {
      const start = joinDate(city, h, pr.org);
      if (!start) continue;
      pr.hosts.push(h);
      city.cover(h, pr.org, start);
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
      groupUnit(city, chunk, {
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
      groupUnit(city, chunk, {
        name: `中共${kind === "park" ? "澄江高新区" : t.def.name}${place}${kind === "town" ? "区域" : ""}支部委员会`,
        category: "branch",
        parent: t.node,
        codeArea: t.def.code,
        mode: "regional",
      });
    }
  }

  // Closed hosts: some were covered by a joint branch or a village until they closed.
  const joints = city.ordinaryJoints.filter((u) => u.org.parentId === t.node.id);
  for (const h of t.hosts) {
    if (city.operating(h) || h.reserved || !city.rng.chance(0.35)) continue;
    const u =
      joints.length > 0
        ? rng.pick(joints)
        : t.villages.length > 0
          ? city.units.get(rng.pick(t.villages).id)
          : undefined;
    if (!u) continue;
    const start = joinDate(city, h, u.org);
    if (!start || !h.row.closedOn || start >= h.row.closedOn) continue;
    u.hosts.push(h);
    city.cover(h, u.org, start, h.row.closedOn);
  }

  // 应建未建: two uncovered hosts per township with three or more full members working there.
  const uncovered = rng.shuffle(t.hosts.filter((h) => !h.reserved && city.operating(h) && h.emp >= 10));
  for (const h of uncovered.slice(0, 2)) h.shouldEstablish = true;
}
