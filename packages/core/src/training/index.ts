export * from "./records.ts";
export * from "./shares.ts";
