/** Texts of the policy page (政策参数), zh-CN. */
export const policyMessages = {
  title: "政策参数",
  intro:
    "统计口径和工作要求的参数按生效日期分版本执行:某日的统计按当日执行的版本计算,年报按当年 12 月 31 日执行的版本计算。只有市级管理员可以新增版本;已审核通过的年度不能追溯修改统计口径参数。",
  inForceTitle: (on: string) => `现行参数(自 ${on} 起执行)`,
  inForceDefault: "现行参数(系统默认值)",
  versionsTitle: "各版本",
  effectiveOn: "生效日期",
  changes: "与前一版本相比",
  note: "说明",
  state: "状态",
  inForce: "现行",
  future: "待生效",
  past: "已被替代",
  noChange: "与前一版本相同",
  sameAsDefault: "与系统默认值相同",
  none: "尚未设置,按系统默认值执行",
  formTitle: "新增版本",
  formHint:
    "填写生效日期,修改需要调整的参数;未修改的参数沿用生效日期当天执行的版本。同一生效日期已有版本时将被替换。",
  notePlaceholder: "文件依据、调整原因等",
  submit: "保存版本",
  saved: (on: string) => `已保存自 ${on} 起执行的版本`,
  nothingChanged: "没有修改任何参数",
  yes: "是",
  no: "否",
} as const;
