import { HOST_KINDS, isValidCreditCode } from "@liangxin/domain";
import { z } from "zod";
import { endAfter, id, isoDate, optionalDate, optionalText, text, version, year } from "./common.ts";
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

export const hostYearInput = z.object({
  hostId: id,
  year,
  employees: z.number({ error: m.employees }).int({ error: m.employees }).min(0, { error: m.employees }),
  revenue: z
    .number({ error: m.revenue })
    .min(0, { error: m.revenue })
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { error: m.revenue })
    .nullish(),
});

export type HostCreateInput = z.infer<typeof hostCreateInput>;
export type HostUpdateInput = z.infer<typeof hostUpdateInput>;
export type HostYearInput = z.infer<typeof hostYearInput>;
