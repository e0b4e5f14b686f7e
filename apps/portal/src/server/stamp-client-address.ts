/**
 * Stamp the client address on every request the Node HTTP server receives, before Next.js sees it. App
 * Router handlers get only headers, and Next.js fills X-Forwarded-For from the socket only when the
 * client sent none: a client could claim any address. So the hook takes the socket's address itself.
 */
import type http from "node:http";
import { hookServerRequests } from "@liangxin/runtime";
import { CLIENT_ADDRESS_HEADER } from "./client-address.ts";

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
  hookServerRequests("clientAddressStamp", (req, _res, pass) => {
    req.headers[CLIENT_ADDRESS_HEADER] = addressOf(req, trustProxy);
    return pass();
  });
}
