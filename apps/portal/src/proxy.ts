import { NextResponse, type NextRequest } from "next/server";
import { originAllowed } from "./server/origin.ts";
import { portalMessages } from "./app/messages.ts";

/**
 * Every state-changing request (any method but GET, HEAD and OPTIONS: server actions, /api/trpc,
 * /api/io/import, Auth.js's sign-in and sign-out) must come from the portal's own origin, named by the
 * browser in `Origin` (or, when a browser sends none, in `Referer`). Anything else — another port of the
 * same host is another origin but the same site, and gets the session cookie — is refused with 403
 * before any route runs.
 */
export function proxy(request: NextRequest) {
  if (originAllowed(request.method, request.headers, process.env.LIANGXIN_PUBLIC_ORIGIN))
    return NextResponse.next();
  const message = portalMessages.originRefused;
  const body = request.nextUrl.pathname.startsWith("/api/trpc/")
    ? { error: { json: { message, code: -32003, data: { code: "FORBIDDEN", httpStatus: 403 } } } }
    : { message };
  return NextResponse.json(body, { status: 403, headers: { "Cache-Control": "no-store" } });
}

export const config = {
  // Static assets are only ever read.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
