import { FORMATION_MODES, ORG_CATEGORIES } from "@liangxin/domain";
import { z } from "zod";
import {
  creditCodeKey,
  endAfter,
  endInput,
  id,
  isoDate,
  optionalDate,
  optionalText,
  orgCodeKey,
  text,
  version,
} from "./common.ts";
import { schemaMessages as m } from "./messages.ts";

const orgShape = z.object({
  code: text(40),
  name: text(100),
  category: z.enum(ORG_CATEGORIES, { error: m.category }),
  parentId: id,
  regionId: id.nullish(),
  formationMode: z.enum(FORMATION_MODES, { error: m.mode }).nullish(),
  foundedOn: isoDate,
  revokedOn: optionalDate,
  lastElectionOn: optionalDate,
  hasPartyGroups: z.boolean({ error: m.partyGroups }).optional(),
});

/** Hosts covered in one step: distinct, at most 50 (a joint branch's several). */
const hostIdList = z
  .array(id, { error: m.hostIds })
  .max(50, { error: m.hostIdsMax })
  .refine((ids) => new Set(ids).size === ids.length, { error: m.hostIdsTwice });

export const orgCreateInput = orgShape
  .extend({ hostIds: hostIdList.optional() })
  .superRefine((v, ctx) => endAfter(ctx, v.foundedOn, v.revokedOn, "revokedOn", m.revokedBeforeFounded));

/** The superior changes only by a re-parenting (`records.org.reparent`). */
export const orgUpdateInput = orgShape
  .omit({ parentId: true })
  .partial()
  .extend({ id, version })
  .superRefine((v, ctx) => endAfter(ctx, v.foundedOn, v.revokedOn, "revokedOn", m.revokedBeforeFounded));

export const reparentInput = z.object({
  orgId: id,
  toParentId: id,
  effectiveOn: isoDate,
  docNo: optionalText(60),
  reason: optionalText(500),
  version: version.optional(),
});

export const coverageSetInput = z
  .object({ hostId: id, orgId: id, startOn: isoDate, endOn: optionalDate })
  .superRefine((v, ctx) => endAfter(ctx, v.startOn, v.endOn, "endOn", m.endBeforeStart));
/** One organization covers several hosts from one day. */
export const coverageSetManyInput = z.object({
  orgId: id,
  hostIds: hostIdList.refine((ids) => ids.length > 0, { error: m.hostIds }),
  startOn: isoDate,
});

/** 覆盖申请: a host outside the proposer's territory, by its exact credit code (or by id, if the proposer sees it). */
export const coverageProposeInput = z
  .object({
    orgId: id,
    hostId: id.nullish(),
    hostCreditCode: creditCodeKey.nullish(),
    startOn: isoDate,
    reason: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if ((v.hostId != null) === !!v.hostCreditCode)
      ctx.addIssue({ code: "custom", message: m.hostIdXorCode, path: ["hostCreditCode"] });
  });
/** 退回 needs a reason, which the proposer reads. */
export const coverageRejectInput = z.object({ id, reason: text(500) });

/** The regional organization by id (within the caller's sets) or by its exact 组织代码 (anywhere): one. */
export const dualLinkSetInput = z
  .object({
    orgId: id,
    regionalOrgId: id.nullish(),
    regionalOrgCode: orgCodeKey.nullish(),
    startOn: isoDate,
    endOn: optionalDate,
  })
  .superRefine((v, ctx) => {
    if ((v.regionalOrgId != null) === !!v.regionalOrgCode)
      ctx.addIssue({ code: "custom", message: m.regionalIdXorCode, path: ["regionalOrgCode"] });
    endAfter(ctx, v.startOn, v.endOn, "endOn", m.endBeforeStart);
  });
export const dualLinkEndInput = endInput;

export const secretarySetInput = z.object({ orgId: id, memberId: id, startOn: isoDate });
export const secretaryEndInput = endInput;

export type OrgCreateInput = z.infer<typeof orgCreateInput>;
export type OrgUpdateInput = z.infer<typeof orgUpdateInput>;
export type ReparentInput = z.infer<typeof reparentInput>;
