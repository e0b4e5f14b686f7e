export * from "./vocabulary.ts";
export * from "./check.ts";
