/**
 * Stamp the client address on every request the Node HTTP server receives, before Next.js sees it. App
 * Router handlers get only headers, and Next.js fills X-Forwarded-For from the socket only when the
 * client sent none: a client could claim any address. So the hook takes the socket's address itself.
 */
import http from "node:http";
import { CLIENT_ADDRESS_HEADER } from "./client-address.ts";

const STAMPED = Symbol.for("liangxin.clientAddressStamp");

/** `::ffff:127.0.0.1` → `127.0.0.1`. */
const plain = (address: string) => address.replace(/^::ffff:/, "");

function addressOf(req: http.IncomingMessage, trustProxy: boolean): string {
  const socket = plain(req.socket?.remoteAddress ?? "unknown");
  if (!trustProxy) return socket;
  const forwarded = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? ""))
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return plain(hops.at(-1) ?? socket);
}

export function stampClientAddress(trustProxy: boolean): void {
  const proto = http.Server.prototype as unknown as {
    emit: (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    [STAMPED]?: boolean;
  };
  if (proto[STAMPED]) return;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[CLIENT_ADDRESS_HEADER] = addressOf(req, trustProxy);
    }
    return emit.call(this, event, ...args);
  };
  proto[STAMPED] = true;
}
