import { z } from "zod";
import { PACT_KINDS } from "@liangxin/domain";
import { createPact } from "@liangxin/core/work";
import { workInputMessages as m, text, isoDate, optionalText, id } from "../../../schemas/work.ts";
import { wanAmount, wanToFen } from "../../../schemas/common.ts";
import { adminProcedure } from "../../../trpc.ts";

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

export const create = adminProcedure.input(pactInput).mutation(({ ctx, input }) => createPact(ctx, input));
