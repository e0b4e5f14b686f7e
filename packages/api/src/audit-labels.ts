/**
 * The audit log as an administrator reads it: each action, record kind and field in Chinese, values
 * translated (roles, categories, states, yes/no), only what changed. The log itself keeps the identifiers
 * (`user.setDisabled`, JSON before/after); nobody reads those on a page.
 */
import {
  APPLICANT_STAGE_LABELS,
  COMMITTEE_POST_LABELS,
  FUND_SOURCE_LABELS,
  ORG_RULE_LABELS,
  SECRETARY_KIND_LABELS,
  SECRETARY_SOURCE_LABELS,
  VENUE_STATUS_LABELS,
  FORMATION_MODE_LABELS,
  GENDER_LABELS,
  HOST_KIND_LABELS,
  INSTRUCTOR_KIND_LABELS,
  JOB_CATEGORY_LABELS,
  MEETING_KIND_LABELS,
  MEMBER_STATUS_LABELS,
  ORG_CATEGORY_LABELS,
  PACT_KIND_LABELS,
  RATING_GRADE_LABELS,
  RECTIFICATION_STATE_LABELS,
  REGION_LEVEL_LABELS,
  TRANSFER_STATE_LABELS,
  fenText,
} from "@liangxin/domain";
import { FIELD_LABELS } from "./field-labels.ts";

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  login: "登录",
  "login.failed": "登录失败(密码错误)",
  "login.disabled": "登录被拒(账号已停用)",
  "login.throttled": "登录被拒(失败次数过多,须等待)",
  "login.locked": "登录被拒(账号已锁定)",
  "account.locked": "账号锁定",
  logout: "退出登录",
  "session.end": "结束登录会话",
  "user.create": "新建用户",
  "user.disable": "停用用户",
  "user.enable": "启用用户",
  "user.unlock": "解锁用户",
  "user.resetPassword": "重置密码",
  "user.changePassword": "修改本人密码",
  "user.changePassword.failed": "修改本人密码失败(原密码错误)",
  "user.changePassword.throttled": "修改本人密码被拒(失败次数过多,须等待)",
  "seed.demo": "载入演示数据",
  "host.create": "新增两新组织",
  "host.update": "修改两新组织",
  "host.updateContact": "修改联系方式",
  "host.setYear": "登记经营数据",
  "host.lookup": "按统一社会信用代码查找两新组织",
  "org.lookup": "按组织代码查找党组织",
  "org.create": "新增党组织",
  "org.update": "修改党组织",
  "org.reparent": "调整隶属关系",
  "org.found": "按计划组建党组织",
  "coverage.set": "登记覆盖关系",
  "coverage.start": "登记覆盖关系",
  "coverage.end": "结束覆盖关系",
  "coverageRequest.propose": "提出覆盖申请",
  "coverageRequest.accept": "确认覆盖申请",
  "coverageRequest.reject": "退回覆盖申请",
  "dualLink.set": "建立双重管理",
  "dualLink.end": "解除双重管理",
  "secretary.set": "任命书记",
  "secretary.end": "书记任期结束",
  "member.create": "新增党员",
  "member.update": "修改党员信息",
  "member.changeStatus": "党员状态变更",
  "member.unmask": "查看完整公民身份号码",
  "member.confirmFull": "预备党员转正",
  "transfer.request": "申请组织关系转出",
  "transfer.accept": "接收组织关系",
  "transfer.reject": "打回组织关系接转",
  "instructor.create": "登记指导员",
  "instructor.update": "修改指导员",
  "assignment.start": "选派指导员",
  "assignment.end": "结束指导关系",
  "policy.set": "设置政策参数",
  "plan.create": "制定组建计划",
  "plan.note": "记录组建进展",
  "plan.milestone": "完成组建节点",
  "plan.close": "关闭组建计划",
  "meeting.record": "登记组织生活",
  "election.record": "登记换届",
  "rating.set": "评定星级",
  "rectification.open": "启动软弱涣散整顿",
  "rectification.resolve": "完成整顿",
  "pact.create": "登记联建共建",
  "applicant.create": "登记入党申请人",
  "applicant.advance": "推进发展阶段",
  "correction.submit": "提交经营数据更正",
  "correction.approve": "通过经营数据更正",
  "correction.reject": "驳回经营数据更正",
  "correction.withdraw": "撤回经营数据更正",
  "report.submit": "上报年报",
  "report.return": "退回年报",
  "report.approve": "审核通过年报",
  "report.reopen": "撤销审核年报",
  "report.check": "保存年报校核",
  "import.create": "导入新增",
  "import.update": "导入修改",
  "import.run": "导入数据",
  "export.importFormat": "导出导入格式数据(含完整公民身份号码)",
  "committee.set": "任命班子成员",
  "committeeMember.end": "班子成员任职结束",
  "reserveCadre.set": "确定后备干部",
  "reserveCadre.end": "后备干部结束",
  "secretary.profile": "登记书记类别和来源",
  "allowance.set": "登记书记工作津贴",
  "allowance.end": "书记工作津贴结束",
  "venue.create": "登记活动场所",
  "venue.rename": "修改活动场所名称",
  "venue.check": "登记活动场所状况",
  "venue.link": "链接共享活动场所",
  "venueLink.end": "结束共享活动场所链接",
  "rule.adopt": "建立制度",
  "rule.drop": "废止制度",
  "funds.set": "登记党建工作经费",
  "instructorAssessment.set": "指导员年度考核",
  "secretaryReview.set": "书记述职评议",
  "fiveGood.apply": "申报五好党支部",
  "fiveGood.review": "评审五好党支部",
  "training.create": "登记培训",
  "training.update": "修改培训",
  "trainingParticipant.add": "添加参训人员",
  "trainingParticipant.remove": "移除参训人员",
  "showcase.name": "命名示范点",
  "showcase.end": "终止示范点",
  "leader.create": "登记领导干部",
  "leader.update": "修改领导干部信息",
  "contactPoint.link": "建立领导干部联系点",
  "contactPoint.end": "结束领导干部联系点",
  "contactVisit.record": "登记联系点走访",
};

export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  user: "用户",
  database: "数据库",
  host: "两新组织",
  hostYear: "经营数据",
  hostCorrection: "更正申请",
  org: "党组织",
  coverage: "覆盖关系",
  coverageRequest: "覆盖申请",
  dualLink: "双重管理",
  secretary: "书记",
  member: "党员",
  transfer: "组织关系接转",
  instructor: "指导员",
  assignment: "指导关系",
  policy: "政策参数",
  establishmentPlan: "组建计划",
  planNote: "组建进展",
  planMilestone: "组建节点",
  meeting: "组织生活",
  election: "换届",
  rating: "星级评定",
  rectification: "整顿",
  pact: "联建共建",
  applicant: "入党申请人",
  import: "导入",
  reportSubmission: "年报上报",
  // Tables (an import's changes, the demo's counts), by their names in the database.
  regions: "行政区划",
  orgs: "党组织",
  orgReparentings: "隶属变更",
  reparentings: "隶属变更",
  dualLinks: "双重管理",
  hosts: "两新组织",
  hostYears: "经营数据",
  coverages: "覆盖关系",
  coverageRequests: "覆盖申请",
  members: "党员",
  memberRelationships: "组织关系",
  memberStatusEvents: "党员状态变更",
  memberWorkplaces: "工作经历",
  workplaces: "工作经历",
  transfers: "组织关系接转",
  instructors: "指导员",
  assignments: "指导关系",
  secretaries: "书记",
  policies: "政策参数",
  users: "用户",
  auditLog: "审计日志",
  meetings: "组织生活",
  elections: "换届",
  ratings: "星级评定",
  rectifications: "整顿",
  pacts: "联建共建",
  pactParties: "联建共建单位",
  applicants: "入党申请人",
  establishmentPlans: "组建计划",
  planNotes: "组建进展",
  hostCorrections: "更正申请",
  reportSubmissions: "年报上报",
  reportRecords: "年报锁定记录",
  reportChecks: "年报校核记录",
  reportCheckRecords: "年报校核锁定记录",
  jobs: "导入导出任务",
  dataVersion: "数据版本",
  committeeMember: "班子成员",
  committeeMembers: "班子成员",
  reserveCadre: "后备干部",
  reserveCadres: "后备干部",
  secretaryAllowance: "书记工作津贴",
  secretaryAllowances: "书记工作津贴",
  venue: "活动场所",
  venues: "活动场所",
  venueCheck: "活动场所状况",
  venueChecks: "活动场所状况",
  venueLink: "共享活动场所链接",
  venueLinks: "共享活动场所链接",
  orgRule: "基本制度",
  instructorAssessment: "指导员考核",
  secretaryReview: "书记述职评议",
  fiveGoodAward: "五好党支部",
  orgRules: "基本制度",
  orgFunds: "党建工作经费",
  // The cadre work's tables, as an import's changes name them.
  trainings: "培训",
  trainingParticipants: "培训学员",
  instructorAssessments: "指导员考核",
  secretaryReviews: "书记述职评议",
  fiveGoodAwards: "五好党支部",
  showcases: "示范点",
  leaders: "领导干部",
  contactPoints: "联系点",
  contactVisits: "走访记录",
  training: "培训",
  trainingParticipant: "培训学员",
  showcase: "示范点",
  leader: "领导干部",
  contactPoint: "领导干部联系点",
  contactVisit: "联系点走访记录",
};

/** Fields of the records (the columns of every table, camelCase) beside the API's input fields. */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  ...FIELD_LABELS,
  ...AUDIT_ENTITY_LABELS,
  id: "编号",
  path: "层级路径",
  depth: "层级",
  level: "级别",
  activistOn: "确定积极分子日期",
  candidateOn: "确定发展对象日期",
  probationaryOn: "接收预备党员日期",
  checks: "校核结果",
  submissionId: "上报记录",
  checkId: "校核记录",
  checkedBy: "校核人",
  checkedAt: "校核时间",
  rowIndex: "行序号",
  rowKind: "行类别",
  rowOrgId: "行对应单位",
  data: "锁定的记录",
  closedReason: "关闭原因",
  createdAt: "创建时间",
  createdBy: "创建人",
  decidedAt: "处理时间",
  decidedBy: "处理人",
  decidedOn: "处理日期",
  decisionReason: "处理理由",
  done: "已完成",
  errors: "错误",
  figures: "数据",
  finishedAt: "完成时间",
  workerArgs: "任务参数",
  claimedAt: "领取时间",
  claimedBy: "领取实例",
  fromOrgId: "转出党组织",
  fromParentId: "原上级党组织",
  failedLogins: "连续登录失败次数",
  lockedUntil: "锁定至",
  passwordChangedAt: "密码修改时间",
  mustChangePassword: "须设置新密码",
  passwordReset: "已重置密码",
  passwordChanged: "已修改密码",
  tokenHash: "会话标识",
  lastSeenAt: "最近活动时间",
  userAgent: "浏览器",
  clientAddress: "客户端地址",
  sessionsEnded: "结束的会话数",
  waitMinutes: "须等待分钟数",
  points: "失败次数",
  expire: "到期时间",
  passwordHash: "密码",
  payload: "申请内容",
  requestedBy: "申请人",
  requestedOn: "申请日期",
  resultPath: "结果文件",
  returnReason: "退回原因",
  scopeOrgId: "所属党组织",
  statusOn: "状态变更日期",
  submittedAt: "上报时间",
  submittedBy: "上报人",
  summary: "摘要",
  termYears: "任期(年)",
  total: "合计",
  userId: "用户",
  pactId: "联建共建",
  planId: "组建计划",
  viewedBy: "查看人",
  seed: "随机种子",
  today: "日期",
  counts: "数量",
  coverageId: "覆盖关系",
  rows: "行数",
  fullCitizenIds: "含完整公民身份号码",
  job: "导出任务编号",
  at: "时间",
  entity: "对象",
  entityId: "对象编号",
  before: "修改前",
  after: "修改后",
  stage: "阶段",
  fileName: "文件名",
  kind: "类别",
  // Amounts in 分, shown in 万元 (entries before migration 0011 hold `revenue` / `funds` in 万元).
  revenueFen: FIELD_LABELS.revenue!,
  fundsFen: FIELD_LABELS.funds!,
  payrollFen: FIELD_LABELS.payroll!,
  amountFen: FIELD_LABELS.amount!,
  monthlyFen: "工作津贴(元/月)",
  post: "班子职务",
  source: "来源",
  rule: "制度",
  venueId: "活动场所",
  runBy: "管理单位",
  secretaryId: "书记任职",
  checkedOn: "检查日期",
  areaSqm: "面积(平方米)",
  hasAv: "电教设备",
  hasFurniture: "办公桌椅",
  hasFlag: "党旗",
  hasEmblem: "党徽",
  hasReading: "报刊图书",
  onBoard: "进入董事会",
  inManagement: "进入经营管理层",
  onSupervisoryBoard: "进入监事会",
  adoptedOn: "建立日期",
  droppedOn: "废止日期",
};

/** Fields holding an amount in whole 分, shown as the 万元 typed (as an entry in 万元 read before: 96.5). */
const FEN_FIELDS = new Set(["revenueFen", "fundsFen", "payrollFen", "amountFen"]);

const ROLE_LABELS: Readonly<Record<string, string>> = {
  admin: "管理员",
  secretary: "党组织书记",
  owner: "出资人",
};
const STATE_LABELS: Readonly<Record<string, string>> = {
  ...TRANSFER_STATE_LABELS,
  ...RECTIFICATION_STATE_LABELS,
  pending: "待处理",
  approved: "已通过",
  rejected: "已驳回",
  withdrawn: "已撤回",
  submitted: "已上报",
  returned: "已退回",
  queued: "排队中",
  running: "进行中",
  succeeded: "已完成",
  failed: "失败",
  open: "进行中",
  closed: "已关闭",
};

/** Values that are codes, by the field they are in. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  role: ROLE_LABELS,
  category: ORG_CATEGORY_LABELS,
  formationMode: FORMATION_MODE_LABELS,
  status: { ...MEMBER_STATUS_LABELS, ...VENUE_STATUS_LABELS },
  gender: GENDER_LABELS,
  jobCategory: JOB_CATEGORY_LABELS,
  kind: {
    ...HOST_KIND_LABELS,
    ...INSTRUCTOR_KIND_LABELS,
    ...MEETING_KIND_LABELS,
    ...PACT_KIND_LABELS,
    ...SECRETARY_KIND_LABELS,
    import: "导入",
    export: "导出",
  },
  state: STATE_LABELS,
  grade: RATING_GRADE_LABELS,
  stage: APPLICANT_STAGE_LABELS,
  level: REGION_LEVEL_LABELS,
  decision: { accept: "接收", reject: "打回" },
  post: COMMITTEE_POST_LABELS,
  source: { ...FUND_SOURCE_LABELS, ...SECRETARY_SOURCE_LABELS },
  rule: ORG_RULE_LABELS,
};

/** Never shown, whatever the entry holds. */
const HIDDEN = new Set(["passwordHash", "version"]);

const camel = (k: string) => k.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

export function auditFieldLabel(key: string): string | null {
  return AUDIT_FIELD_LABELS[camel(key)] ?? null;
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

function value(key: string, v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "number")
    return FEN_FIELDS.has(camel(key)) && Number.isSafeInteger(v) && v >= 0 ? fenText(v, "wan") : String(v);
  if (typeof v === "string") return VALUE_LABELS[camel(key)]?.[v] ?? v;
  if (Array.isArray(v)) return v.map((x) => value(key, x)).join("、");
  if (typeof v === "object") return fields(v as Record<string, unknown>).join("、");
  return "—";
}

/** `名称 值` for every labelled field of an object (nested objects the same way). */
function fields(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (HIDDEN.has(camel(k))) continue;
    const label = auditFieldLabel(k);
    if (!label) continue;
    out.push(`${label} ${value(k, v)}`);
  }
  return out;
}

const MAX = 240;

/**
 * What an entry changed, in Chinese: for a change, each field that differs (`字段 旧值 → 新值`); for a
 * creation or a single fact, the fields recorded. Long details end with "…".
 */
export function auditDetail(beforeJson: string | null, afterJson: string | null): string {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  let parts: string[];
  let subject = "";
  if (isObj(before) && isObj(after)) {
    // Whom a change is about: a person's name and citizen ID (masked by the search) lead the changes.
    const idNumber = after.idNumber ?? after.id_number;
    if (typeof idNumber === "string")
      subject = `${typeof after.name === "string" ? after.name : ""}(${idNumber}):`;
    parts = [];
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (HIDDEN.has(camel(k))) continue;
      const label = auditFieldLabel(k);
      if (!label || JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
      parts.push(`${label} ${value(k, before[k])} → ${value(k, after[k])}`);
    }
  } else {
    const one = isObj(after) ? after : isObj(before) ? before : null;
    parts = one ? fields(one) : [];
  }
  const text = subject + parts.join(";");
  return text.length > MAX ? `${text.slice(0, MAX)}…` : text;
}

export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? "其他操作";
export const auditEntityLabel = (entity: string): string => AUDIT_ENTITY_LABELS[camel(entity)] ?? "其他记录";
