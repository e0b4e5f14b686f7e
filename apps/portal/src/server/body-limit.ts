/**
 * tRPC's fetch adapter reads a request body whole, with no limit: a hostile client could park megabytes
 * in memory per request. Inputs of this API are small (uploads go through /api/io/import with their own
 * limit), so a body above the limit is refused before it is read — by its declared length, or by counting
 * while streaming when the length is not declared.
 */
export const TRPC_BODY_LIMIT = 256 * 1024;

/** The body as text, or null when it is larger than `limit` bytes. */
export async function readLimited(req: Request, limit: number): Promise<string | null> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
