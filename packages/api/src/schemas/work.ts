/**
 * The pieces of the daily-work procedures' zod input schemas, with Chinese messages; each procedure's own
 * schema is in its file under `procedures/work/`.
 */
import { z } from "zod";
import { isIsoDate } from "@liangxin/domain";

export const workInputMessages = {
  date: "请填写有效日期(YYYY-MM-DD)",
  id: "请选择记录",
  milestone: "组建计划的节点不正确",
  required: (label: string) => `请填写${label}`,
  tooLong: (label: string, n: number) => `${label}不能超过${n}个字`,
  year: "年度应为2000至2100之间的整数",
  attendees: "参会人数应为0至10000之间的整数",
  funds: "资金应为非负数(万元,最多两位小数)",
  party: "请选择党组织或两新组织,或填写外部单位名称",
  parties: "联建共建至少需要两方",
  stars: "星级应为1至5",
  period: "请选择统计期间",
} as const;

const m = workInputMessages;
export const isoDate = z.string({ error: m.date }).refine((s) => isIsoDate(s), { message: m.date });
export const id = z.number({ error: m.id }).int({ message: m.id }).positive({ message: m.id });
export const text = (label: string, max: number) =>
  z
    .string({ error: m.required(label) })
    .trim()
    .min(1, { message: m.required(label) })
    .max(max, { message: m.tooLong(label, max) });
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: m.tooLong(label, max) })
    .optional()
    .transform((s) => (s ? s : undefined));
export const year = z
  .number({ error: m.year })
  .int({ message: m.year })
  .min(2000, { message: m.year })
  .max(2100, { message: m.year });
