import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { apiMessages } from "@liangxin/api";
import { getCaller } from "@/server/caller";

type Caller = Awaited<ReturnType<typeof getCaller>>;

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987), so Chinese names survive. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function xlsxResponse(file: { fileName: string; bytes: Uint8Array }): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": contentDisposition(file.fileName),
      "Cache-Control": "no-store",
    },
  });
}

/** tRPC's own status for the code (409, 503…), except that a forbidden record does not exist: 404. */
const statusOf = (e: TRPCError) => (e.code === "FORBIDDEN" ? 404 : getHTTPStatusCodeFromError(e));

/** Run a route handler through the API layer (session and scope checked there); errors become JSON. */
export async function withCaller(fn: (caller: Caller) => Promise<Response>): Promise<Response> {
  try {
    return await fn(await getCaller());
  } catch (e) {
    if (e instanceof TRPCError) {
      const status = statusOf(e);
      // An internal error's own text is for the log (written by the caller's onError), not for the user.
      const digest = (e as { digest?: string }).digest;
      const message =
        status >= 500 && e.code !== "SERVICE_UNAVAILABLE"
          ? `${apiMessages.internal}${digest ? apiMessages.errorNumber(digest) : ""}`
          : e.message;
      return Response.json({ message }, { status });
    }
    throw e;
  }
}
