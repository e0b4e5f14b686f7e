import { createCallerFactory, createTRPCRouter } from "./trpc.ts";
import { homeRouter } from "./routers/home.ts";
import { transferIoRouter } from "./routers/transfer-io.ts";

export const appRouter = createTRPCRouter({
  home: homeRouter,
  io: transferIoRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
