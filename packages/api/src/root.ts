import { createCallerFactory, createTRPCRouter } from "./trpc.ts";
import { homeRouter } from "./routers/home.ts";
import { reportRouter } from "./routers/report.ts";

export const appRouter = createTRPCRouter({
  home: homeRouter,
  report: reportRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
