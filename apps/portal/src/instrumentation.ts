import type { Instrumentation } from "next";

/**
 * Runs once when the portal's server starts (Next.js instrumentation): the configuration is validated (a bad
 * value stops the server with a message naming the variable), the log takes over console output, every
 * request gets an id and a log line, the database's readiness is logged (the portal never migrates), and
 * every request is stamped with its client address (the TCP peer; X-Forwarded-For only behind a trusted
 * proxy) for the sign-in throttle.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startPortal } = await import("./server/startup");
    startPortal();
    const { stampClientAddress } = await import("./server/stamp-client-address");
    stampClientAddress(process.env.LIANGXIN_TRUST_PROXY === "1");
  }
}

/** An error of a page, a route handler or a server action that no other writer logged: one error line. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { logRequestError } = await import("./server/startup");
    logRequestError(error, request, context);
  }
};
