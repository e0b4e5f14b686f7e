import { z } from "zod";
import { foundOrganization as foundOrganizationFromPlan } from "@liangxin/core/work";
import { id, text, isoDate } from "../../../schemas/work.ts";
import { adminProcedure } from "../../../trpc.ts";

export const planFoundInput = z.object({ planId: id, name: text("党组织名称", 80), foundedOn: isoDate });

export const foundOrganization = adminProcedure
  .input(planFoundInput)
  .mutation(({ ctx, input }) => foundOrganizationFromPlan(ctx, input));
