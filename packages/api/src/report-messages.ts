/** Input messages of the report procedures (zh-CN). */
export const reportApiMessages = {
  yearRequired: "请填写年度(四位整数)",
  yearRange: "年度超出范围",
  idRequired: "编号不正确",
  reasonRequired: "请填写退回原因",
  reasonTooLong: "退回原因不超过500字",
  reopenReasonRequired: "请填写撤销审核的原因",
  reopenReasonTooLong: "撤销审核的原因不超过500字",
  explanationTooLong: "说明不超过2000字",
  unitHeadRequired: "上报须填写单位负责人姓名",
  unitHeadTooLong: "单位负责人姓名不超过30字",
  preparerRequired: "上报须填写填表人姓名",
  preparerTooLong: "填表人姓名不超过30字",
  keyRequired: "请指定指标",
  keyUnknown: "指标不存在",
} as const;
