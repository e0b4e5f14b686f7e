export * from "./messages.ts";
export * from "./common.ts";
export * from "./host.ts";
export * from "./org.ts";
export * from "./member.ts";
export * from "./instructor.ts";
export * from "./policy.ts";
