import { myCorrections } from "@liangxin/core/corrections";
import { ownerProcedure } from "../../trpc.ts";

export const mine = ownerProcedure.query(({ ctx }) => myCorrections(ctx));
