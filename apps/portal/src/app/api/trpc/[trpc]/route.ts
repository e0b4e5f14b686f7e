import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createContext } from "@liangxin/api";
import { sessionUserId } from "@/auth";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
  const userId = await sessionUserId();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ userId }),
  });
}

export { handler as GET, handler as POST };
