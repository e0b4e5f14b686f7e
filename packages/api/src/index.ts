export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createContext, type Context } from "./context.ts";
export { apiMessages } from "./messages.ts";
export { logProcedureError, withErrorNumber } from "./log.ts";
export { authenticate, type AuthResult } from "@liangxin/db";
export { mappedProcedure, toTRPCError } from "./errors.ts";
export * as schemas from "./schemas/index.ts";
