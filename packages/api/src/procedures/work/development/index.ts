import { createTRPCRouter } from "../../../trpc.ts";
import { applicants } from "./applicants.ts";
import { probationDue } from "./probationDue.ts";
import { create } from "./create.ts";
import { advance } from "./advance.ts";
import { confirmFull } from "./confirmFull.ts";

export const workDevelopmentRouter = createTRPCRouter({
  applicants,
  probationDue,
  create,
  advance,
  confirmFull,
});
