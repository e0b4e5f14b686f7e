export * from "./vocabulary.ts";
export * from "./contacts.ts";
export * from "./showcases.ts";
