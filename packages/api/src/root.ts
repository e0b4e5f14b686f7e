import { createCallerFactory, createTRPCRouter } from "./trpc.ts";
import { homeRouter } from "./routers/home.ts";
import { recordsRouter } from "./routers/records.ts";

export const appRouter = createTRPCRouter({
  home: homeRouter,
  records: recordsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
