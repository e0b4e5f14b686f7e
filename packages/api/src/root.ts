import { createCallerFactory, createTRPCRouter } from "./trpc.ts";
import { homeRouter } from "./routers/home.ts";
import { workRouter } from "./routers/work.ts";

export const appRouter = createTRPCRouter({
  home: homeRouter,
  work: workRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
