export * from "./vocabulary.ts";
export * from "./training.ts";
