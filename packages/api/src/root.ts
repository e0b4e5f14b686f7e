import { createCallerFactory, createTRPCRouter } from "./trpc.ts";
import type { RequestContext } from "./context.ts";
import { logProcedureError } from "./log.ts";
import { homeRouter } from "./routers/home.ts";
import { transferIoRouter } from "./routers/transfer-io.ts";
import { workRouter } from "./routers/work.ts";
import { recordsRouter } from "./routers/records.ts";
import { hostsRouter, instructorsRouter, membersRouter, orgsRouter } from "./routers/ledger.ts";
import {
  accountRouter,
  auditRouter,
  correctionsRouter,
  dashboardRouter,
  ownerRouter,
  usersRouter,
} from "./routers/roles.ts";

import { reportRouter } from "./routers/report.ts";
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
  io: transferIoRouter,
});

export type AppRouter = typeof appRouter;
const callerFactory = createCallerFactory(appRouter);
/** A server-side caller (server components, route handlers, tests); its errors are logged like HTTP ones. */
export const createCaller = (ctx: RequestContext | Promise<RequestContext>) =>
  callerFactory(() => ctx, { onError: logProcedureError });
