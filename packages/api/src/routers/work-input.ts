/** Zod input schemas of the daily-work procedures, with Chinese messages (reused by the portal's forms). */
import { z } from "zod";
import {
  APPLICANT_STAGES,
  isIsoDate,
  MEETING_KINDS,
  PACT_KINDS,
  PLAN_MILESTONE_KEYS,
  RATING_GRADES,
} from "@liangxin/domain";
import { wanAmount, wanToFen } from "../schemas/common.ts";

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
const id = z.number({ error: m.id }).int({ message: m.id }).positive({ message: m.id });
const text = (label: string, max: number) =>
  z
    .string({ error: m.required(label) })
    .trim()
    .min(1, { message: m.required(label) })
    .max(max, { message: m.tooLong(label, max) });
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: m.tooLong(label, max) })
    .optional()
    .transform((s) => (s ? s : undefined));
const year = z
  .number({ error: m.year })
  .int({ message: m.year })
  .min(2000, { message: m.year })
  .max(2100, { message: m.year });

export const planCreateInput = z.object({
  hostId: id,
  targetOn: isoDate,
  responsible: text("责任人", 40),
  note: optionalText("进展情况", 500),
});
export const planNoteInput = z.object({ planId: id, notedOn: isoDate, note: text("进展情况", 500) });
export const planMilestoneInput = z.object({
  planId: id,
  key: z.enum(PLAN_MILESTONE_KEYS, { error: workInputMessages.milestone }),
  doneOn: isoDate,
});
export const planFoundInput = z.object({ planId: id, name: text("党组织名称", 80), foundedOn: isoDate });

export const meetingInput = z.object({
  orgId: id,
  kind: z.enum(MEETING_KINDS, { error: m.required("会议类型") }),
  heldOn: isoDate,
  topic: optionalText("主题", 200),
  attendees: z
    .number({ error: m.attendees })
    .int({ message: m.attendees })
    .min(0, { message: m.attendees })
    .max(10000, { message: m.attendees })
    .optional(),
});
export const periodInput = z
  .object({
    period: z.enum(["ytd", "quarter", "year", "rolling"], { error: m.period }),
    year: year.optional(),
  })
  .optional();

export const electionInput = z.object({ orgId: id, heldOn: isoDate, note: optionalText("备注", 200) });

export const ratingInput = z.object({
  orgId: id,
  year,
  stars: z
    .number({ error: m.stars })
    .int({ message: m.stars })
    .min(1, { message: m.stars })
    .max(5, { message: m.stars })
    .nullable(),
  grade: z.enum(RATING_GRADES).nullable(),
});
export const rectificationInput = z.object({
  orgId: id,
  year,
  reason: text("软弱涣散原因", 300),
  measures: optionalText("整顿措施", 500),
  responsible: optionalText("责任人", 40),
  deadline: isoDate.optional(),
});
export const resolveInput = z.object({ id, resolvedOn: isoDate });

/** A pact as typed: the funds in 万元. */
export const pactFields = z.object({
  kind: z.enum(PACT_KINDS, { error: m.required("联建类型") }),
  name: text("名称", 100),
  startOn: isoDate,
  endOn: isoDate.optional(),
  outcome: optionalText("成效", 500),
  funds: wanAmount(m.funds).optional(),
  parties: z
    .array(
      z
        .object({ orgId: id.optional(), hostId: id.optional(), name: optionalText("单位名称", 100) })
        .refine((p) => p.orgId !== undefined || p.hostId !== undefined || p.name !== undefined, {
          message: m.party,
        }),
    )
    .min(2, { message: m.parties }),
});

/** The pact for the data layer: the funds in whole 分. */
export const pactInput = pactFields.transform(({ funds, ...v }) => ({ ...v, fundsFen: wanToFen(funds) }));

export const applicantInput = z.object({
  idNumber: z
    .string({ error: m.required("公民身份号码") })
    .trim()
    .regex(/^\d{17}[\dXx]$/, { message: "公民身份号码应为18位" }),
  name: text("姓名", 40),
  gender: z.enum(["male", "female"], { error: m.required("性别") }),
  orgId: id,
  appliedOn: isoDate,
});
export const advanceInput = z.object({
  applicantId: id,
  stage: z.enum(APPLICANT_STAGES, { error: m.required("阶段") }),
  on: isoDate,
});
export const confirmFullInput = z.object({ memberId: id, fullOn: isoDate });
