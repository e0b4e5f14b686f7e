/** The per-role homes of administrators (dashboard) and branch secretaries (branch). */
import { createTRPCRouter } from "../../trpc.ts";
import { admin } from "./admin.ts";
import { branch } from "./branch.ts";

export const dashboardRouter = createTRPCRouter({
  admin,
  branch,
});
