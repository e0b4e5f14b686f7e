/**
 * The special structures the issues and tests rely on: the 行业党委's branches (one re-parented from
 * 石桥镇 in 2025) and its joint branch, a joint branch crossing 柳林镇 and 石桥镇, the city's directly
 * managed group in the park with its dual-management links to the park's regional 综合党总支, and the
 * organizations directly under county nodes.
 */
import { addMonths, randomDate } from "../dates.ts";
import { CITY } from "../geography.ts";
import type { DemoCity, Township, HostM } from "./model.ts";
import { standalone, standaloneFounding, groupUnit } from "./units.ts";

export function buildSpecialUnits(city: DemoCity): void {
  const rng = city.rng;
  const qinghe = city.county("清河县");
  const liulin = city.township("柳林镇");
  const shiqiao = city.township("石桥镇");
  const park = city.township("澄江高新技术产业园区");
  const industryArea = `${qinghe.def.code}H01`;

  // 行业党委: standalone branches of logistics firms, one re-parented from 石桥镇 in 2025, a joint branch.
  const logistics = (name: string) =>
    city.township(name).hosts.filter((h) => h.row.industry === "G" && h.reserved);
  const [l1, l2, l3, l4] = logistics("柳林镇");
  const [s1, s2, s3, s4] = logistics("石桥镇");
  const [k1, k2, k3] = logistics("河口镇");
  const [x1] = logistics("新民街道");
  if (!l1 || !l2 || !l3 || !l4 || !s1 || !s2 || !s3 || !s4 || !k1 || !k2 || !k3 || !x1)
    throw new Error("演示数据生成内部错误:物流企业数量不足");
  for (const h of [l1, k1, x1])
    standalone(
      city,
      h,
      city.industryNode,
      industryArea,
      randomDate(rng, "2016-09-01", "2022-06-30"),
      "branch",
    );
  const moved = standalone(
    city,
    s1,
    shiqiao.node,
    shiqiao.def.code,
    randomDate(rng, "2013-03-01", "2014-12-31"),
    "branch",
  );
  moved.org.parentId = city.industryNode.id;
  city.d.reparentings.push({
    id: city.d.reparentings.length + 1,
    orgId: moved.org.id,
    fromParentId: shiqiao.node.id,
    toParentId: city.industryNode.id,
    effectiveOn: "2025-07-01",
    docNo: "清河两新工委〔2025〕9号",
    reason: "按照行业党建工作要求,物流企业党组织统一划转县物流行业党委管理",
  });
  const association = city.township("新民街道").hosts.find((h) => h.row.name === "清河县物流协会");
  if (!association) throw new Error("演示数据生成内部错误:物流协会不存在");
  standalone(city, association, city.industryNode, industryArea, "2017-03-20", "branch");
  const lj = groupUnit(city, [l2, s2, s3, k2, l3], {
    name: "中共清河县物流行业联合支部委员会",
    category: "jointBranch",
    parent: city.industryNode,
    codeArea: industryArea,
    mode: "joint",
    foundedOn: "2018-05-16",
  });
  if (lj) city.ordinaryJoints.push(lj);
  // l4, s4, k3 stay uncovered: the 行业党委 sends an instructor to them.
  for (const h of [l4, s4, k3]) h.reserved = true;

  // A joint branch of 柳林镇 covering hosts in 柳林镇 and in 石桥镇.
  const small = (t: Township, n: number) =>
    rng
      .shuffle(
        t.hosts.filter(
          (h) =>
            !h.reserved &&
            city.operating(h) &&
            h.row.kind === "enterprise" &&
            h.emp <= 60 &&
            h.row.foundedOn <= "2018-12-31",
        ),
      )
      .slice(0, n);
  const crossHosts = [...small(liulin, 3), ...small(shiqiao, 2)];
  for (const h of crossHosts) h.reserved = true;
  const founded = randomDate(rng, "2019-03-01", "2020-06-30");
  const cross = city.addOrg({
    codeArea: liulin.def.code,
    name: `中共${liulin.def.name}非公企业第一联合支部委员会`,
    category: "jointBranch",
    parent: liulin.node,
    formationMode: "joint",
    foundedOn: founded,
  });
  const cu = city.unit(cross);
  for (const [i, h] of crossHosts.entries()) {
    // Hosts of 石桥镇 join later; the last one only in 2024.
    const start =
      i < 3
        ? founded
        : i === 3
          ? addMonths(founded, rng.int(2, 10))
          : randomDate(rng, "2024-03-01", "2024-09-30");
    cu.hosts.push(h);
    city.cover(h, cross, start);
  }
  city.special.crossJoint = cu;
  city.special.crossTownshipA = liulin;
  city.jointSeq.set(liulin.def.code, 1);

  // The city's directly managed group in the park: a 基层党委 under the city node.
  const group = park.hosts.find((h) => h.row.name.endsWith("华瑞新能源科技股份有限公司"));
  if (!group) throw new Error("演示数据生成内部错误:市直管企业不存在");
  const gu = standalone(city, group, city.cityNode, CITY.code, "2012-07-01", "committee");

  // The park's regional 综合党总支 (区域综合党组织): created here so that dual links can point at it.
  const regional = city.addOrg({
    codeArea: park.def.code,
    name: "中共澄江高新区综合总支部委员会",
    category: "generalBranch",
    parent: park.node,
    formationMode: "regional",
    foundedOn: "2013-06-18",
  });
  city.special.parkRegional = city.unit(regional);
  city.d.dualLinks.push({
    id: 1,
    orgId: gu.org.id,
    regionalOrgId: regional.id,
    startOn: "2023-03-01",
    endOn: null,
  });

  // Organizations directly under county nodes (直属), one of them in the park with a dual link.
  const chengjiang = city.county("澄江区");
  const bigIn = (t: Township): HostM => {
    const pool = t.hosts
      .filter(
        (h) =>
          !h.reserved && city.operating(h) && h.row.kind === "enterprise" && h.row.foundedOn <= "2018-12-31",
      )
      .sort((a, b) => b.emp - a.emp || a.row.id - b.row.id);
    return rng.pick(pool.slice(0, 6));
  };
  const parkDirect = standalone(
    city,
    bigIn(park),
    chengjiang.node,
    chengjiang.def.code,
    randomDate(rng, "2014-01-01", "2019-12-31"),
    "generalBranch",
  );
  city.d.dualLinks.push({
    id: 2,
    orgId: parkDirect.org.id,
    regionalOrgId: regional.id,
    startOn: "2024-01-01",
    endOn: null,
  });
  const cg = city.township("城关街道");
  const cgh = bigIn(cg);
  standalone(city, cgh, chengjiang.node, chengjiang.def.code, standaloneFounding(city, cgh));
  const qingshan = city.county("青山县");
  const qfh = bigIn(city.township("青峰街道"));
  standalone(city, qfh, qingshan.node, qingshan.def.code, standaloneFounding(city, qfh));
}
