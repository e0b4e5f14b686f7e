import { z } from "zod";
import { createApplicant } from "@liangxin/core/work";
import { workInputMessages as m, text, id, isoDate } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";

export const applicantInput = z.object({
  idNumber: z
    .string({ error: m.required("公民身份号码") })
    .trim()
    .regex(/^\d{17}[\dXx]$/, { message: "公民身份号码应为18位" }),
  name: text("姓名", 40),
  gender: z.enum(["male", "female"], { error: m.required("性别") }),
  orgId: id,
  appliedOn: isoDate,
});

export const create = orgProcedure
  .input(applicantInput)
  .mutation(({ ctx, input }) => createApplicant(ctx, input));
