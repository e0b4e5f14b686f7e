import { endContact } from "@liangxin/core/cadres";
import { endInput } from "../../schemas/common.ts";
import { adminProcedure } from "../../trpc.ts";

/** A contact point ends on a day. */
export const endLink = adminProcedure.input(endInput).mutation(({ ctx, input }) => endContact(ctx, input));
