import { inboxFor } from "@liangxin/core/work";
import { orgProcedure } from "../../trpc.ts";

export const inbox = orgProcedure.query(({ ctx }) => inboxFor(ctx));
