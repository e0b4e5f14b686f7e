import { overdueContactsIn } from "@liangxin/core/cadres";
import { adminProcedure } from "../../trpc.ts";

/** The contact points overdue today among those the caller sees. */
export const overdue = adminProcedure.query(({ ctx }) => overdueContactsIn(ctx));
