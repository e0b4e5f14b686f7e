export * from "./build.ts";
export * from "./columns.ts";
export * from "./drill.ts";
export * from "./errors.ts";
export * from "./json.ts";
export * from "./messages.ts";
export * from "./workflow.ts";
export * from "./approve-year.ts";
