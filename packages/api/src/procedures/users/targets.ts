import { bindableTargets } from "@liangxin/core/users";
import { adminProcedure, found } from "../../trpc.ts";

/** What a new user may be bound to. */
export const targets = adminProcedure.query(async ({ ctx }) => found(await bindableTargets(ctx)));
