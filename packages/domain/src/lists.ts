/**
 * The orders and the filter choices of the ledger's lists, shared by the queries, the API's schemas and
 * the pages (a sort is a column the list shows, ascending, or descending with a leading "-").
 */

/** Hosts: by township (the default), by name, by founding date either way. */
export const HOST_SORTS = ["region", "name", "foundedOn", "-foundedOn"] as const;
export type HostSort = (typeof HOST_SORTS)[number];

/** Members: by organization (the default), by name, by 入党日期 either way. */
export const MEMBER_SORTS = ["org", "name", "joinedOn", "-joinedOn"] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

/** Organizations: as the tree runs (the default), by code, by name, the most members or hosts first. */
export const ORG_SORTS = ["tree", "code", "name", "-members", "-hosts"] as const;
export type OrgSort = (typeof ORG_SORTS)[number];

/** Instructors: by number (the default), by name, the most hosts guided today first. */
export const INSTRUCTOR_SORTS = ["number", "name", "-activeHosts"] as const;
export type InstructorSort = (typeof INSTRUCTOR_SORTS)[number];

/** The flags of a member a list filters on: 流动党员, 失联党员, 口袋党员. */
export const MEMBER_FLAGS = ["mobile", "lostContact", "pocket"] as const;
export type MemberFlag = (typeof MEMBER_FLAGS)[number];
export const MEMBER_FLAG_LABELS: Readonly<Record<MemberFlag, string>> = {
  mobile: "流动党员",
  lostContact: "失联党员",
  pocket: "口袋党员",
};

/** The sections (门类) of GB/T 4754-2017, 国民经济行业分类, by letter. */
export const INDUSTRY_SECTION_LABELS: Readonly<Record<string, string>> = {
  A: "农、林、牧、渔业",
  B: "采矿业",
  C: "制造业",
  D: "电力、热力、燃气及水生产和供应业",
  E: "建筑业",
  F: "批发和零售业",
  G: "交通运输、仓储和邮政业",
  H: "住宿和餐饮业",
  I: "信息传输、软件和信息技术服务业",
  J: "金融业",
  K: "房地产业",
  L: "租赁和商务服务业",
  M: "科学研究和技术服务业",
  N: "水利、环境和公共设施管理业",
  O: "居民服务、修理和其他服务业",
  P: "教育",
  Q: "卫生和社会工作",
  R: "文化、体育和娱乐业",
  S: "公共管理、社会保障和社会组织",
  T: "国际组织",
};
export const INDUSTRY_SECTIONS = Object.keys(INDUSTRY_SECTION_LABELS) as [string, ...string[]];

/** A section's name with its letter (C 制造业), or the stored text when it is not a section. */
export const industryLabel = (code: string | null): string =>
  code === null ? "—" : INDUSTRY_SECTION_LABELS[code] ? `${code} ${INDUSTRY_SECTION_LABELS[code]}` : code;
