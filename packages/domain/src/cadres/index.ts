export * from "./vocabulary.ts";
export * from "./assessment.ts";
export * from "./training.ts";
export * from "./contacts.ts";
export * from "./showcases.ts";
