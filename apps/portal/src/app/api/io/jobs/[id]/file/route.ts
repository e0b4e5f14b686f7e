import { withCaller, xlsxResponse } from "@/server/download";

export const dynamic = "force-dynamic";

/** The finished workbook of an export job of the caller; another user's job does not exist (404). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const id = Number((await ctx.params).id);
  if (!Number.isSafeInteger(id) || id <= 0) return new Response(null, { status: 404 });
  return withCaller(async (caller) => xlsxResponse(await caller.io.exportFile({ id })));
}
