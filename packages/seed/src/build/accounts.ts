/**
 * The plan of the six demo accounts (city, county, township, 行业党委, a branch secretary, an owner):
 * who they are and what they are bound to; `../demo.ts` creates the users.
 */
import { CITY } from "../geography.ts";
import type { DemoCity } from "./model.ts";

export interface DemoAccountPlan {
  username: string;
  displayName: string;
  role: "admin" | "secretary" | "owner";
  roleLabel: string;
  orgCode?: string;
  hostCreditCode?: string;
  scopeName: string;
}

export function accounts(city: DemoCity): DemoAccountPlan[] {
  const qinghe = city.county("清河县");
  const liulin = city.township("柳林镇");
  const cross = city.special.crossJoint;
  const owner = city.special.ownerHost;
  if (!cross || !owner) throw new Error("演示数据生成内部错误:演示账号对象缺失");
  const secretary = city.d.secretaries.find((s) => s.orgId === cross.org.id && s.endOn === null);
  const secName = city.d.members.find((m) => m.id === secretary?.memberId)?.name ?? "书记";
  return [
    {
      username: "city",
      displayName: `${CITY.name}两新工委管理员`,
      role: "admin",
      roleLabel: "市级管理员",
      orgCode: city.cityNode.code,
      scopeName: city.cityNode.name,
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
      orgCode: city.industryNode.code,
      scopeName: city.industryNode.name,
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
