/**
 * The origin check of state-changing requests (see proxy.ts). The portal's own origin is the one the
 * browser addressed: scheme and `Host` of the request (a page cannot forge either), or the origins listed
 * in LIANGXIN_PUBLIC_ORIGIN (comma-separated) when a proxy in front rewrites them.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.origin : null;
  } catch {
    return null;
  }
}

/** The origins this portal answers as. */
export function ownOrigins(headers: Headers, configured?: string): string[] {
  if (configured?.trim())
    return configured
      .split(",")
      .map((o) => originOf(o.trim()))
      .filter((o): o is string => o !== null);
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : "http";
  const own = host ? originOf(`${proto}://${host}`) : null;
  return own ? [own] : [];
}

/**
 * Whether a request may go on: a safe method, or an `Origin` that is the portal's own (without `Origin`,
 * the origin of `Referer`). Neither, `Origin: null` (a sandboxed or privacy-hidden page) or any other
 * origin is refused.
 */
export function originAllowed(method: string, headers: Headers, configured?: string): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  const origin = headers.get("origin");
  const referer = headers.get("referer");
  const claimed = origin !== null ? originOf(origin) : referer ? originOf(referer) : null;
  return claimed !== null && ownOrigins(headers, configured).includes(claimed);
}
