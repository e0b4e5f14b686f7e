/**
 * The portal's server at start-up (called by instrumentation.ts) and its last-resort error writer.
 */
import type { Instrumentation } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { databaseStatus, openPgDb, pgPort, readinessMessages } from "@liangxin/db/driver";
import { databaseTarget, shownDatabaseUrl } from "@liangxin/db/paths";
import { jobQueue, startJobQueue } from "@liangxin/api/job-queue";
import { clock } from "@liangxin/domain";
import { installResponseCache } from "./response-cache.ts";
import {
  ConfigError,
  currentRequest,
  installRequestLog,
  logger,
  markLogged,
  portalEnv,
  REQUEST_ID_HEADER,
  routeConsoleToLog,
  wasLogged,
} from "@liangxin/runtime";

export function startPortal(): void {
  // `next build` loads the hook too: nothing to check or serve then.
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  let env;
  try {
    env = portalEnv();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    logger().fatal({ variables: e.problems.map((p) => p.name) }, e.message);
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  }
  // Stacks in error lines name our sources, not the bundle's chunks: Next.js maps an error's frames through
  // the build's server source maps (Node's registry of them, on from here: the routes' chunks load later).
  process.setSourceMapsEnabled(true);
  routeConsoleToLog(logger);
  // Before the request log's hook: that one then runs first, and a page served again has its id and line.
  if (env.LIANGXIN_PAGE_CACHE === "1") installResponseCache();
  installRequestLog(logger);
  const status = databaseStatus();
  logger().info(
    {
      nodeEnv: env.NODE_ENV,
      logLevel: env.LOG_LEVEL,
      clockPinnedAt: clock.pinnedAt,
      database: status.file,
      ready: status.ready,
    },
    "门户已启动",
  );
  if (!status.ready)
    logger().error(
      { database: status.file, code: status.code, reason: status.reason },
      `${readinessMessages.notReady(status.reason)};在此之前门户拒绝服务,/api/health/ready 答 503`,
    );
  // PostgreSQL: imports and exports go through the database's queue, which every instance serves (up to
  // LIANGXIN_JOB_WORKERS workers at a time). On SQLite the instance receiving a job starts its worker itself.
  // Its claims go through a connection of their own.
  const target = databaseTarget();
  if (target.engine === "postgres" && !jobQueue())
    startJobQueue({
      port: pgPort(openPgDb(target.url, 1), shownDatabaseUrl(target.url)),
      workers: env.LIANGXIN_JOB_WORKERS,
    });
}

type RequestInfo = Parameters<Instrumentation.onRequestError>[1];
type ErrorContext = Parameters<Instrumentation.onRequestError>[2];

export function logRequestError(error: unknown, request: RequestInfo, context: ErrorContext): void {
  if (wasLogged(error)) return;
  markLogged(error);
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = (Array.isArray(header) ? header[0] : header) ?? currentRequest()?.requestId;
  logger().error(
    {
      requestId,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "页面出错",
  );
}
