import { listRectifications } from "@liangxin/core/work";
import { adminProcedure } from "../../../trpc.ts";

export const list = adminProcedure.query(({ ctx }) => listRectifications(ctx));
