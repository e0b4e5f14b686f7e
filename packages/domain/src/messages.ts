/**
 * Every message a user reads from the domain, in Chinese. Each message starts with the name of the rule
 * it reports (【规则名】), so a list of violations explains itself.
 */

export const RULE_CODES = [
  "STANDALONE_MULTIPLE_HOSTS",
  "STANDALONE_WITHOUT_HOST",
  "COVERAGE_HOST_OVERLAP",
  "COVERAGE_NOT_TOPMOST",
  "COVERAGE_ORG_UNKNOWN",
  "COVERAGE_WITHOUT_MODE",
  "JOINT_OVER_CAP",
  "INSTRUCTOR_OVER_CAP",
  "INVALID_INTERVAL",
  "STATUS_TRANSITION_FORBIDDEN",
  "MEMBER_DELETE_FORBIDDEN",
  "TRANSFER_ALREADY_ACCEPTED",
  "TRANSFER_ALREADY_DECIDED",
  "SECRETARY_OVERLAP",
  "MEMBER_RELATIONSHIP_REQUIRED",
  "MEMBER_WITHOUT_RELATIONSHIP",
  "REPORT_NODE_NOT_FOUND",
  "REPORT_NODE_NOT_MANAGEMENT",
  "ORGS_TOTAL_MISMATCH",
  "JOINT_BRANCHES_EXCEED_BRANCHES",
  "MEMBERS_TOTAL_MISMATCH",
  "COVERED_BY_MODE_MISMATCH",
  "RATE_OUT_OF_RANGE",
  "ROWS_SUM_MISMATCH",
  "INSTRUCTORS_EXCEED_SUM",
  "OPENING_MEMBERS_MISMATCH",
  "MEMBER_BALANCE",
] as const;
export type RuleCode = (typeof RULE_CODES)[number];

/** The Chinese name of each rule. */
export const RULE_NAMES: Readonly<Record<RuleCode, string>> = {
  STANDALONE_MULTIPLE_HOSTS: "单独建只覆盖一个两新组织",
  STANDALONE_WITHOUT_HOST: "单独建党组织应覆盖一个两新组织",
  COVERAGE_HOST_OVERLAP: "同一时间只能有一个覆盖党组织",
  COVERAGE_NOT_TOPMOST: "覆盖关系登记在单位最高层级党组织",
  COVERAGE_ORG_UNKNOWN: "覆盖党组织须存在",
  COVERAGE_WITHOUT_MODE: "覆盖党组织须有组建方式",
  JOINT_OVER_CAP: "联合建覆盖数量上限",
  INSTRUCTOR_OVER_CAP: "指导员联系数量上限",
  INVALID_INTERVAL: "起止日期",
  STATUS_TRANSITION_FORBIDDEN: "党员状态变更",
  MEMBER_DELETE_FORBIDDEN: "党员不得删除",
  TRANSFER_ALREADY_ACCEPTED: "组织关系接转不得重复接收",
  TRANSFER_ALREADY_DECIDED: "组织关系接转已处理",
  SECRETARY_OVERLAP: "同一时间只有一名书记",
  MEMBER_RELATIONSHIP_REQUIRED: "党员须有组织关系",
  MEMBER_WITHOUT_RELATIONSHIP: "党员须有组织关系",
  REPORT_NODE_NOT_FOUND: "统计单位",
  REPORT_NODE_NOT_MANAGEMENT: "统计单位",
  ORGS_TOTAL_MISMATCH: "党组织合计=基层党委+党总支+党支部",
  JOINT_BRANCHES_EXCEED_BRANCHES: "联合党支部包含在党支部中",
  MEMBERS_TOTAL_MISMATCH: "党员合计=正式党员+预备党员",
  COVERED_BY_MODE_MISMATCH: "已覆盖=各组建方式之和",
  RATE_OUT_OF_RANGE: "比率在0至100之间",
  ROWS_SUM_MISMATCH: "合计等于各行之和",
  INSTRUCTORS_EXCEED_SUM: "指导员人数不超过各行之和",
  OPENING_MEMBERS_MISMATCH: "年初党员数等于上年审核通过的年末数",
  MEMBER_BALANCE: "年末=年初+发展+转入+隶属变更转入−转出−隶属变更转出−出党−死亡−停止党籍",
};

function rule(code: RuleCode, text: string): string {
  return `【${RULE_NAMES[code]}】${text}`;
}

function signed(n: number): string {
  return n > 0 ? `多${n}` : `少${-n}`;
}

export const MESSAGES = {
  passwordTooShort: (min: number) => `密码至少 ${min} 位,且须同时包含字母和数字`,
  passwordLettersAndDigits: "密码须同时包含字母和数字",
  standaloneMultipleHosts: (org: string, date: string, hosts: readonly string[]) =>
    rule(
      "STANDALONE_MULTIPLE_HOSTS",
      `单独建党组织“${org}”自${date}起同时覆盖${hosts.length}个两新组织(${hosts.join("、")}),单独建只能覆盖一个两新组织`,
    ),
  standaloneWithoutHost: (org: string, date: string) =>
    rule("STANDALONE_WITHOUT_HOST", `单独建党组织“${org}”在${date}未覆盖任何两新组织`),
  coverageHostOverlap: (host: string, date: string, orgs: readonly string[]) =>
    rule(
      "COVERAGE_HOST_OVERLAP",
      `两新组织“${host}”自${date}起同时被${orgs.length}个党组织覆盖(${orgs.join("、")}),同一时间只能有一个覆盖党组织`,
    ),
  coverageNotTopmost: (org: string, superior: string, date: string) =>
    rule(
      "COVERAGE_NOT_TOPMOST",
      `党组织“${org}”在${date}的上级“${superior}”也是基层党组织,而覆盖关系只登记在单位最高层级的党组织:请改为登记在“${superior}”(或其上级基层党组织)。`,
    ),
  coverageOrgUnknown: (host: string, org: string) =>
    rule("COVERAGE_ORG_UNKNOWN", `两新组织“${host}”的覆盖党组织(${org})不存在`),
  coverageWithoutMode: (org: string) =>
    rule("COVERAGE_WITHOUT_MODE", `覆盖两新组织的党组织“${org}”未填写组建方式`),
  jointOverCap: (org: string, date: string, count: number, cap: number) =>
    rule(
      "JOINT_OVER_CAP",
      `联合建党组织“${org}”在${date}覆盖${count}个两新组织,超过${cap}个(宜“大联合”转“小联合”)`,
    ),
  instructorOverCap: (instructor: string, date: string, count: number, cap: number) =>
    rule("INSTRUCTOR_OVER_CAP", `党建工作指导员“${instructor}”在${date}联系${count}个两新组织,超过${cap}个`),
  invalidInterval: (start: string, end: string) =>
    rule("INVALID_INTERVAL", `结束日期${end}应晚于开始日期${start}`),
  statusTransitionForbidden: (from: string, to: string) =>
    rule("STATUS_TRANSITION_FORBIDDEN", `党员状态不能由“${from}”变更为“${to}”`),
  memberDeleteForbidden: () =>
    rule("MEMBER_DELETE_FORBIDDEN", "党员信息不能删除,离开请登记状态变更(转出、出党、死亡、停止党籍)及日期"),
  transferAlreadyAccepted: () => rule("TRANSFER_ALREADY_ACCEPTED", "该组织关系接转已接收,不能重复接收"),
  transferAlreadyDecided: (state: string) =>
    rule("TRANSFER_ALREADY_DECIDED", `该组织关系接转已处理(${state}),不能再次处理`),
  secretaryOverlap: (org: string, date: string) =>
    rule(
      "SECRETARY_OVERLAP",
      `党组织“${org}”自${date}起已有书记,同一时间只能有一名书记:请把任职日期改在现任书记任职之后,或先结束其任期`,
    ),
  memberRelationshipRequired: () =>
    rule("MEMBER_RELATIONSHIP_REQUIRED", "请填写所在党组织,或组织关系所在(系统外)的单位名称"),
  memberWithoutRelationship: (member: string, date: string) =>
    rule("MEMBER_WITHOUT_RELATIONSHIP", `党员“${member}”在${date}没有组织关系(所在党组织或系统外单位)`),
  reportNodeNotFound: (node: string, date: string) =>
    rule("REPORT_NODE_NOT_FOUND", `党组织(${node})在${date}不存在`),
  reportNodeNotManagement: (node: string) =>
    rule(
      "REPORT_NODE_NOT_MANAGEMENT",
      `“${node}”不是管理单位(两新工委、乡镇党委、园区党工委或行业党委),不能生成年报`,
    ),
  orgsTotalMismatch: (row: string, total: number, sum: number) =>
    rule("ORGS_TOTAL_MISMATCH", `“${row}”党组织合计${total}个,基层党委、党总支、党支部之和为${sum}个`),
  jointBranchesExceedBranches: (row: string, joint: number, branches: number) =>
    rule("JOINT_BRANCHES_EXCEED_BRANCHES", `“${row}”联合党支部${joint}个,多于党支部${branches}个`),
  membersTotalMismatch: (row: string, total: number, sum: number) =>
    rule("MEMBERS_TOTAL_MISMATCH", `“${row}”党员合计${total}名,正式党员与预备党员之和为${sum}名`),
  coveredByModeMismatch: (row: string, covered: number, sum: number) =>
    rule("COVERED_BY_MODE_MISMATCH", `“${row}”已覆盖${covered}个,各组建方式之和为${sum}个`),
  rateOutOfRange: (row: string, label: string, value: number) =>
    rule("RATE_OUT_OF_RANGE", `“${row}”的${label}为${value},应在0至100之间`),
  rowsSumMismatch: (label: string, total: number, sum: number) =>
    rule("ROWS_SUM_MISMATCH", `合计行“${label}”为${total},各行之和为${sum}`),
  instructorsExceedSum: (total: number, sum: number) =>
    rule("INSTRUCTORS_EXCEED_SUM", `合计行指导员人数${total}名,多于各行之和${sum}名`),
  invalidIsoDate: (value: string) => `日期“${value}”不是有效的YYYY-MM-DD日期`,
  creditCodeBodyInvalid: (body: string) => `统一社会信用代码前17位格式不正确:${body}`,
  citizenIdBodyInvalid: (body: string) => `公民身份号码前17位格式不正确:${body}`,
  memberBalance: (row: string, closing: number, expected: number, opening: number) =>
    rule(
      "MEMBER_BALANCE",
      `「${row}」党员数不平衡:年末${closing}名,按年初${opening}名(上年审核数)及本年变动推算应为${expected}名,${signed(closing - expected)}名`,
    ),
  openingMembersMismatch: (opening: number, approved: number) =>
    rule(
      "OPENING_MEMBERS_MISMATCH",
      `年初党员数${opening}名,上年审核通过的年末党员数${approved}名,${signed(opening - approved)}名`,
    ),
} as const;
