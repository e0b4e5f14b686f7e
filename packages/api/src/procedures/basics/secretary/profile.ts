import { z } from "zod";
import { SECRETARY_KINDS, SECRETARY_SOURCES } from "@liangxin/domain";
import { setSecretaryProfile } from "@liangxin/core/basics";
import { id } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";
import { basicsMessages } from "../schemas.ts";

export const secretaryProfileInput = z.object({
  secretaryId: id,
  kind: z.enum(SECRETARY_KINDS, { error: basicsMessages.kind }).nullable(),
  source: z.enum(SECRETARY_SOURCES, { error: basicsMessages.secretarySource }).nullable(),
});

/** A secretary's kind (专职/兼职) and source for the term. */
export const profile = orgProcedure
  .input(secretaryProfileInput)
  .mutation(({ ctx, input }) => setSecretaryProfile(ctx, input));
