import {
  citizenIdBirthDate,
  GENDERS,
  isValidCitizenId,
  JOB_CATEGORIES,
  MEMBER_STATUSES,
} from "@liangxin/domain";
import { z } from "zod";
import {
  creditCodeKey,
  endAfter,
  type IssueSink,
  id,
  isoDate,
  optionalDate,
  optionalText,
  orgCodeKey,
  text,
  version,
} from "./common.ts";
import { schemaMessages as m } from "./messages.ts";

const citizenId = z
  .string({ error: m.citizenId })
  .trim()
  .toUpperCase()
  .refine((s) => isValidCitizenId(s), { error: m.citizenId });

const memberShape = z.object({
  idNumber: citizenId,
  name: text(50),
  gender: z.enum(GENDERS, { error: m.gender }),
  birthDate: optionalDate,
  joinedOn: isoDate,
  fullOn: optionalDate,
  orgId: id.nullish(),
  outsideOrgName: optionalText(100),
  relationshipSince: optionalDate,
  /** A host the caller sees, or any operating host by its exact credit code: one of the two. */
  workHostId: id.nullish(),
  workHostCreditCode: creditCodeKey.nullish(),
  workSince: optionalDate,
  jobCategory: z.enum(JOB_CATEGORIES, { error: m.jobCategory }).nullish(),
  mobile: z.boolean().optional(),
  lostContact: z.boolean().optional(),
  pocket: z.boolean().optional(),
  phone: optionalText(30),
});

function personChecks(
  v: {
    idNumber?: string;
    birthDate?: string | null;
    joinedOn?: string;
    fullOn?: string | null;
    workHostId?: number | null;
    workHostCreditCode?: string | null;
  },
  ctx: IssueSink,
): void {
  if (v.workHostId != null && v.workHostCreditCode)
    ctx.addIssue({ code: "custom", message: m.workHostIdXorCode, path: ["workHostCreditCode"] });
  if (v.idNumber && v.birthDate) {
    const fromId = citizenIdBirthDate(v.idNumber);
    if (fromId && fromId !== v.birthDate)
      ctx.addIssue({ code: "custom", message: m.birthDateMismatch, path: ["birthDate"] });
  }
  endAfter(ctx, v.joinedOn, v.fullOn, "fullOn", m.fullBeforeJoined);
}

export const memberCreateInput = memberShape.superRefine((v, ctx) => {
  personChecks(v, ctx);
  const inTree = v.orgId != null;
  const outside = !!v.outsideOrgName;
  if (inTree === outside) ctx.addIssue({ code: "custom", message: m.orgXorOutside, path: ["orgId"] });
  if (v.workSince && v.workHostId == null && !v.workHostCreditCode)
    ctx.addIssue({ code: "custom", message: m.workSinceWithoutHost, path: ["workHostId"] });
});

/** The relationship changes only by a transfer (`records.transfer.*`). */
export const memberUpdateInput = memberShape
  .omit({ orgId: true, outsideOrgName: true, relationshipSince: true })
  .partial()
  .extend({ id, version })
  .superRefine((v, ctx) => personChecks(v, ctx));

export const memberStatusInput = z.object({
  memberId: id,
  status: z.enum(MEMBER_STATUSES, { error: m.status }),
  effectiveOn: isoDate,
  reason: optionalText(500),
  version: version.optional(),
});

export const transferRequestInput = z
  .object({
    memberId: id,
    /** The receiving organization: by id within the caller's sets, or by its exact 组织代码 anywhere. */
    toOrgId: id.nullish(),
    toOrgCode: orgCodeKey.nullish(),
    outsideOrgName: optionalText(100),
    effectiveOn: isoDate,
    reason: optionalText(500),
  })
  .superRefine((v, ctx) => {
    const given = [v.toOrgId != null, !!v.toOrgCode, !!v.outsideOrgName].filter(Boolean).length;
    if (given !== 1)
      ctx.addIssue({
        code: "custom",
        message: v.toOrgCode || v.toOrgId != null ? m.toOrgXorOutside : m.orgXorOutside,
        path: [v.toOrgCode ? "toOrgCode" : "toOrgId"],
      });
  });

export const transferDecideInput = z
  .object({
    transferId: id,
    decision: z.enum(["accept", "reject"], { error: m.decision }),
    reason: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && !v.reason)
      ctx.addIssue({ code: "custom", message: m.rejectReason, path: ["reason"] });
  });

export type MemberCreateInput = z.infer<typeof memberCreateInput>;
export type MemberUpdateInput = z.infer<typeof memberUpdateInput>;
