import { z } from "zod";
import { MEETING_KINDS } from "@liangxin/domain";
import { recordMeeting } from "@liangxin/core/work";
import { id, workInputMessages as m, isoDate, optionalText } from "../../../schemas/work.ts";
import { orgProcedure } from "../../../trpc.ts";

export const meetingInput = z.object({
  orgId: id,
  kind: z.enum(MEETING_KINDS, { error: m.required("会议类型") }),
  heldOn: isoDate,
  topic: optionalText("主题", 200),
  attendees: z
    .number({ error: m.attendees })
    .int({ message: m.attendees })
    .min(0, { message: m.attendees })
    .max(10000, { message: m.attendees })
    .optional(),
});

export const record = orgProcedure
  .input(meetingInput)
  .mutation(({ ctx, input }) => recordMeeting(ctx, input));
