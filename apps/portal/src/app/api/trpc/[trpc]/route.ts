import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { apiMessages, appRouter, createContext, logProcedureError } from "@liangxin/api";
import { sessionUserId } from "@/auth";
import { readLimited, TRPC_BODY_LIMIT } from "@/server/body-limit";

export const dynamic = "force-dynamic";

async function handler(incoming: Request) {
  let req = incoming;
  if (incoming.method === "POST") {
    const body = await readLimited(incoming, TRPC_BODY_LIMIT);
    if (body === null)
      return Response.json(
        {
          error: {
            json: {
              message: `${apiMessages.tooLarge}(上限 256 KB)`,
              code: -32600,
              data: { code: "PAYLOAD_TOO_LARGE" },
            },
          },
        },
        { status: 413 },
      );
    req = new Request(incoming.url, { method: "POST", headers: incoming.headers, body });
  }
  const userId = await sessionUserId();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ userId }),
    onError: logProcedureError,
  });
}

export { handler as GET, handler as POST };
