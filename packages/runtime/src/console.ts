/**
 * What Next.js, Auth.js and other libraries print with `console.*` in the portal's server becomes log lines
 * too: JSON like ours, with the request id when there is one, and scrubbed like ours. An error another
 * writer has already logged (tRPC's onError, say, before Next.js prints the same error) is not repeated.
 */
import { format } from "node:util";
import { markLogged, wasLogged, type Logger } from "./log.ts";
import { currentRequest } from "./request.ts";

const ROUTED = Symbol.for("liangxin.consoleRouted");
type Level = "debug" | "info" | "warn" | "error";

export function routeConsoleToLog(log: () => Logger): void {
  const holder = console as unknown as { [ROUTED]?: boolean };
  if (holder[ROUTED]) return;
  const write =
    (level: Level) =>
    (...args: unknown[]): void => {
      const err = args.find((a): a is Error => a instanceof Error);
      if (err && wasLogged(err)) return;
      if (err) markLogged(err);
      const rest = err ? args.filter((a) => a !== err) : args;
      const requestId = currentRequest()?.requestId;
      const message = rest.length > 0 ? format(...rest) : (err?.message ?? "");
      log()[level](
        { source: "console", ...(requestId ? { requestId } : {}), ...(err ? { err } : {}) },
        message,
      );
    };
  console.debug = write("debug");
  console.log = write("info");
  console.info = write("info");
  console.warn = write("warn");
  console.error = write("error");
  holder[ROUTED] = true;
}
