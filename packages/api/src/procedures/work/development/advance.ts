import { z } from "zod";
import { APPLICANT_STAGES } from "@liangxin/domain";
import { advanceApplicantStage } from "@liangxin/core/work";
import { id, workInputMessages as m, isoDate } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";

export const advanceInput = z.object({
  applicantId: id,
  stage: z.enum(APPLICANT_STAGES, { error: m.required("阶段") }),
  on: isoDate,
});

export const advance = orgProcedure
  .input(advanceInput)
  .mutation(({ ctx, input }) => advanceApplicantStage(ctx, input));
