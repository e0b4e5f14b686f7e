import { createCallerFactory, createTRPCRouter } from "./trpc.ts";
import type { RequestContext } from "./context.ts";
import { logProcedureError } from "./log.ts";
import { homeRouter } from "./procedures/home/index.ts";
import { hostsRouter } from "./procedures/hosts/index.ts";
import { orgsRouter } from "./procedures/orgs/index.ts";
import { membersRouter } from "./procedures/members/index.ts";
import { instructorsRouter } from "./procedures/instructors/index.ts";
import { dashboardRouter } from "./procedures/dashboard/index.ts";
import { ownerRouter } from "./procedures/owner/index.ts";
import { correctionsRouter } from "./procedures/corrections/index.ts";
import { usersRouter } from "./procedures/users/index.ts";
import { auditRouter } from "./procedures/audit/index.ts";
import { accountRouter } from "./procedures/account/index.ts";
import { recordsRouter } from "./procedures/records/index.ts";
import { reportRouter } from "./procedures/report/index.ts";
import { workRouter } from "./procedures/work/index.ts";
import { transferIoRouter } from "./procedures/io/index.ts";
import { basicsRouter } from "./procedures/basics/index.ts";
import { assessmentRouter } from "./procedures/assessment/index.ts";
import { trainingRouter } from "./procedures/training/index.ts";
import { showcasesRouter } from "./procedures/showcases/index.ts";
import { contactsRouter } from "./procedures/contacts/index.ts";

export const appRouter = createTRPCRouter({
  home: homeRouter,
  hosts: hostsRouter,
  orgs: orgsRouter,
  members: membersRouter,
  instructors: instructorsRouter,
  dashboard: dashboardRouter,
  owner: ownerRouter,
  corrections: correctionsRouter,
  users: usersRouter,
  audit: auditRouter,
  account: accountRouter,
  records: recordsRouter,
  report: reportRouter,
  work: workRouter,
  basics: basicsRouter,
  assessment: assessmentRouter,
  training: trainingRouter,
  showcases: showcasesRouter,
  contacts: contactsRouter,
  io: transferIoRouter,
});

export type AppRouter = typeof appRouter;
const callerFactory = createCallerFactory(appRouter);
/** A server-side caller (server components, route handlers, tests); its errors are logged like HTTP ones. */
export const createCaller = (ctx: RequestContext | Promise<RequestContext>) =>
  callerFactory(() => ctx, { onError: logProcedureError });
