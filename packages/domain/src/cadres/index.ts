export * from "./vocabulary.ts";
export * from "./assessment.ts";
