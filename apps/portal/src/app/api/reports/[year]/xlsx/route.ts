import { TRPCError } from "@trpc/server";
import { reportFileName, reportWorkbookBuffer } from "@liangxin/io";
import { getCaller } from "@/server/caller";

export const dynamic = "force-dynamic";

const STATUS: Partial<Record<TRPCError["code"], number>> = {
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
};

/** The year-end report workbook of a node, through the API (session and scope checked there). */
export async function GET(req: Request, ctx: { params: Promise<{ year: string }> }) {
  const { year: yearText } = await ctx.params;
  const node = new URL(req.url).searchParams.get("node");
  const year = Number(yearText);
  const caller = await getCaller();
  try {
    const view = await caller.report.get({
      year,
      ...(node && /^\d+$/.test(node) ? { nodeId: Number(node) } : {}),
    });
    const body = await reportWorkbookBuffer(view);
    const name = reportFileName(view);
    return new Response(body as BodyInit, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="report-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof TRPCError) return new Response(e.message, { status: STATUS[e.code] ?? 400 });
    throw e;
  }
}
