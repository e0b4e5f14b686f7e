export * from "./showcases.ts";
export * from "./contacts.ts";
