export * from "./records.ts";
export * from "./check.ts";
