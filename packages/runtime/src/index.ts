export * from "./env.ts";
export * from "./log.ts";
export * from "./scrub.ts";
export * from "./request.ts";
export * from "./console.ts";
export * from "./tracing-settings.ts";
