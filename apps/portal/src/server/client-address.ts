/**
 * The client address of a request, as the sign-in throttle counts it: the TCP peer's address, stamped on
 * every incoming request by instrumentation.ts (stamp-client-address.ts) under this header — a value a
 * client sends under the same name is overwritten. Behind a reverse proxy (LIANGXIN_TRUST_PROXY=1) it is
 * the last X-Forwarded-For entry, the address the proxy saw. A request that was not stamped counts as
 * "unknown" (one shared address: stricter, never looser).
 */
export const CLIENT_ADDRESS_HEADER = "x-liangxin-client-address";

export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
