import type { Instrumentation } from "next";

/**
 * Runs once when the portal's server starts (Next.js instrumentation): the configuration is validated (a bad
 * value stops the server with a message naming the variable), the log takes over console output, every
 * request gets an id and a log line, the database's readiness is logged (the portal never migrates), and
 * every request is stamped with its client address (the TCP peer; X-Forwarded-For only behind a trusted
 * proxy) for the sign-in throttle. With the standard OTEL_* variables asking for it, traces start first.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Traces (off by default): only when OTEL_TRACES_EXPORTER asks for them is the SDK loaded and a tracer
    // provider registered; Next.js's request spans, the API's and the database's then go to it.
    const { tracingSettings } = await import("@liangxin/runtime");
    if (tracingSettings().exporters.length > 0) {
      const { startTracing } = await import("@liangxin/runtime/tracing");
      startTracing("liangxin-portal");
    }
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
