export * from "./types.ts";
export * from "./policy.ts";
export * from "./indicator-types.ts";
export * from "./validators.ts";
