/**
 * The import template (shared/import-template.md) as data: one spec per table with its sheet name, CSV
 * file name and Chinese columns. Readers, the template writer and the import-format export all use it.
 */
import {
  FORMATION_MODE_BY_LABEL,
  GENDER_BY_LABEL,
  HOST_KIND_BY_LABEL,
  INSTRUCTOR_KIND_BY_LABEL,
  JOB_CATEGORY_BY_LABEL,
  MEMBER_STATUS_BY_LABEL,
  ORG_CATEGORY_BY_LABEL,
  REGION_LEVEL_BY_LABEL,
  type FormationMode,
  type InstructorKind,
  type JobCategory,
  type MemberStatus,
  type OrgCategory,
} from "@liangxin/domain";

export type CellKind =
  | "text"
  | "code"
  | "date"
  | "int"
  | "year"
  /** An amount in 万元 as typed, read into whole 分 (at most six decimals). */
  | "wan"
  | "yesno"
  | "creditCode"
  | "citizenId"
  | "industry"
  | "list"
  | { labels: ReadonlyMap<string, string> };

export interface ColumnSpec {
  field: string;
  header: string;
  kind: CellKind;
  required: boolean;
  /** What goes in, for the 说明 sheet. */
  note: string;
}

export const TABLE_KEYS = [
  "regions",
  "orgs",
  "reparentings",
  "hosts",
  "hostYears",
  "coverage",
  "members",
  "transfers",
  "workplaces",
  "instructors",
  "assignments",
] as const;
export type TableKey = (typeof TABLE_KEYS)[number];

export interface TableSpec {
  key: TableKey;
  sheet: string;
  file: string;
  columns: readonly ColumnSpec[];
}

const col = (field: string, header: string, kind: CellKind, required: boolean, note = ""): ColumnSpec => ({
  field,
  header,
  kind,
  required,
  note,
});

export const TABLES: Readonly<Record<TableKey, TableSpec>> = {
  regions: {
    key: "regions",
    sheet: "区划",
    file: "regions.csv",
    columns: [
      col("code", "区划代码", "code", true, "6位(市、县)或9位(乡镇、街道、园区)"),
      col("name", "名称", "text", true),
      col("level", "层级", { labels: REGION_LEVEL_BY_LABEL }, true, "市 / 县 / 乡镇"),
      col("parentCode", "上级区划代码", "code", false, "缺省:乡镇取前6位,县取前4位加00"),
    ],
  },
  orgs: {
    key: "orgs",
    sheet: "党组织",
    file: "orgs.csv",
    columns: [
      col("code", "组织代码", "code", true, "党组织的唯一代码"),
      col("name", "名称", "text", true),
      col(
        "category",
        "组织类别",
        { labels: ORG_CATEGORY_BY_LABEL },
        true,
        "市级工委 / 县级工委 / 乡镇党委 / 园区党工委 / 行业党委 / 基层党委 / 党总支 / 党支部 / 联合党支部",
      ),
      col("parentCode", "上级组织代码", "code", false, "今日的上级;除全市顶层外必填"),
      col("regionCode", "区划代码", "code", false, "有属地的管理单位所管辖的区划"),
      col(
        "formationMode",
        "组建方式",
        { labels: FORMATION_MODE_BY_LABEL },
        false,
        "单独建 / 联合建 / 挂靠建 / 依托建 / 区域联建 / 网格建",
      ),
      col("foundedOn", "成立日期", "date", true, "YYYY-MM-DD"),
      col("revokedOn", "撤销日期", "date", false, "YYYY-MM-DD"),
      col("lastElectionOn", "换届日期", "date", false, "最近一次换届的日期"),
      col("hasPartyGroups", "设有党小组", "yesno", false, "是 / 否(空为否);未设党小组的组织不考核党小组会"),
      col("secretaryId", "书记公民身份号码", "citizenId", false, "书记须为党员表中的党员"),
      col("dualCode", "双重管理组织代码", "code", false, "双重管理的区域综合党组织"),
    ],
  },
  reparentings: {
    key: "reparentings",
    sheet: "隶属变更",
    file: "reparentings.csv",
    columns: [
      col("orgCode", "组织代码", "code", true),
      col("fromCode", "原上级组织代码", "code", true),
      col("toCode", "新上级组织代码", "code", true),
      col("effectiveOn", "变更日期", "date", true, "新上级自该日起生效"),
      col("docNo", "文号", "text", false),
      col("reason", "原因", "text", false),
    ],
  },
  hosts: {
    key: "hosts",
    sheet: "两新组织",
    file: "hosts.csv",
    columns: [
      col("creditCode", "统一社会信用代码", "creditCode", true, "18位,校验码须正确"),
      col("name", "名称", "text", true),
      col("kind", "类别", { labels: HOST_KIND_BY_LABEL }, true, "非公企业 / 社会组织"),
      col("industry", "行业", "industry", false, "国民经济行业门类字母 A–T"),
      col("regionCode", "所在区划代码", "code", true, "乡镇级区划代码(9位)"),
      col("foundedOn", "成立日期", "date", true),
      col("closedOn", "注销日期", "date", false, "存续期间留空"),
      col("ownerName", "出资人姓名", "text", false),
      col("ownerIsMember", "出资人是否党员", "yesno", false, "是 / 否"),
      col("unionOn", "工会成立日期", "date", false),
      col("youthLeagueOn", "共青团成立日期", "date", false),
      col("womenOn", "妇联成立日期", "date", false),
    ],
  },
  hostYears: {
    key: "hostYears",
    sheet: "经营数据",
    file: "host-years.csv",
    columns: [
      col("creditCode", "统一社会信用代码", "creditCode", true),
      col("year", "年度", "year", true, "例如 2024"),
      col("employees", "从业人员数", "int", true, "不小于0的整数"),
      col("revenueFen", "年营业收入(万元)", "wan", false, "不小于0,精确到分(最多6位小数)"),
    ],
  },
  coverage: {
    key: "coverage",
    sheet: "覆盖关系",
    file: "coverage.csv",
    columns: [
      col("creditCode", "统一社会信用代码", "creditCode", true),
      col("orgCode", "组织代码", "code", true, "覆盖该单位的党组织(单位的最高层党组织)"),
      col("startOn", "开始日期", "date", true),
      col("endOn", "结束日期", "date", false),
    ],
  },
  members: {
    key: "members",
    sheet: "党员",
    file: "members.csv",
    columns: [
      col("idNumber", "公民身份号码", "citizenId", true, "18位,校验码须正确"),
      col("name", "姓名", "text", true),
      col("gender", "性别", { labels: GENDER_BY_LABEL }, true, "男 / 女"),
      col("birthDate", "出生日期", "date", false, "须与公民身份号码一致"),
      col("joinedOn", "入党日期", "date", true),
      col("fullOn", "转正日期", "date", false, "预备党员留空"),
      col("orgCode", "所在党组织代码", "code", false, "与下一列二选一"),
      col("outsideOrgName", "组织关系所在(系统外)", "text", false, "组织关系在本市党组织体系之外时填写"),
      col("workCode", "工作单位信用代码", "creditCode", false),
      col("workSince", "入职日期", "date", false),
      col(
        "jobCategory",
        "岗位类别",
        { labels: JOB_CATEGORY_BY_LABEL },
        false,
        "出资人 / 管理人员 / 专业技术人员 / 一线职工 / 其他",
      ),
      col(
        "status",
        "状态",
        { labels: MEMBER_STATUS_BY_LABEL },
        false,
        "正常(默认) / 转出 / 出党 / 死亡 / 停止党籍",
      ),
      col("statusOn", "状态日期", "date", false, "状态不是正常时必填"),
      col("mobile", "流动党员", "yesno", false),
      col("lostContact", "失联党员", "yesno", false),
      col("pocket", "口袋党员", "yesno", false),
    ],
  },
  transfers: {
    key: "transfers",
    sheet: "组织关系接转",
    file: "transfers.csv",
    columns: [
      col("idNumber", "公民身份号码", "citizenId", true),
      col("fromCode", "转出组织代码", "code", false, "从市外转入时留空"),
      col("toCode", "转入组织代码", "code", false, "转出本市时留空"),
      col("on", "日期", "date", true),
    ],
  },
  workplaces: {
    key: "workplaces",
    sheet: "工作经历",
    file: "workplaces.csv",
    columns: [
      col("idNumber", "公民身份号码", "citizenId", true),
      col("creditCode", "工作单位信用代码", "creditCode", true),
      col("startOn", "开始日期", "date", true),
      col("endOn", "结束日期", "date", false),
    ],
  },
  instructors: {
    key: "instructors",
    sheet: "党建指导员",
    file: "instructors.csv",
    columns: [
      col("number", "编号", "code", true, "唯一"),
      col("name", "姓名", "text", true),
      col("kind", "类别", { labels: INSTRUCTOR_KIND_BY_LABEL }, true, "专职 / 兼职 / 挂职"),
      col("dispatchCode", "派出单位代码", "code", false, "本市党组织(与下一列二选一)"),
      col("dispatchName", "派出单位名称", "text", false, "党组织体系之外的派出机关"),
      col("registeredCode", "登记单位代码", "code", false, "填写派出单位名称时必填:保管档案的管理单位"),
    ],
  },
  assignments: {
    key: "assignments",
    sheet: "指导关系",
    file: "assignments.csv",
    columns: [
      col("number", "编号", "code", true, "指导员编号"),
      col("creditCode", "统一社会信用代码", "creditCode", true),
      col("startOn", "开始日期", "date", true),
      col("endOn", "结束日期", "date", false),
    ],
  },
};

export const TABLE_LIST: readonly TableSpec[] = TABLE_KEYS.map((k) => TABLES[k]);

/** The sheet of the template that explains the columns; ignored by the readers. */
export const README_SHEET = "说明";

// Typed rows, one interface per table (field names as in the specs above).
export interface RegionRow {
  code: string;
  name: string;
  level: "city" | "county" | "township";
  parentCode: string | null;
}
export interface OrgRow {
  code: string;
  name: string;
  category: OrgCategory;
  parentCode: string | null;
  regionCode: string | null;
  formationMode: FormationMode | null;
  foundedOn: string;
  revokedOn: string | null;
  lastElectionOn: string | null;
  hasPartyGroups: boolean | null;
  secretaryId: string | null;
  dualCode: string | null;
}
export interface ReparentingRow {
  orgCode: string;
  fromCode: string;
  toCode: string;
  effectiveOn: string;
  docNo: string | null;
  reason: string | null;
}
export interface HostRow {
  creditCode: string;
  name: string;
  kind: "enterprise" | "socialOrg";
  industry: string | null;
  regionCode: string;
  foundedOn: string;
  closedOn: string | null;
  ownerName: string | null;
  ownerIsMember: boolean | null;
  unionOn: string | null;
  youthLeagueOn: string | null;
  womenOn: string | null;
}
export interface HostYearRow {
  creditCode: string;
  year: number;
  employees: number;
  /** 年营业收入 in 分 (the sheet holds 万元). */
  revenueFen: number | null;
}
export interface CoverageRow {
  creditCode: string;
  orgCode: string;
  startOn: string;
  endOn: string | null;
}
export interface MemberRow {
  idNumber: string;
  name: string;
  gender: "male" | "female";
  birthDate: string | null;
  joinedOn: string;
  fullOn: string | null;
  orgCode: string | null;
  outsideOrgName: string | null;
  workCode: string | null;
  workSince: string | null;
  jobCategory: JobCategory | null;
  status: MemberStatus | null;
  statusOn: string | null;
  mobile: boolean | null;
  lostContact: boolean | null;
  pocket: boolean | null;
}
export interface TransferRow {
  idNumber: string;
  fromCode: string | null;
  toCode: string | null;
  on: string;
}
export interface WorkplaceRow {
  idNumber: string;
  creditCode: string;
  startOn: string;
  endOn: string | null;
}
export interface InstructorRow {
  number: string;
  name: string;
  kind: InstructorKind;
  dispatchCode: string | null;
  dispatchName: string | null;
  registeredCode: string | null;
}
export interface AssignmentRow {
  number: string;
  creditCode: string;
  startOn: string;
  endOn: string | null;
}

export interface RowTypes {
  regions: RegionRow;
  orgs: OrgRow;
  reparentings: ReparentingRow;
  hosts: HostRow;
  hostYears: HostYearRow;
  coverage: CoverageRow;
  members: MemberRow;
  transfers: TransferRow;
  workplaces: WorkplaceRow;
  instructors: InstructorRow;
  assignments: AssignmentRow;
}

/** Where a row came from: the sheet (or CSV file) and its 1-based row number (the header is row 1). */
export interface Loc {
  sheet: string;
  row: number;
}

export type Located<T> = T & { loc: Loc };

/** One problem of an import: sheet/file, row, column, value and the reason in Chinese. */
export interface ImportError {
  sheet: string;
  row: number | null;
  column: string;
  value: string;
  reason: string;
}

export type ParsedTables = { [K in TableKey]: Located<RowTypes[K]>[] };

export interface ParsedImport {
  tables: ParsedTables;
  errors: ImportError[];
  /** Data rows read, for progress. */
  rowCount: number;
}
