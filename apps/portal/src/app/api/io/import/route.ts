import { withCaller } from "@/server/download";
import { ioPageMessages as m } from "@/app/io-messages";

export const dynamic = "force-dynamic";

const MAX_BYTES = 20 * 1024 * 1024;

/** Upload of a workbook: size checked before reading it, then handed to the API (scope, zip checks). */
export async function POST(req: Request) {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BYTES + 64 * 1024) return Response.json({ message: m.tooLarge }, { status: 413 });
  return withCaller(async (caller) => {
    const form = await req.formData().catch(() => null);
    const file = form?.get("file");
    if (!(file instanceof File)) return Response.json({ message: m.onlyXlsx }, { status: 400 });
    if (file.size > MAX_BYTES) return Response.json({ message: m.tooLarge }, { status: 413 });
    const data = new Uint8Array(await file.arrayBuffer());
    const job = await caller.io.startImport({ fileName: file.name, data });
    return Response.json(job);
  });
}
