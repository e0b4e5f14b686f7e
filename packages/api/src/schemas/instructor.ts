import { INSTRUCTOR_KINDS } from "@liangxin/domain";
import { z } from "zod";
import {
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

export const instructorCreateInput = z
  .object({
    number: text(40),
    name: text(50),
    kind: z.enum(INSTRUCTOR_KINDS, { error: m.instructorKind }),
    /** The dispatcher: by id within the caller's sets, or by its exact 组织代码 anywhere; or an organ outside. */
    dispatchOrgId: id.nullish(),
    dispatchOrgCode: orgCodeKey.nullish(),
    dispatchOrgName: optionalText(100),
    registeredById: id.nullish(),
    phone: optionalText(30),
  })
  .superRefine((v, ctx) => {
    if ([v.dispatchOrgId != null, !!v.dispatchOrgCode, !!v.dispatchOrgName].filter(Boolean).length !== 1)
      ctx.addIssue({ code: "custom", message: m.dispatchXorName, path: ["dispatchOrgId"] });
  });

/** The registering node keeps the record and never changes; a dispatcher of the tree or an organ outside it. */
export const instructorUpdateInput = z
  .object({
    id,
    version,
    number: text(40).optional(),
    name: text(50).optional(),
    kind: z.enum(INSTRUCTOR_KINDS, { error: m.instructorKind }).optional(),
    dispatchOrgId: id.nullish(),
    dispatchOrgCode: orgCodeKey.nullish(),
    dispatchOrgName: optionalText(100),
    phone: optionalText(30),
  })
  .superRefine((v, ctx) => {
    if ([v.dispatchOrgId != null, !!v.dispatchOrgCode, !!v.dispatchOrgName].filter(Boolean).length > 1)
      ctx.addIssue({ code: "custom", message: m.dispatchXorName, path: ["dispatchOrgId"] });
  });

export const assignmentStartInput = z
  .object({ instructorId: id, hostId: id, startOn: isoDate, endOn: optionalDate })
  .superRefine((v, ctx) => endAfter(ctx, v.startOn, v.endOn, "endOn", m.endBeforeStart));
export const assignmentEndInput = endInput;

export type InstructorUpdateInput = z.infer<typeof instructorUpdateInput>;
