import { HOST_KINDS, isValidCreditCode } from "@liangxin/domain";
import { z } from "zod";
import {
  endAfter,
  id,
  isoDate,
  optionalDate,
  optionalText,
  text,
  version,
  wanAmount,
  wanToFen,
  year,
} from "./common.ts";
import { schemaMessages as m } from "./messages.ts";

const creditCode = z
  .string({ error: m.creditCode })
  .trim()
  .toUpperCase()
  .refine((s) => isValidCreditCode(s), { error: m.creditCode });

const hostShape = z.object({
  creditCode,
  name: text(100),
  kind: z.enum(HOST_KINDS, { error: m.kind }),
  industry: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-T]$/, { error: m.industry })
    .nullish(),
  regionId: id,
  foundedOn: isoDate,
  closedOn: optionalDate,
  ownerName: optionalText(50),
  ownerIsMember: z.boolean().optional(),
  contactPhone: optionalText(30),
  address: optionalText(200),
  unionOn: optionalDate,
  youthLeagueOn: optionalDate,
  womenOn: optionalDate,
});

export const hostCreateInput = hostShape.superRefine((v, ctx) =>
  endAfter(ctx, v.foundedOn, v.closedOn, "closedOn", m.closedBeforeFounded),
);

export const hostUpdateInput = hostShape
  .partial()
  .extend({ id, version })
  .superRefine((v, ctx) => endAfter(ctx, v.foundedOn, v.closedOn, "closedOn", m.closedBeforeFounded));

/** A host's figures of a year as typed: the revenue in 万元 (a form validates with this). */
export const hostYearFields = z.object({
  hostId: id,
  year,
  employees: z.number({ error: m.employees }).int({ error: m.employees }).min(0, { error: m.employees }),
  revenue: wanAmount(m.revenue).nullish(),
  /** 职工工资总额 in 万元. */
  payroll: wanAmount(m.payroll).nullish(),
});

/** The same, the revenue and payroll turned into whole 分 for the data layer. */
export const hostYearInput = hostYearFields.transform(({ revenue, payroll, ...v }) => ({
  ...v,
  revenueFen: wanToFen(revenue),
  payrollFen: wanToFen(payroll),
}));

export type HostCreateInput = z.infer<typeof hostCreateInput>;
export type HostUpdateInput = z.infer<typeof hostUpdateInput>;
export type HostYearInput = z.infer<typeof hostYearInput>;
