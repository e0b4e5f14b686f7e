import { reportFileName, reportWorkbookBuffer } from "@liangxin/io";
import { withCaller, xlsxResponse } from "@/server/download";

export const dynamic = "force-dynamic";

/** The year-end report workbook of a node, through the API (session and scope checked there). */
export async function GET(req: Request, ctx: { params: Promise<{ year: string }> }) {
  const { year: yearText } = await ctx.params;
  const node = new URL(req.url).searchParams.get("node");
  const year = Number(yearText);
  return withCaller(async (caller) => {
    const view = await caller.report.get({
      year,
      ...(node && /^\d+$/.test(node) ? { nodeId: Number(node) } : {}),
    });
    return xlsxResponse({ fileName: reportFileName(view), bytes: await reportWorkbookBuffer(view) });
  });
}
