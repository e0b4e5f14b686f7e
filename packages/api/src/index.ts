export { appRouter, createCaller, type AppRouter } from "./root.ts";
export { createContext, type Context } from "./context.ts";
export { apiMessages } from "./messages.ts";
export { authenticate, type AuthResult, type SignInAttempt } from "@liangxin/db";
export { mappedProcedure, toTRPCError } from "./errors.ts";
export * as schemas from "./schemas/index.ts";
export { userMessage } from "./user-message.ts";
export { FIELD_LABELS, fieldLabel } from "./field-labels.ts";
export { AUDIT_ACTION_LABELS } from "./audit-labels.ts";
