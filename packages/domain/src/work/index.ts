export * from "./messages.ts";
export * from "./plans.ts";
export * from "./meetings.ts";
export * from "./elections.ts";
export * from "./development.ts";
export * from "./quality.ts";
