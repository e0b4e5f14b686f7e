import { APP_ERROR_MESSAGES } from "@liangxin/domain";

/** Messages of the API layer that a user reads. */
export const apiMessages = {
  unauthorized: "请先登录",
  mustChangePassword: "请先设置新密码:当前密码由管理员设置,设置您自己的密码后才能使用本系统",
  notFound: APP_ERROR_MESSAGES.notFound,
  forbidden: APP_ERROR_MESSAGES.forbidden,
  badInput: "输入有误",
  internal: "服务器内部错误,请稍后再试",
  notSpreadsheet: "只能上传 Excel 工作簿(.xlsx)",
  exportConfirm: "导入格式的导出含完整的公民身份号码,请先确认后再导出",
  exportFullIdsForbidden:
    "导入格式的导出含完整的公民身份号码,仅市级和县级管理员可以导出;请改用“台账导出”(身份号码已隐藏)",
  conflict: APP_ERROR_MESSAGES.stale,
  busy: "数据库正忙(可能有导入正在写入),本次操作未保存,请稍后重试",
  overlapping:
    "同一时间另有一项保存与本次的日期区间重叠(如同一企业的覆盖、同一组织的书记、同一党员的组织关系),已先保存的为准,本次未保存;请刷新后核对再试",
  badRequest: "请求格式有误",
  noSuchProcedure: "请求的接口不存在",
  methodNotAllowed: "请求方式不正确",
  tooLarge: "请求内容过大",
  jsonOnly: "接口只接受 JSON 格式的请求(Content-Type: application/json)",
  refused: "请求无法处理",
  errorNumber: (id: string) => `(错误编号 ${id})`,
  faultDrill: "故障演练:输入含 LIANGXIN_FAULT_TOKEN,按测试设置故意失败",
} as const;
