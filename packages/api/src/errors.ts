/** Kept for the routers written against it: every procedure now maps command errors at the base. */
import { protectedProcedure } from "./trpc.ts";

export { toTRPCError } from "./error-map.ts";

/** A signed-in caller (command errors are mapped for every procedure in trpc.ts). */
export const mappedProcedure = protectedProcedure;
