import { endCommitteeMember } from "@liangxin/core/basics";
import { endInput } from "../../../schemas/common.ts";
import { orgProcedure } from "../../../trpc.ts";

/** A committee post ends on a day. */
export const end = orgProcedure.input(endInput).mutation(({ ctx, input }) => endCommitteeMember(ctx, input));
