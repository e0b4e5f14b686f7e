/** The pieces of the training procedures' input schemas, with Chinese messages. */
import { z } from "zod";
import { PARTICIPANT_KINDS, TRAINING_KINDS } from "@liangxin/domain";
import { id, isoDate, optionalText, text } from "../../schemas/work.ts";

export const trainingInputMessages = {
  kind: "请选择培训类别(书记 / 指导员 / 出资人 / 党员 / 考察学习)",
  hours: "学时应为1至1000之间的整数",
  participantKind: "请选择参训人员类别(党员 / 指导员 / 出资人)",
  group: "请选择统计对象(书记 / 指导员)",
  person: "请选择一名党员、指导员或出资人",
} as const;

export const trainingFields = {
  organizerId: id.optional(),
  title: text("培训名称", 100),
  kind: z.enum(TRAINING_KINDS, { error: trainingInputMessages.kind }),
  startOn: isoDate,
  endOn: isoDate,
  place: optionalText("培训地点", 100),
  hours: z
    .number({ error: trainingInputMessages.hours })
    .int({ error: trainingInputMessages.hours })
    .min(1, { error: trainingInputMessages.hours })
    .max(1000, { error: trainingInputMessages.hours })
    .nullish(),
};

export const participantKind = z.enum(PARTICIPANT_KINDS, { error: trainingInputMessages.participantKind });
