/**
 * The pieces of the role views' input schemas (zod at the edge, Chinese messages): ids, paging, text, phone,
 * password; each procedure's own schema is in its file under `procedures/`.
 */
import { MESSAGES, MIN_PASSWORD_LENGTH, passwordProblem } from "@liangxin/domain";
import { z } from "zod";

export const inputMessages = {
  id: "编号不正确",
  page: "页码不正确",
  text: "内容过长",
  year: "请填写2000至2100之间的年份",
  employees: "从业人员数应为不小于 0 的整数,请重新填写",
  revenue: "营业收入应为不小于 0 的数(万元),最多两位小数",
  phone: "联系电话格式不正确",
  passwordMin: MESSAGES.passwordTooShort(MIN_PASSWORD_LENGTH),
  required: "不能为空",
  reasonRequired: "请填写驳回理由",
  filter: "筛选条件不正确",
  username: "用户名只能由字母、数字、下划线、点或连字符组成,长度 2–32 位",
} as const;

export const idSchema = z
  .number({ error: inputMessages.id })
  .int(inputMessages.id)
  .positive(inputMessages.id);
export const byId = z.object({ id: idSchema });

export const text = (max = 100) =>
  z.string({ error: inputMessages.text }).trim().max(max, inputMessages.text);
// A real calendar date `YYYY-MM-DD` (not just its shape: 2026-02-30 and 0000-00-00 are refused).

export const pageFields = {
  page: z.number({ error: inputMessages.page }).int(inputMessages.page).min(1, inputMessages.page).default(1),
  pageSize: z.number({ error: inputMessages.page }).int(inputMessages.page).min(1).max(200).default(20),
};

export const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/, inputMessages.phone)
  .nullable();

/** A password being set: the rule of the domain (at least 10 characters, letters and digits). */
export const password = z
  .string({ error: inputMessages.passwordMin })
  .max(200)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
