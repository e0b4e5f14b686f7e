import { z } from "zod";
import { ORG_RULES } from "@liangxin/domain";
import { adoptRule } from "@liangxin/core/basics";
import { id, isoDate } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";
import { basicsMessages } from "../schemas.ts";

export const adoptRuleInput = z.object({
  orgId: id,
  rule: z.enum(ORG_RULES, { error: basicsMessages.rule }),
  adoptedOn: isoDate,
});

/** A rule (基本制度) adopted on a day. */
export const adopt = orgProcedure.input(adoptRuleInput).mutation(({ ctx, input }) => adoptRule(ctx, input));
