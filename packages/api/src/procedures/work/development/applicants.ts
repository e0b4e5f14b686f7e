import { listApplicants } from "@liangxin/core/work";
import { orgProcedure } from "../../../trpc.ts";

export const applicants = orgProcedure.query(({ ctx }) => listApplicants(ctx));
