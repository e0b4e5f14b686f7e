/** Runs once when the portal's server starts (Next.js instrumentation). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { stampClientAddress } = await import("./server/stamp-client-address");
    stampClientAddress(process.env.LIANGXIN_TRUST_PROXY === "1");
  }
}
