/** Messages of the year-end report workflow that a user reads (zh-CN). */
export const reportMessages = {
  nodeNotFound: "管理单位不存在或不在您的管辖范围内",
  notManagementNode: (name: string) => `${name} 不是管理单位,不能编制年报`,
  submissionNotFound: "上报记录不存在或不在您的管辖范围内",
  onlyOwnNode: "只能上报本单位的年报",
  checkOnlyOwnNode: "只能保存本单位年报的校核",
  checkFailed: (n: number) => `校核未通过(${n} 项错误),修正台账后才能保存校核`,
  checkFutureYear: (year: number) => `${year} 年尚未开始,不能保存校核`,
  noParent: (name: string) => `${name} 没有上级管理单位,无需上报`,
  notAdmin: "只有管理员可以上报、退回或审核年报",
  onlyParent: "只有上级管理单位的管理员可以退回或审核该年报",
  alreadySubmitted: (name: string, year: number) => `${name} ${year} 年年报已上报,等待上级审核`,
  alreadyApproved: (name: string, year: number) => `${name} ${year} 年年报已审核通过,数据已锁定`,
  notSubmitted: "该年报不是“已上报”状态,不能退回或审核",
  parentAlreadySubmitted: (name: string) => `${name} 已将本年度年报上报上级,不能再退回下级年报`,
  versionConflict: "该年报已被他人处理,请刷新后重试",
  checksFailed: (n: number) => `校核未通过(${n} 项错误),请修正台账后再上报`,
  explanationMissing: (message: string) => `以下警告需要填写书面说明:${message}`,
  reasonRequired: "退回时必须填写退回原因",
  childNotApproved: (name: string) => `下级单位 ${name} 的年报尚未审核通过,本行按台账实时计算`,
  windowClosed: (year: number, opensOn: string, today: string) =>
    `${year}年年报自 ${opensOn} 起方可上报(今天是 ${today});如需提前,请由市级管理员在政策参数中设置“年报提前开放天数”`,
  yearOutOfRange: (year: number) => `年度不正确:${year}`,
  badKey: (key: string) => `指标不存在:${key}`,
  rowNotFound: "该行不在本报表中",
  noRootNode: "数据库中没有市级管理单位",
  nodeGoneAtYearEnd: (name: string, year: number) =>
    `${name} 按实时数据在${year}年12月31日已不存在,上报数据无法核对`,
  reconcileFailed: (n: number, first: string) =>
    `校核发现上报数据与实时数据不符(${n} 处差异),不能审核通过,请退回后修正:${first}`,
  notApproved: "该年报不是“已审核通过”状态,无需撤销审核",
  reopenOnlyAbove: "只有审核该年报的上级或更上级管理单位的管理员可以撤销审核",
  reopenReasonRequired: "撤销审核时必须填写原因",
  reopenedReason: (reason: string) => `撤销审核:${reason}`,
  reopenedWithChild: (child: string, year: number, reason: string) =>
    `下级单位 ${child} 的${year}年年报已撤销审核(${reason}),本年报随之撤销,需重新上报`,
  /** The stage a report computed in the background has reached (prepare.ts). */
  reportStage: (done: number) => (done === 0 ? "正在统计年末在册的各项指标" : "正在校核"),
  reportFailed: (node: string, year: number, why: string) => `${node}${year}年年报计算失败:${why}`,
} as const;

export const SUBMISSION_STATE_LABELS = {
  none: "未上报",
  submitted: "已上报",
  returned: "已退回",
  approved: "已审核通过",
} as const;
