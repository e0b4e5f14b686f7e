/** The pieces of the contact procedures' input schemas, with Chinese messages. */
import { text } from "../../schemas/work.ts";

export const leaderFields = {
  name: text("姓名", 50),
  post: text("职务", 100),
  unit: text("工作单位", 100),
};

export const contactMessages = {
  subject: "请选择一个党组织或一个两新组织(二者选一)",
} as const;
