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
  COMMITTEE_POST_LABELS,
  FUND_SOURCE_LABELS,
  ORG_RULE_LABELS,
  SECRETARY_KIND_LABELS,
  SECRETARY_SOURCE_LABELS,
  VENUE_STATUS_LABELS,
  type CommitteePost,
  type FundSource,
  type OrgRule,
  type SecretaryKind,
  type SecretarySource,
  type VenueStatus,
  ASSESSMENT_GRADE_LABELS,
  AWARD_DECISION_LABELS,
  HONOUR_LEVEL_LABELS,
  REVIEW_GRADE_LABELS,
  TRAINING_KIND_LABELS,
  type AssessmentGrade,
  type AwardDecision,
  type HonourLevel,
  type ReviewGrade,
  type TrainingKind,
} from "@liangxin/domain";

/** Label → stored value of a vocabulary of the five basics (the labels as the portal shows them). */
function byLabel<K extends string>(labels: Readonly<Record<K, string>>): ReadonlyMap<string, K> {
  return new Map((Object.entries(labels) as [K, string][]).map(([k, l]) => [l, k]));
}
const labelList = (labels: Readonly<Record<string, string>>) => Object.values(labels).join(" / ");

export type CellKind =
  | "text"
  | "code"
  | "date"
  | "int"
  | "year"
  /** An amount in 万元 as typed, read into whole 分 (at most six decimals). */
  | "wan"
  /** An amount in 元 as typed, read into whole 分 (at most two decimals). */
  | "yuan"
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
  "committee",
  "reserveCadres",
  "secretaryProfiles",
  "allowances",
  "venues",
  "venueLinks",
  "orgRules",
  "funds",
  "trainings",
  "trainingParticipants",
  "instructorAssessments",
  "secretaryReviews",
  "fiveGood",
  "showcases",
  "leaders",
  "contactPoints",
  "contactVisits",
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
      col("payrollFen", "职工工资总额(万元)", "wan", false, "全年职工工资总额;不小于0,精确到分(最多6位小数)"),
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
  committee: {
    key: "committee",
    sheet: "班子成员",
    file: "committee.csv",
    columns: [
      col("orgCode", "组织代码", "code", true, "基层党组织"),
      col("idNumber", "公民身份号码", "citizenId", true, "班子成员,须为党员表或数据库中的党员"),
      col("post", "职务", { labels: byLabel(COMMITTEE_POST_LABELS) }, true, labelList(COMMITTEE_POST_LABELS)),
      col("startOn", "开始日期", "date", true, "任职之日;同一人在同一组织的任期不得重叠"),
      col("endOn", "结束日期", "date", false, "换届或免职之日;在任留空"),
      col("onBoard", "进入董事会", "yesno", false, "双向进入、交叉任职:是 / 否(空为否)"),
      col("inManagement", "进入经营管理层", "yesno", false, "是 / 否(空为否)"),
      col("onSupervisoryBoard", "进入监事会", "yesno", false, "是 / 否(空为否)"),
    ],
  },
  reserveCadres: {
    key: "reserveCadres",
    sheet: "后备干部",
    file: "reserve-cadres.csv",
    columns: [
      col("orgCode", "组织代码", "code", true, "基层党组织"),
      col("idNumber", "公民身份号码", "citizenId", true, "须为党员表或数据库中的党员"),
      col("startOn", "开始日期", "date", true, "同一人在同一组织的期间不得重叠"),
      col("endOn", "结束日期", "date", false),
    ],
  },
  secretaryProfiles: {
    key: "secretaryProfiles",
    sheet: "书记任职",
    file: "secretary-terms.csv",
    columns: [
      col("orgCode", "组织代码", "code", true, "基层党组织"),
      col("idNumber", "书记公民身份号码", "citizenId", true, "该组织的书记(党组织表或数据库中的任职)"),
      col(
        "startOn",
        "任职日期",
        "date",
        false,
        "现任:本次导入新建的任职自该日起(缺省:党组织成立日期与入党日期中较晚者),已登记的不能改动;往届:必填",
      ),
      col("endOn", "离任日期", "date", false, "现任书记留空;往届书记的离任日期"),
      col(
        "kind",
        "书记类型",
        { labels: byLabel(SECRETARY_KIND_LABELS) },
        false,
        labelList(SECRETARY_KIND_LABELS),
      ),
      col(
        "source",
        "书记来源",
        { labels: byLabel(SECRETARY_SOURCE_LABELS) },
        false,
        labelList(SECRETARY_SOURCE_LABELS),
      ),
    ],
  },
  allowances: {
    key: "allowances",
    sheet: "书记工作津贴",
    file: "secretary-allowances.csv",
    columns: [
      col("orgCode", "组织代码", "code", true, "基层党组织"),
      col("idNumber", "书记公民身份号码", "citizenId", true, "开始日期须在其任该组织书记期间"),
      col("monthlyFen", "工作津贴(元/月)", "yuan", true, "不小于0,精确到分(最多2位小数)"),
      col("startOn", "开始日期", "date", true, "同一任期的津贴期间不得重叠"),
      col("endOn", "结束日期", "date", false),
    ],
  },
  venues: {
    key: "venues",
    sheet: "活动场所",
    file: "venues.csv",
    columns: [
      col("name", "场所名称", "text", true),
      col("orgCode", "组织代码", "code", false, "自有场所:所属基层党组织(与下一列二选一)"),
      col("runByCode", "运营单位代码", "code", false, "共享场所(区域党群服务中心):运营的管理单位"),
      col("checkedOn", "检查日期", "date", true, "每行为一次检查,有效至下一次检查"),
      col("status", "状况", { labels: byLabel(VENUE_STATUS_LABELS) }, true, labelList(VENUE_STATUS_LABELS)),
      col("areaSqm", "面积(平方米)", "int", false, "不小于0的整数"),
      col("equipment", "配备", "list", false, "电教设备;办公桌椅;党旗;党徽;报刊图书 中的若干项"),
    ],
  },
  venueLinks: {
    key: "venueLinks",
    sheet: "共享场所服务",
    file: "venue-links.csv",
    columns: [
      col("runByCode", "运营单位代码", "code", true, "共享场所的运营单位"),
      col("venueName", "场所名称", "text", true, "活动场所表或数据库中该单位运营的场所"),
      col("orgCode", "组织代码", "code", true, "使用该场所的基层党组织"),
      col("startOn", "开始日期", "date", true, "同一场所与同一组织的期间不得重叠"),
      col("endOn", "结束日期", "date", false),
    ],
  },
  orgRules: {
    key: "orgRules",
    sheet: "基本制度",
    file: "org-rules.csv",
    columns: [
      col("orgCode", "组织代码", "code", true, "基层党组织"),
      col("rule", "制度", { labels: byLabel(ORG_RULE_LABELS) }, true, labelList(ORG_RULE_LABELS)),
      col("adoptedOn", "建立日期", "date", true, "同一制度的有效期间不得重叠"),
      col("droppedOn", "废止日期", "date", false, "须晚于建立日期;有效留空"),
    ],
  },
  funds: {
    key: "funds",
    sheet: "党建工作经费",
    file: "funds.csv",
    columns: [
      col("orgCode", "组织代码", "code", true, "基层党组织"),
      col("year", "年度", "year", true, "例如 2024"),
      col("source", "经费来源", { labels: byLabel(FUND_SOURCE_LABELS) }, true, labelList(FUND_SOURCE_LABELS)),
      col("amountFen", "金额(万元)", "wan", true, "不小于0,精确到分(最多6位小数)"),
    ],
  },
  // ── The cadre work: training, assessment, 五好党支部, showcase sites, leaders' contact points ──
  trainings: {
    key: "trainings",
    sheet: "培训",
    file: "trainings.csv",
    columns: [
      col("organizerCode", "主办单位代码", "code", true, "举办培训的管理单位(市、县、乡镇、园区、行业党委)"),
      col("title", "培训名称", "text", true, "主办单位、开始日期与培训名称共同确定一次培训"),
      col(
        "kind",
        "培训类别",
        { labels: byLabel(TRAINING_KIND_LABELS) },
        true,
        labelList(TRAINING_KIND_LABELS),
      ),
      col("startOn", "开始日期", "date", true),
      col("endOn", "结束日期", "date", true, "培训的最后一天(含);不早于开始日期"),
      col("place", "地点", "text", false),
      col("hours", "学时", "int", false, "不小于0的整数"),
    ],
  },
  trainingParticipants: {
    key: "trainingParticipants",
    sheet: "培训学员",
    file: "training-participants.csv",
    columns: [
      col("organizerCode", "主办单位代码", "code", true, "培训表或数据库中的培训:主办单位代码"),
      col("startOn", "开始日期", "date", true, "该培训的开始日期"),
      col("title", "培训名称", "text", true, "该培训的名称"),
      col("idNumber", "公民身份号码", "citizenId", false, "学员为党员时填写;以下三列只填一列"),
      col("instructorNumber", "指导员编号", "code", false, "学员为党建工作指导员时填写"),
      col(
        "ownerCreditCode",
        "出资人单位信用代码",
        "creditCode",
        false,
        "学员为两新组织出资人时:该单位的统一社会信用代码",
      ),
    ],
  },
  instructorAssessments: {
    key: "instructorAssessments",
    sheet: "指导员考核",
    file: "instructor-assessments.csv",
    columns: [
      col("number", "指导员编号", "code", true, "党建指导员表或数据库中的指导员;每人每年一条"),
      col("year", "年度", "year", true, "例如 2025;不晚于今年"),
      col(
        "grade",
        "考核等次",
        { labels: byLabel(ASSESSMENT_GRADE_LABELS) },
        true,
        labelList(ASSESSMENT_GRADE_LABELS),
      ),
      col("remarks", "评语", "text", false),
      col("assessedOn", "考核日期", "date", true, "不早于该年度1月1日,不晚于今日"),
      col(
        "assessedByCode",
        "考核单位代码",
        "code",
        false,
        "派出单位;派出机关在党组织体系之外的为登记单位(缺省即为此单位,填写时须一致)",
      ),
    ],
  },
  secretaryReviews: {
    key: "secretaryReviews",
    sheet: "书记述职评议",
    file: "secretary-reviews.csv",
    columns: [
      col("orgCode", "组织代码", "code", true, "基层党组织"),
      col("idNumber", "书记公民身份号码", "citizenId", true, "该年度曾任该组织书记;每组织、每人、每年一条"),
      col("year", "年度", "year", true, "例如 2025;不晚于今年"),
      col(
        "grade",
        "评议等次",
        { labels: byLabel(REVIEW_GRADE_LABELS) },
        true,
        labelList(REVIEW_GRADE_LABELS),
      ),
      col("remarks", "评语", "text", false),
      col("reviewedOn", "评议日期", "date", true, "不早于该年度1月1日,不晚于今日"),
      col("reviewedByCode", "评议单位代码", "code", false, "该组织的上级党组织(缺省为今日的上级)"),
    ],
  },
  fiveGood: {
    key: "fiveGood",
    sheet: "五好党支部",
    file: "five-good.csv",
    columns: [
      col("orgCode", "组织代码", "code", true, "申请的基层党组织;每组织每年一条"),
      col("year", "年度", "year", true, "例如 2025;不晚于今年"),
      col("appliedOn", "申请日期", "date", true, "不晚于今日"),
      col("application", "申请说明", "text", false),
      col(
        "decision",
        "评审结果",
        { labels: byLabel(AWARD_DECISION_LABELS) },
        false,
        `${labelList(AWARD_DECISION_LABELS)};待评审留空(其后各列亦留空)`,
      ),
      col(
        "level",
        "命名级别",
        { labels: byLabel(HONOUR_LEVEL_LABELS) },
        false,
        `授予时必填:${labelList(HONOUR_LEVEL_LABELS)}`,
      ),
      col("reviewedOn", "评审日期", "date", false, "有评审结果时必填;不早于申请日期"),
      col("reviewerCode", "评审单位代码", "code", false, "有评审结果时必填:该组织的上级管理单位"),
      col("reviewNote", "评审意见", "text", false),
    ],
  },
  showcases: {
    key: "showcases",
    sheet: "示范点",
    file: "showcases.csv",
    columns: [
      col("orgCode", "组织代码", "code", false, "示范点为党组织时填写(与下一列二选一)"),
      col("creditCode", "统一社会信用代码", "creditCode", false, "示范点为两新组织时填写"),
      col("level", "级别", { labels: byLabel(HONOUR_LEVEL_LABELS) }, true, labelList(HONOUR_LEVEL_LABELS)),
      col("namedByCode", "命名单位代码", "code", true, "命名的管理单位"),
      col("startOn", "开始日期", "date", true, "同一示范点同一级别的期间不得重叠"),
      col("endOn", "结束日期", "date", false, "须晚于开始日期;仍有效留空"),
      col("reasons", "命名理由", "text", true),
    ],
  },
  leaders: {
    key: "leaders",
    sheet: "领导干部",
    file: "leaders.csv",
    columns: [
      col("name", "姓名", "text", true, "姓名与单位共同确定一名领导干部"),
      col("unit", "单位", "text", true),
      col("post", "职务", "text", true),
      col("registeredCode", "登记单位代码", "code", true, "保管此记录的管理单位(其管理员看到逾期走访)"),
    ],
  },
  contactPoints: {
    key: "contactPoints",
    sheet: "联系点",
    file: "contact-points.csv",
    columns: [
      col("leaderName", "领导姓名", "text", true, "领导干部表或数据库中的领导干部"),
      col("leaderUnit", "领导单位", "text", true),
      col("orgCode", "组织代码", "code", false, "联系的党组织(与下一列二选一)"),
      col("creditCode", "统一社会信用代码", "creditCode", false, "联系的两新组织"),
      col("startOn", "开始日期", "date", true, "同一领导与同一联系点的期间不得重叠"),
      col("endOn", "结束日期", "date", false, "须晚于开始日期;仍在联系留空"),
    ],
  },
  contactVisits: {
    key: "contactVisits",
    sheet: "走访记录",
    file: "contact-visits.csv",
    columns: [
      col("leaderName", "领导姓名", "text", true),
      col("leaderUnit", "领导单位", "text", true),
      col("orgCode", "组织代码", "code", false, "走访的联系点:党组织(与下一列二选一)"),
      col("creditCode", "统一社会信用代码", "creditCode", false, "走访的联系点:两新组织"),
      col("visitedOn", "走访日期", "date", true, "在该联系点的期间之内,不晚于今日;同一联系点每日一条"),
      col("content", "走访内容", "text", true),
      col("problems", "发现问题", "text", false),
      col("followUp", "跟进整改", "text", false),
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
  /** 职工工资总额 in 分 (the sheet holds 万元). */
  payrollFen: number | null;
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

export interface CommitteeRow {
  orgCode: string;
  idNumber: string;
  post: CommitteePost;
  startOn: string;
  endOn: string | null;
  onBoard: boolean | null;
  inManagement: boolean | null;
  onSupervisoryBoard: boolean | null;
}
export interface ReserveCadreRow {
  orgCode: string;
  idNumber: string;
  startOn: string;
  endOn: string | null;
}
export interface SecretaryProfileRow {
  orgCode: string;
  idNumber: string;
  startOn: string | null;
  endOn: string | null;
  kind: SecretaryKind | null;
  source: SecretarySource | null;
}
export interface AllowanceRow {
  orgCode: string;
  idNumber: string;
  /** Whole 分 per month (the sheet holds 元). */
  monthlyFen: number;
  startOn: string;
  endOn: string | null;
}
export interface VenueRow {
  name: string;
  orgCode: string | null;
  runByCode: string | null;
  checkedOn: string;
  status: VenueStatus;
  areaSqm: number | null;
  /** The equipment labels as typed (checked against the vocabulary when planning). */
  equipment: string[] | null;
}
export interface VenueLinkRow {
  runByCode: string;
  venueName: string;
  orgCode: string;
  startOn: string;
  endOn: string | null;
}
export interface OrgRuleRow {
  orgCode: string;
  rule: OrgRule;
  adoptedOn: string;
  droppedOn: string | null;
}
export interface FundRow {
  orgCode: string;
  year: number;
  source: FundSource;
  /** Whole 分 (the sheet holds 万元). */
  amountFen: number;
}

export interface TrainingRow {
  organizerCode: string;
  title: string;
  kind: TrainingKind;
  startOn: string;
  endOn: string;
  place: string | null;
  hours: number | null;
}
export interface TrainingParticipantRow {
  organizerCode: string;
  startOn: string;
  title: string;
  idNumber: string | null;
  instructorNumber: string | null;
  ownerCreditCode: string | null;
}
export interface InstructorAssessmentRow {
  number: string;
  year: number;
  grade: AssessmentGrade;
  remarks: string | null;
  assessedOn: string;
  assessedByCode: string | null;
}
export interface SecretaryReviewRow {
  orgCode: string;
  idNumber: string;
  year: number;
  grade: ReviewGrade;
  remarks: string | null;
  reviewedOn: string;
  reviewedByCode: string | null;
}
export interface FiveGoodRow {
  orgCode: string;
  year: number;
  appliedOn: string;
  application: string | null;
  decision: AwardDecision | null;
  level: HonourLevel | null;
  reviewedOn: string | null;
  reviewerCode: string | null;
  reviewNote: string | null;
}
export interface ShowcaseRow {
  orgCode: string | null;
  creditCode: string | null;
  level: HonourLevel;
  namedByCode: string;
  startOn: string;
  endOn: string | null;
  reasons: string;
}
export interface LeaderRow {
  name: string;
  unit: string;
  post: string;
  registeredCode: string;
}
export interface ContactPointRow {
  leaderName: string;
  leaderUnit: string;
  orgCode: string | null;
  creditCode: string | null;
  startOn: string;
  endOn: string | null;
}
export interface ContactVisitRow {
  leaderName: string;
  leaderUnit: string;
  orgCode: string | null;
  creditCode: string | null;
  visitedOn: string;
  content: string;
  problems: string | null;
  followUp: string | null;
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
  committee: CommitteeRow;
  reserveCadres: ReserveCadreRow;
  secretaryProfiles: SecretaryProfileRow;
  allowances: AllowanceRow;
  venues: VenueRow;
  venueLinks: VenueLinkRow;
  orgRules: OrgRuleRow;
  funds: FundRow;
  trainings: TrainingRow;
  trainingParticipants: TrainingParticipantRow;
  instructorAssessments: InstructorAssessmentRow;
  secretaryReviews: SecretaryReviewRow;
  fiveGood: FiveGoodRow;
  showcases: ShowcaseRow;
  leaders: LeaderRow;
  contactPoints: ContactPointRow;
  contactVisits: ContactVisitRow;
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
  /** The file could not be read (its one error says so): nothing of it counts. */
  unreadable?: boolean;
}
