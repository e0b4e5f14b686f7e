/** The pieces of the showcase procedures' input schemas, with Chinese messages. */
import { z } from "zod";
import { HONOUR_LEVELS } from "@liangxin/domain";

export const showcaseMessages = {
  level: "请选择示范点级别(市级 / 县级 / 乡镇(街道)级)",
  subject: "请选择一个党组织或一个两新组织(二者选一)",
} as const;

export const honourLevel = z.enum(HONOUR_LEVELS, { error: showcaseMessages.level });
