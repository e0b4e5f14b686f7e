/**
 * Liveness: the process answers. No session, no data. The header `X-Liangxin-Instance` echoes the
 * `LIANGXIN_INSTANCE` token a test or the bench started this server with, so that they can tell their own
 * server from another program on the port; `?instance=<token>` answers 404 unless the token is this
 * server's (Playwright's readiness probe uses it).
 */
export const dynamic = "force-dynamic";

export function GET(req: Request): Response {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const instance = process.env.LIANGXIN_INSTANCE;
  if (instance) headers.set("X-Liangxin-Instance", instance);
  const asked = new URL(req.url).searchParams.get("instance");
  if (asked !== null && asked !== instance)
    return Response.json({ status: "other" }, { status: 404, headers });
  return Response.json({ status: "live" }, { headers });
}
