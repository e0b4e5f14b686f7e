/** The pieces of the assessment procedures' input schemas, with Chinese messages. */
import { optionalText } from "../../schemas/work.ts";

export const assessmentMessages = {
  grade: "请选择考核等次(优秀 / 称职 / 基本称职 / 不称职)",
  reviewGrade: "请选择评议等次(好 / 较好 / 一般 / 差)",
  decision: "请选择评审结果(授予 / 不予授予)",
} as const;

export const remarks = optionalText("评语", 500);
