/** Input schemas of the role views (zod at the edge, Chinese messages). */
import {
  FORMATION_MODES,
  HOST_SORTS,
  INDUSTRY_SECTIONS,
  INSTRUCTOR_KINDS,
  INSTRUCTOR_SORTS,
  MEMBER_FLAGS,
  MEMBER_SORTS,
  isValidCreditCode,
  MEMBER_STATUSES,
  MESSAGES,
  MIN_PASSWORD_LENGTH,
  ORG_CATEGORIES,
  ORG_SORTS,
  passwordProblem,
} from "@liangxin/domain";
import { schemaMessages } from "./messages.ts";
import { z } from "zod";
import { isoDate, wanAmount, wanToFen } from "./common.ts";

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

const text = (max = 100) => z.string({ error: inputMessages.text }).trim().max(max, inputMessages.text);
// A real calendar date `YYYY-MM-DD` (not just its shape: 2026-02-30 and 0000-00-00 are refused).

export const pageFields = {
  page: z.number({ error: inputMessages.page }).int(inputMessages.page).min(1, inputMessages.page).default(1),
  pageSize: z.number({ error: inputMessages.page }).int(inputMessages.page).min(1).max(200).default(20),
};

export const hostListInput = z.object({
  ...pageFields,
  q: text().optional(),
  regionId: idSchema.optional(),
  kind: z.enum(["enterprise", "socialOrg"]).optional(),
  coverage: z.enum(["covered", "uncovered"]).optional(),
  shouldEstablish: z.boolean().optional(),
  aboveScale: z.boolean().optional(),
  withMembers: z.boolean().optional(),
  industry: z.enum(INDUSTRY_SECTIONS, { error: inputMessages.filter }).optional(),
  sort: z.enum(HOST_SORTS, { error: inputMessages.filter }).optional(),
});

export const orgListInput = z.object({
  ...pageFields,
  q: text().optional(),
  category: z.enum(ORG_CATEGORIES, { error: inputMessages.filter }).optional(),
  formationMode: z.enum(FORMATION_MODES, { error: inputMessages.filter }).optional(),
  nodeId: idSchema.optional(),
  sort: z.enum(ORG_SORTS, { error: inputMessages.filter }).optional(),
});

export const memberListInput = z.object({
  ...pageFields,
  q: text().optional(),
  orgId: idSchema.optional(),
  status: z.enum(MEMBER_STATUSES, { error: inputMessages.filter }).optional(),
  nodeId: idSchema.optional(),
  membership: z.enum(["full", "probationary"], { error: inputMessages.filter }).optional(),
  counted: z.boolean().optional(),
  flag: z.enum(MEMBER_FLAGS, { error: inputMessages.filter }).optional(),
  sort: z.enum(MEMBER_SORTS, { error: inputMessages.filter }).optional(),
});

export const instructorListInput = z.object({
  ...pageFields,
  q: text().optional(),
  kind: z.enum(INSTRUCTOR_KINDS, { error: inputMessages.filter }).optional(),
  nodeId: idSchema.optional(),
  activity: z.enum(["active", "idle"], { error: inputMessages.filter }).optional(),
  sort: z.enum(INSTRUCTOR_SORTS, { error: inputMessages.filter }).optional(),
});

export const orgCodeInput = z.object({ code: text(40).min(1, inputMessages.required) });

/** A host by its exact 统一社会信用代码 (any case, spaces around ignored; the check character is verified). */
export const creditCodeInput = z.object({
  creditCode: z
    .string({ error: schemaMessages.creditCode })
    .trim()
    .toUpperCase()
    .refine((s) => isValidCreditCode(s), { error: schemaMessages.creditCode }),
});

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,30}$/, inputMessages.phone)
  .nullable();

export const hostContactInput = z.object({
  id: idSchema,
  contactPhone: phone,
  address: text(200).nullable(),
  version: z.number().int().min(1),
});

/** An owner's correction as typed: the revenue in 万元. */
export const correctionFields = z.object({
  year: z
    .number({ error: inputMessages.year })
    .int(inputMessages.year)
    .min(2000, inputMessages.year)
    .max(2100, inputMessages.year),
  employees: z
    .number({ error: inputMessages.employees })
    .int(inputMessages.employees)
    .min(0, inputMessages.employees)
    .max(10_000_000, inputMessages.employees),
  revenue: wanAmount(inputMessages.revenue).nullable(),
  contactPhone: phone,
  address: text(200).nullable(),
});

/** The correction as proposed (its JSON payload): the revenue in whole 分. */
export const correctionInput = correctionFields.transform((v) => ({
  year: v.year,
  employees: v.employees,
  revenueFen: wanToFen(v.revenue),
  contactPhone: v.contactPhone,
  address: v.address,
}));

export const decideInput = z.discriminatedUnion("approve", [
  z.object({ id: idSchema, approve: z.literal(true) }),
  z.object({
    id: idSchema,
    approve: z.literal(false),
    reason: text(500).min(1, inputMessages.reasonRequired),
  }),
]);

/** A password being set: the rule of the domain (at least 10 characters, letters and digits). */
export const password = z
  .string({ error: inputMessages.passwordMin })
  .max(200)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

export const createUserInput = z.object({
  username: text(32)
    .min(2, inputMessages.username)
    .regex(/^[A-Za-z0-9_.-]+$/, inputMessages.username),
  displayName: text(50).min(1, inputMessages.required),
  password,
  role: z.enum(["admin", "secretary", "owner"]),
  orgId: idSchema.optional(),
  hostCreditCode: text(18).optional(),
});

export const userListInput = z.object({ ...pageFields, q: text().optional() });

export const auditInput = z.object({
  ...pageFields,
  username: text(64).optional(),
  action: text(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const changePasswordInput = z.object({
  oldPassword: z.string().min(1, inputMessages.required).max(200),
  newPassword: password,
});
