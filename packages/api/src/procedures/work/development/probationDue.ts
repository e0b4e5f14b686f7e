import { probationDue as probationDueOf } from "@liangxin/core/work";
import { orgProcedure } from "../../../trpc.ts";

export const probationDue = orgProcedure.query(({ ctx }) => probationDueOf(ctx));
