export * as schema from "./schema.ts";
export * from "./schema.ts";
export * from "./client.ts";
export * from "./paths.ts";
export * from "./scope.ts";
export * from "./queries-home.ts";
