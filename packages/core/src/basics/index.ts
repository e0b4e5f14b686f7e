export * from "./records.ts";
export * from "./check.ts";
export * from "./sheet.ts";
export * from "./kept.ts";
