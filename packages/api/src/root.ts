import { createCallerFactory, createTRPCRouter } from "./trpc.ts";
import { homeRouter } from "./routers/home.ts";

export const appRouter = createTRPCRouter({
  home: homeRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
