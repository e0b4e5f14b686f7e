import { z } from "zod";
import { recordElection } from "@liangxin/core/work";
import { id, isoDate, optionalText } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";

export const electionInput = z.object({ orgId: id, heldOn: isoDate, note: optionalText("备注", 200) });

export const record = orgProcedure
  .input(electionInput)
  .mutation(({ ctx, input }) => recordElection(ctx, input));
