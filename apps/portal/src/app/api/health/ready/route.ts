/**
 * Readiness: the database file exists, opens and is migrated to the latest schema (nothing is created or
 * migrated by asking). 200 `{status:"ready"}`, else 503 `{status:"not-ready", reason}` with the reason in
 * Chinese. No session is read and no data is returned. Echoes the instance token like /api/health/live.
 */
import { databaseStatus } from "@liangxin/db/driver";

export const dynamic = "force-dynamic";

export function GET(): Response {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const instance = process.env.LIANGXIN_INSTANCE;
  if (instance) headers.set("X-Liangxin-Instance", instance);
  const status = databaseStatus();
  if (status.ready) return Response.json({ status: "ready" }, { headers });
  return Response.json({ status: "not-ready", reason: status.reason }, { status: 503, headers });
}
