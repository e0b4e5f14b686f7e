import { z } from "zod";
import { COMMITTEE_POSTS } from "@liangxin/domain";
import { setCommitteeMember } from "@liangxin/core/basics";
import { id, isoDate } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";
import { basicsMessages } from "../schemas.ts";

export const committeeMemberInput = z.object({
  orgId: id,
  memberId: id,
  post: z.enum(COMMITTEE_POSTS, { error: basicsMessages.post }),
  startOn: isoDate,
  onBoard: z.boolean().optional(),
  inManagement: z.boolean().optional(),
  onSupervisoryBoard: z.boolean().optional(),
});

/** A member's post on the committee (班子成员) from a day. */
export const set = orgProcedure
  .input(committeeMemberInput)
  .mutation(({ ctx, input }) => setCommitteeMember(ctx, input));
