import { z } from "zod";

// Zod's own messages (for a value of the wrong type) in Chinese, wherever the schemas are used.
z.config(z.locales.zhCN());

export * from "./messages.ts";
export * from "./common.ts";
export * from "./host.ts";
export * from "./org.ts";
export * from "./member.ts";
export * from "./instructor.ts";
export * from "./policy.ts";
