import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { apiMessages, appRouter, createContext, logProcedureError, traceApiRequest } from "@liangxin/api";
import { sessionUserId } from "@/auth";
import { readLimited, TRPC_BODY_LIMIT } from "@/server/body-limit";
import { clientAddress } from "@/server/client-address";

export const dynamic = "force-dynamic";

/** Answers carry personal data: no browser or proxy keeps them. */
function noStore(res: Response): Response {
  res.headers.set("Cache-Control", "no-store");
  return res;
}

/** A refusal in tRPC's error shape, so that the client shows its message. */
function refusal(status: number, code: string, message: string): Response {
  return Response.json(
    { error: { json: { message, code: -32600, data: { code, httpStatus: status } } } },
    { status },
  );
}

/**
 * A POST must be JSON, as the portal's client sends it: tRPC's fetch adapter would also take
 * multipart/form-data and application/octet-stream, the types a form of another site can send without
 * a preflight.
 */
const isJson = (req: Request) =>
  (req.headers.get("content-type") ?? "").split(";", 1)[0]!.trim().toLowerCase() === "application/json";

async function answer(incoming: Request): Promise<Response> {
  let req = incoming;
  if (incoming.method === "POST") {
    if (!isJson(incoming)) return refusal(415, "UNSUPPORTED_MEDIA_TYPE", apiMessages.jsonOnly);
    const body = await readLimited(incoming, TRPC_BODY_LIMIT);
    if (body === null) return refusal(413, "PAYLOAD_TOO_LARGE", `${apiMessages.tooLarge}(上限 256 KB)`);
    req = new Request(incoming.url, { method: "POST", headers: incoming.headers, body });
  }
  const userId = await sessionUserId();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ userId, clientAddress: clientAddress(incoming.headers) }),
    onError: logProcedureError,
  });
}

/** One span per request when tracing is on (under Next.js's own), its statements' spans within. */
async function handler(incoming: Request) {
  return noStore(await traceApiRequest(incoming, "/api/trpc", () => answer(incoming)));
}

export { handler as GET, handler as POST };
