export * from "./vocabulary.ts";
export * from "./assessment.ts";
export * from "./training.ts";
