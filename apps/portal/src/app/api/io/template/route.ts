import { withCaller, xlsxResponse } from "@/server/download";

export const dynamic = "force-dynamic";

export function GET() {
  return withCaller(async (caller) => xlsxResponse(await caller.io.template()));
}
