import { withCaller, xlsxResponse } from "@/server/download";
import { ioPageMessages as m } from "@/app/io-messages";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  const format = new URL(req.url).searchParams.get("format");
  return withCaller(async (caller) => {
    if (format === "ledger") return xlsxResponse(await caller.io.exportLedger());
    if (format === "import") {
      if (new URL(req.url).searchParams.get("confirm") !== "1")
        return Response.json({ message: m.exportNeedsConfirm }, { status: 400 });
      return xlsxResponse(await caller.io.exportImportFormat({ confirm: true }));
    }
    return Response.json({ message: m.badRequest }, { status: 400 });
  });
}
