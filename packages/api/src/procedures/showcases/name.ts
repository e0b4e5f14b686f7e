import { z } from "zod";
import { nameShowcase } from "@liangxin/core/cadres";
import { id, isoDate, text } from "../../schemas/work.ts";
import { adminProcedure } from "../../trpc.ts";
import { showcaseMessages } from "./schemas.ts";

export const showcaseNameInput = z
  .object({
    orgId: id.nullish(),
    hostId: id.nullish(),
    startOn: isoDate,
    endOn: isoDate.nullish(),
    reasons: text("命名理由", 1000),
  })
  .refine((v) => (v.orgId == null) !== (v.hostId == null), {
    error: showcaseMessages.subject,
    path: ["orgId"],
  });

/** Names an organization of the subtree or a host of the territory a showcase at the caller's level. */
export const name = adminProcedure
  .input(showcaseNameInput)
  .mutation(({ ctx, input }) => nameShowcase(ctx, input));
